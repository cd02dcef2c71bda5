"""Personal agendas: the agenda page, calendar links with secret tokens, alert addresses, account sync."""

import json

import pytest
from django.core.cache import cache
from icalendar import Calendar

from apps.forums.agenda.services import agenda_email_confirm
from apps.forums.models import Agenda, AgendaEntry
from apps.forums.selectors import process_caches_clear
from tests.factories import ForumFactory, RoomFactory, SessionFactory, UserFactory
from tests.factories.forums import at, release

pytestmark = pytest.mark.usefixtures("forums_page")


@pytest.fixture
def sessions(db):
    forum = ForumFactory(slug="tyre-forum", title="Tyre Forum", title_zh="轮胎论坛")
    room = RoomFactory(name="Hall B", name_zh="B厅")
    made = [SessionFactory(forum=forum, room=room, starts_at=at(9 + n), title=f"Talk {n}", title_zh=f"报告{n}")
            for n in range(3)]
    release()
    return made


def _ids(*sessions):
    return ",".join(str(s.pk) for s in sessions)


def _entries(agenda):
    return sorted(AgendaEntry.objects.filter(agenda=agenda).values_list("session_id", flat=True))


def test_agenda_page_lists_the_starred_sessions_in_the_language(client, sessions):
    response = client.get(f"/zh-hans/forums/agenda/?s={_ids(sessions[2], sessions[0])}")

    assert response.status_code == 200
    html = response.content.decode()
    assert "报告0" in html and "报告2" in html and "报告1" not in html
    assert html.index("报告0") < html.index("报告2")  # in time order
    assert f'data-session-id="{sessions[0].pk}"' in html
    assert f'value="{sessions[0].pk},{sessions[2].pk}"' in html  # the ids for a calendar link
    assert 'name="robots" content="noindex"' in html


def test_agenda_page_ignores_unknown_and_bad_ids(client, sessions):
    response = client.get(f"/en/forums/agenda/?s=abc,999999,{sessions[1].pk},,-3")

    assert response.status_code == 200
    assert "Talk 1" in response.content.decode() and "Talk 0" not in response.content.decode()


def test_agenda_page_without_stars_explains(client, sessions):
    response = client.get("/en/forums/agenda/")

    assert response.status_code == 200
    assert "No starred sessions yet" in response.content.decode()


def test_agenda_page_before_any_release(client, db):
    response = client.get("/en/forums/agenda/?s=1")

    assert response.status_code == 200
    assert "No starred sessions yet" in response.content.decode()


def test_calendar_link_creates_an_agenda_with_a_secret_token(client, sessions):
    response = client.post("/en/forums/agenda/link/", {"sessions": _ids(sessions[0], sessions[1]),
                                                      "email": "buyer@example.com"})

    agenda = Agenda.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/en/forums/agenda/manage/{agenda.token}/"
    assert len(agenda.token) == 43 and agenda.user is None
    assert agenda.email == "buyer@example.com" and agenda.language == "en"
    assert agenda.email_confirmed_at is None  # alerts wait for the address's owner to confirm it
    assert _entries(agenda) == [sessions[0].pk, sessions[1].pk]
    page = client.get(response["Location"]).content.decode()
    assert "buyer@example.com is waiting for confirmation" in page
    assert f"http://testserver/en/forums/agenda/{agenda.token}.ics" in page
    assert f"webcal://testserver/en/forums/agenda/{agenda.token}.ics" in page


def test_calendar_link_with_the_kept_token_updates_the_same_agenda(client, sessions):
    client.post("/zh-hans/forums/agenda/link/", {"sessions": _ids(sessions[0])})
    agenda = Agenda.objects.get()

    client.post("/zh-hans/forums/agenda/link/", {"sessions": _ids(sessions[1], sessions[2]), "token": agenda.token})

    assert Agenda.objects.count() == 1
    assert _entries(agenda) == [sessions[1].pk, sessions[2].pk]
    agenda.refresh_from_db()
    assert agenda.language == "zh-hans" and agenda.email == ""


def test_calendar_link_update_without_email_keeps_the_alert_address(client, sessions):
    client.post("/en/forums/agenda/link/", {"sessions": _ids(sessions[0]), "email": "keep@example.com"})
    agenda = Agenda.objects.get()
    agenda_email_confirm(agenda=agenda, email="keep@example.com")

    client.post("/en/forums/agenda/link/", {"sessions": _ids(sessions[1]), "token": agenda.token, "email": ""})

    agenda.refresh_from_db()
    assert agenda.email == "keep@example.com" and agenda.email_confirmed_at is not None
    assert _entries(agenda) == [sessions[1].pk]


def test_calendar_link_with_someone_elses_account_token_makes_a_new_agenda(client, sessions):
    owner = UserFactory()
    client.force_login(owner)
    client.post("/en/forums/agenda/link/", {"sessions": _ids(sessions[0])})
    client.logout()
    owned = Agenda.objects.get(user=owner)

    client.post("/en/forums/agenda/link/", {"sessions": _ids(sessions[2]), "token": owned.token})

    assert Agenda.objects.count() == 2
    assert _entries(owned) == [sessions[0].pk]


@pytest.mark.parametrize("language, message", [("en", "Enter a valid email address."),
                                               ("zh-hans", "请输入有效的邮箱地址。")])
def test_calendar_link_refuses_a_bad_email_in_the_language(client, sessions, language, message):
    response = client.post(f"/{language}/forums/agenda/link/", {"sessions": _ids(sessions[0]), "email": "nope"})

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Agenda.objects.exists()


def test_calendar_link_without_released_sessions_is_refused(client, sessions):
    response = client.post("/zh-hans/forums/agenda/link/", {"sessions": "999999,abc"})

    assert response.status_code == 400
    assert "请先收藏至少一场议程。" in response.content.decode()
    assert not Agenda.objects.exists()


def test_agenda_ical_holds_exactly_the_starred_sessions(client, sessions):
    client.post("/en/forums/agenda/link/", {"sessions": _ids(sessions[0], sessions[2])})
    agenda = Agenda.objects.get()

    response = client.get(f"/zh-hans/forums/agenda/{agenda.token}.ics")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "private" in response["Cache-Control"]
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert sorted(str(e["SUMMARY"]) for e in events) == ["报告0", "报告2"]


def test_agenda_ical_follows_changes_of_the_agenda(client, sessions):
    client.post("/en/forums/agenda/link/", {"sessions": _ids(sessions[0])})
    agenda = Agenda.objects.get()
    first = client.get(f"/en/forums/agenda/{agenda.token}.ics")

    client.post("/en/forums/agenda/link/", {"sessions": _ids(sessions[1]), "token": agenda.token})
    second = client.get(f"/en/forums/agenda/{agenda.token}.ics", HTTP_IF_NONE_MATCH=first["ETag"])

    assert second.status_code == 200 and second["ETag"] != first["ETag"]
    assert [str(e["SUMMARY"]) for e in Calendar.from_ical(second.content).walk("VEVENT")] == ["Talk 1"]
    assert client.get(f"/en/forums/agenda/{agenda.token}.ics", HTTP_IF_NONE_MATCH=second["ETag"]).status_code == 304


@pytest.mark.parametrize("path", ["/en/forums/agenda/{token}x.ics", "/en/forums/agenda/manage/{token}x/",
                                  "/en/forums/agenda/unknown.ics"])
def test_unknown_tokens_are_404(client, sessions, path):
    client.post("/en/forums/agenda/link/", {"sessions": _ids(sessions[0])})

    assert client.get(path.format(token=Agenda.objects.get().token)).status_code == 404


def test_manage_page_changes_and_stops_the_alert_address(client, sessions):
    client.post("/en/forums/agenda/link/", {"sessions": _ids(sessions[0]), "email": "a@example.com"})
    agenda = Agenda.objects.get()
    url = f"/zh-hans/forums/agenda/manage/{agenda.token}/"

    bad = client.post(url, {"email": "not-an-address"})
    changed = client.post(url, {"email": "b@example.com"})
    agenda.refresh_from_db()
    assert (bad.status_code, changed.status_code) == (400, 302)
    assert agenda.email == "b@example.com" and agenda.language == "zh-hans"
    assert agenda.email_confirmed_at is None

    client.post(url, {"email": ""})
    agenda.refresh_from_db()
    assert agenda.email == ""


def test_sync_needs_an_account(client, sessions):
    response = client.post("/en/forums/agenda/sync/", json.dumps({"sessions": [sessions[0].pk]}),
                           content_type="application/json")

    assert response.status_code == 403
    assert not Agenda.objects.exists()


def test_sync_keeps_the_account_agenda(client, sessions):
    user = UserFactory()
    client.force_login(user)

    stored = client.post("/en/forums/agenda/sync/", json.dumps({"sessions": [sessions[1].pk, 999999]}),
                         content_type="application/json")
    read = client.get("/en/forums/agenda/sync/")

    assert stored.json() == {"sessions": [sessions[1].pk]}
    assert read.json() == {"sessions": [sessions[1].pk]}
    assert Agenda.objects.get().user == user
    page = client.get("/en/forums/agenda/").content.decode()  # without ?s=: the account's agenda
    assert "Talk 1" in page and "Talk 0" not in page


def test_sync_post_needs_csrf(sessions):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(UserFactory())

    response = client.post("/en/forums/agenda/sync/", json.dumps({"sessions": [sessions[0].pk]}),
                           content_type="application/json")

    assert response.status_code == 403
    assert not Agenda.objects.exists()


@pytest.mark.parametrize("body", ["not json", json.dumps({"sessions": "1,2"}), json.dumps([1, 2])])
def test_sync_refuses_bad_bodies(client, sessions, body):
    client.force_login(UserFactory())

    response = client.post("/en/forums/agenda/sync/", body, content_type="application/json")

    assert response.status_code == 400


@pytest.mark.parametrize("count", [1, 3])
@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_agenda_page_query_count_does_not_grow(client, db, django_assert_num_queries, count, language):
    forum = ForumFactory()
    made = [SessionFactory(forum=forum, room=RoomFactory(), starts_at=at(9 + n)) for n in range(count)]
    release()

    with django_assert_num_queries(AGENDA_PAGE_QUERIES):
        response = client.get(f"/{language}/forums/agenda/?s={_ids(*made)}")

    assert response.status_code == 200
    assert response.content.decode().count('class="agenda-item') == count


@pytest.mark.parametrize("count", [1, 3])
def test_agenda_ical_query_count_does_not_grow(client, db, django_assert_num_queries, count):
    forum = ForumFactory()
    made = [SessionFactory(forum=forum, room=RoomFactory(), starts_at=at(9 + n)) for n in range(count)]
    release()
    client.post("/en/forums/agenda/link/", {"sessions": _ids(*made)})
    token = Agenda.objects.get().token
    process_caches_clear()
    cache.clear()

    with django_assert_num_queries(4):  # the agenda, its entries, the release, its snapshot
        response = client.get(f"/en/forums/agenda/{token}.ics")

    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    assert len(Calendar.from_ical(response.content).walk("VEVENT")) == count


AGENDA_PAGE_QUERIES = 9  # CMS page lookup and menu, the release and its snapshot


@pytest.mark.parametrize("body", ['{"sessions": [1e400]}', '{"sessions": [Infinity, NaN]}'])
def test_sync_ignores_numbers_that_are_not_ids(client, sessions, body):
    client.force_login(UserFactory())

    response = client.post("/en/forums/agenda/sync/", body, content_type="application/json")

    assert response.status_code == 200 and response.json() == {"sessions": []}
