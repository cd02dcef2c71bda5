"""Keep anonymous pages cacheable by shared caches.

The language comes from the URL prefix, so an anonymous response that sets no cookie does not depend on
cookies: drop the `Vary: Cookie` that session access (toolbar, menus) adds. A response for a visitor who sends a
session cookie, or one that sets a cookie (a CSRF token on a form), keeps it.

django CMS caches its pages per full URL: an anonymous request for a CMS page with a query string (which no CMS
page reads) is redirected to the bare page, so junk query strings cannot fill the cache.
"""

from cms.views import details as cms_page_view
from django.conf import settings
from django.http import HttpResponseBadRequest, HttpResponsePermanentRedirect

from .cache import is_cacheable_request

CMS_TOOLBAR_PARAMS = {"toolbar_on", "toolbar_off"}  # read by the toolbar to show its login form


class AnonymousCookieFreeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if settings.SESSION_COOKIE_NAME in request.COOKIES or response.cookies:
            return response
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return response
        if response.has_header("Vary"):
            kept = [v.strip() for v in response["Vary"].split(",") if v.strip() and v.strip().lower() != "cookie"]
            if kept:
                response["Vary"] = ", ".join(kept)
            else:
                del response["Vary"]
        return response


class RejectNulMiddleware:
    """A NUL byte in the path or query is never a real address, and PostgreSQL refuses it in text columns (the CMS
    looks pages up by path): answer 400 before anything queries with it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or "%00" in request.META.get("QUERY_STRING", ""):
            return HttpResponseBadRequest(content_type="text/plain")  # no page: nothing may render with that path
        return self.get_response(request)


class CanonicalCmsPageMiddleware:
    """After authentication: anonymous GETs of CMS pages carry no query string (see the module's docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not cms_page_view or not is_cacheable_request(request):
            return None
        if request.META.get("QUERY_STRING"):
            if CMS_TOOLBAR_PARAMS.intersection(request.GET):
                return None
            return HttpResponsePermanentRedirect(request.path)
        request.cms_page_cacheable = True  # apps.core.early_cache may keep it if django CMS caches it too
        return None
