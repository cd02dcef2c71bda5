"""The sign-up page cannot tell who has an account: a registered address gets the answer a new one gets (status,
redirect, page, headers, outbox work); only the email differs. And its writes are rate limited, 429 in the
page's language."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from apps.accounts import roles
from apps.accounts.services import user_create
from apps.core.links import absolute
from apps.notifications.models import Event, Message
from apps.onboarding import notifications
from tests.ratelimit_support import assert_limited, ip, rates

from .conftest import PASSWORD, can_log_in, confirm_path, emails_to, sign_up

User = get_user_model()
CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"')
VARYING_HEADERS = {"Date", "Expires"}


def assert_same_answer(first, second):
    assert first.status_code == second.status_code
    assert CSRF.sub(b"", first.content) == CSRF.sub(b"", second.content)
    assert ({k: v for k, v in first.items() if k not in VARYING_HEADERS}
            == {k: v for k, v in second.items() if k not in VARYING_HEADERS})
    assert sorted(first.cookies) == sorted(second.cookies)


@pytest.fixture
def invited(db):
    """An account made by accepting an editor's invitation (username = address, active)."""
    return user_create(username="zhao.lei@example.com", email="zhao.lei@example.com", password=PASSWORD,
                       role=roles.EXHIBITORS, preferred_language="en", first_name="Zhao Lei")


@pytest.mark.parametrize("language", ["en", "zh-hans"])
@pytest.mark.parametrize("known", [" Zhao.Lei@Example.com ", "wang.fang@haiwan.example"], ids=["invited", "joined"])
def test_registered_and_new_addresses_get_the_same_answer(invited, joiner, language, known):
    visitors = Client(), Client()
    for visitor in visitors:
        visitor.get(f"/{language}/join/")
    new = sign_up(visitors[0], language, email="new.person@example.com")
    again = sign_up(visitors[1], language, email=known)

    assert_same_answer(new, again)
    assert new.status_code == 302
    assert new["Location"] == f"/{language}/join/sent/"
    assert_same_answer(visitors[0].get(new["Location"]), visitors[1].get(again["Location"]))
    assert User.objects.filter(email__iexact=known.strip()).count() == 1


def test_both_answers_do_the_same_outbox_work(client, invited):
    events, messages = Event.objects.count(), Message.objects.count()
    sign_up(client, email="new.person@example.com")
    assert (Event.objects.count() - events, Message.objects.count() - messages) == (1, 1)
    sign_up(client, email="zhao.lei@example.com")
    assert (Event.objects.count() - events, Message.objects.count() - messages) == (2, 2)
    assert not mail.outbox  # sending waits for the worker, for both


@pytest.mark.parametrize(('language', 'subject', 'words'), [
    ("en", "You already have an account at Rubber Valley Industry Portal", "The address already has an account"),
    ("zh-hans", "【橡胶谷产业门户】您已有账号", "该地址已有账号"),
])
def test_a_registered_address_is_told_to_log_in_or_reset_in_the_page_language(client, invited, language, subject,
                                                                              words):
    sign_up(client, language, email="ZHAO.LEI@example.com", name="Someone Else", password1="Taken-over-2026!",
            password2="Taken-over-2026!")
    [email] = emails_to("zhao.lei@example.com")
    assert email.subject == subject
    assert words in email.body
    assert absolute(f"/{language}/accounts/login/") in email.body
    assert absolute(f"/{language}/accounts/password-reset/") in email.body
    assert "/join/confirm/" not in email.body
    invited.refresh_from_db()
    assert (invited.first_name, invited.preferred_language) == ("Zhao Lei", "en")
    assert can_log_in("zhao.lei@example.com", PASSWORD)
    assert not can_log_in("zhao.lei@example.com", "Taken-over-2026!")
    assert Event.objects.filter(kind=notifications.SIGNUP_EXISTING).count() == 1


def test_an_account_closed_by_staff_is_not_reopened_by_signing_up(client, invited):
    User.objects.filter(pk=invited.pk).update(is_active=False)
    sign_up(client, email="zhao.lei@example.com")
    [email] = emails_to("zhao.lei@example.com")
    assert "/join/confirm/" not in email.body
    assert not User.objects.get(pk=invited.pk).is_active


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_sign_ups_per_address_are_limited_with_429_in_the_language(client, db, settings, language):
    rates(settings, "signup", ip="50/d", address="2/d")
    for n in range(2):
        assert sign_up(client, language, **ip(f"203.0.113.{n + 1}")).status_code == 302
    limited = sign_up(client, language, email="LI.WEI@longyuan.example", **ip("203.0.113.9"))
    assert_limited(limited, language)
    assert sign_up(client, language, email="other@example.com", **ip("203.0.113.9")).status_code == 302
    assert len(emails_to("li.wei@longyuan.example")) == 2


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_sign_ups_per_ip_are_limited_with_429_in_the_language(client, db, settings, language):
    rates(settings, "signup", ip="3/d", address="50/d")
    for n in range(3):
        assert sign_up(client, language, email=f"person{n}@example.com", **ip("198.51.100.7")).status_code == 302
    assert_limited(sign_up(client, language, email="person9@example.com", **ip("198.51.100.7")), language)
    assert not User.objects.filter(email="person9@example.com").exists()
    assert client.get(f"/{language}/join/", **ip("198.51.100.7")).status_code == 200  # reading is never limited


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_confirmation_posts_per_link_are_limited(client, db, settings, language):
    rates(settings, "signup_confirm", ip="50/d", link="2/d")
    sign_up(client, language)
    path = confirm_path(emails_to("li.wei@longyuan.example")[0])
    bad = path.replace("/confirm/", "/confirm/x")
    for _n in range(2):
        assert client.post(bad).status_code == 400
    assert_limited(client.post(bad), language)
    assert client.post(path).status_code == 302  # another link counts on its own
