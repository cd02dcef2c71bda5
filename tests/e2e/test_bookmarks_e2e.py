"""End to end in Chromium, both languages: a visitor stars an exhibitor in the directory, opens My agenda, sees it
with booth and hall and follows the link into the floor plan, the booth highlighted; a signed-in visitor's star
reaches the account; the company page's script counts a profile view and a product view through the beacon."""

import re

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from apps.expo.bookmarks.services import bookmarks_replace
from apps.expo.figures import counters
from apps.expo.models import StarredExhibitor
from tests.factories import BoothFactory, HallFactory, UserFactory
from tests.support import wait_until

BROWSER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"

TEXTS = {
    "en": {"star": "Longyuan Tyre in my agenda", "agenda": "My agenda", "heading": "Starred exhibitors",
           "place": "Hall A, booth A101", "note": "Booth A101 of Longyuan Tyre is highlighted on the plan."},
    "zh-hans": {"star": "隆远轮胎已在我的日程中", "agenda": "我的日程", "heading": "收藏的展商",
                "place": "A馆，A101展位", "note": "A101"},
}


@pytest.fixture
def expo(expo_page, forums_page, media_root, company_a, company_b, coming_edition):
    hall = HallFactory(edition=coming_edition, code="A", name_en="Hall A", name_zh="A馆")
    BoothFactory(hall=hall, code="A101", participation=company_a.participations.get())
    BoothFactory(hall=hall, code="A102", participation=company_b.participations.get())
    return {"a": company_a, "b": company_b, "edition": coming_edition}


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_visitor_stars_in_the_directory_and_follows_my_agenda_into_the_floor_plan(page, live_server, expo,
                                                                                  screenshot, language):
    texts, a = TEXTS[language], expo["a"]
    page.goto(f"{live_server.url}/{language}/expo/{expo['edition'].slug}/exhibitors/")
    star = page.get_by_role("button", name=texts["star"])
    expect(star).to_be_visible()  # shown by bookmarks.js
    expect(star).to_have_attribute("aria-pressed", "false")
    star.click()
    expect(star).to_have_attribute("aria-pressed", "true")
    expect(page.locator("[data-bookmarks-count]").first).to_have_text("1")
    screenshot(f"directory-starred-{language}")

    page.locator("a.expo-agenda-link").click()
    page.wait_for_url(f"**/{language}/forums/agenda/?e={a.pk}")
    section = page.locator("#agenda-exhibitors")
    expect(section.get_by_role("heading", name=texts["heading"])).to_be_visible()
    expect(section.locator(".agenda-exhibitor")).to_have_count(1)
    link = section.get_by_role("link", name=texts["place"])
    expect(link).to_be_visible()
    screenshot(f"agenda-{language}")

    link.click()
    page.wait_for_url(re.compile(rf"/{language}/expo/{expo['edition'].slug}/halls/A/\?highlight=A101#booth-a101$"))
    expect(page.locator("tr#row-booth-a101")).to_have_class(re.compile("is-highlighted"))
    expect(page.locator(".expo-highlight-note")).to_contain_text(texts["note"])
    screenshot(f"floorplan-{language}")

    # Back in the directory the star is still on (this browser remembers), and unstarring empties the agenda.
    page.goto(f"{live_server.url}/{language}/expo/{expo['edition'].slug}/exhibitors/")
    expect(page.get_by_role("button", name=texts["star"])).to_have_attribute("aria-pressed", "true")
    page.get_by_role("button", name=texts["star"]).click()
    page.goto(f"{live_server.url}/{language}/forums/agenda/?e={a.pk}")  # an old address: put in step
    page.wait_for_url(f"**/{language}/forums/agenda/")
    expect(page.locator("#agenda-exhibitors")).to_have_count(0)


def signed_in_context(browser, live_server, user, **options):
    """A browser context (English) carrying the session of `user`, signed in through Django's test client."""
    django_client = Client()
    django_client.force_login(user)
    context = browser.new_context(locale="en-US", **options)
    host = live_server.url.split("//", 1)[1].split(":")[0]
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "domain": host, "path": "/",
                          "value": django_client.cookies[settings.SESSION_COOKIE_NAME].value}])
    return context


def test_a_signed_in_visitors_stars_are_merged_with_the_account(browser, live_server, expo):
    a, b = expo["a"], expo["b"]
    user = UserFactory(username="stars-e2e")
    bookmarks_replace(user=user, company_ids=[b.pk])  # starred earlier on another device
    context = signed_in_context(browser, live_server, user, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(15000)
    page.goto(f"{live_server.url}/en/expo/companies/{a.slug}/")
    b_star = page.locator(f'button.expo-star[data-company-id="{b.pk}"]')
    expect(b_star).to_have_count(0)  # B is not on A's page
    star = page.locator(f'button.expo-star[data-company-id="{a.pk}"]')
    star.click()
    expect(star).to_have_attribute("aria-pressed", "true")

    stored = lambda: list(StarredExhibitor.objects.filter(user=user).order_by("created_at")
                          .values_list("company_id", flat=True))
    assert wait_until(lambda: stored() == [b.pk, a.pk])
    page.goto(f"{live_server.url}/en/forums/agenda/")  # without a list: the account's, already the browser's
    expect(page.locator(".agenda-exhibitor")).to_have_count(2)
    assert page.locator(".agenda-exhibitor").evaluate_all("rows => rows.map(r => r.dataset.companyId)") == [
        str(b.pk), str(a.pk)]
    page.wait_for_timeout(500)
    assert page.url.endswith("/en/forums/agenda/")  # no reload needed
    context.close()


def test_the_company_page_counts_a_profile_view_and_a_product_view(browser, live_server, expo):
    a = expo["a"]
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="zh-CN", user_agent=BROWSER_AGENT)
    page = context.new_page()
    page.goto(f"{live_server.url}/zh-hans/expo/companies/{a.slug}/")
    expect(page.locator(".expo-product")).to_have_count(1)
    kinds = lambda: sorted(kind for (company, _day, kind), count in counters.live_counts().items()
                           if company == a.pk and count == 1)
    assert wait_until(lambda: kinds() == ["product", "profile"], timeout=10)  # the product card stayed in view
    page.reload()
    page.wait_for_timeout(1500)
    assert sorted(counters.live_counts().values()) == [1, 1]  # the same visitor, the same day: not again
    context.close()


def test_a_star_clicked_before_the_accounts_list_arrives_keeps_the_stars_of_other_devices(browser, live_server, expo):
    a, b = expo["a"], expo["b"]
    user = UserFactory(username="stars-race")
    bookmarks_replace(user=user, company_ids=[b.pk])  # starred earlier on another device
    context = signed_in_context(browser, live_server, user)
    held = []  # the page's first read of the account's list, answered only after the click

    def hold_the_first_read(route, request):
        if request.method == "GET" and request.headers.get("accept") == "application/json" and not held:
            held.append(route)
        else:
            route.continue_()

    page = context.new_page()
    page.set_default_timeout(15000)
    page.route("**/*", hold_the_first_read)
    page.goto(f"{live_server.url}/en/expo/companies/{a.slug}/")
    star = page.locator(f'button.expo-star[data-company-id="{a.pk}"]')
    star.click()
    expect(star).to_have_attribute("aria-pressed", "true")
    page.wait_for_timeout(500)
    assert held  # a push sent now would replace the account's list with [a]
    stored = lambda: list(StarredExhibitor.objects.filter(user=user).order_by("created_at")
                          .values_list("company_id", flat=True))
    assert stored() == [b.pk]  # nothing was sent before the account's list was read
    held[0].continue_()
    page.unroute("**/*")
    for _ in range(150):  # Playwright's own waits, which also let the browser's requests through
        if stored() == [b.pk, a.pk]:
            break
        page.wait_for_timeout(100)
    assert stored() == [b.pk, a.pk]  # b kept (created first), a added
    context.close()
