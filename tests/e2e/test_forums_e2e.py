"""End to end in Chromium: a visitor browses the forum grid in Chinese, picks a day, stars two sessions, finds them
on the agenda page, and downloads a personal calendar holding exactly those two."""

import datetime

import pytest
from django.conf import settings
from django.test import Client
from icalendar import Calendar
from playwright.sync_api import expect

from apps.forums.agenda.services import agenda_user_sync
from apps.forums.models import Agenda, AgendaEntry
from tests.factories import ForumFactory, RoomFactory, SessionFactory, UserFactory
from tests.factories.forums import at, release
from tests.support import wait_until

SECOND_DAY = datetime.date(2026, 9, 19)


@pytest.fixture
def programme(forums_page):
    forum = ForumFactory(slug="tyre-forum", title="Tyre Forum", title_zh="轮胎产业论坛",
                         ends_on=SECOND_DAY)
    hall_a = RoomFactory(slug="hall-a", name="Hall A", name_zh="A厅", position=1)
    hall_b = RoomFactory(slug="hall-b", name="Hall B", name_zh="B厅", position=2)
    first_day = SessionFactory(forum=forum, room=hall_a, starts_at=at(9), title="Opening", title_zh="开幕致辞")
    keynote = SessionFactory(forum=forum, room=hall_a, starts_at=at(9, day=SECOND_DAY), title="Natural rubber outlook",
                             title_zh="天然橡胶市场展望")
    panel = SessionFactory(forum=forum, room=hall_b, starts_at=at(10, day=SECOND_DAY), title="Recycling panel",
                           title_zh="再生橡胶圆桌")
    skipped = SessionFactory(forum=forum, room=hall_b, starts_at=at(14, day=SECOND_DAY), title="Afternoon talk",
                             title_zh="下午报告")
    release()
    return {"first_day": first_day, "keynote": keynote, "panel": panel, "skipped": skipped}


def test_visitor_stars_sessions_in_the_grid_and_downloads_the_agenda(page, live_server, programme, screenshot,
                                                                      tmp_path):
    keynote, panel = programme["keynote"], programme["panel"]
    page.goto(f"{live_server.url}/zh-hans/forums/grid/")
    assert page.locator("html").get_attribute("lang") == "zh-hans"

    page.locator(".forums-days a", has_text="2026-09-19").click()  # the filter: the second day
    page.wait_for_url("**/zh-hans/forums/grid/?day=2026-09-19")
    assert page.get_by_text("开幕致辞").count() == 0
    assert page.get_by_text("天然橡胶市场展望").is_visible()

    for session in (keynote, panel):
        star = page.locator(f'button.forum-star[data-session-id="{session.pk}"]')
        assert star.is_visible()  # shown by agenda.js
        assert star.get_attribute("aria-pressed") == "false"
        star.click()
        assert star.get_attribute("aria-pressed") == "true"
    screenshot("grid-starred")

    page.get_by_role("link", name="我的日程").first.click()
    page.wait_for_url(f"**/zh-hans/forums/agenda/?s={keynote.pk},{panel.pk}")
    items = page.locator(".agenda-item")
    assert items.count() == 2
    assert "天然橡胶市场展望" in items.nth(0).inner_text()
    assert "再生橡胶圆桌" in items.nth(1).inner_text()
    assert page.get_by_text("下午报告").count() == 0
    screenshot("agenda")

    page.get_by_role("button", name="获取我的日历链接").click()
    agenda = Agenda.objects.get()
    page.wait_for_url(f"**/zh-hans/forums/agenda/manage/{agenda.token}/")
    ical_url = page.locator("#agenda-ical-url").input_value()
    assert ical_url == f"{live_server.url}/zh-hans/forums/agenda/{agenda.token}.ics"
    assert sorted(AgendaEntry.objects.values_list("session_id", flat=True)) == sorted([keynote.pk, panel.pk])

    with page.expect_download() as download_info:
        page.get_by_role("link", name="下载（.ics）").click()
    path = tmp_path / "agenda.ics"
    download_info.value.save_as(path)
    calendar = Calendar.from_ical(path.read_bytes())
    events = calendar.walk("VEVENT")
    assert sorted(str(event["SUMMARY"]) for event in events) == ["再生橡胶圆桌", "天然橡胶市场展望"]
    assert {event["DTSTART"].params["TZID"] for event in events} == {"Asia/Shanghai"}
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Asia/Shanghai"]

    # The browser remembers the token: a second link for the same stars updates the same agenda.
    page.goto(f"{live_server.url}/zh-hans/forums/agenda/")
    page.wait_for_url(f"**/zh-hans/forums/agenda/?s={keynote.pk},{panel.pk}")
    page.get_by_role("button", name="获取我的日历链接").click()
    page.wait_for_url(f"**/zh-hans/forums/agenda/manage/{agenda.token}/")
    assert Agenda.objects.count() == 1


def test_signed_in_visitor_merges_browser_and_account_agendas(browser, live_server, programme):
    keynote, panel, skipped = programme["keynote"], programme["panel"], programme["skipped"]
    user = UserFactory(username="agenda-e2e")
    agenda_user_sync(user=user, session_ids=[keynote.pk], language="en")  # starred earlier on another device
    django_client = Client()
    django_client.force_login(user)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    host = live_server.url.split("//", 1)[1].split(":")[0]
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "domain": host, "path": "/",
                          "value": django_client.cookies[settings.SESSION_COOKIE_NAME].value}])
    page = context.new_page()
    page.set_default_timeout(15000)
    page.goto(f"{live_server.url}/en/forums/schedule.json")  # same origin, without agenda.js
    page.evaluate(f"window.localStorage.setItem('forums:agenda', JSON.stringify({{ids: [{panel.pk}]}}))")

    # Local [panel] + account [keynote]: both starred, and the account learns of the panel.
    page.goto(f"{live_server.url}/en/forums/grid/?day=2026-09-19")
    keynote_star = page.locator(f'button.forum-star[data-session-id="{keynote.pk}"]')
    panel_star = page.locator(f'button.forum-star[data-session-id="{panel.pk}"]')
    expect(keynote_star).to_have_attribute("aria-pressed", "true")  # no eval(): the page's CSP forbids it
    assert panel_star.get_attribute("aria-pressed") == "true"
    assert panel_star.get_attribute("title") == "Remove from my agenda"  # titles from the script's tag, not each star
    skipped_star = page.locator(f'button.forum-star[data-session-id="{skipped.pk}"]')
    assert skipped_star.get_attribute("title") == "Add to my agenda"
    skipped_star.click()
    expect(skipped_star).to_have_attribute("title", "Remove from my agenda")
    keynote_star.click()  # unstarred: the account forgets it too

    expected = sorted([panel.pk, skipped.pk])
    stored = lambda: sorted(AgendaEntry.objects.filter(agenda__user=user).values_list("session_id", flat=True))
    wait_until(lambda: stored() == expected)
    assert stored() == expected
    context.close()
