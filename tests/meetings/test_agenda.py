"""Confirmed meetings in both parties' agenda (apps.accounts.agenda, filled by apps/meetings/agenda.py): on the
forums "My agenda" page, merged by day with the starred sessions, and as events of the account's agenda iCal
feed, whose ETag changes when a meeting appears or goes. A user without starred sessions gets a calendar link."""

import datetime

import pytest
from icalendar import Calendar

from apps.forums.agenda import services as agenda_services
from apps.forums.models import Agenda
from apps.meetings import services
from tests.factories import ForumFactory, SessionFactory
from tests.factories.forums import release

from .support import at, book

pytestmark = pytest.mark.usefixtures("forums_page")


def page(response):
    return response.content.decode()


@pytest.fixture
def confirmed(days_a, visitor):
    return services.meeting_accept(meeting=book(visitor, days_a, 10))


@pytest.mark.parametrize("language, title, label", [("en", "Meeting with Longyuan Tyre", "Meeting"),
                                                     ("zh-hans", "与隆远轮胎洽谈", "洽谈")])
def test_the_visitor_sees_the_meeting_in_the_agenda(client, confirmed, visitor, language, title, label):
    client.force_login(visitor)
    response = client.get(f"/{language}/forums/agenda/")
    text = page(response)
    assert response.status_code == 200
    assert f'data-agenda-item="meeting-{confirmed.pk}"' in text
    assert f'<a href="/{language}/meetings/">{title}</a>' in text and label in text
    assert f'<time datetime="{confirmed.local_start.isoformat()}">10:00</time>' in text
    assert ("Booth A101" if language == "en" else "展位 A101") in text


def test_the_exhibitors_members_see_it_and_others_do_not(client, confirmed, member_a, member_b, visitor_zh):
    client.force_login(member_a)
    text = page(client.get("/en/forums/agenda/"))
    assert "Meeting with Anna Smith" in text and f'href="/en/portal/meetings/{confirmed.company.slug}/"' in text
    for other in (member_b, visitor_zh):
        client.force_login(other)
        assert f"meeting-{confirmed.pk}" not in page(client.get("/en/forums/agenda/"))
    client.logout()
    assert f"meeting-{confirmed.pk}" not in page(client.get("/en/forums/agenda/"))


def test_waiting_declined_and_cancelled_requests_stay_out(client, days_a, visitor, visitor_zh, member_a):
    waiting = book(visitor, days_a, 10)
    services.meeting_decline(meeting=book(visitor_zh, days_a, 11))
    client.force_login(member_a)
    assert "data-agenda-item" not in page(client.get("/en/forums/agenda/"))
    services.meeting_accept(meeting=waiting)
    assert f"meeting-{waiting.pk}" in page(client.get("/en/forums/agenda/"))
    services.meeting_cancel(meeting=waiting)
    assert "data-agenda-item" not in page(client.get("/en/forums/agenda/"))


def test_meetings_and_sessions_are_merged_by_day_and_time(client, confirmed, visitor, day_one):
    forum = ForumFactory(title="Tyre Forum", title_zh="轮胎论坛")
    early = SessionFactory(forum=forum, starts_at=at(day_one, 9), title="Early talk", title_zh="早场")
    late = SessionFactory(forum=forum, starts_at=at(day_one, 11), title="Late talk", title_zh="晚场")
    other_day = SessionFactory(forum=forum, starts_at=at(day_one + datetime.timedelta(days=1), 9),
                               title="Next day", title_zh="次日")
    release()
    agenda_services.agenda_user_sync(user=visitor, session_ids=[late.pk, other_day.pk, early.pk], language="en")
    client.force_login(visitor)
    text = page(client.get("/en/forums/agenda/"))
    order = [text.index(marker) for marker in (f'data-agenda-session="{early.pk}"', f"meeting-{confirmed.pk}",
                                               f'data-agenda-session="{late.pk}"', f'data-agenda-session="{other_day.pk}"')]
    assert order == sorted(order)
    assert text.count('class="agenda-day"') == 2
    assert "3 starred sessions · 1 appointment from your account" in text


def _feed(client, agenda, **headers):
    return client.get(f"/en/forums/agenda/{agenda.token}.ics", **headers)


def test_a_user_with_meetings_only_gets_a_calendar_link(client, confirmed, visitor):
    client.force_login(visitor)
    text = page(client.get("/en/forums/agenda/"))
    assert "Get my calendar link" in text
    assert '<p class="agenda-count" role="status">1 appointment from your account</p>' in text
    response = client.post("/en/forums/agenda/link/", {"sessions": "", "token": ""})
    agenda = Agenda.objects.get(user=visitor)
    assert response.status_code == 302 and response["Location"] == f"/en/forums/agenda/manage/{agenda.token}/"
    feed = _feed(client, agenda)  # no schedule released: the meetings alone make the feed
    assert feed.status_code == 200 and feed["Content-Type"] == "text/calendar; charset=utf-8"
    [event] = Calendar.from_ical(feed.content).walk("VEVENT")
    assert str(event["uid"]) == f"meeting-{confirmed.pk}@127.0.0.1"
    assert str(event["summary"]) == "Meeting with Longyuan Tyre" and str(event["location"]) == "Booth A101"
    assert event.decoded("dtstart") == confirmed.local_start and event["dtstart"].params["TZID"] == "Asia/Shanghai"
    assert event.decoded("dtend") == confirmed.local_end
    assert str(event["url"]).endswith("/en/meetings/")
    assert "private" in feed["Cache-Control"]


def test_an_agenda_without_meetings_still_needs_a_release(client, visitor):
    client.force_login(visitor)
    response = client.post("/en/forums/agenda/link/", {"sessions": "", "token": ""})
    assert response.status_code == 400 and "Star at least one session first." in page(response)


def test_the_feed_changes_when_a_meeting_appears_or_goes(client, days_a, visitor, visitor_zh, member_a):
    agenda = Agenda.objects.create(user=member_a, token="t" * 43, language="zh-hans")
    meeting = services.meeting_accept(meeting=book(visitor, days_a, 10))
    first = _feed(client, agenda)
    assert _feed(client, agenda, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    chinese = client.get(f"/zh-hans/forums/agenda/{agenda.token}.ics")
    [event] = Calendar.from_ical(chinese.content).walk("VEVENT")
    assert str(event["summary"]) == "与Anna Smith洽谈" and str(event["location"]) == "展位 A101"
    services.meeting_accept(meeting=book(visitor_zh, days_a, 11))
    second = _feed(client, agenda, HTTP_IF_NONE_MATCH=first["ETag"])
    assert second.status_code == 200 and second["ETag"] != first["ETag"]
    assert len(Calendar.from_ical(second.content).walk("VEVENT")) == 2
    services.meeting_cancel(meeting=meeting)
    third = _feed(client, agenda, HTTP_IF_NONE_MATCH=second["ETag"])
    assert third.status_code == 200 and third["ETag"] not in (first["ETag"], second["ETag"])
    assert [str(e["uid"]).split("@")[0] for e in Calendar.from_ical(third.content).walk("VEVENT")] == [
        f"meeting-{meeting.pk + 1}"]
    services.meeting_cancel(meeting=meeting.__class__.objects.get(pk=meeting.pk + 1))
    assert _feed(client, agenda).status_code == 404  # nothing left and no release: as before meetings existed


def test_a_visitors_agenda_without_account_has_no_meetings(client, confirmed, visitor, day_one):
    forum = ForumFactory(title="Tyre Forum", title_zh="轮胎论坛")
    session = SessionFactory(forum=forum, starts_at=at(day_one, 9), title="Talk", title_zh="报告")
    release()
    agenda = agenda_services.agenda_save(session_ids=[session.pk], language="en")
    calendar = Calendar.from_ical(_feed(client, agenda).content)
    assert [str(e["summary"]) for e in calendar.walk("VEVENT")] == ["Talk"]
