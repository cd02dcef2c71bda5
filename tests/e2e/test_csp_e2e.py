"""End to end in Chromium: under the enforced Content-Security-Policy nothing is blocked and nothing fails, for a
visitor on the public pages in both languages, for an exhibitor in the portal, and for an editor in the admin and
in django CMS's toolbar, edit and structure modes and text editor. Every frame reports its policy violations."""

import pytest
from cms.models import PageContent
from cms.toolbar.utils import get_object_edit_url, get_object_structure_url
from djangocms_versioning.models import Version

from apps.accounts import roles
from apps.companies.services import company_member_add
from apps.expo.models import ProfileChange
from tests.factories import PASSWORD, UserFactory
from tests.fixtures.site import public_paths

REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", function (event) {
  window.cspViolation({directive: event.violatedDirective, blocked: event.blockedURI, sample: event.sample,
                       source: event.sourceFile, line: event.lineNumber, page: location.href});
});
"""


@pytest.fixture
def watched(page):
    """The page, with every CSP violation (from any frame), console error and uncaught error collected."""
    problems = {"violations": [], "console": [], "errors": []}
    page.expose_function("cspViolation", lambda violation: problems["violations"].append(violation))
    page.add_init_script(REPORT_VIOLATIONS)

    def console(message):
        if message.type == "error" and not _favicon(message):
            problems["console"].append(f"{message.text} ({message.location.get('url')})")

    page.on("console", console)
    page.on("pageerror", lambda error: problems["errors"].append(str(error)))
    page.problems = problems
    return page


def _favicon(message):
    """The browser's own request for /favicon.ico on admin pages (which link no icon) is not the page's doing."""
    return "/favicon.ico" in (message.location.get("url") or "")


def assert_clean(page):
    page.wait_for_timeout(300)  # violations are reported asynchronously
    assert page.problems == {"violations": [], "console": [], "errors": []}


def login(page, live_server, username, *, path="/en/accounts/login/"):
    page.goto(f"{live_server.url}{path}")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit], form input[type=submit]").last.click()
    page.wait_for_load_state()


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_public_pages_run_without_violations(watched, live_server, portal_site, language):
    for path in public_paths(portal_site, language):
        response = watched.goto(f"{live_server.url}{path}")
        assert response.status == 200, path
        assert "'unsafe-inline'" not in response.headers["content-security-policy"], path
        watched.wait_for_load_state("networkidle")
        watched.locator(".risk-banner-dismiss").first.wait_for()  # static/js/trading-banner.js ran and showed it
        if "/forums/grid/" in path:  # static/forums/grid.js placed the cells (no inline style attributes)
            watched.locator(".forum-grid.is-placed").wait_for()
            column = watched.locator(f"#session-{portal_site['session'].pk}").evaluate(
                "cell => getComputedStyle(cell).gridColumnStart")
            assert column == "2"
    assert_clean(watched)


def test_exhibitor_portal_runs_without_violations(watched, live_server, portal_site):
    member = UserFactory(role=roles.EXHIBITORS, username="csp-exhibitor")
    company_member_add(company=portal_site["company"], user=member)
    login(watched, live_server, "csp-exhibitor")

    watched.goto(f"{live_server.url}/en/portal/")
    watched.get_by_role("link", name="Edit the profile").first.click()
    editor = watched.locator("#id_profile_en_editor [contenteditable=true]")  # djangocms-text's editor
    editor.click()
    watched.keyboard.press("Control+A")
    watched.keyboard.type("Makes ")
    watched.keyboard.press("Control+B")
    watched.keyboard.type("tyres")
    watched.keyboard.press("Control+B")
    watched.keyboard.type(" in Qingdao.")
    watched.get_by_role("button", name="Submit for review").click()  # a form post under form-action 'self'
    watched.wait_for_load_state("networkidle")
    assert ProfileChange.objects.get().payload["translations"]["en"]["profile"] == \
        "<p>Makes <strong>tyres</strong> in Qingdao.</p>"
    watched.goto(f"{live_server.url}/en/portal/companies/{portal_site['company'].slug}/products/")
    watched.wait_for_load_state("networkidle")
    assert_clean(watched)


def test_admin_article_changelist_and_change_form_run_without_violations(watched, live_server, portal_site):
    UserFactory(role=roles.EDITORS, username="csp-editor")
    login(watched, live_server, "csp-editor", path="/en/admin/login/")

    watched.goto(f"{live_server.url}/en/admin/news/article/")
    assert watched.locator("#result_list").is_visible()
    watched.goto(f"{live_server.url}/en/admin/news/article/{portal_site['article'].pk}/change/")
    editor = watched.locator(".field-body [contenteditable=true]").first
    editor.wait_for()
    editor.click()
    editor.type(" More.")
    watched.wait_for_load_state("networkidle")
    assert_clean(watched)


def test_cms_toolbar_edit_structure_and_text_editor_run_without_violations(watched, live_server, portal_site):
    editor = UserFactory(role=roles.EDITORS, username="csp-cms-editor")
    published = PageContent.admin_manager.get(page=portal_site["pages"]["about"], language="en")
    draft = Version.objects.get_for_content(published).copy(editor).content
    login(watched, live_server, "csp-cms-editor", path="/en/admin/login/")

    watched.goto(f"{live_server.url}/en/news/")  # an app's page, with the toolbar
    watched.locator("div.cms-toolbar").first.wait_for(state="visible")
    watched.wait_for_load_state("networkidle")

    watched.goto(f"{live_server.url}{get_object_edit_url(draft)}")
    watched.locator("div.cms-toolbar").first.wait_for(state="visible")
    watched.locator(".cms-plugin", has_text="About us").first.dblclick()  # inline editing (TEXT_INLINE_EDITING)
    watched.locator("[contenteditable=true]", has_text="About us").first.wait_for()
    watched.wait_for_load_state("networkidle")

    watched.goto(f"{live_server.url}{get_object_structure_url(draft)}")
    watched.locator(".cms-structure").wait_for(state="visible")
    watched.locator(".cms-dragitem", has_text="About us").first.dblclick()  # the plugin's dialog
    dialog = watched.frame_locator(".cms-modal-frame iframe")
    dialog.locator(".field-body [contenteditable=true], [contenteditable=true]").first.wait_for()
    watched.wait_for_load_state("networkidle")
    assert_clean(watched)
