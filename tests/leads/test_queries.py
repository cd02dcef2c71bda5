"""Query counts of the exhibitor portal's contact requests as a member sees them: the same with 1 and with 3
requests, at most 10, status and content checked."""

import pytest

from apps.leads.models import Status
from tests.ratelimit_support import main_text

from .conftest import lead_make

# the user, the unread inbox count, the user's companies (with their translations: also the membership check), the
# status counts (also the page's count), the rows (with their product's name in the page's language); django CMS's
# page and the menu are kept per CMS version (apps.core.current_page, portal_tags.kept_menu)
LIST_QUERIES = 6
SEARCH_QUERIES = 7  # ... and a count of the rows found
DETAIL_QUERIES = 5  # ... the request, instead of the counts and the rows


def warm(client, path):
    client.get(path)  # menus and the site are cached by now


@pytest.fixture
def made(company_a):
    product = company_a.products.get()

    def make(count):
        return [lead_make(company_a, name=f"Visitor {n}", message=f"Message number {n}", product=product if n % 2 else
                          None, status=[Status.NEW, Status.CONTACTED, Status.CLOSED][n % 3]) for n in range(count)]

    return make


@pytest.mark.parametrize("count", [1, 3])
def test_list_query_count_is_fixed(client, made, member_a, django_assert_num_queries, count):
    leads = made(count)
    client.force_login(member_a)
    warm(client, "/zh-hans/portal/leads/longyuan-tyre/")

    with django_assert_num_queries(LIST_QUERIES):
        response = client.get("/zh-hans/portal/leads/longyuan-tyre/")

    assert response.status_code == 200
    text = main_text(response)
    assert all(f"Visitor {n}" in text for n in range(count))
    assert [row.pk for row in response.context["leads"]] == [lead.pk for lead in reversed(leads)]
    if count == 3:
        assert "隆远轮胎轮胎" in text and "已联系" in text


@pytest.mark.parametrize("count", [1, 3])
def test_list_query_count_with_filter_and_search(client, made, member_a, django_assert_num_queries, count):
    made(count)
    client.force_login(member_a)
    warm(client, "/en/portal/leads/longyuan-tyre/")

    with django_assert_num_queries(SEARCH_QUERIES):
        response = client.get("/en/portal/leads/longyuan-tyre/", {"status": Status.NEW, "q": "Message"})

    assert response.status_code == 200
    assert [row.name for row in response.context["leads"]] == ["Visitor 0"]


@pytest.mark.parametrize("count", [1, 3])
def test_detail_query_count_is_fixed(client, made, member_a, django_assert_num_queries, count):
    lead = made(count)[-1]
    client.force_login(member_a)
    warm(client, f"/en/portal/leads/longyuan-tyre/{lead.pk}/")

    with django_assert_num_queries(DETAIL_QUERIES):
        response = client.get(f"/en/portal/leads/longyuan-tyre/{lead.pk}/")

    assert response.status_code == 200 and f"Message number {count - 1}" in main_text(response)
