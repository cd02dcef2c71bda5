from django.conf import settings
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_supported_language_variant
from django.utils.translation.trans_real import parse_accept_lang_header
from django.views.decorators.cache import never_cache

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
