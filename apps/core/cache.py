"""Public page caching for apps' anonymous pages, keyed by a content version.

Anonymous GETs are cached per full URL (which carries the language) under a key holding the app's content
version and django CMS's page-cache version. An app's services bump the version after their transaction commits,
so a change shows at once. Content that changes on its own at a known moment (an article scheduled for later, a
notice that expires) makes the version end at that moment: the first request after it renders afresh, with no
worker. Responses say `X-Page-Cache: hit` or `miss`. Drafts, previews, logged-in users and responses marked `response.cacheable = False` are never cached.
"""

import hashlib
import uuid
from functools import wraps

from cms.cache import _get_cache_version as cms_cache_version
from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone

KEPT_HEADERS = ("Content-Type", "Cache-Control", "Content-Language", "Content-Disposition")


def is_cacheable_request(request):
    """An anonymous GET without a session: its response is the same for every such visitor."""
    if request.method not in ("GET", "HEAD") or settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


class PublicPageCache:
    def __init__(self, namespace, *, next_boundary=None, on_bump=None, max_age=3600):
        """`next_boundary(now)` returns the next moment the content changes by itself (or None); `on_bump()` runs
        after a bump (e.g. to clear CMS caches); `max_age` is the safety net for changes made elsewhere."""
        self.namespace, self.next_boundary, self.on_bump, self.max_age = namespace, next_boundary, on_bump, max_age
        self.version_key = f"{namespace}:content-version"

    def content_version(self):
        """(version token, seconds it stays valid). Renewed when missing or when a boundary has passed."""
        now = timezone.now()
        state = cache.get(self.version_key)
        if state is None or (state["until"] is not None and state["until"] <= now.timestamp()):
            boundary = self.next_boundary(now) if self.next_boundary else None
            state = {"version": uuid.uuid4().hex[:12], "until": boundary.timestamp() if boundary else None}
            cache.set(self.version_key, state, timeout=None)
        if state["until"] is None:
            return state["version"], self.max_age
        return state["version"], max(1, min(self.max_age, int(state["until"] - now.timestamp())))

    def bump(self):
        """Make every cached page of the namespace stale (call after commit)."""
        cache.delete(self.version_key)
        if self.on_bump:
            self.on_bump()

    def page(self, view=None, *, also=()):
        """Decorator: serve anonymous visitors a stored copy of a 200 response; render and store it on a miss.

        `also`: a callable returning other apps' PublicPageCache objects whose content the page shows too (a
        company page lists news and forum sessions): a bump of any of them makes the page stale."""
        if view is None:
            return lambda actual: self.page(actual, also=also)

        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not is_cacheable_request(request):
                return view(request, *args, **kwargs)
            version, ttl = self.content_version()
            for other in (also() if also else ()):
                other_version, other_ttl = other.content_version()
                version, ttl = f"{version}.{other_version}", min(ttl, other_ttl)
            digest = hashlib.sha1(request.get_full_path().encode(), usedforsecurity=False).hexdigest()
            key = f"{self.namespace}:page:{version}:{cms_cache_version()}:{digest}"
            stored = cache.get(key)
            if stored is not None:
                response = _response_from(stored)
                response["X-Page-Cache"] = "hit"
                return response
            response = view(request, *args, **kwargs)
            if (response.status_code == 200 and not response.streaming and not response.cookies
                    and getattr(response, "cacheable", True)):
                if hasattr(response, "render") and not response.is_rendered:
                    response.render()
                cache.set(key, {"content": response.content, "headers": _kept_headers(response)}, timeout=ttl)
                response["X-Page-Cache"] = "miss"
            return response

        return wrapper


def _kept_headers(response):
    return {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}


def _response_from(stored):
    response = HttpResponse(stored["content"])
    for name, value in stored["headers"].items():
        response[name] = value
    return response
