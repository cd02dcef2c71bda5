import functools

from django.conf import settings
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_supported_language_variant
from django.utils.translation.trans_real import parse_accept_lang_header
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .selectors import health_report


def preferred_language(accept_language):
    """The site language that best matches an Accept-Language header (cookies are ignored)."""
    for code, _quality in parse_accept_lang_header(accept_language or ""):
        if code == "*":
            break
        try:
            return get_supported_language_variant(code)
        except LookupError:
            continue
    return settings.LANGUAGE_CODE


def root_redirect(request):
    language = preferred_language(request.headers.get("Accept-Language"))
    response = HttpResponseRedirect(f"/{language}/")
    patch_vary_headers(response, ("Accept-Language",))
    return response


@never_cache
def healthz(request):
    report = health_report()
    return JsonResponse(report, status=503 if report["status"] == "failing" else 200)


def ping(request):
    """A bare view: the baseline that benchmarks compare pages with."""
    return HttpResponse("ok", content_type="text/plain")


# Private or endless parts of the site, in every language: crawlers are asked to keep out of them.
ROBOTS_DISALLOWED = ("admin/", "accounts/", "portal/", "notifications/", "join/", "search/")


@require_safe
def robots_txt(request):
    """/robots.txt: what crawlers may skip, and where the sitemap is (on the host that was asked)."""
    lines = ["User-agent: *"]
    lines += [f"Disallow: /{code}/{path}" for code, _name in settings.LANGUAGES for path in ROBOTS_DISALLOWED]
    lines += ["", f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}", ""]
    response = HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
    patch_cache_control(response, public=True, max_age=3600)
    return response


FAVICON = settings.BASE_DIR / "static" / "img" / "favicon.ico"  # the SVG icon of templates/base.html, as ICO


@require_safe
def favicon(request):
    """/favicon.ico, which browsers and feed readers ask for whatever the page's <link rel="icon"> says."""
    response = HttpResponse(_favicon_bytes(), content_type="image/x-icon")
    patch_cache_control(response, public=True, max_age=86400)
    return response


@functools.cache
def _favicon_bytes():
    return FAVICON.read_bytes()
