"""Signing up: an inactive account until the emailed link is followed with a POST, in the language of the page;
bad, expired, replaced and used links; form errors in both languages with what was typed kept."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from apps.notifications.models import Channel, Message
from apps.onboarding import tokens
from apps.onboarding.models import Signup

from .conftest import PASSWORD, can_log_in, confirm_path, emails_to, sign_up

User = get_user_model()


@pytest.mark.parametrize(("language", "subject", "words"), [
    ("en", "Confirm your account at Rubber Valley Industry Portal", "Follow this link to confirm your address"),
    ("zh-hans", "【橡胶谷产业门户】请确认您的账号", "请点击以下链接确认邮箱地址"),
])
def test_sign_up_makes_an_inactive_account_and_mails_the_link_in_the_page_language(client, db, language, subject,
                                                                                   words):
    response = sign_up(client, language, email=" Li.Wei@Longyuan.example ")
    assert response.status_code == 302
    assert response["Location"] == f"/{language}/join/sent/"

    user = User.objects.get()
    assert (user.username, user.email, user.first_name, user.preferred_language, user.is_active) == (
        "li.wei@longyuan.example", "Li.Wei@longyuan.example", "Li Wei", language, False)
    assert user.check_password(PASSWORD)
    assert Signup.objects.get().confirmed_at is None
    assert not can_log_in("li.wei@longyuan.example", PASSWORD)  # inactive

    [email] = emails_to("Li.Wei@longyuan.example")
    assert email.subject == subject
    assert words in email.body
    assert confirm_path(email).startswith(f"/{language}/join/confirm/")
    assert Message.objects.filter(channel=Channel.INBOX).count() == 0  # no inbox for an account not yet open


def test_following_the_link_needs_a_post_then_opens_the_account_and_logs_in(client, db):
    sign_up(client, "zh-hans")
    path = confirm_path(emails_to("li.wei@longyuan.example")[0])

    page = client.get(path)
    assert page.status_code == 200
    html = page.content.decode()
    assert "确认 li.wei@longyuan.example 是您的地址" in html
    assert 'method="post"' in html
    assert not User.objects.get().is_active  # a mail scanner following the link opens nothing

    response = client.post(path)
    assert response.status_code == 302
    assert response["Location"] == "/zh-hans/join/status/"
    user = User.objects.get()
    assert user.is_active
    assert Signup.objects.get().confirmed_at is not None
    status = client.get("/zh-hans/join/status/")
    assert status.status_code == 200
    assert "您的邮箱地址已确认，并已登录。" in status.content.decode()
    assert can_log_in("li.wei@longyuan.example", PASSWORD)


def test_a_used_link_logs_nobody_in(client, db):
    sign_up(client)
    path = confirm_path(emails_to("li.wei@longyuan.example")[0])
    client.post(path)

    stranger = Client()
    again = stranger.post(path)
    assert again.status_code == 200
    assert "This address is confirmed already. Log in with it." in again.content.decode()
    assert stranger.get("/en/join/status/").status_code == 302  # still anonymous


@pytest.mark.parametrize("token", ["garbage", "1:abc:def", "x" * 300])
def test_tampered_links_answer_400_in_the_language(client, db, token):
    english = client.get(f"/en/join/confirm/{token}/")
    assert english.status_code == 400
    assert "This link is not valid." in english.content.decode()
    chinese = client.post(f"/zh-hans/join/confirm/{token}/")
    assert chinese.status_code == 400
    assert "此链接无效" in chinese.content.decode()


def test_an_expired_link_says_to_sign_up_again(client, db, monkeypatch):
    sign_up(client)
    path = confirm_path(emails_to("li.wei@longyuan.example")[0])
    later = timezone.now().timestamp() + datetime.timedelta(days=4).total_seconds()
    monkeypatch.setattr("time.time", lambda: later)
    response = client.post(path)
    assert response.status_code == 400
    assert "This link has expired. Sign up again to receive a new one." in response.content.decode()
    assert not User.objects.get().is_active


def test_signing_up_again_before_confirming_replaces_the_password_and_retires_the_old_link(client, db):
    sign_up(client, "en")
    old = confirm_path(emails_to("li.wei@longyuan.example")[0])
    sign_up(client, "zh-hans", name="李伟", password1="Another-rubber-2027!", password2="Another-rubber-2027!")
    new = confirm_path(emails_to("li.wei@longyuan.example")[1])

    user = User.objects.get()
    assert (user.first_name, user.preferred_language, user.is_active) == ("李伟", "zh-hans", False)
    refused = client.post(old)
    assert refused.status_code == 400
    assert "This link was replaced by a newer one" in refused.content.decode()
    assert client.post(new).status_code == 302
    assert can_log_in("li.wei@longyuan.example", "Another-rubber-2027!")


def test_a_deleted_signup_link_is_not_valid(client, db):
    sign_up(client)
    path = confirm_path(emails_to("li.wei@longyuan.example")[0])
    User.objects.all().delete()
    assert client.post(path).status_code == 400


def test_the_token_names_the_signup_and_the_password(db):
    signup = Signup.objects.create(user=User.objects.create_user("a@example.com", "a@example.com", PASSWORD,
                                                                 is_active=False))
    pk, fingerprint = tokens.signup_token_read(tokens.signup_token(signup))
    assert pk == signup.pk
    assert tokens.signup_token_matches(signup, fingerprint)
    signup.user.set_password("Something-else-2026!")
    assert not tokens.signup_token_matches(signup, fingerprint)


@pytest.mark.parametrize(("language", "errors"), [
    ("en", ("This field is required.", "The two passwords differ.", "This password is too common.")),
    ("zh-hans", ("这个字段是必填项。", "两次输入的密码不一致。", "这个密码太常见了。")),
])
def test_form_errors_in_the_language_keep_what_was_typed_but_the_password(client, db, language, errors):
    required, mismatch, common = errors
    response = sign_up(client, language, name="", password1="secret-typed-1", password2="secret-typed-2")
    html = response.content.decode()
    assert response.status_code == 400
    assert required in html
    assert mismatch in html
    assert 'value="li.wei@longyuan.example"' in html
    assert "secret-typed" not in html
    weak = sign_up(client, language, password1="password", password2="password", name="Li Wei")
    assert weak.status_code == 400
    assert common in weak.content.decode()
    assert 'value="Li Wei"' in weak.content.decode()
    assert not User.objects.exists()


@pytest.mark.parametrize(("language", "message"), [
    ("en", "Enter a valid email address."), ("zh-hans", "请输入有效的邮箱地址。")])
def test_a_bad_address_is_refused_in_the_language(client, db, language, message):
    response = sign_up(client, language, email="not-an-address")
    assert response.status_code == 400
    assert message in response.content.decode()
    odd = sign_up(client, language, email="o'brien@example.com")
    assert odd.status_code == 400
    assert not User.objects.exists()


def test_a_signed_in_visitor_is_sent_to_the_dashboard(client, joiner):
    client.force_login(joiner)
    response = client.get("/en/join/")
    assert response.status_code == 302
    assert response["Location"] == "/en/join/status/"
