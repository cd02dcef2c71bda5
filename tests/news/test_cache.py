"""Public caching: anonymous pages are stored per language and URL, made stale at once by the services."""

import pytest

from apps.news import services
from apps.news.models import Article
from tests.factories import ArticleFactory, NewsCategoryFactory

pytestmark = pytest.mark.usefixtures("news_pages")


@pytest.mark.parametrize("path", ["/en/news/", "/zh-hans/news/", "/en/news/feed/rss/"])
def test_anonymous_list_is_served_from_cache_without_cookies(client, editor, path):
    ArticleFactory(author=editor, number=1)

    first, second = client.get(path), client.get(path)

    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert first.content == second.content
    for response in (first, second):
        assert not response.cookies
        assert "cookie" not in response.get("Vary", "").lower()


def test_article_page_is_cached_per_language(client, editor):
    article = ArticleFactory(author=editor, number=1)
    english, chinese = article.get_absolute_url("en"), article.get_absolute_url("zh-hans")

    client.get(english)
    hit_en, miss_zh = client.get(english), client.get(chinese)

    assert hit_en["X-Page-Cache"] == "hit" and miss_zh["X-Page-Cache"] == "miss"
    assert "橡胶新闻1" in miss_zh.content.decode() and "橡胶新闻1" not in hit_en.content.decode()


def test_publishing_shows_new_article_at_once(client, editor, django_capture_on_commit_callbacks):
    ArticleFactory(author=editor, number=1)
    client.get("/en/news/")
    draft = ArticleFactory(author=editor, number=2, state="draft")
    assert "Rubber article 2" not in client.get("/en/news/").content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        services.article_publish(article=draft, user=editor)

    response = client.get("/en/news/")
    assert response["X-Page-Cache"] == "miss"
    assert "Rubber article 2" in response.content.decode()


def test_editing_published_article_refreshes_its_cached_page(client, editor, django_capture_on_commit_callbacks):
    article = ArticleFactory(author=editor, number=1)
    url = article.get_absolute_url("en")
    client.get(url)

    with django_capture_on_commit_callbacks(execute=True):
        article.set_current_language("en")
        article.lead = "A corrected lead."
        services.article_save(article=article, user=editor)

    assert "A corrected lead." in client.get(url).content.decode()


def test_archiving_removes_article_at_once(client, editor, django_capture_on_commit_callbacks):
    article = ArticleFactory(author=editor, number=1)
    url = article.get_absolute_url("en")
    assert client.get(url).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        services.article_archive(article=article, user=editor)

    assert client.get(url).status_code == 404


def test_logged_in_users_and_errors_are_not_cached(client, editor):
    ArticleFactory(author=editor, number=1)
    client.force_login(editor)

    assert "X-Page-Cache" not in client.get("/en/news/")
    client.logout()
    assert "X-Page-Cache" not in client.get("/en/news/no-such-article/")


def test_category_rename_in_admin_makes_pages_stale(client, editor, django_capture_on_commit_callbacks):
    category = NewsCategoryFactory(slug="policy", en="Policy", zh="政策法规")
    ArticleFactory(author=editor, number=1, category=category)
    client.get("/en/news/")
    client.force_login(editor)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/admin/news/category/{category.pk}/change/?language=en", {
            "name": "Policy and Standards", "slug": "policy", "position": 0, "description": ""})
    assert response.status_code == 302
    client.logout()

    assert "Policy and Standards" in client.get("/en/news/").content.decode()
    assert Article.objects.count() == 1
