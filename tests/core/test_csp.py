"""Content-Security-Policy: strict on public pages in both languages, with nothing inline that it would block;
a cached page is served with the header it was rendered with; staff (toolbar, admin) get the staff policy."""

import re
from html.parser import HTMLParser

import pytest
from cms.models import PageContent
from cms.toolbar.utils import get_object_edit_url, get_object_structure_url
from django.test import Client
from djangocms_versioning.models import Version

from apps.accounts import roles
from tests.factories import UserFactory
from tests.fixtures.site import public_paths

STRICT = {
    "default-src": "'self'", "script-src": "'self'", "style-src": "'self'", "img-src": "'self' data:",
    "object-src": "'none'", "base-uri": "'self'", "frame-ancestors": "'self'", "form-action": "'self'",
}
STAFF = {**STRICT, "style-src": "'self' 'unsafe-inline'"}
ADMIN = {**STAFF, "script-src": "'self' 'unsafe-inline'"}
NONCE = re.compile(r"'nonce-([^']+)'")


def directives(response):
    header = response.headers["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in header.split(";"))


class InlineFinder(HTMLParser):
    """Everything in a page that a policy without 'unsafe-inline' blocks (or that needs a nonce)."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        names = dict(attrs)
        for name, value in attrs:
            if name == "style" or name.startswith("on") or name == "nonce":
                self.found.append(f"<{tag} {name}={value!r}>")
            if name in ("href", "src", "action", "formaction") and (value or "").strip().lower().startswith(
                    "javascript:"):
                self.found.append(f"<{tag} {name}={value!r}>")
        if tag == "style":
            self.found.append("<style>")
        if tag == "script" and not names.get("src") and names.get("type") not in ("application/json",
                                                                                  "application/ld+json"):
            self.found.append("<script> without src")


def inline_parts(html):
    finder = InlineFinder()
    finder.feed(html)
    return finder.found


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_public_pages_get_the_strict_policy_and_have_nothing_inline(client, portal_site, language):
    for path in public_paths(portal_site, language):
        response = client.get(path)
        assert response.status_code == 200, path
        assert directives(response) == STRICT, path
        assert inline_parts(response.content.decode()) == [], path


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_cached_public_pages_keep_the_same_policy(portal_site, language):
    for path in public_paths(portal_site, language):
        first = Client().get(path)
        again = Client().get(path)
        assert again.content == first.content, path  # served from a cache (the apps' or django CMS's)
        assert again.headers["Content-Security-Policy"] == first.headers["Content-Security-Policy"], path
        assert directives(again) == STRICT, path


@pytest.mark.urls("tests.core.csp_urls")
def test_cached_page_is_served_with_the_nonce_of_its_body(db):
    first = Client().get("/nonced/")
    nonce = NONCE.search(first.headers["Content-Security-Policy"]).group(1)
    assert first.headers["X-Page-Cache"] == "miss"
    assert directives(first)["script-src"] == f"'self' 'nonce-{nonce}'"
    assert directives(first)["style-src"] == f"'self' 'nonce-{nonce}'"
    assert re.findall(r'nonce="([^"]+)"', first.content.decode()) == [nonce, nonce]

    hit = Client().get("/nonced/")

    assert hit.headers["X-Page-Cache"] == "hit"
    assert re.findall(r'nonce="([^"]+)"', hit.content.decode()) == [nonce, nonce]
    assert hit.headers["Content-Security-Policy"] == first.headers["Content-Security-Policy"]


@pytest.mark.urls("tests.core.csp_urls")
def test_uncached_render_gets_a_fresh_nonce(db):
    user = UserFactory(role=roles.EXHIBITORS, username="nonce-reader")
    cached = Client().get("/nonced/")
    reader = Client()
    reader.force_login(user)

    response = reader.get("/nonced/")

    assert "X-Page-Cache" not in response.headers  # signed in: rendered for this request
    nonce = NONCE.search(response.headers["Content-Security-Policy"]).group(1)
    assert NONCE.search(cached.headers["Content-Security-Policy"]).group(1) != nonce
    assert re.findall(r'nonce="([^"]+)"', response.content.decode()) == [nonce, nonce]


def test_page_without_inline_parts_has_no_nonce_in_its_policy(client, portal_site):
    response = client.get("/en/news/")

    assert "nonce" not in response.headers["Content-Security-Policy"]


def test_staff_get_inline_styles_on_pages_and_inline_scripts_only_in_the_admin(client, portal_site, editor):
    client.force_login(editor)
    published = PageContent.admin_manager.get(page=portal_site["pages"]["about"], language="en")
    about = Version.objects.get_for_content(published).copy(editor).content  # a draft to edit

    for path in ("/en/", "/zh-hans/news/", portal_site["article"].get_absolute_url("en")):
        response = client.get(path)
        assert response.status_code == 200, path
        assert directives(response) == STAFF, path
    for path in ("/en/admin/", "/zh-hans/admin/news/article/", get_object_edit_url(about),
                 get_object_structure_url(about)):
        response = client.get(path)
        assert response.status_code == 200, path
        assert directives(response) == ADMIN, path


def test_signed_in_visitors_who_are_not_staff_keep_the_strict_policy(client, portal_site, exhibitor):
    client.force_login(exhibitor)

    for path in ("/en/", "/en/portal/", f"/zh-hans/expo/companies/{portal_site['company'].slug}/"):
        response = client.get(path, follow=True)
        assert response.status_code == 200, path
        assert directives(response) == STRICT, path


def test_neither_a_query_parameter_nor_the_admin_relaxes_the_policy_for_visitors(client, portal_site):
    for path in ("/en/?toolbar_on", "/en/?edit", "/en/admin/login/", "/zh-hans/admin/login/"):
        response = client.get(path)
        assert directives(response) == STRICT, path


def test_admin_pages_of_the_apps_have_no_inline_style(client, portal_site):
    """The workflow box of a notice's change form: its style lives in static/css/trading-admin.css."""
    staff = UserFactory(role=roles.TRADING_STAFF, username="csp-trader")
    client.force_login(staff)

    html = client.get(f"/en/admin/trading/notice/{portal_site['notice'].pk}/change/").content.decode()

    assert 'class="module trading-workflow"' in html and "/static/css/trading-admin.css" in html
    assert "style=" not in html.split('class="module trading-workflow"', 1)[1].split("</div>", 1)[0]
