"""Rate limits of contact requests: the form per IP, per address and per account, the confirmation link per link;
past a rate the answer is 429 in the visitor's language and nothing is stored or sent."""

import pytest

from apps.leads import tokens
from apps.leads.models import Lead
from apps.notifications.models import Event
from tests.factories import UserFactory
from tests.ratelimit_support import assert_limited, ip, rates

from .conftest import contact_data, lead_make


def send(client, company, language="en", **data_and_extra):
    extra = {key: data_and_extra.pop(key) for key in list(data_and_extra) if key.isupper()}
    return client.post(f"/{language}/contact/{company.slug}/", contact_data(**data_and_extra), **extra)


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_the_form_is_limited_per_ip(client, company_a, settings, language):
    rates(settings, "lead_send", ip="3/d", address="100/d")
    for n in range(3):
        assert send(client, company_a, language, email=f"v{n}@example.com").status_code == 302

    limited = send(client, company_a, language, email="v9@example.com")

    assert_limited(limited, language)
    assert not Lead.objects.filter(email="v9@example.com").exists() and Event.objects.count() == 3
    assert client.get(f"/{language}/contact/{company_a.slug}/").status_code == 200  # reading is never limited
    assert send(client, company_a, language, email="v9@example.com", **ip("10.9.0.2")).status_code == 302


def test_the_form_is_limited_per_address_from_any_ip(client, company_a, company_b, settings):
    rates(settings, "lead_send", ip="100/d", address="2/d")
    for n, company in enumerate((company_a, company_b)):
        assert send(client, company, email="target@example.com", **ip(f"10.9.1.{n}")).status_code == 302

    limited = send(client, company_a, "zh-hans", email="Target@Example.com", **ip("10.9.1.9"))

    assert_limited(limited, "zh-hans")
    assert Lead.objects.count() == 2
    assert send(client, company_a, email="other@example.com", **ip("10.9.1.9")).status_code == 302


def test_the_form_is_limited_per_account(client, company_a, settings):
    rates(settings, "lead_send", ip="100/d", user="2/d")
    client.force_login(UserFactory(username="busy-buyer"))
    for n in range(2):
        assert send(client, company_a, **ip(f"10.9.2.{n}")).status_code == 302

    assert_limited(send(client, company_a, **ip("10.9.2.9")), "en")
    assert Lead.objects.count() == 2


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_the_confirmation_link_is_limited_and_confirms_nothing_when_refused(client, company_a, settings, language):
    rates(settings, "lead_confirm", ip="100/d", link="2/d")
    lead = lead_make(company_a, confirmed=False)
    path = f"/{language}/contact/confirm/{tokens.confirm_token(lead)}/"
    for n in range(2):
        assert client.post(path, **ip(f"10.9.3.{n}")).status_code == 200
    Lead.objects.filter(pk=lead.pk).update(confirmed_at=None)  # as if the first two had not confirmed it

    assert_limited(client.post(path, **ip("10.9.3.9")), language)
    assert Lead.objects.get(pk=lead.pk).confirmed_at is None
