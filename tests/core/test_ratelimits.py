"""apps.core.ratelimits: which requests count, by which keys, the client address behind a proxy, the settings, and
the 429 answer (handler403) in the request's language."""

import math

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import HttpResponse
from django.test import RequestFactory
from django_ratelimit.checks import check_caches
from django_ratelimit.core import is_ratelimited

from apps.core import ratelimits
from apps.core.ratelimits import Limited, client_ip, limit, permission_denied
from apps.notifications.models import Subscription
from tests.factories import UserFactory
from tests.ratelimit_support import assert_limited, ip, main_text, rates

factory = RequestFactory()


def _ok(request, **kwargs):
    return HttpResponse("ok")


def _post(email="", address="10.0.0.1", user=None, **extra):
    request = factory.post("/x/", {"email": email} if email else {}, REMOTE_ADDR=address, **extra)
    request.user = user or AnonymousUser()
    return request


def _sends(view, request, **kwargs):
    """True when the request reaches the view, False when it is refused as over a rate."""
    try:
        return view(request, **kwargs).status_code == 200
    except Limited:
        return False


def test_get_and_head_are_never_counted(settings):
    rates(settings, "subscribe", ip="1/d")
    view = limit("subscribe")(_ok)
    for _n in range(5):
        assert view(factory.get("/x/", REMOTE_ADDR="10.0.0.1")).status_code == 200
        assert view(factory.head("/x/", REMOTE_ADDR="10.0.0.1")).status_code == 200
    assert _sends(view, _post()) is True
    assert _sends(view, _post()) is False


def test_per_ip_rate_then_another_ip_still_passes(settings):
    rates(settings, "subscribe", ip="3/d", address="100/d")
    view = limit("subscribe")(_ok)
    assert [_sends(view, _post(f"p{n}@example.com")) for n in range(4)] == [True, True, True, False]
    assert _sends(view, _post("p9@example.com", address="10.0.0.2")) is True


def test_same_address_from_other_ips_is_limited_whatever_its_case(settings):
    rates(settings, "subscribe", ip="100/d", address="2/d")
    view = limit("subscribe")(_ok)
    sent = [_sends(view, _post(email, address=f"10.0.1.{n}"))
            for n, email in enumerate(["wang@example.com", " Wang@Example.COM ", "WANG@example.com"])]
    assert sent == [True, True, False]
    assert _sends(view, _post("li@example.com", address="10.0.1.9")) is True


def test_a_request_without_an_address_counts_per_ip_only(settings):
    rates(settings, "subscribe", ip="3/d", address="1/d")
    view = limit("subscribe")(_ok)
    assert [_sends(view, _post()) for _n in range(4)] == [True, True, True, False]


def test_each_limit_counts_on_its_own(settings):
    rates(settings, "subscribe", ip="1/d")
    rates(settings, "forum_register", ip="1/d")
    subscribe, register = limit("subscribe")(_ok), limit("forum_register")(_ok)
    assert _sends(subscribe, _post()) and _sends(register, _post())
    assert not _sends(subscribe, _post()) and not _sends(register, _post())


def test_link_key_counts_per_token_from_any_ip(settings):
    rates(settings, "registration_manage", ip="100/d", link="2/d")
    view = limit("registration_manage")(_ok)
    assert [_sends(view, _post(address=f"10.0.2.{n}"), token="abc") for n in range(3)] == [True, True, False]
    assert _sends(view, _post(address="10.0.2.9"), token="other") is True


def test_user_key_counts_per_account(settings, db):
    rates(settings, "agenda_sync", ip="100/d", user="1/d")
    view = limit("agenda_sync")(_ok)
    first, second = UserFactory(username="first"), UserFactory(username="second")
    assert _sends(view, _post(user=first)) is True
    assert _sends(view, _post(user=first, address="10.0.3.1")) is False
    assert _sends(view, _post(user=second)) is True


def test_unknown_limit_or_key_is_refused_at_import(settings):
    with pytest.raises(ImproperlyConfigured, match="no rates for 'nothing'"):
        limit("nothing")
    rates(settings, "subscribe", ip="1/d", cookie="1/d")
    with pytest.raises(ImproperlyConfigured, match="unknown keys"):
        limit("subscribe")


def test_every_configured_limit_is_declared_by_a_view(settings):
    from apps.accounts import urls as account_urls
    from apps.docking.views import portal as docking_portal
    from apps.docking.views import public as docking_public
    from apps.docking.views import responses as docking_responses
    from apps.expo.bookmarks import views as bookmark_views
    from apps.expo.portal import urls as portal_urls
    from apps.forums.agenda.views import optin as optin_views
    from apps.forums.agenda.views import pages as agenda_views
    from apps.forums.registration import views as registration_views
    from apps.leads.views import portal as leads_portal
    from apps.leads.views import public as leads_public
    from apps.meetings.views import visitor as meetings_visitor
    from apps.news import views as news_views
    from apps.notifications import views as notification_views
    from apps.onboarding import views as onboarding_views
    from apps.search import views as search_views

    declared = {getattr(item, "ratelimit", None)
                for module in (optin_views, agenda_views, registration_views, news_views, notification_views,
                               onboarding_views, docking_portal, docking_public, docking_responses, search_views,
                               leads_portal, leads_public, meetings_visitor, bookmark_views)
                for item in vars(module).values()}
    declared |= {getattr(pattern.callback, "ratelimit", None)
                 for pattern in account_urls.urlpatterns + portal_urls.urlpatterns}
    assert declared - {None} == set(settings.RATELIMITS)


# --- The client address ------------------------------------------------------------------------------------------

def test_client_address_is_remote_addr_and_a_forwarded_header_is_ignored_by_default(settings):
    settings.RATELIMIT_CLIENT_IP_HEADER = ""
    request = factory.post("/x/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert client_ip(request) == "10.0.0.1"


@pytest.mark.parametrize("header, value, expected", [
    ("X-Real-IP", "203.0.113.9", "203.0.113.9"),
    ("X-Forwarded-For", "198.51.100.1, 203.0.113.9", "203.0.113.9"),  # the entry our proxy added
    ("X-Forwarded-For", "not-an-address", "10.0.0.1"),
    ("X-Real-IP", "", "10.0.0.1"),
])
def test_client_address_from_the_trusted_proxy_header(settings, header, value, expected):
    settings.RATELIMIT_CLIENT_IP_HEADER = header
    meta = {"HTTP_" + header.upper().replace("-", "_"): value} if value else {}
    assert client_ip(factory.post("/x/", REMOTE_ADDR="10.0.0.1", **meta)) == expected


def test_ipv6_clients_count_per_64_block():
    one = factory.post("/x/", REMOTE_ADDR="2001:db8:1:2::1")
    other = factory.post("/x/", REMOTE_ADDR="2001:db8:1:2:ffff::9")
    assert client_ip(one) == client_ip(other) == "2001:db8:1:2::"


def test_no_client_address_is_a_configuration_error(settings):
    settings.RATELIMIT_CLIENT_IP_HEADER = ""
    with pytest.raises(ImproperlyConfigured, match="RATELIMIT_CLIENT_IP_HEADER"):
        client_ip(factory.post("/x/", REMOTE_ADDR=""))


def test_django_ratelimit_ip_key_reads_the_same_address(settings):
    settings.RATELIMIT_CLIENT_IP_HEADER = "X-Real-IP"
    requests = [factory.post("/x/", REMOTE_ADDR=f"10.0.0.{n}", HTTP_X_REAL_IP="203.0.113.9") for n in (1, 2)]
    limited = [is_ratelimited(request, group="t", key="ip", rate="1/d", increment=True) for request in requests]
    assert limited == [False, True]


# --- Settings and cache ------------------------------------------------------------------------------------------

def test_django_ratelimit_accepts_the_redis_cache_and_refuses_one_that_cannot_count(settings):
    assert settings.CACHES[settings.RATELIMIT_USE_CACHE]["BACKEND"] == "django_redis.cache.RedisCache"
    assert check_caches(None) == []
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert "django_ratelimit.E003" in [error.id for error in check_caches(None)]


def test_every_rate_is_well_formed(settings):
    from django_ratelimit.core import _split_rate

    for name, per_key in settings.RATELIMITS.items():
        assert per_key and set(per_key) <= set(ratelimits.KEYS), name
        for rate in per_key.values():
            count, seconds = _split_rate(rate)
            assert count > 0 and seconds >= 60, (name, rate)


# --- The 429 answer ----------------------------------------------------------------------------------------------

SUBSCRIBE = "/{language}/notifications/subscribe/"


def _subscribe(client, language, email, **extra):
    return client.post(SUBSCRIBE.format(language=language), {
        "email": email, "topics": ["platform.announcements"], "frequency": "immediate", "language": language},
        **extra)


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_over_the_limit_is_429_with_a_page_in_the_language_only(client, db, settings, language):
    rates(settings, "subscribe", ip="1/d", address="10/d")
    assert _subscribe(client, language, "first@example.com").status_code == 302

    response = _subscribe(client, language, "second@example.com")

    assert_limited(response, language)
    html = response.content.decode()
    assert f'<html lang="{language}">' in html and 'name="robots" content="noindex"' in html
    minutes = math.ceil(int(response["Retry-After"]) / 60)
    expected = (f"{math.ceil(minutes / 60)} 小时后重试" if language == "zh-hans" else
                f"try again in {math.ceil(minutes / 60)} hour") if minutes > 60 else \
        (f"{minutes} 分钟后重试" if language == "zh-hans" else f"try again in {minutes} minute")
    assert expected in main_text(response)
    assert list(Subscription.objects.values_list("email", flat=True)) == ["first@example.com"]


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_minutes_when_the_window_is_short(client, db, settings, language):
    rates(settings, "subscribe", ip="1/m")
    _subscribe(client, language, "first@example.com")
    response = _subscribe(client, language, "second@example.com")
    if response.status_code == 302:  # the one-minute window ended in between: once more, a fresh window
        _subscribe(client, language, "third@example.com")
        response = _subscribe(client, language, "fourth@example.com")
    assert_limited(response, language)
    assert ("1 分钟后重试" if language == "zh-hans" else "try again in 1 minute") in main_text(response)


def test_script_clients_get_the_429_as_json(client, db, settings):
    rates(settings, "subscribe", ip="1/d")
    _subscribe(client, "zh-hans", "first@example.com")
    response = client.post(SUBSCRIBE.format(language="zh-hans"), "{}", content_type="application/json")
    assert response["Content-Type"] == "application/json"
    assert_limited(response, "zh-hans")


def test_a_limited_ip_still_reads_pages(client, db, settings):
    rates(settings, "subscribe", ip="1/d")
    _subscribe(client, "en", "first@example.com")
    assert _subscribe(client, "en", "second@example.com").status_code == 429
    assert client.get(SUBSCRIBE.format(language="en")).status_code == 200
    assert _subscribe(client, "en", "second@example.com", **ip("10.9.9.9")).status_code == 302


def test_other_refusals_stay_403(db):
    request = factory.get("/en/")
    request.user = AnonymousUser()
    assert permission_denied(request, PermissionDenied()).status_code == 403
    assert permission_denied(request, Limited(retry_after=30)).status_code == 429
