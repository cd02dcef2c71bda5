"""The expo's rules (apps/expo/rules.py) for an editor, a member of the company, a member of another company and an
anonymous visitor; the portal views declare them; a refusal looks like a missing company; the review and invitation
admin check the same rules. (The page-by-page cross-company checks are in tests/expo/portal/test_permissions.py.)"""

import re

import pytest
from django.contrib.auth.models import AnonymousUser, Permission
from django.core import mail
from django.urls import URLPattern

from apps.accounts import roles
from apps.expo import rules as expo_rules
from apps.expo.models import Invitation, ProfileChange, ProfileChangeState
from apps.expo.portal import services
from apps.expo.portal import urls as portal_urls
from apps.expo.portal.uploads import image_check
from tests.factories import UserFactory
from tests.support import deliver_all
from tests.support.files import image_upload

pytestmark = pytest.mark.usefixtures("media_root")

RULES = ("expo.manage_company", "expo.view_pending_file", "expo.review_change", "expo.accept_invitation",
         "expo.send_invitation")


def _staff_with(*codenames, username):
    """A staff account holding only these expo model permissions."""
    user = UserFactory(username=username, is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(content_type__app_label="expo", codename__in=codenames))
    return user


@pytest.fixture
def change_a(company_a, member_a):
    """A pending change of company A with a proposed logo."""
    return services.profile_change_submit(company=company_a, user=member_a, logo=image_check(image_upload()))


@pytest.fixture
def users(portal_editor, member_a, member_b):
    return {"editor": portal_editor, "member": member_a, "other member": member_b, "anonymous": AnonymousUser()}


def _page(response, slug):
    """The page's text with the slug asked for and the (per response) masked CSRF token taken out."""
    text = re.sub(r'name="csrfmiddlewaretoken" value="\w+"', "", response.content.decode())
    return text.replace(slug, "<slug>")


def _answers(users, perm, obj=None):
    return {name: user.has_perm(perm, obj) for name, user in users.items()}


def test_no_model_permission_carries_a_rule_name(db):
    codenames = [name.split(".")[1] for name in RULES]
    assert not Permission.objects.filter(content_type__app_label="expo", codename__in=codenames).exists()


def test_manage_company(users, company_a):
    assert _answers(users, "expo.manage_company", company_a) == {
        "editor": True, "member": True, "other member": False, "anonymous": False}


def test_view_pending_file(users, change_a):
    assert _answers(users, "expo.view_pending_file", change_a) == {
        "editor": True, "member": True, "other member": False, "anonymous": False}
    reviewer = _staff_with("review_profilechange", username="reviewer-only")
    assert reviewer.has_perm("expo.view_pending_file", change_a)


def test_review_change(users, change_a, trading_staff):
    assert _answers(users, "expo.review_change", change_a) == {
        "editor": True, "member": False, "other member": False, "anonymous": False}
    assert not trading_staff.has_perm("expo.review_change", change_a)
    assert _staff_with("review_profilechange", username="reviewer-only").has_perm("expo.review_change", change_a)


def test_accept_invitation_is_for_the_invited_address_only(users, company_a, member_b):
    member_b.email = "  Member-B@Example.com "
    invitation = Invitation.objects.create(company=company_a, email="member-b@example.com", language="en")
    assert _answers(users, "expo.accept_invitation", invitation) == {
        "editor": False, "member": False, "other member": True, "anonymous": False}


def test_send_invitation(users, trading_staff):
    assert _answers(users, "expo.send_invitation") == {
        "editor": True, "member": False, "other member": False, "anonymous": False}
    assert not trading_staff.has_perm("expo.send_invitation")
    assert _staff_with("add_invitation", username="inviter").has_perm("expo.send_invitation")


@pytest.mark.parametrize("predicate", [expo_rules.is_member_of_changed_company, expo_rules.is_invited_address])
def test_object_predicates_refuse_a_missing_object(member_a, predicate):
    assert predicate.test(member_a, None) is False


def test_every_company_page_of_the_portal_declares_its_permission():
    declared = {pattern.name: getattr(pattern.callback, "permission_required", None)
                for pattern in portal_urls.urlpatterns if isinstance(pattern, URLPattern)}
    assert declared == {
        "dashboard": None, "invitation_accept": None, "pending_file": "expo.view_pending_file",
        **dict.fromkeys(("profile", "products", "product_add", "product_edit", "product_delete", "image_delete",
                         "change", "change_withdraw"), "expo.manage_company"),
        "figures": "expo.view_figures",  # members only, not editors
    }


@pytest.mark.parametrize("page", ["", "products/", "products/add/", "change/", "figures/"])
def test_another_companys_page_looks_like_a_missing_one(client, company_b, member_a, page):
    client.force_login(member_a)
    refused = client.get(f"/en/portal/companies/{company_b.slug}/{page}")
    missing = client.get(f"/en/portal/companies/no-such-company/{page}")
    assert (refused.status_code, missing.status_code) == (404, 404)
    assert _page(refused, company_b.slug) == _page(missing, "no-such-company")
    assert "Haiwan" not in refused.content.decode()


def test_a_pending_file_of_another_company_looks_like_a_missing_one(client, company_a, change_a, member_b):
    client.force_login(member_b)
    name = change_a.logo.name.rpartition("/")[2]
    refused = client.get(f"/en/portal/companies/{company_a.slug}/pending/{name}")
    missing = client.get(f"/en/portal/companies/no-such-company/pending/{name}")
    assert (refused.status_code, missing.status_code) == (404, 404)
    assert _page(refused, company_a.slug) == _page(missing, "no-such-company")


def test_editors_manage_every_company_in_the_portal(client, company_b, portal_editor):
    client.force_login(portal_editor)
    response = client.get(f"/en/portal/companies/{company_b.slug}/")
    assert response.status_code == 200
    assert "Haiwan Chemical" in response.content.decode()


# --- The admin checks the same rules ---------------------------------------------------------------------------

def test_staff_who_may_view_but_not_review_see_no_review_forms_and_are_refused(client, change_a):
    viewer = _staff_with("view_profilechange", username="viewer")
    client.force_login(viewer)
    page = client.get(f"/en/admin/expo/profilechange/{change_a.pk}/change/")
    assert page.status_code == 200
    assert "Longyuan Tyre" in page.content.decode()
    assert "/approve/" not in page.content.decode()
    assert 'name="reject"' not in page.content.decode()
    assert client.post(f"/en/admin/expo/profilechange/{change_a.pk}/approve/").status_code == 403
    assert client.post(f"/en/admin/expo/profilechange/{change_a.pk}/reject/", {"reason": "no"}).status_code == 403
    assert ProfileChange.objects.get(pk=change_a.pk).state == ProfileChangeState.PENDING


def test_a_member_of_another_company_cannot_decide_a_change_in_the_admin(client, change_a, member_b):
    member_b.is_staff = True  # even as staff: the rule, not the admin's door, refuses
    member_b.save(update_fields=["is_staff"])
    client.force_login(member_b)
    for action in ("approve", "reject"):
        assert client.post(f"/en/admin/expo/profilechange/{change_a.pk}/{action}/",
                           {"reason": "no"}).status_code == 403
    assert ProfileChange.objects.get(pk=change_a.pk).state == ProfileChangeState.PENDING


def test_reviewers_see_the_review_forms(client, change_a):
    client.force_login(_staff_with("view_profilechange", "review_profilechange", username="reviewer"))
    page = client.get(f"/en/admin/expo/profilechange/{change_a.pk}/change/").content.decode()
    assert f"/admin/expo/profilechange/{change_a.pk}/approve/" in page
    assert 'name="reject"' in page


@pytest.fixture
def invitation_b(company_b):
    return Invitation.objects.create(company=company_b, email="buyer@haiwan.example", language="en")


def _send_again(client, invitation):
    return client.post("/en/admin/expo/invitation/", {"action": "send_again", "_selected_action": [invitation.pk]})


def test_send_again_is_offered_and_runs_for_editors(client, portal_editor, invitation_b):
    client.force_login(portal_editor)
    assert 'value="send_again"' in client.get("/en/admin/expo/invitation/").content.decode()
    assert _send_again(client, invitation_b).status_code == 302
    deliver_all()
    assert [m.to for m in mail.outbox] == [["buyer@haiwan.example"]]


def test_send_again_is_neither_offered_nor_run_without_the_permission(client, invitation_b):
    client.force_login(_staff_with("view_invitation", username="invitation-reader"))
    listing = client.get("/en/admin/expo/invitation/")
    assert listing.status_code == 200
    assert "buyer@haiwan.example" in listing.content.decode()
    assert 'value="send_again"' not in listing.content.decode()
    _send_again(client, invitation_b)
    deliver_all()
    assert mail.outbox == []


def test_a_member_of_another_company_cannot_resend_invitations(client, invitation_b, member_a):
    client.force_login(member_a)
    response = _send_again(client, invitation_b)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    deliver_all()
    assert mail.outbox == []


def test_trading_staff_cannot_open_the_invitations(client, invitation_b):
    client.force_login(UserFactory(role=roles.TRADING_STAFF, username="trader-2"))
    assert client.get("/en/admin/expo/invitation/").status_code == 403
    _send_again(client, invitation_b)
    deliver_all()
    assert mail.outbox == []
