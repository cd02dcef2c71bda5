"""Public caching of the News Center.

Anonymous GETs of list, article and feed pages are cached per URL (which carries the language) under a key that
holds a content version. The publishing services bump the version after their transaction commits, so a change
shows at once. Scheduled publication needs no worker: the version also ends at the next publish_at/unpublish_at
boundary, so the first request after that boundary renders afresh. Drafts, previews and logged-in users are never
cached. The key also carries django CMS's page-cache version, so a renamed menu page is not served stale.
"""

import hashlib
import uuid
from functools import wraps

from cms.cache import _get_cache_version as cms_cache_version
from django.conf import settings
from django.core.cache import cache
from django.db.models import Min, Q
from django.http import HttpResponse
from django.utils import timezone

VERSION_KEY = "news:content-version"
MAX_AGE = 3600  # seconds; a safety net for changes made outside the news services (e.g. a company renamed)


def _next_boundary(now):
    """The next moment a published article appears or disappears on its own (None: nothing scheduled)."""
    from .models import Article, ArticleState

    published = Article.objects.filter(state=ArticleState.PUBLISHED)
    found = published.aggregate(
        appear=Min("publish_at", filter=Q(publish_at__gt=now)),
        disappear=Min("unpublish_at", filter=Q(unpublish_at__gt=now)),
    )
    moments = [moment for moment in found.values() if moment is not None]
    return min(moments) if moments else None


def content_version():
    """(version token, seconds it stays valid). Renewed when missing or when a scheduled boundary passed."""
    now = timezone.now()
    state = cache.get(VERSION_KEY)
    if state is None or (state["until"] is not None and state["until"] <= now.timestamp()):
        boundary = _next_boundary(now)
        state = {"version": uuid.uuid4().hex[:12], "until": boundary.timestamp() if boundary else None}
        cache.set(VERSION_KEY, state, timeout=None)
    ttl = MAX_AGE if state["until"] is None else max(1, min(MAX_AGE, int(state["until"] - now.timestamp())))
    return state["version"], ttl


def content_version_bump():
    """Make every cached News Center page and news plugin stale (call after commit)."""
    cache.delete(VERSION_KEY)  # the next request takes a new random version token
    _cms_caches_clear()


def _cms_caches_clear():
    """CMS pages (the home page) may show the latest-articles plugins: drop their page and placeholder caches."""
    from cms.cache import invalidate_cms_page_cache
    from cms.cache.placeholder import clear_placeholder_cache
    from cms.models import CMSPlugin, Placeholder

    invalidate_cms_page_cache()
    rows = CMSPlugin.objects.filter(plugin_type__in=("LatestArticlesPlugin", "FeaturedArticlePlugin"))
    for placeholder_id, language in rows.values_list("placeholder_id", "language").distinct():
        clear_placeholder_cache(Placeholder(pk=placeholder_id), language, settings.SITE_ID)


def _cacheable_request(request):
    if request.method not in ("GET", "HEAD") or settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    return not request.user.is_authenticated


def _page_key(request, version):
    digest = hashlib.md5(request.get_full_path().encode(), usedforsecurity=False).hexdigest()
    return f"news:page:{version}:{cms_cache_version()}:{digest}"


def cache_public_page(view):
    """Serve anonymous visitors a stored copy of a 200 response; render and store it on a miss."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not _cacheable_request(request):
            return view(request, *args, **kwargs)
        version, ttl = content_version()
        key = _page_key(request, version)
        stored = cache.get(key)
        if stored is not None:
            response = HttpResponse(stored["content"], content_type=stored["content_type"])
            response["X-News-Cache"] = "hit"
            return response
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and callable(response.render):
            response = response.render()
        if response.status_code == 200 and not response.cookies and not response.streaming:
            cache.set(key, {"content": response.content, "content_type": response["Content-Type"]}, ttl)
            response["X-News-Cache"] = "miss"
        return response

    return wrapper
