"""Editors decide in the admin: verify or reject a company, approve or decline a join request (a "no" asks for
the reason first); each decision reaches the user by email and inbox in their language. Nobody else decides."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import PermissionDenied

from apps.accounts import roles
from apps.companies.models import Membership
from apps.notifications.models import Channel, Message
from apps.onboarding import services
from apps.onboarding.models import ApplicationState, JoinState
from tests.factories import UserFactory

from .conftest import company, emails_to

APPLICATIONS = "/en/admin/onboarding/companyapplication/"
REQUESTS = "/en/admin/onboarding/joinrequest/"


def act(client, url, action, *records, **extra):
    data = {"action": action, ACTION_CHECKBOX_NAME: [r.pk for r in records], **extra}
    if "reason" not in extra:
        data["index"] = 0
    return client.post(url, data)


@pytest.fixture
def application(joiner):
    return services.application_submit(user=joiner, names={"en": "", "zh-hans": "海月机械"}, segment="midstream")


@pytest.fixture
def join_request(other_joiner, haiwan):
    return services.join_request_submit(user=other_joiner, company=haiwan, message="Sales manager")


def inbox_of(user):
    return list(Message.objects.filter(user=user, channel=Channel.INBOX).values_list("subject_line", flat=True))


def test_the_editor_sees_the_queues(client, staff_editor, application, join_request):
    client.force_login(staff_editor)
    companies = client.get(f"{APPLICATIONS}?state__exact=pending")
    assert companies.status_code == 200
    assert "海月机械" in companies.content.decode()
    requests = client.get(REQUESTS)
    assert requests.status_code == 200
    assert "Haiwan Chemical" in requests.content.decode()
    assert client.get(f"{APPLICATIONS}{application.pk}/change/").status_code == 200


def test_verifying_sets_verified_at_and_tells_the_members_in_their_language(client, staff_editor, application,
                                                                             joiner):
    colleague = UserFactory(username="colleague", preferred_language="en")
    application.company.memberships.create(user=colleague)
    client.force_login(staff_editor)
    response = act(client, APPLICATIONS, "verify", application)
    assert response.status_code == 302

    application.refresh_from_db()
    made = application.company
    made.refresh_from_db()
    assert made.verified_at is not None
    assert application.state == ApplicationState.VERIFIED
    assert (application.decided_by, application.decided_at is not None) == (staff_editor, True)
    assert joiner.has_perm("companies.act_for_verified", made)
    [chinese] = emails_to(joiner.email)
    assert chinese.subject == "海月机械已通过认证"
    assert "/zh-hans/portal/" in chinese.body
    assert "/zh-hans/docking/" in chinese.body
    [english] = emails_to(colleague.email)
    assert english.subject == "海月机械 is verified"  # the company has only a Chinese name
    assert inbox_of(joiner) == ["海月机械已通过认证"]


def test_verifying_again_changes_nothing(client, staff_editor, application):
    client.force_login(staff_editor)
    act(client, APPLICATIONS, "verify", application)
    first = type(application.company).objects.get(pk=application.company_id).verified_at
    act(client, APPLICATIONS, "verify", application)
    assert type(application.company).objects.get(pk=application.company_id).verified_at == first
    assert len(emails_to(application.applicant.email)) == 1


def test_rejecting_asks_for_a_reason_then_tells_it(client, staff_editor, application, joiner):
    client.force_login(staff_editor)
    page = act(client, APPLICATIONS, "reject", application)
    assert page.status_code == 200
    assert 'name="reason"' in page.content.decode()
    empty = act(client, APPLICATIONS, "reject", application, reason=" ")
    assert empty.status_code == 400
    assert "This field is required." in empty.content.decode()
    application.refresh_from_db()
    assert application.state == ApplicationState.PENDING

    done = act(client, APPLICATIONS, "reject", application, reason="没有找到营业执照。")
    assert done.status_code == 302
    application.refresh_from_db()
    assert (application.state, application.reason) == (ApplicationState.REJECTED, "没有找到营业执照。")
    assert application.company.verified_at is None
    [email] = emails_to(joiner.email)
    assert email.subject == "海月机械未能通过认证"
    assert "没有找到营业执照。" in email.body
    client.force_login(joiner)
    status = client.get("/zh-hans/join/status/").content.decode()
    assert "未通过认证。编辑给出的原因：" in status
    assert "没有找到营业执照。" in status


def test_approving_makes_a_member_and_tells_them(client, staff_editor, join_request, other_joiner, haiwan):
    client.force_login(staff_editor)
    assert act(client, REQUESTS, "approve", join_request).status_code == 302
    join_request.refresh_from_db()
    assert (join_request.state, join_request.decided_by) == (JoinState.APPROVED, staff_editor)
    assert list(haiwan.memberships.values_list("user", "role")) == [(other_joiner.pk, Membership.Role.MEMBER)]
    assert other_joiner.groups.filter(name=roles.EXHIBITORS).exists()
    [email] = emails_to(other_joiner.email)
    assert email.subject == "You are now a member of Haiwan Chemical"
    assert "/en/portal/" in email.body
    assert inbox_of(other_joiner) == ["You are now a member of Haiwan Chemical"]
    assert other_joiner.has_perm("companies.act_for_verified", haiwan)


def test_declining_tells_the_reason_in_the_users_language(client, staff_editor, join_request, other_joiner, haiwan):
    client.force_login(staff_editor)
    assert act(client, REQUESTS, "decline", join_request).status_code == 200
    assert act(client, REQUESTS, "decline", join_request, reason="Haiwan's HR does not know you.").status_code == 302
    join_request.refresh_from_db()
    assert (join_request.state, join_request.reason) == (JoinState.DECLINED, "Haiwan's HR does not know you.")
    assert not haiwan.memberships.exists()
    [email] = emails_to(other_joiner.email)
    assert email.subject == "Your request to join Haiwan Chemical was declined"
    assert "Haiwan's HR does not know you." in email.body  # plain text, not HTML-escaped
    client.force_login(other_joiner)
    detail = client.get(f"/en/join/requests/{join_request.pk}/").content.decode()
    assert "Declined" in detail
    assert "Haiwan&#x27;s HR does not know you." in detail


def test_a_decided_request_is_not_decided_again(client, staff_editor, join_request):
    client.force_login(staff_editor)
    act(client, REQUESTS, "decline", join_request, reason="No.")
    act(client, REQUESTS, "approve", join_request)
    join_request.refresh_from_db()
    assert join_request.state == JoinState.DECLINED
    assert not join_request.company.memberships.exists()
    with pytest.raises(services.JoinError):
        services.join_request_approve(join_request=join_request, by=staff_editor)


@pytest.mark.parametrize("role", [roles.TRADING_STAFF, roles.CONTRIBUTORS])
def test_other_staff_cannot_open_or_decide(client, application, join_request, role):
    staff = UserFactory(role=role, username="other-staff")
    client.force_login(staff)
    assert client.get(APPLICATIONS).status_code == 403
    assert client.get(REQUESTS).status_code == 403
    assert act(client, APPLICATIONS, "verify", application).status_code == 403
    assert act(client, REQUESTS, "approve", join_request).status_code == 403
    application.refresh_from_db(), join_request.refresh_from_db()
    assert application.state == ApplicationState.PENDING
    assert application.company.verified_at is None
    assert join_request.state == JoinState.PENDING
    assert "onboarding" not in client.get("/en/admin/").content.decode()


def test_a_company_owner_cannot_approve_requests_to_join_it(client, join_request, haiwan):
    owner = UserFactory(role=roles.EXHIBITORS, username="haiwan-owner")
    haiwan.memberships.create(user=owner, role=Membership.Role.ADMIN)
    client.force_login(owner)
    response = act(client, REQUESTS, "approve", join_request)
    assert response.status_code == 302
    assert response["Location"].startswith("/en/admin/login/")
    with pytest.raises(PermissionDenied):
        services.join_request_approve(join_request=join_request, by=owner)
    join_request.refresh_from_db()
    assert join_request.state == JoinState.PENDING


def test_a_non_editor_cannot_verify_through_the_service(application, joiner):
    with pytest.raises(PermissionDenied):
        services.application_verify(application=application, by=joiner)
    with pytest.raises(PermissionDenied):
        services.application_reject(application=application, by=joiner, reason="Mine")
    application.company.refresh_from_db()
    assert application.company.verified_at is None


def test_the_rows_are_a_record_never_edited_or_deleted(client, staff_editor, application, join_request):
    client.force_login(staff_editor)
    assert client.get(f"{APPLICATIONS}add/").status_code == 403
    assert client.post(f"{REQUESTS}{join_request.pk}/delete/", {"post": "yes"}).status_code == 403
    page = client.get(f"{REQUESTS}{join_request.pk}/change/").content.decode()
    assert 'name="_save"' not in page
    assert "Sales manager" in page


def test_an_unverified_company_made_elsewhere_can_be_verified_by_the_service(staff_editor):
    from apps.companies.services import company_verify

    made = company("made-by-editor", "Made by Editor", "编辑创建")
    assert made.verified_at is None
    assert company_verify(company=made, by=staff_editor).verified_at is not None
