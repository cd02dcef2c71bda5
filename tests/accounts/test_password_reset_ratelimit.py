"""Password reset requests queue an email: limited per IP and per address. Login stays with django-axes."""

import pytest

from tests.factories import UserFactory
from tests.ratelimit_support import assert_limited, ip, rates

RESET = "/{language}/accounts/password-reset/"


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_reset_requests_per_ip(client, db, settings, language, django_capture_on_commit_callbacks):
    rates(settings, "password_reset", ip="2/d", address="100/d")
    UserFactory(username="chen", email="chen@example.com")
    for email in ("nobody@example.com", "chen@example.com"):
        assert client.post(RESET.format(language=language), {"email": email}).status_code == 302

    with django_capture_on_commit_callbacks() as queued:
        assert_limited(client.post(RESET.format(language=language), {"email": "chen@example.com"}), language)
    assert queued == []  # no mail
    assert client.get(RESET.format(language=language)).status_code == 200
    with django_capture_on_commit_callbacks() as queued:
        assert client.post(RESET.format(language=language), {"email": "chen@example.com"},
                           **ip("10.4.0.2")).status_code == 302
    assert len(queued) == 1


def test_reset_requests_for_one_address_from_other_ips(client, db, settings, django_capture_on_commit_callbacks):
    rates(settings, "password_reset", ip="100/d", address="1/d")
    UserFactory(username="chen", email="chen@example.com")
    with django_capture_on_commit_callbacks() as queued:
        assert client.post(RESET.format(language="en"), {"email": "chen@example.com"},
                           **ip("10.4.1.1")).status_code == 302
        limited = client.post(RESET.format(language="zh-hans"), {"email": "CHEN@example.com"}, **ip("10.4.1.2"))

    assert_limited(limited, "zh-hans")
    assert len(queued) == 1
