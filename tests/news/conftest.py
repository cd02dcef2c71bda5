import pytest
from django.test import override_settings

from apps.accounts import roles
from tests.factories import make_page, make_user
from tests.factories.cms_pages import apphook_detach
from tests.factories.news import news_editor


@pytest.fixture
def news_pages(db):
    """Home and the News Center page with the news apphook, published in both languages."""
    admin = make_user(username="pages-admin", is_staff=True, is_superuser=True)
    home = make_page(title_en="Home", title_zh="首页", slug="home", template="cms/home.html", home=True, user=admin)
    news = make_page(title_en="News Center", title_zh="新闻中心", slug="news", template="cms/section.html",
                     user=admin, apphook="NewsApphook", apphook_namespace="news")
    yield {"home": home, "news": news}
    apphook_detach(news)


@pytest.fixture
def contributor(db):
    return make_user(role=roles.CONTRIBUTORS, username="contributor")


@pytest.fixture
def news_editor_user(db):
    return news_editor()


@pytest.fixture(autouse=True)
def _test_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    with override_settings(MEDIA_ROOT=tmp_path / "media"):
        yield
