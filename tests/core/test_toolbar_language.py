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
