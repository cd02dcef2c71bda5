"""At 390 px (a phone) in Chromium, both languages: no page is wider than the screen, every top-level section of
the menu is in sight (none scrolled away without a hint), the directory's filters are folded behind a
<details>/<summary> (no script), and a floor plan keeps legible labels in a box that scrolls sideways."""

import pytest

from apps.accounts import roles
from apps.companies.services import company_member_add
from tests.e2e.test_csp_e2e import login
from tests.factories import UserFactory
from tests.fixtures.site import public_paths

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, device_scale_factor=1, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


def _width(page):
    return page.evaluate("document.documentElement.scrollWidth")


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_no_public_page_is_wider_than_a_phone(phone, live_server, portal_site, language):
    too_wide = {}
    for path in [*public_paths(portal_site, language), f"/{language}/search/?q=tyre",
                 f"/{language}/accounts/login/", f"/{language}/notifications/subscribe/"]:
        response = phone.goto(f"{live_server.url}{path}")
        assert response.status == 200, path
        phone.wait_for_load_state("networkidle")
        if _width(phone) > PHONE["width"]:
            too_wide[path] = _width(phone)
    assert too_wide == {}


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_every_section_of_the_menu_is_in_sight(phone, live_server, portal_site, language):
    phone.goto(f"{live_server.url}/{language}/")
    links = phone.locator(".nav-list > li > a")
    assert links.count() >= 5
    for index in range(links.count()):
        box = links.nth(index).bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], \
            links.nth(index).inner_text()
        assert links.nth(index).is_visible()
    trading = phone.locator(".nav-list a", has_text="Trading" if language == "en" else "交易")
    assert trading.first.is_visible()


def test_directory_filters_fold_away_without_script(browser, live_server, portal_site):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    try:
        url = f"{live_server.url}/en/expo/{portal_site['edition'].slug}/exhibitors/"
        page.goto(url)
        summary = page.locator("details.filters-fold > summary")
        assert summary.is_visible() and not page.locator("#id_q, .expo-filters select").first.is_visible()
        summary.click()
        assert page.locator(".expo-filters button[type=submit]").is_visible()
        page.goto(url + "?segment=" + "tires")  # an applied filter keeps the form open
        assert page.locator("details.filters-fold[open]").count() == 1
    finally:
        context.close()


def test_floor_plan_labels_stay_legible_on_a_phone(phone, live_server, portal_site):
    phone.goto(f"{live_server.url}/en/expo/{portal_site['edition'].slug}/halls/A/")
    plan = phone.locator(".expo-plan svg")
    assert plan.bounding_box()["width"] >= 700  # drawn large enough to read its booth codes
    box = phone.locator(".expo-plan-scroll")
    assert box.evaluate("el => el.scrollWidth > el.clientWidth")  # scrolls sideways in its own box
    assert _width(phone) <= PHONE["width"]
    label = phone.locator(".expo-plan svg text").first
    assert label.bounding_box()["height"] >= 8


def test_portal_and_inbox_fit_a_phone(phone, live_server, portal_site):
    member = UserFactory(role=roles.EXHIBITORS, username="phone-exhibitor")
    company_member_add(company=portal_site["company"], user=member)
    login(phone, live_server, "phone-exhibitor")
    for path in ["/en/portal/", f"/en/portal/companies/{portal_site['company'].slug}/",
                 f"/en/portal/companies/{portal_site['company'].slug}/products/", "/en/notifications/inbox/",
                 "/zh-hans/notifications/inbox/"]:
        phone.goto(f"{live_server.url}{path}")
        phone.wait_for_load_state("networkidle")
        assert _width(phone) <= PHONE["width"], path
