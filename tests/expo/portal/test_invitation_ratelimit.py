"""Accepting an invitation (which may create an account) is limited per IP and per invitation link."""

import pytest
from django.contrib.auth import get_user_model

from apps.expo.portal import invitations
from tests.factories import InvitationFactory
from tests.ratelimit_support import assert_limited, ip, rates

PASSWORD = "Rubber-valley-2026!"


def _path(company, email, language="en"):
    invitation = InvitationFactory(company=company, email=email, language=language)
    return f"/{language}/portal/invitations/{invitations.invitation_token(invitation)}/"


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_accepting_per_ip_then_429_and_no_account(client, company_a, settings, language):
    rates(settings, "invitation_accept", ip="2/d", link="100/d")
    weak = {"new_password1": "123", "new_password2": "123"}
    first = _path(company_a, "first@longyuan.example", language)
    assert [client.post(first, weak).status_code for _n in range(2)] == [400, 400]
    second = _path(company_a, "second@longyuan.example", language)

    limited = client.post(second, {"new_password1": PASSWORD, "new_password2": PASSWORD})

    assert_limited(limited, language)
    assert not get_user_model().objects.filter(username="second@longyuan.example").exists()
    assert client.get(second).status_code == 200
    other = client.post(second, {"new_password1": PASSWORD, "new_password2": PASSWORD}, **ip("10.3.0.2"))
    assert other.status_code == 302
    assert get_user_model().objects.filter(username="second@longyuan.example").exists()


def test_one_link_from_other_ips(client, company_a, settings):
    rates(settings, "invitation_accept", ip="100/d", link="1/d")
    path = _path(company_a, "first@longyuan.example")
    weak = {"new_password1": "123", "new_password2": "123"}
    assert client.post(path, weak, **ip("10.3.1.1")).status_code == 400
    assert client.post(path, weak, **ip("10.3.1.2")).status_code == 429
