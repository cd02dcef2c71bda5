"""Keep anonymous pages cacheable by shared caches.

The language comes from the URL prefix, so an anonymous response that sets no cookie does not depend on
cookies: drop the `Vary: Cookie` that session access (toolbar, menus) adds. A response for a visitor who sends a
session cookie, or one that sets a cookie (a CSRF token on a form), keeps it.
"""

from django.conf import settings


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
