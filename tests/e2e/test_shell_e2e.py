from tests.factories import PASSWORD, UserFactory


def test_home_in_both_languages_and_switch(page, live_server, shell_pages, screenshot):
    page.goto(f"{live_server.url}/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator(".main-nav").inner_text().split() [:2] == ["Home", "About"]
    screenshot("home-en")
    page.get_by_role("link", name="简体中文").click()
    page.wait_for_url(f"{live_server.url}/zh-hans/")
    assert page.locator("html").get_attribute("lang") == "zh-hans"
    assert "关于我们" in page.locator(".main-nav").inner_text()
    screenshot("home-zh-hans")
    page.get_by_role("link", name="交易中心").first.click()
    page.wait_for_url(f"{live_server.url}/zh-hans/trading/")
    page.get_by_role("link", name="English").click()
    page.wait_for_url(f"{live_server.url}/en/trading/")
    assert page.locator("h1").inner_text() == "Trading Center"


def test_root_redirects_to_browser_language(browser, live_server, shell_pages):
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    page.goto(f"{live_server.url}/")
    assert page.url == f"{live_server.url}/zh-hans/"
    context.close()


def test_editor_logs_in_to_admin(page, live_server, shell_pages, screenshot):
    UserFactory(username="editor-e2e", is_staff=True, is_superuser=True)
    page.goto(f"{live_server.url}/en/admin/")
    page.fill("#id_username", "editor-e2e")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/en/admin/")
    assert page.locator("#site-name").count() == 1
    assert page.get_by_role("link", name="Companies").count() >= 1
    screenshot("admin")


def test_phone_layout_keeps_navigation_reachable(browser, live_server, shell_pages):
    context = browser.new_context(viewport={"width": 375, "height": 740}, locale="zh-CN")
    page = context.new_page()
    page.goto(f"{live_server.url}/zh-hans/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    nav_link = page.get_by_role("link", name="交易中心").first
    nav_link.scroll_into_view_if_needed()
    assert nav_link.is_visible()
    page.screenshot(path=str(__import__("tests.e2e.conftest", fromlist=["ARTIFACTS"]).ARTIFACTS / "phone-zh-hans.png"))
    context.close()
