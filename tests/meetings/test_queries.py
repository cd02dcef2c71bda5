"""Query counts of the meetings pages stay flat with 1 and with 3+ items (and at most 10): the slot picker, the
portal's request list and the agenda page with meetings; each also checked for its status and content."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.meetings import services
from tests.factories import CompanyFactory, MembershipFactory, UserFactory

from .support import book

MAX = 10


def visitors(count):
    """Visitors, each a member of a company of their own (the page then shows the company's name too)."""
    people = []
    for n in range(count):
        company = CompanyFactory(translations={"en": {"name": f"Buyer {n}"}, "zh-hans": {"name": f"买家{n}"}})
        people.append((MembershipFactory(company=company, user__first_name=f"Buyer{n}").user, company))
    return people


def more_days(company, edition, count):
    return [services.availability_save(company=company, edition=edition,
                                       day=edition.starts_on + datetime.timedelta(days=n), starts_at=datetime.time(9),
                                       ends_at=datetime.time(12), slot_minutes=30, location="booth")
            for n in range(count)]


def count_queries(call):
    call()  # the site's menus and shell are cached from now on, as on a running site
    with CaptureQueriesContext(connection) as captured:
        response = call()
    assert len(captured) <= MAX
    return response, len(captured)


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_slot_picker(client, company_a, coming_edition, booth_a, language):
    days = more_days(company_a, coming_edition, 1)
    signed_in = UserFactory()
    client.force_login(signed_in)
    url = f"/{language}/meetings/book/{company_a.slug}/"
    response, few = count_queries(lambda: client.get(url))
    assert response.status_code == 200 and response.content.decode().count("data-slot") == 6
    more_days(company_a, coming_edition, 3)
    book(visitors(1)[0][0], days[0], 9)  # a taken slot is shown too, not counted as a choice
    response, many = count_queries(lambda: client.get(url))
    assert response.status_code == 200 and response.content.decode().count("data-slot") == 17
    assert many == few


def test_portal_request_list(client, company_a, days_a, member_a):
    people = visitors(4)
    user, company = people[0]
    book(user, days_a, 10, requester_company=company)
    client.force_login(member_a)
    url = f"/en/portal/meetings/{company_a.slug}/"
    response, few = count_queries(lambda: client.get(url))
    assert response.status_code == 200 and "Buyer 0" in response.content.decode()
    for (user, company), (hour, minute) in zip(people[1:], ((10, 30), (11, 0), (11, 30)), strict=True):
        meeting = book(user, days_a, hour, minute, requester_company=company)
        if hour == 11:
            services.meeting_accept(meeting=meeting)
    response, many = count_queries(lambda: client.get(url))
    text = response.content.decode()
    assert response.status_code == 200 and all(f"Buyer {n}" in text for n in range(4))
    assert text.count("data-meeting=") == 4
    assert many == few


@pytest.mark.usefixtures("forums_page")
def test_agenda_page_with_meetings(client, days_a, visitor):
    slots = [(10, 0), (10, 30), (11, 0), (11, 30)]
    companies = [days_a]
    for n in range(3):
        company = CompanyFactory(translations={"en": {"name": f"Host {n}"}, "zh-hans": {"name": f"主办{n}"}})
        companies.append(services.availability_save(
            company=company, edition=days_a.edition, day=days_a.day, starts_at=datetime.time(10),
            ends_at=datetime.time(12), slot_minutes=30, location="table", table_name=f"T{n}"))
    services.meeting_accept(meeting=book(visitor, companies[0], *slots[0]))
    client.force_login(visitor)
    response, few = count_queries(lambda: client.get("/en/forums/agenda/"))
    assert response.status_code == 200 and response.content.decode().count("data-agenda-item=") == 1
    for availability, slot in zip(companies[1:], slots[1:], strict=True):
        services.meeting_accept(meeting=book(visitor, availability, *slot))
    response, many = count_queries(lambda: client.get("/en/forums/agenda/"))
    text = response.content.decode()
    assert response.status_code == 200 and text.count("data-agenda-item=") == 4 and "Meeting with Host 2" in text
    assert many == few
