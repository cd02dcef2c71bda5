"""PublicPageCache registers itself by namespace (apps.core.cache.page_cache_get); a page names the namespaces of
the other content it shows (`also=`) and goes stale when any of them is bumped."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.test import RequestFactory

from apps.core.cache import PublicPageCache, page_cache_get


@pytest.fixture
def caches():
    return PublicPageCache("test-page"), PublicPageCache("test-other")


def _get(view, path="/en/page/"):
    request = RequestFactory().get(path)
    request.user = AnonymousUser()
    return view(request)


def test_a_cache_is_found_by_its_namespace(caches):
    page, other = caches

    assert page_cache_get("test-page") is page
    assert page_cache_get("test-other") is other


def test_an_unknown_namespace_is_a_lookup_error():
    with pytest.raises(LookupError, match="'no-such-cache'"):
        page_cache_get("no-such-cache")


@pytest.mark.parametrize("also", [("test-other",), lambda: ["test-other"]], ids=["names", "callable"])
def test_a_page_goes_stale_when_a_namespace_it_names_is_bumped(db, caches, also):
    page, other = caches
    rendered = []

    @page.page(also=also)
    def view(request):
        rendered.append(1)
        return HttpResponse(f"render {len(rendered)}")

    first, second = _get(view), _get(view)
    other.bump()
    third = _get(view)

    assert [first["X-Page-Cache"], second["X-Page-Cache"], third["X-Page-Cache"]] == ["miss", "hit", "miss"]
    assert (second.content, third.content) == (b"render 1", b"render 2")
