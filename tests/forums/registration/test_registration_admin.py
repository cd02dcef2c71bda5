"""Registrations in the admin: organisers list and filter them, export CSV, cancel (the waiting list moves up)."""

import pytest

from apps.forums.models import Registration, RegistrationState
from apps.forums.registration import services
from tests.factories import ForumFactory

CHANGELIST = "/en/admin/forums/registration/"


@pytest.fixture
def registrations(forums_page):
    forum = ForumFactory(slug="recycling", title="Recycling Forum", requires_registration=True, capacity=1)
    other = ForumFactory(slug="finance", title="Finance Forum", requires_registration=True)
    made = [services.registration_create(forum=forum, name=f"Person {n}", email=f"p{n}@example.com", language="en")
            for n in range(3)]
    made.append(services.registration_create(forum=other, name="Other", email="other@example.com", language="en"))
    return {"forum": forum, "other": other, "made": made}


@pytest.mark.parametrize("role, status", [("anonymous", 302), ("exhibitor", 302), ("editor", 200)])
def test_registration_admin_is_for_organisers(client, request, registrations, role, status):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    response = client.get(CHANGELIST)
    assert response.status_code == status
    if status == 302:
        assert "/admin/login/" in response["Location"]


def test_changelist_filters_by_forum_and_state(client, editor, registrations):
    client.force_login(editor)
    forum = registrations["forum"]
    html = client.get(f"{CHANGELIST}?forum__id__exact={forum.pk}&state__exact=waitlisted").content.decode()
    assert "p1@example.com" in html and "p2@example.com" in html
    assert "p0@example.com" not in html and "other@example.com" not in html
    assert client.get(f"/zh-hans/admin/forums/registration/{registrations['made'][0].pk}/change/").status_code == 200
    assert client.get("/en/admin/forums/registration/add/").status_code == 403


def test_export_action_writes_csv_with_the_forum(client, editor, registrations):
    client.force_login(editor)
    ids = [r.pk for r in registrations["made"]]
    response = client.post(CHANGELIST, {"action": "export_csv", "_selected_action": ids})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "Forum,State,Full name,Email,Organisation,Language,Registered"
    assert [line.split(",")[:3] for line in lines[1:]] == [  # by forum (date, slug), then in order of arrival
        ["Finance Forum", "Confirmed", "Other"], ["Recycling Forum", "Confirmed", "Person 0"],
        ["Recycling Forum", "On the waiting list", "Person 1"], ["Recycling Forum", "On the waiting list", "Person 2"]]


def test_cancel_action_goes_through_the_service(client, editor, registrations):
    client.force_login(editor)
    first = registrations["made"][0]
    response = client.post(CHANGELIST, {"action": "cancel_registrations", "_selected_action": [first.pk]},
                           follow=True)
    assert "1 registration cancelled." in response.content.decode()
    states = dict(Registration.objects.filter(forum=registrations["forum"]).values_list("email", "state"))
    assert states == {"p0@example.com": RegistrationState.CANCELLED, "p1@example.com": RegistrationState.CONFIRMED,
                      "p2@example.com": RegistrationState.WAITLISTED}


def test_fill_places_action_after_raising_the_capacity(client, editor, registrations):
    forum = registrations["forum"]
    forum.capacity = 3
    forum.save()
    client.force_login(editor)
    response = client.post(CHANGELIST, {"action": "fill_places", "_selected_action": [registrations["made"][0].pk]},
                           follow=True)
    assert "2 people moved up from the waiting list." in response.content.decode()
    assert Registration.objects.filter(forum=forum, state=RegistrationState.CONFIRMED).count() == 3
