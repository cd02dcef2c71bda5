"""The exhibitor portal in Chromium: after logging in a member lands in the portal (a link to it is in the header),
the company profile is written in djangocms-text's editor (served by the site, no CDN) without any policy
violation, and what the editor posts is stored cleaned. Visitors' pages keep the strict policy."""

import re

import pytest

from apps.accounts import roles
from apps.companies.services import company_member_add
from apps.expo.models import ProfileChange
from tests.e2e.test_csp_e2e import REPORT_VIOLATIONS, assert_clean, login
from tests.factories import UserFactory


@pytest.fixture
def watched(page):
    """The page, with CSP violations, console errors and uncaught errors collected (as in test_csp_e2e)."""
    problems = {"violations": [], "console": [], "errors": []}
    page.expose_function("cspViolation", lambda violation: problems["violations"].append(violation))
    page.add_init_script(REPORT_VIOLATIONS)
    page.on("console", lambda message: message.type == "error" and problems["console"].append(message.text))
    page.on("pageerror", lambda error: problems["errors"].append(str(error)))
    page.problems = problems
    return page


@pytest.fixture
def member(portal_site):
    user = UserFactory(role=roles.EXHIBITORS, username="editor-exhibitor")
    company_member_add(company=portal_site["company"], user=user)
    return user


@pytest.mark.parametrize("language, portal_link", [("en", "Exhibitor portal"), ("zh-hans", "展商服务平台")])
def test_profile_is_written_in_the_rich_text_editor_without_violations(watched, live_server, portal_site, member,
                                                                       language, portal_link):
    local = []
    watched.on("request", lambda request: local.append(request.url.startswith(live_server.url)))
    login(watched, live_server, "editor-exhibitor", path=f"/{language}/accounts/login/")
    assert watched.url == f"{live_server.url}/{language}/portal/"  # a member lands in the portal
    watched.get_by_role("navigation", name=re.compile("Account|账户")).get_by_role("link", name=portal_link).wait_for()

    response = watched.goto(f"{live_server.url}/{language}/portal/companies/{portal_site['company'].slug}/")
    policy = response.headers["content-security-policy"]
    assert "style-src 'self' 'unsafe-inline'" in policy and "script-src 'self'" in policy
    assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]  # scripts stay strict
    editor = watched.locator("#id_profile_en_editor [contenteditable=true]")
    editor.wait_for()
    assert watched.locator("#id_profile_en_editor .cms-toolbar button").count() > 3  # the editor's toolbar
    assert not watched.locator("textarea[name=profile_en]").is_visible()  # no raw HTML to type
    editor.click()
    watched.keyboard.press("Control+A")
    watched.keyboard.type("Makes tyres in Qingdao.")
    watched.get_by_role("button", name=re.compile("Submit for review|提交审核")).click()
    watched.wait_for_load_state("networkidle")

    stored = ProfileChange.objects.get().payload["translations"]["en"]["profile"]
    assert stored == "<p>Makes tyres in Qingdao.</p>"
    assert all(local)  # every file the editor needs comes from the site itself
    assert_clean(watched)


def test_public_page_keeps_the_strict_policy_for_the_same_member(watched, live_server, portal_site, member):
    login(watched, live_server, "editor-exhibitor")
    response = watched.goto(f"{live_server.url}/en/expo/companies/{portal_site['company'].slug}/")
    assert "'unsafe-inline'" not in response.headers["content-security-policy"]
