"""Query counts of the joining pages other than the dashboard (tested in test_pages): at most 10 and the same with
1 and with 3 companies found or requests made, each request checked for its status and content."""

import re

import pytest
from django.test import Client

from apps.onboarding import services

from .conftest import company, confirm_path, emails_to, sign_up

# every page: django CMS's page, its menu and contents are kept per CMS version (apps.core.current_page); signed in,
# the session's user and the unread inbox count (2); then the page's own reads
QUERIES = {
    "signup": 0,
    "signup_sent": 0,
    "confirm": 1,  # the sign-up with its user
    "company_create": 2,
    "company_find": 6,  # the companies found, their names, the user's pending requests and memberships
    "join_request_create": 4,  # the company, its names
    "join_request": 4,  # the request with its company, the company's names
}


def _count(client, path, name, django_assert_num_queries):
    client.get(path)  # warm the process caches (content types, site)
    with django_assert_num_queries(QUERIES[name]):
        response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


@pytest.fixture
def targets(db):
    def make(count):
        return [company(f"target-{n}", f"Target Rubber {n}", f"目标橡胶{n}", verified=True) for n in range(count)]
    return make


@pytest.mark.parametrize("language, heading", [("en", "Join the platform"), ("zh-hans", "加入平台")])
def test_sign_up_pages(client, db, django_assert_num_queries, language, heading):
    assert heading in _count(Client(), f"/{language}/join/", "signup", django_assert_num_queries)
    _count(Client(), f"/{language}/join/sent/", "signup_sent", django_assert_num_queries)
    sign_up(Client(), language, email="new.person@example.com")
    path = confirm_path(emails_to("new.person@example.com")[0])
    html = _count(Client(), path, "confirm", django_assert_num_queries)
    assert 'method="post"' in html


@pytest.mark.parametrize("count", [1, 3])
def test_company_search_queries_do_not_grow(client, joiner, targets, django_assert_num_queries, count):
    found = targets(count)
    services.join_request_submit(user=joiner, company=found[0])
    client.force_login(joiner)

    html = _count(client, "/zh-hans/join/companies/?q=目标橡胶", "company_find", django_assert_num_queries)

    assert all(f"目标橡胶{n}" in html for n in range(count))
    assert len(re.findall(r'href="/zh-hans/join/companies/target-\d+/"', html)) == count - 1  # one is asked already


@pytest.mark.parametrize("count", [1, 3])
def test_join_pages_queries_do_not_grow(client, joiner, targets, django_assert_num_queries, count):
    found = targets(count)
    asked = [services.join_request_submit(user=joiner, company=target, message=f"请求{n}")
             for n, target in enumerate(found)]
    fresh = company("fresh-co", "Fresh Co", "新企业", verified=True)
    client.force_login(joiner)

    assert "新企业" in _count(client, f"/zh-hans/join/companies/{fresh.slug}/", "join_request_create",
                             django_assert_num_queries)
    html = _count(client, f"/zh-hans/join/requests/{asked[-1].pk}/", "join_request", django_assert_num_queries)
    assert f"目标橡胶{count - 1}" in html and f"请求{count - 1}" in html
    assert "创建企业" in _count(client, "/zh-hans/join/company/", "company_create", django_assert_num_queries)
