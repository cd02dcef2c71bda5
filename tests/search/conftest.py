"""The search tests' world: the News Center, Expo, Forums and Trading Center pages with their apps hooked in, and
`reindex()`, which builds the index from the apps' public content as `manage.py search_reindex` does."""

import pytest
from django.core.management import call_command

from tests.fixtures.pages import home_page, pages_admin


@pytest.fixture
def search_site(db, apphooked):
    admin = pages_admin()
    home_page(admin)
    return {slug: apphooked(slug, user=admin) for slug in ("news", "expo", "forums", "trading")}


@pytest.fixture
def reindex(search_site):
    def run(*types):
        arguments = [f"--type={type}" for type in types]
        call_command("search_reindex", "--no-progress", *arguments, verbosity=0)

    return run
