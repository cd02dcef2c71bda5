"""End to end in Chromium: a visitor types 轮胎 into the header's search box on a Chinese page, opens a company
from the results, comes back and switches the results page to English, keeping the query."""

from urllib.parse import quote

import pytest
from django.core.management import call_command

from tests.factories import CompanyFactory, ParticipationFactory
from tests.fixtures.pages import home_page, pages_admin


@pytest.fixture
def searchable(db, apphooked, coming_edition):
    admin = pages_admin()
    home_page(admin)
    apphooked("expo", user=admin)
    company = CompanyFactory(slug="longyuan-e2e", name_en="Longyuan Tyre", name_zh="隆远轮胎")
    ParticipationFactory(company=company, edition=coming_edition)
    CompanyFactory(slug="haiwan-e2e", name_en="Haiwan Chemical", name_zh="海湾化工")
    call_command("search_reindex", "--no-progress", verbosity=0)
    return company


def test_header_search_opens_a_company_and_switches_language(page, live_server, searchable, screenshot):
    page.goto(f"{live_server.url}/zh-hans/")
    box = page.get_by_role("searchbox", name="站内搜索")
    box.fill("轮胎")
    box.press("Enter")
    page.wait_for_url(f"{live_server.url}/zh-hans/search/?q={quote('轮胎')}")
    hits = page.locator(".search-hit h2 a")
    assert hits.all_inner_texts() == ["隆远轮胎"]
    assert page.locator("mark").first.inner_text() == "轮胎"
    assert "result" not in page.locator("main").inner_text()  # no English on the Chinese page
    screenshot("zh-results")

    hits.first.click()
    page.wait_for_url(f"{live_server.url}/zh-hans/expo/companies/{searchable.slug}/")
    assert "隆远轮胎" in page.locator("h1").inner_text()

    page.go_back()
    page.locator(".lang-switch a[hreflang=en]").click()
    page.wait_for_url(f"{live_server.url}/en/search/?q={quote('轮胎')}")
    assert page.locator("#search-q").input_value() == "轮胎"
    assert page.locator("#header-search-q").input_value() == "轮胎"
    assert page.locator(".search-hit h2 a").all_inner_texts() == ["Longyuan Tyre"]
    screenshot("en-results")
