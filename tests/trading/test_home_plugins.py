"""The Trading Center's home-page plugin: the latest notices in effect under the risk warning, in the page's
language, in a constant number of queries, and fresh on the cached home page as soon as a notice is approved."""

import pytest

from apps.trading.models import NoticeKind
from tests.factories import NoticeFactory, TradingCenterFactory
from tests.support.home_plugins import home_html, home_plugin_place, plugin_html

RISK_EN = "Spot prices of natural rubber can move sharply."
RISK_ZH = "天然橡胶现货价格可能剧烈波动"


@pytest.fixture
def center(db):
    return TradingCenterFactory(slug="nr-spot", name_en="Natural Rubber Spot Center", name_zh="天然橡胶现货中心")


@pytest.fixture
def placed(trading_pages, editor):
    return home_plugin_place(trading_pages["home"], editor, "TradingHomePlugin", slot="trading", count=5)


@pytest.mark.parametrize("language, shown, hidden, ui, foreign_ui", [
    ("en", ["Trading hours", "Price swings", "Natural Rubber Spot Center", RISK_EN],
     ["交易时间", "价格波动"], ["Trading notices", "All trading notices"], ["交易公告", "风险提示"]),
    ("zh-hans", ["交易时间", "价格波动", "天然橡胶现货中心", RISK_ZH],
     ["Trading hours", "Price swings"], ["交易公告", "全部交易公告"], ["Trading notices", "Risk warning", "All trading"]),
])
def test_home_shows_latest_notices_with_risk_warning_in_its_language(client, center, placed, language, shown, hidden,
                                                                      ui, foreign_ui):
    NoticeFactory(center=center, title_en="Trading hours", title_zh="交易时间")
    NoticeFactory(center=center, kind=NoticeKind.RISK, title_en="Price swings", title_zh="价格波动")

    html = home_html(client, language)

    block = html[html.index("live-block trading-home"):]
    block = block[:block.index("</section>")]
    for text in shown + ui:
        assert text in block
    for text in hidden + foreign_ui:
        assert text not in block
    assert 'class="live-notice kind-risk"' in block


def test_home_leaves_out_drafts_and_lists_newest_first(client, center, placed):
    NoticeFactory(center=center, title_en="Older notice")
    NoticeFactory(center=center, title_en="Newer notice")
    NoticeFactory(center=center, title_en="Draft notice", publish=False)

    html = home_html(client, "en")

    assert "Draft notice" not in html
    assert html.index("Newer notice") < html.index("Older notice")


@pytest.mark.parametrize("count", [1, 3])
def test_plugin_renders_in_three_queries_whatever_the_number_of_notices(center, placed, count,
                                                                         django_assert_num_queries):
    for n in range(count):
        NoticeFactory(center=center, title_en=f"Listed notice {n}", title_zh=f"公告甲{n}")

    with django_assert_num_queries(3):
        html = plugin_html(placed["zh-hans"], "zh-hans")

    assert html.count('<li class="live-notice') == count
    assert all(f"公告甲{n}" in html for n in range(count))


def test_cached_home_shows_a_notice_once_it_is_approved(client, center, placed, trading_staff, editor,
                                                         django_capture_on_commit_callbacks):
    from apps.trading import services

    NoticeFactory(center=center, title_en="First notice")
    assert "First notice" in home_html(client, "en")
    again = client.get("/en/")
    assert again["X-Page-Cache"] == "hit"  # served from the cache from now on
    draft = NoticeFactory(center=center, title_en="Late notice", publish=False)

    with django_capture_on_commit_callbacks(execute=True):
        services.notice_approve(notice=draft, user=editor)

    assert "Late notice" in home_html(client, "en")
