"""django CMS's current page, found once per CMS page-cache version instead of once per request.

django CMS's CurrentPageMiddleware looks the page up on every request that asks for it (the menu, the breadcrumb,
the page's meta description, an apphook's own links): a query for the path, another for the page an apphook hangs
on, and one for its published content when the page shows it. `KeptCurrentPageMiddleware` keeps what that lookup
found per shell version (django CMS's page-cache version, which a publish or a page change bumps, behind the
cache's epoch), site, path and language: in Redis and, pickled, by the process itself (so a request for a kept
page reads nothing for it; each request unpickles its own copy). It is stored when a response below 400 is done,
so the published content the page read is kept with it (junk paths are not). Staff users get django CMS's own
lookup: they may see drafts.
"""

import hashlib
import pickle

from cms.middleware.page import get_page as cms_page_get
from django.contrib.sites.shortcuts import get_current_site
from django.core.cache import cache
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from .cache import shell_version
from .local import LocalEntries

PAGE_LIFETIME = 3600
NO_PAGE = "-"  # kept for paths that are no CMS page and hang on no apphook
_kept = LocalEntries(4 * 1024 * 1024, sizeof=len)  # this process's pickled pages, per shell version


def current_page(request):
    """What `cms.middleware.page.get_page` returns for the request, kept for visitors who are not staff."""
    if hasattr(request, "_current_page_cache"):
        return request._current_page_cache
    user = getattr(request, "user", None)
    if user is not None and user.is_staff:
        return cms_page_get(request)
    language = get_language()
    raw = f"{shell_version()}:{get_current_site(request).pk}:{language}:{request.path_info}"
    key = "shell:page:" + hashlib.sha1(raw.encode(), usedforsecurity=False).hexdigest()
    kept = _kept.get(key)
    if kept is not None:
        page = pickle.loads(kept)  # noqa: S301  (written by this process, below)
    else:
        page = cache.get(key)
        if page is None:
            page = cms_page_get(request)
            request._current_page_to_keep = key
        else:
            _kept.put(key, pickle.dumps(page), PAGE_LIFETIME)
    page = None if page == NO_PAGE else page
    request._current_page_cache = page
    return page


class KeptCurrentPageMiddleware:
    """In place of `cms.middleware.page.CurrentPageMiddleware` (see the module's docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.current_page = SimpleLazyObject(lambda: current_page(request))
        response = self.get_response(request)
        key = getattr(request, "_current_page_to_keep", None)
        if key is not None and response.status_code < 400:  # junk paths (404) would fill the cache
            page = request._current_page_cache if request._current_page_cache is not None else NO_PAGE
            cache.set(key, page, timeout=PAGE_LIFETIME)
            _kept.put(key, pickle.dumps(page), PAGE_LIFETIME)
        return response
