"""Helpers of the rate-limit tests: small rates for one limit, requests from a given address, the 429 checks.
tests/conftest.py registers this module as a plugin, so its autouse fixture clears the counters around every test.

Rates in tests are per day ("3/d"): django-ratelimit counts in fixed windows, and a window of an hour could end in
the middle of a test (one chance in thousands), resetting the counters it checks.
"""

import re

import pytest
from django.conf import settings as django_settings
from django.core.cache import caches

LATIN = re.compile(r"[A-Za-z]")
CJK = re.compile(r"[\u3400-\u9fff\uff00-\uffef]")


@pytest.fixture(autouse=True)
def ratelimit_counters_cleared():
    """Every test starts and ends with no rate-limit counter in the (per xdist worker) Redis database."""
    cache = caches[django_settings.RATELIMIT_USE_CACHE]
    prefix = getattr(django_settings, "RATELIMIT_CACHE_PREFIX", "rl:")
    cache.delete_pattern(f"{prefix}*")
    yield
    cache.delete_pattern(f"{prefix}*")


def rates(settings, name, **per_key):
    """Give the limit `name` these rates (e.g. ip="3/d") for this test."""
    settings.RATELIMITS = {**settings.RATELIMITS, name: per_key}


def ip(address):
    """Keyword arguments of a test client request coming from `address`."""
    return {"REMOTE_ADDR": address}


def main_text(response):
    """The visible text of the page's <main>, without tags, entities or runs of spaces."""
    html = response.content.decode()
    main = html[html.index("<main"):html.index("</main>")]
    main = main[main.index(">") + 1:]
    text = re.sub(r"<[^>]+>|&[#\w]+;", " ", main)
    return " ".join(text.split())


def assert_limited(response, language):
    """429 with the page in the request's language only (or its JSON), Retry-After set, never cached."""
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    if response["Content-Type"].startswith("application/json"):
        message = response.json()["error"]
    else:
        message = main_text(response)
        assert ("请求过于频繁" if language == "zh-hans" else "Too many requests") in message
    if language == "zh-hans":
        assert "请稍候再试" in message and not LATIN.search(message), message
    else:
        assert "Please wait a while" in message and not CJK.search(message), message
