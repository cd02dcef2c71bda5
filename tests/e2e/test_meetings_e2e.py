"""Meetings end to end in Chromium, in both languages: a visitor opens an exhibitor's page, follows "Book a
meeting", signs in from the slot picker and asks for a slot; the exhibitor's member accepts it in the portal;
both find the meeting in their agenda, and in the agenda's iCal feed. The visitor uses a phone-sized window (390
px), the exhibitor a desktop one (1366 px)."""

import datetime

import pytest
from icalendar import Calendar

from apps.meetings import services
from apps.meetings.models import Availability, MeetingRequest, Status
from tests.e2e.conftest import ARTIFACTS
from tests.factories import BoothFactory, HallFactory, UserFactory
from tests.factories.accounts import PASSWORD

TEXTS = {
    "en": {"book": "Book a meeting", "sign_in": "Sign in", "ask": "Ask for this meeting", "requested": "Requested",
           "accept": "Accept", "confirmed": "Confirmed", "link": "Get my calendar link",
           "visitor_title": "Meeting with Longyuan Tyre", "member_title": "Meeting with Anna Smith"},
    "zh-hans": {"book": "预约洽谈", "sign_in": "登录", "ask": "申请该洽谈", "requested": "已申请", "accept": "接受",
                "confirmed": "已确认", "link": "获取我的日历链接",
                "visitor_title": "与隆远轮胎洽谈", "member_title": "与Anna Smith洽谈"},
}
OTHER = {"en": "zh-hans", "zh-hans": "en"}


@pytest.fixture
def meeting_site(expo_page, forums_page, media_root, company_a, coming_edition):
    hall = HallFactory(edition=coming_edition, code="A", name_en="Hall A", name_zh="A馆")
    BoothFactory(hall=hall, code="A101", participation=company_a.participations.get())
    services.availability_save(company=company_a, edition=coming_edition, day=coming_edition.starts_on,
                               starts_at=datetime.time(10), ends_at=datetime.time(11), slot_minutes=30,
                               location="booth")
    return company_a


def shot(page, label):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"meetings-e2e-{label}.png"), full_page=True)


def sign_in(page, username):
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit], main form input[type=submit]").last.click()


def feed_events(page, language):
    """Make the personal calendar link on the agenda page and read the feed it gives."""
    text = TEXTS[language]
    page.get_by_role("button", name=text["link"]).click()
    page.wait_for_url("**/forums/agenda/manage/**")
    response = page.request.get(page.input_value("#agenda-ical-url"))
    assert response.status == 200 and response.headers["content-type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.body()).walk("VEVENT")


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_book_accept_and_find_the_meeting_in_both_agendas(browser, live_server, meeting_site, language):
    company = meeting_site
    text, other = TEXTS[language], TEXTS[OTHER[language]]
    UserFactory(username="anna", first_name="Anna", last_name="Smith", preferred_language=language)
    company.memberships.create(user=UserFactory(username="host", preferred_language=OTHER[language]))
    locale = {"en": "en-US", "zh-hans": "zh-CN"}

    visitor = browser.new_context(viewport={"width": 390, "height": 844}, locale=locale[language]).new_page()
    visitor.goto(f"{live_server.url}/{language}/expo/companies/{company.slug}/")
    visitor.get_by_role("link", name=text["book"]).click()
    visitor.wait_for_url(f"**/{language}/meetings/book/{company.slug}/")
    assert visitor.locator("main").get_by_text("10:30").count() >= 1
    visitor.locator("main").get_by_role("link", name=text["sign_in"]).click()
    sign_in(visitor, "anna")
    visitor.wait_for_url(f"**/{language}/meetings/book/{company.slug}/")
    visitor.locator("input[data-slot]").nth(1).check()  # 10:30
    visitor.fill("#id_message", "Radial tyres for our fleet" if language == "en" else "想了解子午线轮胎")
    shot(visitor, f"picker-{language}")
    visitor.get_by_role("button", name=text["ask"]).click()
    visitor.wait_for_url(f"**/{language}/meetings/")
    assert text["requested"] in visitor.locator("table.meetings-table").inner_text()
    meeting = MeetingRequest.objects.get()
    assert (meeting.status, meeting.local_start.strftime("%H:%M")) == (Status.REQUESTED, "10:30")
    assert visitor.evaluate("document.documentElement.scrollWidth") <= 390 + 1  # no sideways scrolling

    host = browser.new_context(viewport={"width": 1366, "height": 900}, locale=locale[OTHER[language]]).new_page()
    host.goto(f"{live_server.url}/{OTHER[language]}/accounts/login/?next=/{OTHER[language]}/portal/meetings/")
    sign_in(host, "host")
    host.wait_for_url(f"**/{OTHER[language]}/portal/meetings/{company.slug}/")
    row = host.locator(f'tr[data-meeting="{meeting.pk}"]')
    assert "Anna Smith" in row.inner_text()
    shot(host, f"portal-{OTHER[language]}")
    row.get_by_role("button", name=other["accept"]).click()
    host.wait_for_selector(".portal-message")
    assert other["confirmed"] in host.locator(f'tr[data-meeting="{meeting.pk}"]').inner_text()
    meeting.refresh_from_db()
    assert meeting.status == Status.ACCEPTED

    visitor.goto(f"{live_server.url}/{language}/forums/agenda/")
    item = visitor.locator(f'[data-agenda-item="meeting-{meeting.pk}"]')
    assert text["visitor_title"] in item.inner_text() and "10:30" in item.inner_text()
    shot(visitor, f"agenda-{language}")
    [event] = feed_events(visitor, language)
    assert str(event["summary"]) == text["visitor_title"] and event.decoded("dtstart") == meeting.local_start

    host.goto(f"{live_server.url}/{OTHER[language]}/forums/agenda/")
    assert other["member_title"] in host.locator(f'[data-agenda-item="meeting-{meeting.pk}"]').inner_text()
    [event] = feed_events(host, OTHER[language])
    assert str(event["summary"]) == other["member_title"]
    assert str(event["uid"]).startswith(f"meeting-{meeting.pk}@")
    for context in (visitor.context, host.context):
        context.close()


@pytest.mark.parametrize("language, width, saved", [("en", 1366, "is saved"), ("zh-hans", 390, "已保存")])
def test_the_exhibitor_opens_a_day_in_the_portal(browser, live_server, meeting_site, coming_edition, language,
                                                 width, saved):
    company = meeting_site
    company.memberships.create(user=UserFactory(username="host", preferred_language=language))
    page = browser.new_context(viewport={"width": width, "height": 900}).new_page()
    target = f"/{language}/portal/meetings/{company.slug}/availability/"
    page.goto(f"{live_server.url}/{language}/accounts/login/?next={target}")
    sign_in(page, "host")
    second = coming_edition.starts_on + datetime.timedelta(days=1)
    form = page.locator(f'form[data-day="{second:%Y-%m-%d}"]')
    form.locator("input[type=checkbox]").check()
    form.locator("input[name$=starts_at]").fill("13:00")
    form.locator("input[name$=ends_at]").fill("14:00")
    form.locator("select[name$=slot_minutes]").select_option("15")
    form.locator("button[data-save-day]").click()
    assert saved in page.locator(".portal-message").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= width + 1
    shot(page, f"availability-{language}-{width}")
    day = Availability.objects.get(company=company, day=second)
    assert (day.is_open, len(day.slot_starts())) == (True, 4)
    page.context.close()
