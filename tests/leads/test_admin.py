"""The editors' overview in the admin: every request per edition with filters and a count summary, read only; the
message and the notes stay hidden (form, search, CSV) unless the editor holds leads.read_lead_message, which no
role has by default; exhibitors and visitors never get in."""

import csv
import io

import pytest
from django.contrib.auth.models import Group, Permission

from apps.accounts import roles
from apps.leads.models import Lead, Status
from tests.factories import EditionFactory, ParticipationFactory, UserFactory

from .conftest import lead_make

SECRET = "Our secret target price is 41 USD per tyre."
CHANGELIST = "/en/admin/leads/lead/"


@pytest.fixture
def leads(company_a, company_b):
    later = EditionFactory(slug="rubber-expo-2027")
    ParticipationFactory(company=company_a, edition=later)
    return {"a": lead_make(company_a, name="Alice Buyer", message=SECRET, status=Status.CONTACTED),
            "b": lead_make(company_b, name="Bob Buyer", message="Carbon black samples."),
            "waiting": lead_make(company_a, name="Wendy Waiting", confirmed=False),
            "later": lead_make(company_a, name="Lars Later", edition=later),
            "later_edition": later}


def grant_read(user):
    user.user_permissions.add(Permission.objects.get(codename="read_lead_message", content_type__app_label="leads"))
    return type(user).objects.get(pk=user.pk)  # a fresh object: permissions are cached per object


def test_no_role_holds_the_permission_to_read_messages(db):
    for role in roles.ALL:
        assert not Group.objects.get(name=role).permissions.filter(codename="read_lead_message").exists()


def test_editors_list_every_request_with_counts_but_no_message(client, leads, portal_editor):
    client.force_login(portal_editor)

    page = client.get(CHANGELIST)

    assert page.status_code == 200
    html = page.content.decode()
    assert all(name in html for name in ("Alice Buyer", "Bob Buyer", "Wendy Waiting", "Lars Later"))
    assert "4 requests, 3 confirmed: 2 new, 1 contacted, 0 closed." in html
    assert SECRET not in html
    per_edition = client.get(CHANGELIST, {"edition__id__exact": leads["later_edition"].pk}).content.decode()
    assert "1 requests, 1 confirmed: 1 new, 0 contacted, 0 closed." in per_edition
    assert "Lars Later" in per_edition and "Alice Buyer" not in per_edition
    unconfirmed = client.get(CHANGELIST, {"confirmed": "no"}).content.decode()
    assert "Wendy Waiting" in unconfirmed and "Alice Buyer" not in unconfirmed


def test_the_request_page_hides_message_and_notes_without_the_permission(client, leads, portal_editor):
    lead = leads["a"]
    Lead.objects.filter(pk=lead.pk).update(notes="Offer them 5% off.")
    client.force_login(portal_editor)

    page = client.get(f"{CHANGELIST}{lead.pk}/change/").content.decode()

    assert "Alice Buyer" in page and SECRET not in page and "Offer them 5% off." not in page
    assert client.get(CHANGELIST, {"q": "secret target"}).context["cl"].result_count == 0  # no search in messages
    client.force_login(grant_read(portal_editor))
    page = client.get(f"{CHANGELIST}{lead.pk}/change/").content.decode()
    assert SECRET in page and "Offer them 5% off." in page
    assert client.get(CHANGELIST, {"q": "secret target"}).context["cl"].result_count == 1


def test_editors_cannot_change_or_delete_requests(client, leads, portal_editor):
    lead = leads["a"]
    client.force_login(portal_editor)

    assert client.post(f"{CHANGELIST}{lead.pk}/change/", {"status": Status.CLOSED, "name": "Changed"}).status_code \
        == 403
    assert client.get(f"{CHANGELIST}{lead.pk}/delete/").status_code == 403
    assert client.get(f"{CHANGELIST}add/").status_code == 403
    lead.refresh_from_db()
    assert (lead.status, lead.name) == (Status.CONTACTED, "Alice Buyer")


def rows_of(response):
    assert response.content.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_csv_of_the_filtered_list_with_messages_only_for_those_allowed(client, leads, portal_editor):
    client.force_login(portal_editor)

    rows = rows_of(client.get(f"{CHANGELIST}export.csv", {"edition__id__exact": leads["a"].edition_id}))

    assert rows[0] == ["Number", "Expo edition", "Exhibitor", "Status", "Sent", "Confirmed", "Sender's name",
                       "Company name", "Email", "Language"]
    assert sorted(row[6] for row in rows[1:]) == ["Alice Buyer", "Bob Buyer", "Wendy Waiting"]
    assert SECRET not in "".join(",".join(row) for row in rows)
    client.force_login(grant_read(portal_editor))
    chinese = rows_of(client.get(f"/zh-hans{CHANGELIST[3:]}export.csv", {"q": "Alice"}))
    assert chinese[0][-2:] == ["留言", "备注"] and chinese[1][-2] == SECRET and chinese[1][2] == "隆远轮胎"


def test_members_and_visitors_never_reach_the_overview(client, leads, member_a):
    for user in (member_a, UserFactory(username="plain-visitor")):
        client.force_login(user)
        for path in (CHANGELIST, f"{CHANGELIST}export.csv", f"{CHANGELIST}{leads['a'].pk}/change/"):
            response = client.get(path)
            assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_csv_with_bad_filters_is_a_clear_400(client, leads, portal_editor):
    client.force_login(portal_editor)

    response = client.get(f"{CHANGELIST}export.csv", {"edition__id__exact": "not-a-number"})

    assert response.status_code == 400 and "These filters are not valid." in response.content.decode()
