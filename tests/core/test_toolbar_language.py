"""The django CMS toolbar speaks the page's language on the site's pages, whatever language the staff user's
settings hold (django CMS would use those everywhere); in the admin the user's setting still applies."""

import pytest
from cms.models import Placeholder, UserSettings

from apps.accounts import roles
from tests.factories import UserFactory


@pytest.fixture
def editor_in_english(db):
    user = UserFactory(role=roles.EDITORS, username="ed")
    UserSettings.objects.create(user=user, language="en", clipboard=Placeholder.objects.create(slot="clipboard"))
    return user


@pytest.mark.parametrize("language, shown, hidden", [("zh-hans", "禁用工具栏", "Disable toolbar"),
                                                     ("en", "Disable toolbar", "禁用工具栏")])
def test_toolbar_follows_the_page_language(client, shell_pages, editor_in_english, language, shown, hidden):
    client.force_login(editor_in_english)
    html = client.get(f"/{language}/about/").content.decode()
    toolbar = html[html.index('class="cms-toolbar"'):html.index("skip-link")]
    assert shown in toolbar and hidden not in toolbar


def test_admin_keeps_the_users_own_language_for_the_toolbar(editor_in_english, rf):
    from apps.core.toolbar import PageLanguageToolbar

    request = rf.get("/zh-hans/admin/")
    request.user, request.session = editor_in_english, {}
    from django.utils import translation

    with translation.override("zh-hans"):
        assert PageLanguageToolbar(request).toolbar_language == "en"
        request = rf.get("/zh-hans/about/")
        request.user, request.session = editor_in_english, {}
        assert PageLanguageToolbar(request).toolbar_language == "zh-hans"


def _toolbar_of(client, path):
    """The toolbar django CMS's views saw for `path` (the response's request keeps it)."""
    response = client.get(path)
    toolbar = response.wsgi_request.toolbar
    return response, getattr(toolbar, "_wrapped", toolbar)  # a visitor's stays behind its lazy object


@pytest.mark.parametrize("signed_in", [False, True])
def test_visitors_who_are_not_staff_get_the_light_toolbar(client, shell_pages, signed_in):
    from apps.core.toolbar import VisitorToolbar

    if signed_in:
        client.force_login(UserFactory(username="member"))
    response, toolbar = _toolbar_of(client, "/zh-hans/about/")

    assert response.status_code == 200 and isinstance(toolbar, VisitorToolbar)
    assert 'class="cms-toolbar"' not in response.content.decode()
    assert toolbar.get_object() is not None  # django CMS set the page's content on it: the language links use it
    assert toolbar.toolbar_language == "zh-hans" and not toolbar.edit_mode_active and not toolbar._cache_disabled


def test_staff_and_the_login_toolbar_get_django_cms_toolbar(client, shell_pages, editor_in_english):
    from apps.core.toolbar import PageLanguageToolbar, VisitorToolbar

    response, toolbar = _toolbar_of(client, "/en/about/?toolbar_on")  # an anonymous visitor asking to log in
    assert isinstance(toolbar, PageLanguageToolbar) and 'class="cms-toolbar"' in response.content.decode()

    client.force_login(editor_in_english)
    response, toolbar = _toolbar_of(client, "/en/about/")
    assert not isinstance(toolbar, VisitorToolbar) and 'class="cms-toolbar"' in response.content.decode()
