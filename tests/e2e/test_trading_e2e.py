"""The Trading Center in Chromium: the risk-warning banner in both languages, its end, dismissal; the board."""

import datetime

import pytest
from django.utils import timezone

from apps.trading.models import NoticeKind
from tests.factories import NoticeFactory, TradingCenterFactory


@pytest.fixture
def trading_site(trading_pages):
    return TradingCenterFactory(slug="nr-spot", name_en="Natural Rubber Spot Trading Center",
                                name_zh="天然橡胶现货交易中心")


def risk_warning(center, *, seconds_left=None):
    now = timezone.now()
    return NoticeFactory(center=center, kind=NoticeKind.RISK, title_en="Typhoon season: prices may swing",
                         title_zh="台风季节价格波动风险提示", effective_from=now - datetime.timedelta(minutes=1),
                         effective_until=now + datetime.timedelta(seconds=seconds_left) if seconds_left else None,
                         at=now - datetime.timedelta(minutes=1))


def test_risk_warning_banner_in_both_languages_is_gone_after_it_expires(page, live_server, trading_site,
                                                                         screenshot):
    warning = risk_warning(trading_site, seconds_left=12)
    expires = warning.effective_until

    page.goto(f"{live_server.url}/en/")
    banner = page.locator(".risk-banner")
    banner.wait_for()
    assert "Typhoon season: prices may swing" in banner.inner_text()
    assert banner.get_by_role("link").get_attribute("href") == f"/en/trading/nr-spot/{warning.year}/risk-1/"
    screenshot("banner-en")
    page.goto(f"{live_server.url}/zh-hans/about/")
    page.locator(".risk-banner").wait_for()
    assert "台风季节价格波动风险提示" in page.locator(".risk-banner").inner_text()
    screenshot("banner-zh-hans")

    # The open page hides the banner at the end of the warning, without a reload.
    remaining = (expires - timezone.now()).total_seconds()
    assert remaining > 0, "the page loads took longer than the warning lasts"
    page.locator(".risk-banner").wait_for(state="hidden", timeout=(remaining + 10) * 1000)
    assert page.locator("#risk-banners").is_hidden()

    for path in ("/zh-hans/", "/en/trading/nr-spot/"):  # rendered afresh: the warning's end ended the cache
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("networkidle")
        assert page.locator(".risk-banner").count() == 0, path
    screenshot("banner-gone")


def test_dismissed_banner_stays_away_for_this_visitor(browser, live_server, trading_site):
    risk_warning(trading_site)
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()

    page.goto(f"{live_server.url}/zh-hans/")
    page.locator(".risk-banner").wait_for()
    page.locator(".risk-banner-dismiss").click()
    assert page.locator(".risk-banner:visible").count() == 0
    page.goto(f"{live_server.url}/en/about/")
    page.wait_for_load_state("networkidle")
    assert page.locator(".risk-banner").count() == 1  # in the page, the same for everyone...
    assert page.locator(".risk-banner:visible").count() == 0  # ...and hidden for this visitor
    assert page.context.cookies() == []  # remembered in localStorage: cached pages stay the same for everyone
    context.close()

    other_visitor = browser.new_context()
    fresh = other_visitor.new_page()
    fresh.goto(f"{live_server.url}/en/")
    fresh.locator(".risk-banner").wait_for()
    other_visitor.close()


def test_visitor_filters_board_opens_notice_and_switches_language(page, live_server, trading_site, screenshot):
    NoticeFactory(center=trading_site, kind=NoticeKind.FEES, title_en="Storage fees lowered", title_zh="仓储费下调")
    risk_warning(trading_site)

    page.goto(f"{live_server.url}/en/trading/nr-spot/")
    assert page.locator(".notice-title").count() == 2
    page.select_option("#id_type", "fees")
    page.get_by_role("button", name="Show notices").click()
    page.wait_for_url("**/trading/nr-spot/?type=fees*")
    assert page.locator(".notice-title").all_inner_texts() == ["Storage fees lowered"]
    screenshot("board-filtered")
    page.get_by_role("link", name="Storage fees lowered").click()
    assert page.locator("h1").inner_text() == "Storage fees lowered"
    page.get_by_role("link", name="简体中文").click()
    assert page.locator("h1").inner_text() == "仓储费下调"
    assert "/zh-hans/trading/nr-spot/" in page.url
    screenshot("notice-zh-hans")
