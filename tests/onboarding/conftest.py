"""Fixtures of the joining tests: a confirmed account, companies to find, the way to read the emailed links."""

import re
from urllib.parse import urlparse

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from apps.accounts import roles
from apps.companies.services import company_index, company_member_add
from apps.onboarding import services
from tests.factories import CompanyFactory, UserFactory
from tests.support import deliver_all

PASSWORD = "Rubber-valley-2026!"
CONFIRM_LINK = re.compile(r"http://[^\s\"]+/join/confirm/[^\s/\"]+/")


def sign_up(client, language="en", **data):
    values = {"email": "li.wei@longyuan.example", "name": "Li Wei", "password1": PASSWORD, "password2": PASSWORD,
              "language": language, **data}
    return client.post(f"/{language}/join/", values)


def can_log_in(username, password):
    """Whether the login page lets this username and password in."""
    response = Client().post("/en/accounts/login/", {"username": username, "password": password})
    return response.status_code == 302


def emails_to(address):
    """Deliver the outbox, then the emails that reached `address`."""
    deliver_all()
    return [message for message in mail.outbox if message.to == [address]]


def confirm_path(message):
    return urlparse(CONFIRM_LINK.search(message.body).group(0)).path


def company(slug, en, zh, *, verified=False, members=()):
    made = CompanyFactory(slug=slug, translations={"en": {"name": en}, "zh-hans": {"name": zh}} if zh else
                          {"en": {"name": en}})
    company_index(company=made)
    if verified:
        type(made).objects.filter(pk=made.pk).update(verified_at=timezone.now())
        made.refresh_from_db()
    for user in members:
        company_member_add(company=made, user=user)
    return made


def confirmed(email, name, language):
    """An account through the sign-up services, its confirmation email sent and forgotten."""
    user = services.signup_confirm(signup=services.signup_request(email=email, name=name, password=PASSWORD,
                                                                  language=language))
    deliver_all()
    mail.outbox.clear()
    return user


@pytest.fixture
def joiner(db):
    """An account made on the sign-up page and confirmed (Chinese)."""
    return confirmed("wang.fang@haiwan.example", "王芳", "zh-hans")


@pytest.fixture
def other_joiner(db):
    return confirmed("chen.jie@example.com", "Chen Jie", "en")


@pytest.fixture
def haiwan(db):
    """A company on the platform before (verified, as the existing companies are)."""
    return company("haiwan-chemical", "Haiwan Chemical", "海湾化工", verified=True)


@pytest.fixture
def staff_editor(db):
    return UserFactory(role=roles.EDITORS, username="joining-editor", preferred_language="en")
