"""A URLconf for tests/core/test_csp.py: a publicly cached page with a nonced inline script and style."""

from django.http import HttpResponse
from django.template import engines
from django.urls import path

from apps.core.cache import PublicPageCache

NONCED = engines["django"].from_string(
    '<!DOCTYPE html><html><head><style nonce="{{ request.csp_nonce }}">p { color: #333; }</style></head>'
    '<body><p>Hello</p><script nonce="{{ request.csp_nonce }}">document.body.dataset.ran = "1";</script></body></html>')
CACHE = PublicPageCache("csp-test")


@CACHE.page
def nonced_page(request):
    return HttpResponse(NONCED.render({}, request))


urlpatterns = [path("nonced/", nonced_page)]
