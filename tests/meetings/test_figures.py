"""Contact requests, meeting requests and meetings on the exhibitor portal's figures page: the sources leads and
meetings register in apps.companies.figures, next to expo's views, with one query each whatever the number of
days; only the company's own figures."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.meetings import services
from tests.leads.conftest import lead_make

from .support import book, someone

pytestmark = pytest.mark.usefixtures("media_root")

COLUMNS = ["profile_views", "product_views", "leads", "meeting_requests", "meetings"]


def url(company, language="en"):
    return f"/{language}/portal/companies/{company.slug}/figures/"


def overall(html):
    row = re.search(r'<tr class="figures-overall">(.*?)</tr>', html, re.S)[1]
    return [int(value) for value in re.findall(r"<td>(\d+)</td>", row)]


def render(client, company, language="en"):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url(company, language))
    assert response.status_code == 200
    return len(queries), response.content.decode()


@pytest.mark.parametrize("language, headings", [
    ("en", ["Contact requests", "Meeting requests", "Meetings"]), ("zh-hans", ["联系请求", "洽谈预约", "洽谈"])])
def test_leads_and_meetings_are_columns_of_the_figures(client, company_a, member_a, company_b, days_a, days_b,
                                                       visitor, language, headings):
    lead_make(company_a)
    lead_make(company_a, confirmed=False)  # not confirmed by its sender: not counted
    lead_make(company_b)
    services.meeting_accept(meeting=book(visitor, days_a, 10))
    book(someone(), days_a, 11)
    book(visitor, days_b, 14)

    client.force_login(member_a)
    _count, html = render(client, company_a, language)

    assert re.findall(r'<th scope="col" data-source="([\w-]+)">', html) == COLUMNS
    for heading in headings:
        assert f'">{heading}</th>' in html
    assert overall(html) == [0, 0, 1, 2, 1]


def test_the_query_count_does_not_grow_with_the_figures(client, company_a, member_a, days_a, visitor):
    client.force_login(member_a)
    render(client, company_a)  # warm the process caches (the current edition, content types)
    lead_make(company_a)
    book(visitor, days_a, 10)
    one, html = render(client, company_a)
    assert overall(html) == [0, 0, 1, 1, 0]

    for _n in range(3):
        lead_make(company_a)
    for hour in (10, 11):
        services.meeting_accept(meeting=book(someone(), days_a, hour, 30))
    many, html = render(client, company_a)
    assert overall(html) == [0, 0, 4, 3, 2]
    assert one == many <= 10
