"""Rate limits of the subscription forms and links: subscribe per IP and per address, the confirmation, manage,
unsubscribe and stop-emails links per IP and per link. A refused request writes nothing."""

import pytest

from apps.notifications import tokens
from apps.notifications.models import Event, Subscription, UserPreference
from tests.factories import SubscriptionFactory, UserFactory
from tests.factories.notifications import TOPIC
from tests.ratelimit_support import assert_limited, ip, rates

SUBSCRIBE = "/{language}/notifications/subscribe/"


def subscribe(client, email, language="en", **extra):
    return client.post(SUBSCRIBE.format(language=language), {
        "email": email, "topics": [TOPIC], "frequency": "immediate", "language": language}, **extra)


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_subscribe_per_ip_then_429_and_no_subscription(client, db, settings, language):
    rates(settings, "subscribe", ip="3/d", address="100/d")
    for n in range(3):
        assert subscribe(client, f"r{n}@example.com", language).status_code == 302

    limited = subscribe(client, "r9@example.com", language)

    assert_limited(limited, language)
    assert not Subscription.objects.filter(email="r9@example.com").exists()
    assert Event.objects.count() == 3
    assert client.get(SUBSCRIBE.format(language=language)).status_code == 200
    assert subscribe(client, "r9@example.com", language, **ip("10.7.0.2")).status_code == 302


def test_subscribe_same_address_from_other_ips_is_limited(client, db, settings):
    rates(settings, "subscribe", ip="100/d", address="2/d")
    for n in range(2):
        assert subscribe(client, "victim@example.com", **ip(f"10.7.1.{n}")).status_code == 302

    limited = subscribe(client, "Victim@Example.com", "zh-hans", **ip("10.7.1.9"))

    assert_limited(limited, "zh-hans")
    assert Event.objects.count() == 2  # no third confirmation email
    assert subscribe(client, "other@example.com", **ip("10.7.1.9")).status_code == 302


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_confirmation_link_is_limited_and_confirms_nothing_when_refused(client, db, settings, language):
    rates(settings, "subscription_confirm", ip="1/d", link="100/d")
    first, second = SubscriptionFactory.create_bulk(2, confirmed=False)
    url = "/{language}/notifications/confirm/{token}/"
    assert client.post(url.format(language=language, token=tokens.confirm_token(first))).status_code == 200

    limited = client.post(url.format(language=language, token=tokens.confirm_token(second)))

    assert_limited(limited, language)
    second.refresh_from_db()
    assert second.confirmed_at is None
    assert client.get(url.format(language=language, token=tokens.confirm_token(second))).status_code == 200

    rates(settings, "subscription_confirm", ip="100/d", link="1/d")
    token = tokens.confirm_token(second)
    assert client.post(url.format(language=language, token=token), **ip("10.7.2.1")).status_code == 200
    assert client.post(url.format(language=language, token=token), **ip("10.7.2.2")).status_code == 429


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_manage_unsubscribe_and_stop_emails_are_limited(client, db, settings, language):
    rates(settings, "subscription_manage", ip="1/d", link="100/d")
    sub = SubscriptionFactory.create_bulk(1)[0]
    token = tokens.manage_token(sub)
    manage = client.post(f"/{language}/notifications/manage/{token}/",
                         {"topics": [TOPIC], "frequency": "daily", "language": language})
    assert manage.status_code == 200

    unsubscribe = client.post(f"/{language}/notifications/unsubscribe/{token}/", {"List-Unsubscribe": "One-Click"})
    user = UserFactory(username="reader")
    stop = client.post(f"/{language}/notifications/stop-emails/{tokens.user_email_off_token(user)}/")

    assert_limited(unsubscribe, language)
    assert_limited(stop, language)
    sub.refresh_from_db()
    assert sub.unsubscribed_at is None and sub.frequency == "daily"
    assert not UserPreference.objects.filter(user=user).exists()
    other = client.post(f"/{language}/notifications/unsubscribe/{token}/", **ip("10.7.3.1"))
    assert other.status_code == 200
    sub.refresh_from_db()
    assert sub.unsubscribed_at is not None


def test_one_link_is_limited_from_any_ip(client, db, settings):
    rates(settings, "subscription_manage", ip="100/d", link="2/d")
    token = tokens.manage_token(SubscriptionFactory.create_bulk(1)[0])
    data = {"topics": [TOPIC], "frequency": "immediate", "language": "en"}
    codes = [client.post(f"/en/notifications/manage/{token}/", data, **ip(f"10.7.4.{n}")).status_code
             for n in range(3)]
    assert codes == [200, 200, 429]
