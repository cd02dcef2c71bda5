"""Rate limits of the agenda's writes: calendar links with an alert address (per IP and per address), the alert
address of an agenda, its confirmation link and resends (per IP and per link), and the account sync (per IP and
per account, answered in JSON). A refused request writes nothing."""

import json

import pytest

from apps.forums.agenda import optin
from apps.forums.agenda.services import agenda_save
from apps.forums.models import Agenda, AgendaEntry
from apps.notifications.models import Event
from tests.factories import ForumFactory, RoomFactory, SessionFactory, UserFactory
from tests.factories.forums import at, release
from tests.ratelimit_support import assert_limited, ip, rates

pytestmark = pytest.mark.usefixtures("forums_page")


@pytest.fixture
def sessions(db):
    forum = ForumFactory(slug="tyre-forum", title="Tyre Forum", title_zh="轮胎论坛")
    room = RoomFactory(name="Hall B", name_zh="B厅")
    made = [SessionFactory(forum=forum, room=room, starts_at=at(9 + n), title=f"Talk {n}", title_zh=f"报告{n}")
            for n in range(3)]
    release()
    return made


def link(client, sessions, email="", language="en", **extra):
    return client.post(f"/{language}/forums/agenda/link/", {"sessions": str(sessions[0].pk), "email": email},
                       **extra)


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_calendar_links_per_ip_then_429_and_no_agenda(client, sessions, settings, language):
    rates(settings, "agenda_link", ip="3/d", address="100/d")
    for n in range(3):
        assert link(client, sessions, f"a{n}@example.com", language).status_code == 302

    limited = link(client, sessions, "a9@example.com", language)

    assert_limited(limited, language)
    assert Agenda.objects.count() == 3
    assert link(client, sessions, "a9@example.com", language, **ip("10.6.0.2")).status_code == 302


def test_calendar_links_for_one_address_from_other_ips_are_limited(client, sessions, settings):
    rates(settings, "agenda_link", ip="100/d", address="2/d")
    for n in range(2):
        assert link(client, sessions, "victim@example.com", **ip(f"10.6.1.{n}")).status_code == 302

    limited = link(client, sessions, "VICTIM@example.com", "zh-hans", **ip("10.6.1.9"))

    assert_limited(limited, "zh-hans")
    assert Agenda.objects.count() == 2
    assert link(client, sessions, "", **ip("10.6.1.9")).status_code == 302  # no address: only the IP counts


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_alert_address_changes_are_limited(client, sessions, settings, language):
    rates(settings, "agenda_email", ip="100/d", address="100/d", link="1/d")
    agenda = agenda_save(session_ids=[sessions[0].pk], language="en")
    manage = f"/{language}/forums/agenda/manage/{agenda.token}/"
    assert client.post(manage, {"email": "a@example.com"}).status_code == 302

    limited = client.post(manage, {"email": "b@example.com"}, **ip("10.6.2.1"))

    assert_limited(limited, language)
    agenda.refresh_from_db()
    assert agenda.email == "a@example.com"
    assert client.get(manage).status_code == 200


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_confirmation_link_and_resend_are_limited(client, sessions, settings, language):
    rates(settings, "agenda_confirm", ip="1/d", link="100/d")
    rates(settings, "agenda_resend", ip="100/d", link="1/d")
    first = agenda_save(session_ids=[sessions[0].pk], language="en", email="a@example.com")
    second = agenda_save(session_ids=[sessions[0].pk], language="en", email="b@example.com")
    confirm = "/{language}/forums/agenda/confirm/{token}/"
    assert client.post(confirm.format(language=language, token=optin.confirm_token(first.pk, "a@example.com"))
                       ).status_code == 302

    limited = client.post(confirm.format(language=language, token=optin.confirm_token(second.pk, "b@example.com")))

    assert_limited(limited, language)
    second.refresh_from_db()
    assert second.email_confirmed_at is None
    resend = f"/{language}/forums/agenda/manage/{second.token}/resend/"
    assert client.post(resend).status_code == 302  # refused by the opt-in's own interval, with a message
    sent = Event.objects.filter(kind=optin.CONFIRM_KIND).count()
    assert_limited(client.post(resend, **ip("10.6.3.1")), language)
    assert Event.objects.filter(kind=optin.CONFIRM_KIND).count() == sent


def test_account_sync_is_limited_per_account_in_json(client, sessions, settings):
    rates(settings, "agenda_sync", ip="100/d", user="1/d")
    user = UserFactory(username="visitor")
    client.force_login(user)
    body = json.dumps({"sessions": [sessions[0].pk]})
    assert client.post("/en/forums/agenda/sync/", body, content_type="application/json").status_code == 200

    limited = client.post("/zh-hans/forums/agenda/sync/", json.dumps({"sessions": [sessions[1].pk]}),
                          content_type="application/json", **ip("10.6.4.1"))

    assert limited["Content-Type"] == "application/json"
    assert_limited(limited, "zh-hans")
    agenda = Agenda.objects.get(user=user)
    assert list(AgendaEntry.objects.filter(agenda=agenda).values_list("session_id", flat=True)) == [sessions[0].pk]
    assert client.get("/en/forums/agenda/sync/").json() == {"sessions": [sessions[0].pk]}


def test_account_sync_per_ip(client, sessions, settings):
    rates(settings, "agenda_sync", ip="2/d", user="100/d")
    for n in range(2):
        client.force_login(UserFactory(username=f"user{n}"))
        assert client.post("/en/forums/agenda/sync/", "{}", content_type="application/json").status_code == 200
    client.force_login(UserFactory(username="third"))
    assert_limited(client.post("/en/forums/agenda/sync/", "{}", content_type="application/json"), "en")
    assert not Agenda.objects.filter(user__username="third").exists()
