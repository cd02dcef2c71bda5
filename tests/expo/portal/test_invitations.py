"""Invitations: an editor invites a contact; the signed link creates an account (or lets the same address
join), once, for 14 days."""

import datetime
import re
from urllib.parse import urlparse

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.signing import TimestampSigner
from django.utils import timezone

from apps.accounts import roles
from apps.expo.models import Invitation
from apps.expo.portal import invitations
from tests.factories import InvitationFactory, UserFactory
from tests.support import deliver_all

PASSWORD = "Rubber-valley-2026!"


def _invite(client, editor, company, *, email="li.wei@longyuan.example", language="zh-hans"):
    client.force_login(editor)
    response = client.post("/en/admin/expo/invitation/add/", {"company": company.pk, "email": email,
                                                               "language": language})
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()
    deliver_all()
    return Invitation.objects.get(email=email)


def _link(message):
    return re.search(r"http://[^\s]+/portal/invitations/[^\s/]+/", message.body).group(0)


def test_editor_invites_and_the_contact_creates_an_account(client, portal_editor, company_a):
    invitation = _invite(client, portal_editor, company_a)
    assert invitation.invited_by == portal_editor
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["li.wei@longyuan.example"]
    assert message.subject == "邀请：管理隆远轮胎的展商资料"
    link = _link(message)
    assert "/zh-hans/portal/invitations/" in link
    path = urlparse(link).path

    page = client.get(path)
    assert page.status_code == 200 and "请为新账号设置密码" in page.content.decode()
    weak = client.post(path, {"new_password1": "123", "new_password2": "123"})
    assert weak.status_code == 400 and "这个密码太常见了" in weak.content.decode()
    assert not get_user_model().objects.filter(email="li.wei@longyuan.example").exists()
    response = client.post(path, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/zh-hans/portal/"

    user = get_user_model().objects.get(username="li.wei@longyuan.example")
    assert user.check_password(PASSWORD) and user.preferred_language == "zh-hans"
    assert user.groups.filter(name=roles.EXHIBITORS).exists()
    assert company_a.memberships.filter(user=user).exists()
    invitation.refresh_from_db()
    assert invitation.accepted_by == user and invitation.accepted_at is not None
    assert "隆远轮胎" in client.get("/zh-hans/portal/").content.decode()  # logged in, straight to the portal

    client.logout()
    reused = client.post(path, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert reused.status_code == 400 and "该邀请已被使用" in reused.content.decode()


def test_a_logged_in_user_with_the_invited_address_just_joins(client, company_a):
    user = UserFactory(username="wang", email="Wang@Longyuan.example")
    invitation = InvitationFactory(company=company_a, email="wang@longyuan.example")
    client.force_login(user)
    path = f"/en/portal/invitations/{invitations.invitation_token(invitation)}/"
    assert "Join the company" in client.get(path).content.decode()
    assert client.post(path).status_code == 302
    assert company_a.memberships.filter(user=user).exists()
    assert user.groups.filter(name=roles.EXHIBITORS).exists()


def test_an_existing_account_must_log_in_first(client, company_a):
    UserFactory(username="zhao", email="zhao@longyuan.example")
    invitation = InvitationFactory(company=company_a, email="zhao@longyuan.example")
    path = f"/en/portal/invitations/{invitations.invitation_token(invitation)}/"
    html = client.get(path).content.decode()
    assert f'href="/en/accounts/login/?next={path}"' in html
    assert client.post(path, {"new_password1": PASSWORD, "new_password2": PASSWORD}).status_code == 200
    assert not company_a.memberships.exists()


def test_expired_invitation_gives_a_clear_page(client, company_a, monkeypatch):
    invitation = InvitationFactory(company=company_a, email="late@longyuan.example")
    token = invitations.invitation_token(invitation)
    later = timezone.now().timestamp() + datetime.timedelta(days=15).total_seconds()
    monkeypatch.setattr("time.time", lambda: later)
    response = client.get(f"/en/portal/invitations/{token}/")
    assert response.status_code == 400
    assert "This invitation has expired." in response.content.decode()


@pytest.mark.parametrize("token", ["garbage", "1:abc:def", "x" * 300])
def test_tampered_tokens_give_400(client, company_a, token):
    response = client.get(f"/en/portal/invitations/{token}/")
    assert response.status_code == 400
    assert "This invitation link is not valid." in response.content.decode()


def test_a_token_for_a_deleted_invitation_gives_404(client, company_a):
    invitation = InvitationFactory(company=company_a, email="gone@longyuan.example")
    token = invitations.invitation_token(invitation)
    invitation.delete()
    assert client.get(f"/en/portal/invitations/{token}/").status_code == 404


def test_a_token_signed_for_another_purpose_is_refused(client, company_a):
    invitation = InvitationFactory(company=company_a, email="x@longyuan.example")
    token = TimestampSigner(salt="notifications.confirm").sign(str(invitation.pk))
    assert client.get(f"/en/portal/invitations/{token}/").status_code == 400


def test_send_again_mails_a_new_link(client, portal_editor, company_a):
    invitation = _invite(client, portal_editor, company_a, email="again@longyuan.example", language="en")
    mail.outbox.clear()
    invitations.invitation_resend(invitation=invitation)
    deliver_all()
    assert [m.to for m in mail.outbox] == [["again@longyuan.example"]]
    assert "/en/portal/invitations/" in mail.outbox[0].body
