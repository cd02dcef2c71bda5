"""The home page in Chromium: the live blocks and the risk banner are in the page from its first paint, so nothing
moves while it loads (cumulative layout shift < 0.05), at 1366 and 390 px, in both languages, and no block is
wider than a phone's screen."""

import pytest
from cms.models import Page
from PIL import Image

from apps.companies.models import Company
from apps.news.models import Article
from tests.support.home_plugins import home_plugin_place

LAYOUT_SHIFT = """() => new Promise(resolve => {
  let total = 0;
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) { if (!entry.hadRecentInput) { total += entry.value; } }
  }).observe({type: "layout-shift", buffered: true});
  setTimeout(() => resolve(total), 1500);
})"""


@pytest.fixture
def live_home(portal_site, editor, settings):
    media = settings.MEDIA_ROOT
    (media / "news" / "covers").mkdir(parents=True, exist_ok=True)
    (media / "companies" / "logos").mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (480, 270), "#0b6e4f").save(media / "news" / "covers" / "e2e.jpg")
    Image.new("RGB", (128, 128), "#f2a900").save(media / "companies" / "logos" / "e2e.png")
    Article.objects.filter(pk=portal_site["article"].pk).update(cover_list="news/covers/e2e.jpg")
    Company.objects.filter(pk=portal_site["company"].pk).update(logo="companies/logos/e2e.png")
    home = Page.objects.get(is_home=True)
    for plugin_type, slot in (("LatestArticlesPlugin", "news"), ("ExpoHomePlugin", "expo"),
                              ("ForumsHomePlugin", "forums"), ("TradingHomePlugin", "trading")):
        home_plugin_place(home, editor, plugin_type, slot=slot)
    return portal_site


@pytest.mark.parametrize("width", [1366, 390])
@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_home_does_not_shift_while_it_loads(browser, live_server, live_home, language, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()

    page.goto(f"{live_server.url}/{language}/", wait_until="load")
    shift = page.evaluate(LAYOUT_SHIFT)

    assert page.locator(".risk-banner").is_visible()  # the banner is there, rendered with the page
    assert page.locator(".live-cover img").first.is_visible() and page.locator(".live-logos img").first.is_visible()
    assert page.locator(".trading-home .live-risk").is_visible()
    assert shift < 0.05, shift
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    context.close()
