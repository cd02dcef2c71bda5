"""Public page caching for apps' anonymous pages, keyed by a content version.

Anonymous GETs are cached per full URL (which carries the language) under a key holding the app's content
version and django CMS's page-cache version. An app's services bump the version after their transaction commits,
so a change shows at once. Content that changes on its own at a known moment (an article scheduled for later, a
notice that expires) makes the version end at that moment: the first request after it renders afresh, with no
worker. Responses say `X-Page-Cache: hit` or `miss`. Drafts, previews, logged-in users and responses marked
`response.cacheable = False` are never cached.

A page is stored per path and per the query parameters its view reads (`params`), never per raw query string:
an anonymous request with other parameters or empty ones is redirected (301) to the URL without them, and the
same parameters in any order share one copy, so junk query strings cannot fill the cache. Parameters in
`uncached` (free-text search) are served fresh.
Every key written here has a lifetime, so Redis's `volatile-lru` policy can evict them (and never the broker's
queues, which have none).

Registry: every PublicPageCache registers itself under its namespace when it is made (at import of the app's
cache module); `page_cache_get(namespace)` finds it. A page that shows content of other apps names their namespaces
(`page(also=...)`) instead of importing their caches.
"""

import datetime
import hashlib
import pickle
import sys
import uuid
from contextlib import contextmanager
from functools import wraps
from urllib.parse import urlencode

from asgiref.local import Local
from cms.cache import CMS_PAGE_CACHE_VERSION_KEY
from cms.cache import _get_cache_version as cms_cache_version
from django.conf import settings
from django.core.cache import cache
from django.dispatch import Signal
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.utils import timezone
from django.utils.translation import get_language

from .csp import policy_freeze
from .local import LocalEntries

page_cache_bumped = Signal()
"""Sent after a namespace's pages went stale. Arguments: `namespace` (str, e.g. "news"). Connect a CDN purge by
surrogate key here: every page the early cache serves names its namespaces in its `Surrogate-Key` header."""

VERSION_LIFETIME = 7 * 24 * 3600  # a content version unused for a week may go: the next request makes a new one
MAX_VALUE_LENGTH = 200  # longer parameter values are not cached

# The Content-Security-Policy header is kept with the body: a stored page may carry its render's nonce.
KEPT_HEADERS = ("Content-Type", "Cache-Control", "Content-Language", "Content-Disposition", "Content-Security-Policy")


def is_cacheable_request(request):
    """An anonymous GET without a session: its response is the same for every such visitor."""
    if request.method not in ("GET", "HEAD") or settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


SHELL_EPOCH_KEY = "shell:epoch"
LOCAL_MEMO_BYTES = 16 * 1024 * 1024

_caches = {}  # namespace -> PublicPageCache
_scope = Local()  # within a request: {version key: state} of every namespace, read in one round trip


@contextmanager
def versions_scope():
    """Within the block (one request, opened by apps.core.early_cache), every namespace's content version is read
    from the cache once, all in one round trip, instead of once per page, memo and banner that asks for it."""
    _scope.versions = None
    try:
        yield
    finally:
        del _scope.versions


def _scoped_versions():
    """The request's {version key: state}, loaded on first use; None outside a request."""
    if not hasattr(_scope, "versions"):
        return None
    if _scope.versions is None:
        keys = [page_cache.version_key for page_cache in _caches.values()] + [CMS_PAGE_CACHE_VERSION_KEY,
                                                                               SHELL_EPOCH_KEY]
        _scope.versions = cache.get_many(keys)
    return _scope.versions


def cms_version():
    """django CMS's page-cache version (a publish or a page change bumps it), read once per request."""
    scoped = _scoped_versions()
    if scoped is None or CMS_PAGE_CACHE_VERSION_KEY not in scoped:
        return cms_cache_version()  # creates it when missing
    return scoped[CMS_PAGE_CACHE_VERSION_KEY]


def shell_version():
    """django CMS's page-cache version behind a token that is new whenever the cache was cleared (django CMS's own
    version starts again at 1 then): a key built on it never means another value, so what a process keeps for
    itself under it (menus, language links) is never stale."""
    scoped = _scoped_versions()
    epoch = scoped.get(SHELL_EPOCH_KEY) if scoped is not None else cache.get(SHELL_EPOCH_KEY)
    if epoch is None:
        epoch = uuid.uuid4().hex[:12]
        if not cache.add(SHELL_EPOCH_KEY, epoch, timeout=VERSION_LIFETIME):  # another process made it first
            epoch = cache.get(SHELL_EPOCH_KEY, epoch)
        if scoped is not None:
            scoped[SHELL_EPOCH_KEY] = epoch
    return f"{epoch}.{cms_version()}"


def _immutable(value):
    """Strings, numbers, dates and tuples of them (a NamedTuple of rendered parts): what a process may share."""
    if isinstance(value, tuple):
        return all(map(_immutable, value))
    return value is None or isinstance(value, (str, int, float, datetime.date))


class _Pickled(bytes):
    """A memo's object as this process keeps it: pickled, so each read unpickles a copy of its own."""


def _memo_size(stored):
    if isinstance(stored, _Pickled):
        return len(stored)
    value = stored[0]
    if isinstance(value, tuple):
        return sys.getsizeof(value) + sum(_memo_size((item,)) for item in value)
    return sys.getsizeof(value)


local_memos = LocalEntries(LOCAL_MEMO_BYTES, sizeof=_memo_size)
"""Memos a process has read or computed (their keys carry content versions): rendered fragments and counts as they
are, objects pickled (a caller may change the object it got, never the one kept)."""


def page_caches_bump_all():
    """Every namespace's pages and memos go stale (after loading the demo, which writes everywhere at once)."""
    for page_cache in list(_caches.values()):
        page_cache.bump()


def site_wide_namespaces():
    """The namespaces every page depends on (PublicPageCache(..., site_wide=True))."""
    return [namespace for namespace, page_cache in _caches.items() if page_cache.site_wide]


def page_cache_get(namespace):
    """The public page cache registered under `namespace` ("news", "forums", ...)."""
    try:
        return _caches[namespace]
    except KeyError:
        raise LookupError(f"No public page cache is registered under {namespace!r}") from None


class PublicPageCache:
    def __init__(self, namespace, *, next_boundary=None, on_bump=None, max_age=3600, site_wide=False):
        """`next_boundary(now)` returns the next moment the content changes by itself (or None); `on_bump()` runs
        after a bump (e.g. to clear CMS caches); `max_age` is the safety net for changes made elsewhere;
        `site_wide`: every page shows some of this content (the trading risk banner), so every cached page
        depends on this namespace too."""
        self.namespace, self.next_boundary, self.on_bump, self.max_age = namespace, next_boundary, on_bump, max_age
        self.site_wide = site_wide
        self.version_key = f"{namespace}:content-version"
        _caches[namespace] = self

    def content_version(self):
        """(version token, seconds it stays valid). Renewed when missing or when a boundary has passed."""
        now = timezone.now()
        scoped = _scoped_versions()
        state = scoped.get(self.version_key) if scoped is not None else cache.get(self.version_key)
        if state is None or (state["until"] is not None and state["until"] <= now.timestamp()):
            boundary = self.next_boundary(now) if self.next_boundary else None
            state = {"version": uuid.uuid4().hex[:12], "until": boundary.timestamp() if boundary else None}
            cache.set(self.version_key, state, timeout=VERSION_LIFETIME)
            if scoped is not None:
                scoped[self.version_key] = state
        if state["until"] is None:
            return state["version"], self.max_age
        return state["version"], max(1, min(self.max_age, int(state["until"] - now.timestamp())))

    def memo(self, name, compute, *, also=(), keep_none=True):
        """A value derived from this namespace's content (a sidebar's months, a list's count), computed once per
        content version: the pages that render it on a miss do not each aggregate over the whole table.
        `also`: other namespaces whose content the value shows too (their bumps make it stale as well);
        `keep_none=False` stores nothing for None (a lookup of a missing object, e.g. a mistyped slug)."""
        version, ttl = self.content_version()
        for namespace in also:
            other_version, other_ttl = page_cache_get(namespace).content_version()
            version, ttl = f"{version}.{other_version}", min(ttl, other_ttl)
        key = f"{self.namespace}:memo:{version}:{name}"
        stored = local_memos.get(key)
        if stored is not None:
            return pickle.loads(stored) if isinstance(stored, _Pickled) else stored[0]  # noqa: S301  (our own)
        stored = cache.get(key)
        if stored is None:
            stored = (compute(),)
            if stored[0] is None and not keep_none:
                return None
            cache.set(key, stored, timeout=ttl)
        local_memos.put(key, stored if _immutable(stored[0]) else _Pickled(pickle.dumps(stored[0])), ttl)
        return stored[0]

    def fragment(self, request, build, *, params=(), also=(), name="main", keep_none=True):
        """HTML that is the same for every visitor, signed in or not (a page's main column), rendered once per
        content version, language, path and values of the query parameters in `params`: signed-in visitors,
        whom the page cache never serves, get it without the queries and template work. `build()` returns it;
        an exception (a 404 for a page that does not exist) stores nothing, and so does None with
        `keep_none=False`."""
        query = urlencode(sorted(canonical_items(request, frozenset(params))))
        if len(query) > MAX_VALUE_LENGTH * 2:
            return build()
        raw = f"{get_language()}:{request.path}?{query}#{name}"
        return self.memo("fragment:" + hashlib.sha1(raw.encode(), usedforsecurity=False).hexdigest(), build,
                         also=also, keep_none=keep_none)

    def bump(self):
        """Make every cached page of the namespace stale (call after commit)."""
        cache.delete(self.version_key)
        loaded = getattr(_scope, "versions", None)
        if loaded is not None:
            loaded.pop(self.version_key, None)
        if self.on_bump:
            self.on_bump()
        page_cache_bumped.send(sender=type(self), namespace=self.namespace)

    def page(self, view=None, *, also=(), params=(), uncached=()):
        """Decorator: serve anonymous visitors a stored copy of a 200 response; render and store it on a miss.

        `also`: the namespaces of other apps' caches whose content the page shows too (a company page lists news
        and forum sessions), or a callable returning them (asked on each request): a bump of any of them makes the
        page stale.
        `params`: the query parameters the view reads; `uncached`: those whose presence skips the cache."""
        if view is None:
            return lambda actual: self.page(actual, also=also, params=params, uncached=uncached)
        known = frozenset(params) | frozenset(uncached)

        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not is_cacheable_request(request):
                return view(request, *args, **kwargs)
            items = canonical_items(request, known)
            if len(items) != sum(len(values) for _name, values in request.GET.lists()):  # unknown or empty ones
                query = urlencode(items)
                return HttpResponsePermanentRedirect(request.path + (f"?{query}" if query else ""))
            query = urlencode(sorted(items))  # any order of the same parameters shares one key
            if any(name in request.GET for name in uncached) or len(query) > MAX_VALUE_LENGTH * 2:
                return view(request, *args, **kwargs)
            version, ttl = self.content_version()
            deps = [(self.version_key, version)]
            named = list(also() if callable(also) else also)
            for namespace in named + [n for n in site_wide_namespaces() if n != self.namespace and n not in named]:
                other = page_cache_get(namespace)
                other_version, other_ttl = other.content_version()
                deps.append((other.version_key, other_version))
                version, ttl = f"{version}.{other_version}", min(ttl, other_ttl)
            digest = hashlib.sha1(f"{request.path}?{query}".encode(), usedforsecurity=False).hexdigest()
            cms_current = cms_version()
            deps.append((CMS_PAGE_CACHE_VERSION_KEY, cms_current))  # a renamed menu page makes it stale too
            key = f"{self.namespace}:page:{version}:{cms_current}:{digest}"
            stored = cache.get(key)
            if stored is not None:
                response = _response_from(stored)
                response["X-Page-Cache"] = "hit"
                response.early_cache = {"deps": deps, "ttl": ttl}  # apps.core.early_cache keeps it from now on
                return response
            response = view(request, *args, **kwargs)
            if (response.status_code == 200 and not response.streaming and not response.cookies
                    and getattr(response, "cacheable", True)):
                if hasattr(response, "render") and not response.is_rendered:
                    response.render()
                policy_freeze(request, response)
                cache.set(key, {"content": response.content, "headers": _kept_headers(response)}, timeout=ttl)
                response["X-Page-Cache"] = "miss"
                response.early_cache = {"deps": deps, "ttl": ttl}
            return response

        return wrapper


def canonical_items(request, known):
    """The query's parameters in `known`, in their order, without empty values."""
    return [(name, value.strip()) for name, values in request.GET.lists() if name in known
            for value in values if value.strip()]


def _kept_headers(response):
    return {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}


def _response_from(stored):
    response = HttpResponse(stored["content"])
    for name, value in stored["headers"].items():
        response[name] = value
    return response
