"""The sign-up form cannot tell who is registered: an address that holds a registration gets the answer a new
address gets (status, redirect, page, headers); only the email differs, which sends it its existing manage link.
And the form's writes are rate limited per IP and per address."""

import re

import pytest
from django.core import mail
from django.test import Client

from apps.forums.models import Registration, RegistrationState
from apps.forums.registration import notifications, services
from apps.notifications.models import Event, Message
from apps.notifications.render import absolute
from tests.factories import ForumFactory
from tests.factories.forums import release
from tests.ratelimit_support import assert_limited, ip, rates
from tests.support import deliver_all

REGISTER = "/{language}/forums/smart-factory/register/"
CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"')
VARYING_HEADERS = {"Date", "Expires"}  # the clock


@pytest.fixture
def forum(forums_page):
    made = ForumFactory(slug="smart-factory", title="Smart Manufacturing Forum", title_zh="智能制造论坛",
                        venue="Room 203", venue_zh="203会议室", requires_registration=True, capacity=2)
    release()
    return made


def known(forum, n=1, language="en"):
    return services.registration_create(forum=forum, name=f"Known {n}", email=f"known{n}@example.com",
                                        language=language)


def post(client, language="en", **data):
    values = {"name": "Wang Fang", "email": "wang.fang@example.com", "organisation": "Haiyue Machinery", **data}
    return client.post(REGISTER.format(language=language), values)


def assert_same_answer(first, second):
    assert first.status_code == second.status_code
    assert CSRF.sub(b"", first.content) == CSRF.sub(b"", second.content)
    assert ({k: v for k, v in first.items() if k not in VARYING_HEADERS}
            == {k: v for k, v in second.items() if k not in VARYING_HEADERS})
    assert sorted(first.cookies) == sorted(second.cookies)


@pytest.mark.parametrize("language", ["en", "zh-hans"])
@pytest.mark.parametrize("full", [False, True], ids=["places", "full"])
def test_registered_and_new_addresses_get_the_same_answer(forum, language, full):
    known(forum, 1)
    if full:
        known(forum, 2)
    visitors = Client(), Client()  # two visitors, each with their own cookies
    for visitor in visitors:
        visitor.get(REGISTER.format(language=language))

    new = post(visitors[0], language, email="new@example.com")
    again = post(visitors[1], language, email=" Known1@Example.com ")

    assert_same_answer(new, again)
    assert new.status_code == 302 and new["Location"] == f"/{language}/forums/smart-factory/register/sent/"
    assert_same_answer(visitors[0].get(new["Location"]), visitors[1].get(again["Location"]))
    assert sorted(Registration.objects.values_list("email", flat=True)) == (
        ["known1@example.com", "known2@example.com", "new@example.com"] if full else
        ["known1@example.com", "new@example.com"])


def test_both_answers_do_the_same_outbox_work(client, forum):
    known(forum)
    events, messages = Event.objects.count(), Message.objects.count()

    post(client, email="new@example.com")
    assert (Event.objects.count() - events, Message.objects.count() - messages) == (1, 1)
    post(client, email="known1@example.com")
    assert (Event.objects.count() - events, Message.objects.count() - messages) == (2, 2)
    assert not mail.outbox  # sending waits for the worker, for both


@pytest.mark.parametrize("language, subject, words", [
    ("en", "You are already registered: Smart Manufacturing Forum", "The address is already registered"),
    ("zh-hans", "您已报名：智能制造论坛", "该地址已经报名"),
])
def test_registered_address_is_emailed_its_manage_link_in_the_language_asked(client, forum, language, subject,
                                                                             words):
    registration = known(forum, language="en")
    deliver_all()
    mail.outbox.clear()

    post(client, language, email="KNOWN1@example.com", name="Someone Else", organisation="Other Co")
    deliver_all()

    [email] = mail.outbox
    assert email.to == ["known1@example.com"] and email.subject == subject
    link = absolute(f"/{language}/forums/registration/{registration.token}/")
    assert link in email.body and words in email.body
    assert f'href="{link}"' in email.alternatives[0][0]
    assert Event.objects.filter(kind=notifications.EXISTING).count() == 1
    registration.refresh_from_db()
    assert (registration.name, registration.organisation, registration.language) == ("Known 1", "", "en")
    assert Registration.objects.count() == 1


def test_a_waitlisted_address_hears_its_position_and_asking_twice_sends_twice(client, forum):
    known(forum, 1), known(forum, 2)
    waiting = known(forum, 3)
    deliver_all()
    mail.outbox.clear()

    post(client, email="known3@example.com")
    post(client, email="known3@example.com")
    deliver_all()

    assert [m.to for m in mail.outbox] == [["known3@example.com"]] * 2
    assert "You are number 1 on the waiting list." in mail.outbox[0].body
    assert f"/en/forums/registration/{waiting.token}/" in mail.outbox[0].body


def test_a_cancelled_address_registers_anew(client, forum):
    services.registration_cancel(registration=known(forum))
    post(client, email="known1@example.com")
    assert list(Registration.objects.order_by("pk").values_list("state", flat=True)) == [
        RegistrationState.CANCELLED, RegistrationState.CONFIRMED]


def test_request_service_returns_the_new_registration_or_nothing(forum):
    first = services.registration_request(forum=forum, name="A", email="a@example.com", language="en")
    again = services.registration_request(forum=forum, name="A", email=" A@example.com", language="zh-hans")
    assert first.state == RegistrationState.CONFIRMED and again is None
    existing = Event.objects.get(kind=notifications.EXISTING)
    assert list(existing.messages.values_list("email", "language")) == [("a@example.com", "zh-hans")]


# --- Rate limits ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_sign_ups_per_ip_then_429_and_nothing_written(client, forum, settings, language):
    rates(settings, "forum_register", ip="3/d", address="100/d")
    forum.capacity = None
    forum.save()
    release()
    for n in range(3):
        assert post(client, language, email=f"p{n}@example.com").status_code == 302
    events = Event.objects.count()

    limited = post(client, language, email="p9@example.com")

    assert_limited(limited, language)
    assert Registration.objects.count() == 3 and Event.objects.count() == events
    assert client.get(REGISTER.format(language=language)).status_code == 200  # the page is never limited
    other = client.post(REGISTER.format(language=language), {"name": "B", "email": "p9@example.com"},
                        **ip("10.8.0.2"))
    assert other.status_code == 302 and Registration.objects.count() == 4


def test_same_address_from_other_ips_is_limited(client, forum, settings):
    rates(settings, "forum_register", ip="100/d", address="2/d")
    known(forum)
    for n in range(2):
        assert client.post(REGISTER.format(language="en"), {"name": "X", "email": "known1@example.com"},
                           **ip(f"10.8.1.{n}")).status_code == 302
    events = Event.objects.count()

    limited = client.post(REGISTER.format(language="zh-hans"), {"name": "X", "email": "KNOWN1@example.com"},
                          **ip("10.8.1.9"))

    assert_limited(limited, "zh-hans")
    assert Event.objects.count() == events
    assert client.post(REGISTER.format(language="en"), {"name": "Y", "email": "y@example.com"},
                       **ip("10.8.1.9")).status_code == 302


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_cancelling_is_limited_per_ip_and_per_link(client, forum, settings, language):
    rates(settings, "registration_manage", ip="1/d", link="100/d")
    first, second = known(forum, 1), known(forum, 2)
    manage = "/{language}/forums/registration/{token}/"
    assert client.post(manage.format(language=language, token=first.token)).status_code == 302

    limited = client.post(manage.format(language=language, token=second.token))

    assert_limited(limited, language)
    second.refresh_from_db()
    assert second.state == RegistrationState.CONFIRMED
    assert client.get(manage.format(language=language, token=second.token)).status_code == 200
    assert client.post(manage.format(language=language, token=second.token), **ip("10.8.2.1")).status_code == 302

    rates(settings, "registration_manage", ip="100/d", link="1/d")
    third = known(forum, 3)
    client.post(manage.format(language=language, token=third.token), **ip("10.8.2.2"))
    assert client.post(manage.format(language=language, token=third.token), **ip("10.8.2.3")).status_code == 429
