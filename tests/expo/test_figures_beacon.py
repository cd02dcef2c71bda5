"""The figures beacon on real Redis: a person's view counted once a day per company and per product, robots,
prefetches, other methods and forged values not counted; the cached company page carries the beacon (same HTML
for everyone) and counting runs no database query."""

import datetime
import html
import re

import pytest
from django.utils import timezone

from apps.expo.figures import counters
from apps.expo.figures.beacon import item_sign
from apps.expo.figures.counters import PRODUCT, PROFILE

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"
OTHER_BROWSER = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Version/18.0 Mobile"


def beacon_url(company, product=None):
    from urllib.parse import quote

    value = item_sign(company_id=company.pk, product_id=product.pk if product else None)
    return f"/figures/beacon?v={quote(value, safe='')}"


def hit(client, url, agent=BROWSER, address="203.0.113.7", **headers):
    return client.get(url, HTTP_USER_AGENT=agent, REMOTE_ADDR=address, **headers)


def today():
    return timezone.localdate()


def test_a_profile_view_is_counted_once_per_visitor_and_day(client, company_a, company_b,
                                                            django_assert_num_queries):
    url = beacon_url(company_a)
    with django_assert_num_queries(0):  # no session, no database: Redis only
        first = hit(client, url)
    assert first.status_code == 204
    assert "no-cache" in first["Cache-Control"] and "no-store" in first["Cache-Control"]
    assert hit(client, url).status_code == 204  # the same visitor again: not counted
    hit(client, url, address="198.51.100.20")  # another visitor
    hit(client, url, agent=OTHER_BROWSER)  # another browser on the same address
    hit(client, beacon_url(company_b))

    assert counters.live_counts() == {(company_a.pk, today(), PROFILE): 3, (company_b.pk, today(), PROFILE): 1}


def test_product_views_count_per_product_for_the_products_company(client, company_a):
    product = company_a.products.get()
    hit(client, beacon_url(company_a, product))
    hit(client, beacon_url(company_a, product))  # same visitor, same product: once
    hit(client, beacon_url(company_a))  # the profile is counted apart

    assert counters.live_counts() == {(company_a.pk, today(), PRODUCT): 1, (company_a.pk, today(), PROFILE): 1}


def test_the_next_day_counts_the_same_visitor_again():
    now = timezone.now()
    for moment in (now, now, now + datetime.timedelta(days=1)):
        counters.view_record(company_id=5, kind=PROFILE, item="c5", address="203.0.113.7", user_agent=BROWSER,
                             now=moment)
    assert counters.live_counts() == {(5, timezone.localdate(now), PROFILE): 1,
                                      (5, timezone.localdate(now) + datetime.timedelta(days=1), PROFILE): 1}


@pytest.mark.parametrize("agent, headers", [
    ("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", {}),
    ("Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)", {}),
    ("Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)", {}),
    ("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0 Safari/537.36", {}),
    ("curl/8.5.0", {}), ("python-requests/2.32", {}), ("", {}),
    (BROWSER, {"HTTP_SEC_PURPOSE": "prefetch;prerender"}), (BROWSER, {"HTTP_PURPOSE": "prefetch"}),
    (BROWSER, {"HTTP_X_MOZ": "prefetch"}),
])
def test_robots_and_prefetches_are_not_counted(client, company_a, agent, headers):
    response = hit(client, beacon_url(company_a), agent=agent, **headers)
    assert response.status_code == 204
    assert counters.live_counts() == {}


@pytest.mark.parametrize("method", ["post", "head", "put", "delete"])
def test_only_get_counts(client, company_a, method):
    response = getattr(client, method)(beacon_url(company_a), HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 405
    assert counters.live_counts() == {}


@pytest.mark.parametrize("value", ["", "c1", "c1:forged", "garbage", "x" * 500])
def test_a_forged_or_missing_value_is_a_400_in_the_visitors_language(client, company_a, value):
    response = hit(client, f"/figures/beacon?v={value}", HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert response.status_code == 400
    assert response.content.decode() == "这个地址无效。"
    assert counters.live_counts() == {}


def test_a_signature_of_another_company_cannot_be_reused(client, company_a, company_b):
    signed = item_sign(company_id=company_a.pk)
    forged = signed.replace(f"c{company_a.pk}:", f"c{company_b.pk}:", 1)
    assert hit(client, f"/figures/beacon?v={forged}").status_code == 400
    assert counters.live_counts() == {}


def test_redis_keeps_no_address_and_the_once_a_day_keys_expire(client, company_a):
    hit(client, beacon_url(company_a), address="203.0.113.77")
    keys = [key.decode() for key in counters.client().keys("*")]
    assert keys and not any("203.0.113.77" in key for key in keys)
    seen = [key for key in keys if ":seen:" in key]
    assert len(seen) == 1
    assert 0 < counters.client().ttl(seen[0]) <= 25 * 3600  # gone after the day (and its margin)
    assert counters.client().ttl(counters.live_key()) == -1  # the counters never expire, nor can they be evicted


@pytest.mark.usefixtures("expo_page", "media_root")
def test_the_cached_company_page_carries_the_beacons_and_is_the_same_for_everyone(client, company_a):
    product = company_a.products.get()
    first = client.get(f"/en/expo/companies/{company_a.slug}/")
    second = client.get(f"/en/expo/companies/{company_a.slug}/")
    assert first.status_code == second.status_code == 200
    assert second["X-Page-Cache"] == "hit"
    page = first.content.decode()
    assert page == second.content.decode()
    profile = html.unescape(re.search(r'data-figures-profile="([^"]+)"', page)[1])
    products = [html.unescape(url) for url in re.findall(r'data-figures-product="([^"]+)"', page)]
    assert '/static/expo/figures.js' in page
    assert len(products) == 1

    hit(client, profile)
    hit(client, products[0])

    assert counters.live_counts() == {(company_a.pk, today(), PROFILE): 1, (company_a.pk, today(), PRODUCT): 1}
    assert products[0] == beacon_url(company_a, product)


def test_redis_down_the_beacon_still_answers_204(client, company_a, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens there
    response = hit(client, beacon_url(company_a))
    assert response.status_code == 204
