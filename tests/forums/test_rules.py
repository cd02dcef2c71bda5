"""The forums' rules (apps/forums/rules.py) for an editor, a member of the forum's host company, a member of another
company and an anonymous visitor; the attendee list, the registration admin actions and the agendas check them,
so a member of company A reaches neither the registrations of the forum company A hosts nor another account's
agenda."""

import datetime
import json

import pytest
from django.contrib.auth.models import AnonymousUser, Permission
from django.utils import timezone

from apps.forums import rules as forums_rules
from apps.forums.agenda import optin
from apps.forums.agenda.services import agenda_save, agenda_user_sync
from apps.forums.models import Agenda, Registration, RegistrationState
from apps.forums.registration import services as registration_services
from tests.factories import ForumFactory, SessionFactory, UserFactory
from tests.factories.forums import at, release

pytestmark = pytest.mark.usefixtures("forums_page")

ORGANISER_RULES = ("forums.preview_schedule", "forums.export_attendees", "forums.cancel_registration",
                   "forums.fill_places")
CHANGELIST = "/en/admin/forums/registration/"


@pytest.fixture
def forum(company_a, monkeypatch):
    """A forum hosted by company A, one place, two people registered (one on the waiting list), released."""
    made = ForumFactory(slug="tyre-forum", title="Tyre Forum", title_zh="轮胎论坛", requires_registration=True,
                        capacity=1, hosts=[company_a])
    SessionFactory(forum=made, starts_at=at(9), title="Talk 0", title_zh="报告0")
    SessionFactory(forum=made, starts_at=at(10), title="Talk 1", title_zh="报告1")
    release()
    with monkeypatch.context() as clock:  # they registered before the forum (registration closes once it is over)
        clock.setattr(timezone, "now", lambda: at(8, day=datetime.date(2026, 9, 1)))
        for n in range(2):
            registration_services.registration_create(forum=made, name=f"Person {n}", email=f"p{n}@example.com",
                                                      language="en")
    return made


@pytest.fixture
def users(editor, member_a, member_b):
    return {"editor": editor, "member": member_a, "other member": member_b, "anonymous": AnonymousUser()}


def _answers(users, perm, obj=None):
    return {name: user.has_perm(perm, obj) for name, user in users.items()}


def _staff_with(*codenames, username, is_staff=True):
    user = UserFactory(username=username, is_staff=is_staff)
    user.user_permissions.add(*Permission.objects.filter(content_type__app_label="forums", codename__in=codenames))
    return user


def _states(forum):
    return dict(Registration.objects.filter(forum=forum).values_list("email", "state"))


def test_no_model_permission_carries_a_rule_name(db):
    names = (*ORGANISER_RULES, "forums.sync_agenda", "forums.manage_agenda_email")
    assert not Permission.objects.filter(content_type__app_label="forums",
                                         codename__in=[name.split(".")[1] for name in names]).exists()


@pytest.mark.parametrize("perm", ORGANISER_RULES)
def test_organiser_rules_are_for_editors_only(users, forum, perm):
    assert _answers(users, perm) == {"editor": True, "member": False, "other member": False, "anonymous": False}


@pytest.mark.parametrize(("perm", "codename"), [
    ("forums.preview_schedule", "change_session"), ("forums.export_attendees", "view_registration"),
    ("forums.cancel_registration", "change_registration"), ("forums.fill_places", "change_registration")])
def test_organiser_rules_need_staff_and_the_model_permission(db, perm, codename):
    assert _staff_with(codename, username="organiser").has_perm(perm)
    assert not _staff_with(codename, username="not-staff", is_staff=False).has_perm(perm)
    assert not _staff_with(username="staff-only").has_perm(perm)


def test_sync_agenda_is_for_accounts(users):
    assert _answers(users, "forums.sync_agenda") == {
        "editor": True, "member": True, "other member": True, "anonymous": False}


def test_the_alert_address_of_a_visitors_agenda_is_managed_by_its_token_holder(users, forum):
    agenda = agenda_save(session_ids=[], language="en")
    assert _answers(users, "forums.manage_agenda_email", agenda) == {
        "editor": True, "member": True, "other member": True, "anonymous": True}


def test_an_account_agenda_has_no_alert_address_to_manage(users, forum, member_a):
    agenda = agenda_user_sync(user=member_a, session_ids=[], language="en")
    assert _answers(users, "forums.manage_agenda_email", agenda) == {
        "editor": False, "member": False, "other member": False, "anonymous": False}
    assert forums_rules.is_visitor_agenda.test(member_a, None) is False


# --- Attendee list and registration admin ------------------------------------------------------------------------

@pytest.mark.parametrize("who", ["member_a", "member_b"])
def test_company_members_get_no_attendee_list_not_even_of_the_forum_their_company_hosts(client, request, forum,
                                                                                        who):
    client.force_login(request.getfixturevalue(who))
    for language in ("en", "zh-hans"):
        response = client.get(f"/{language}/forums/{forum.slug}/attendees.csv")
        assert response.status_code == 403
        assert "p0@example.com" not in response.content.decode()
    # a guessed slug answers the same: no one learns which forums exist unreleased
    assert client.get("/en/forums/unreleased-forum/attendees.csv").status_code == 403


def test_registration_actions_refuse_company_members(client, forum, member_a):
    client.force_login(member_a)
    ids = list(Registration.objects.values_list("pk", flat=True))
    for action in ("export_csv", "cancel_registrations", "fill_places"):
        response = client.post(CHANGELIST, {"action": action, "_selected_action": ids})
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]
    assert _states(forum) == {"p0@example.com": RegistrationState.CONFIRMED,
                              "p1@example.com": RegistrationState.WAITLISTED}


def test_staff_who_may_only_view_registrations_export_but_change_nothing(client, forum):
    client.force_login(_staff_with("view_registration", username="registration-reader"))
    ids = list(Registration.objects.values_list("pk", flat=True))
    listing = client.get(CHANGELIST).content.decode()
    assert 'value="export_csv"' in listing
    assert 'value="cancel_registrations"' not in listing
    assert 'value="fill_places"' not in listing

    exported = client.post(CHANGELIST, {"action": "export_csv", "_selected_action": ids})
    assert exported["Content-Type"] == "text/csv; charset=utf-8"
    assert "p1@example.com" in exported.content.decode()
    forum.capacity = 2
    forum.save()
    for action in ("cancel_registrations", "fill_places"):
        client.post(CHANGELIST, {"action": action, "_selected_action": ids})
    assert _states(forum) == {"p0@example.com": RegistrationState.CONFIRMED,
                              "p1@example.com": RegistrationState.WAITLISTED}


def test_organisers_run_the_registration_actions(client, forum):
    client.force_login(_staff_with("view_registration", "change_registration", username="organiser"))
    forum.capacity = 2
    forum.save()
    first = Registration.objects.get(email="p1@example.com")
    response = client.post(CHANGELIST, {"action": "fill_places", "_selected_action": [first.pk]}, follow=True)
    assert "1 person moved up from the waiting list." in response.content.decode()
    assert _states(forum) == {"p0@example.com": RegistrationState.CONFIRMED,
                              "p1@example.com": RegistrationState.CONFIRMED}


# --- Agendas ----------------------------------------------------------------------------------------------------

def _entries(user):
    return list(Agenda.objects.get(user=user).entries.values_list("session_id", flat=True))


def test_an_account_syncs_only_its_own_agenda(client, forum, member_a, member_b):
    talk_0, talk_1 = forum.sessions.order_by("starts_at")
    agenda_user_sync(user=member_a, session_ids=[talk_0.pk], language="en")
    client.force_login(member_b)

    stored = client.post("/en/forums/agenda/sync/", json.dumps({"sessions": [talk_1.pk]}),
                         content_type="application/json")

    assert stored.json() == {"sessions": [talk_1.pk]}
    assert client.get("/en/forums/agenda/sync/").json() == {"sessions": [talk_1.pk]}
    assert (_entries(member_a), _entries(member_b)) == ([talk_0.pk], [talk_1.pk])


@pytest.mark.parametrize(("language", "message"), [("en", "Sign in to keep your agenda on your account."),
                                               ("zh-hans", "请登录后将日程保存到您的账户。")])
def test_anonymous_sync_is_refused_in_json_in_the_language(client, forum, language, message):
    talk_0 = forum.sessions.order_by("starts_at").first()
    for response in (client.get(f"/{language}/forums/agenda/sync/"),
                     client.post(f"/{language}/forums/agenda/sync/", json.dumps({"sessions": [talk_0.pk]}),
                                 content_type="application/json")):
        assert (response.status_code, response.json()) == (403, {"error": message})
    assert not Agenda.objects.exists()


def test_the_token_of_an_account_agenda_sets_no_alert_address(client, forum, member_a, member_b):
    agenda = agenda_user_sync(user=member_a, session_ids=[], language="en")
    client.force_login(member_b)  # holding someone else's calendar link

    page = client.post(f"/en/forums/agenda/manage/{agenda.token}/", {"email": "member-b@example.com"})
    resend = client.post(f"/en/forums/agenda/manage/{agenda.token}/resend/")
    confirm = client.post(f"/en/forums/agenda/confirm/{optin.confirm_token(agenda.pk, 'member-b@example.com')}/")

    assert page.status_code == 200
    assert "go to your account" in page.content.decode()
    assert (resend.status_code, confirm.status_code) == (404, 400)
    agenda.refresh_from_db()
    assert (agenda.email, agenda.email_confirmed_at) == ("", None)
