"""The page cache's front door: anonymous hits answered before sessions, authentication, the CMS toolbar and URL
resolution run, so a cached page costs about what a bare view costs.

Pages reach it two ways. An app page cached by `PublicPageCache.page()` marks its response with the content
versions it was rendered from (`response.early_cache`); a django CMS page that django CMS itself found cacheable
(its `Cache-Control` has a max-age) depends on django CMS's page-cache version. On the way out this middleware
stores the finished response (every header but cookies) under the path and its sorted query. On the way in it
reads the entry and, in one more round trip, the versions it depends on: any version changed (a publish bumped
it, a scheduled boundary passed) and the request goes through as usual. Invalidation stays exactly that of the
page caches behind it.

Each process also keeps the entries it served last (`apps.core.local.LocalEntries`, a few MiB): a hit on one of
those reads only the versions and the entry's stamp (a token stored next to it), one round trip instead of two.
Both are read from Redis on every request, so a publish, a newer render stored by another process and a cleared
cache are seen by every process at once.

Responses it stores carry `Cache-Control: public, max-age=…, s-maxage=…` so a reverse proxy or CDN may keep them
too; `Surrogate-Key` names the content namespaces, for a CDN purge by key when one is bumped (apps.core.cache's
`page_cache_bumped` signal).
"""

import hashlib
import logging
import time
import uuid
from urllib.parse import parse_qsl, urlencode

from cms.cache import CMS_PAGE_CACHE_VERSION_KEY
from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_max_age, patch_cache_control

from .cache import page_cache_get, site_wide_namespaces, versions_scope
from .local import LocalEntries

logger = logging.getLogger(__name__)
CMS = "cms"  # the dependency of django CMS pages: its page-cache version
DROPPED_HEADERS = {"set-cookie", "x-page-cache"}
BROWSER_MAX_AGE = 0  # browsers ask again each time (a publish shows at once); shared caches keep s-maxage
LOCAL_BYTES = 8 * 1024 * 1024  # per process: the entries served last, up to this many bytes of content


local_entries = LocalEntries(LOCAL_BYTES)


def _key(request):
    query = urlencode(sorted(parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True)))
    raw = f"{request.method == 'HEAD'}:{request.path}?{query}"
    return "early:" + hashlib.sha1(raw.encode(), usedforsecurity=False).hexdigest()


def _may_use(request):
    return request.method in ("GET", "HEAD") and settings.SESSION_COOKIE_NAME not in request.COOKIES


def _fresh(entry, stamp_key=None):
    """Whether every content version the entry was rendered from is still current (and, given `stamp_key`, the
    entry is still the one stored in Redis: neither replaced by another process nor cleared)."""
    now = timezone.now().timestamp()
    keys = [key for key, _version in entry["deps"]] + ([stamp_key] if stamp_key else [])
    current = cache.get_many(keys) if keys else {}
    if stamp_key and current.get(stamp_key) != entry.get("stamp"):
        return False
    for key, version in entry["deps"]:
        state = current.get(key)
        if key == CMS_PAGE_CACHE_VERSION_KEY:
            if state != version:
                return False
        elif state is None or state["version"] != version or (state["until"] is not None and state["until"] <= now):
            return False
    return True


def _dependencies(request, response):
    """(deps, seconds) of a response the early cache may keep, or None."""
    mark = getattr(response, "early_cache", None)
    if mark is not None:
        return mark["deps"], mark["ttl"]
    if getattr(request, "cms_page_cacheable", False):
        seconds = get_max_age(response)
        version = cache.get(CMS_PAGE_CACHE_VERSION_KEY)
        if seconds and version:
            deps = [(CMS_PAGE_CACHE_VERSION_KEY, version)]
            for page_cache in map(page_cache_get, site_wide_namespaces()):  # what base.html shows on every page
                other_version, other_ttl = page_cache.content_version()
                deps.append((page_cache.version_key, other_version))
                seconds = min(seconds, other_ttl)
            return deps, seconds
    return None


class EarlyPageCacheMiddleware:
    """Placed right after the security and CSP middleware (see the module's docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with versions_scope():  # the request reads each content version once
            return self._respond(request)

    def _respond(self, request):
        if not _may_use(request):
            return self.get_response(request)
        key = _key(request)
        try:
            entry = self._entry(key)
            hit = entry is not None
        except Exception:  # the cache is down: serve the page without it (/healthz reports the outage)
            logger.warning("early page cache unavailable", exc_info=True)
            return self.get_response(request)
        if hit:
            response = HttpResponse(entry["content"], status=200)
            for name, value in entry["headers"]:
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        try:
            self._store(request, response, key)
        except Exception:  # never fail a rendered page because the cache could not keep it
            logger.warning("early page cache could not store %s", request.path, exc_info=True)
        return response

    def _entry(self, key):
        """The fresh entry under `key`: this process's copy when it is still current, else Redis's."""
        entry = local_entries.get(key)
        if entry is not None:
            if _fresh(entry, stamp_key=key + ":stamp"):
                return entry
            local_entries.discard(key)  # stale, replaced by another process's render, or cleared: ask Redis
        entry = cache.get(key)
        if entry is None or not _fresh(entry):
            return None
        seconds = entry.get("expires", 0) - time.time()
        if seconds > 0:
            local_entries.put(key, entry, seconds)
        return entry

    def _store(self, request, response, key):
        user = getattr(request, "user", None)
        if (response.status_code != 200 or response.streaming or response.cookies
                or (user is not None and user.is_authenticated)):
            return
        found = _dependencies(request, response)
        if found is None:
            return
        deps, seconds = found
        seconds = max(1, int(seconds))
        response.headers.pop("Expires", None)
        patch_cache_control(response, public=True, max_age=min(BROWSER_MAX_AGE, seconds), s_maxage=seconds)
        namespaces = sorted({key.split(":", 1)[0] if key != CMS_PAGE_CACHE_VERSION_KEY else CMS for key, _v in deps})
        response["Surrogate-Key"] = " ".join(namespaces)
        headers = [(name, value) for name, value in response.items() if name.lower() not in DROPPED_HEADERS]
        entry = {"content": response.content, "headers": headers, "deps": deps, "expires": time.time() + seconds,
                 "stamp": uuid.uuid4().hex[:12]}
        cache.set_many({key: entry, key + ":stamp": entry["stamp"]}, timeout=seconds)
        local_entries.put(key, entry, seconds)
