import pytest
from django.test import override_settings

from apps.forums.selectors import process_caches_clear
from tests.factories import make_page, make_user
from tests.factories.cms_pages import apphook_detach


@pytest.fixture
def forums_page(db):
    """Home and the Forums page with the forums apphook (namespace "forums"), published in both languages."""
    admin = make_user(username="forums-pages-admin", is_staff=True, is_superuser=True)
    home = make_page(title_en="Home", title_zh="首页", slug="home", template="cms/home.html", home=True, user=admin)
    forums = make_page(title_en="Forums", title_zh="论坛", slug="forums", template="cms/section.html",
                       user=admin, apphook="ForumsApphook", apphook_namespace="forums")
    yield forums
    apphook_detach(forums)
    del home


@pytest.fixture(autouse=True)
def _forums_process_caches():
    """Snapshots and programmes are kept per process: start every test without them (fixed query counts)."""
    process_caches_clear()
    yield
    process_caches_clear()


@pytest.fixture(autouse=True)
def _test_media(settings, tmp_path):
    with override_settings(MEDIA_ROOT=tmp_path / "media"):
        yield
