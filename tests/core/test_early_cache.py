"""Cached anonymous pages are answered before sessions, authentication and the CMS run, and go stale exactly
when the page caches behind them do."""

import pytest
from cms.cache import invalidate_cms_page_cache
from django.utils.cache import get_max_age

from apps.news import services
from tests.factories import ArticleFactory


def served_early(response):
    """The session middleware never saw the request: the early cache answered it."""
    return not hasattr(response.wsgi_request, "session")


@pytest.mark.parametrize("path", ["/en/news/", "/zh-hans/news/", "/en/news/rubber-article-1/"])
def test_second_anonymous_request_is_served_before_the_middleware_stack(client, editor, news_pages,
                                                                        django_assert_num_queries, path):
    ArticleFactory(author=editor, number=1)
    first = client.get(path)
    with django_assert_num_queries(0):
        second = client.get(path)
    assert (first.status_code, second.status_code) == (200, 200)
    assert not served_early(first) and served_early(second)
    assert second.content == first.content and second["X-Page-Cache"] == "hit"
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert "public" in second["Cache-Control"] and get_max_age(second) == 0
    assert "s-maxage=" in second["Cache-Control"] and second["Surrogate-Key"] == "cms news trading"  # + the site-wide risk banner


def test_a_publish_makes_the_early_copy_stale_at_once(client, editor, news_pages, django_capture_on_commit_callbacks):
    ArticleFactory(author=editor, number=1)
    client.get("/en/news/")
    assert served_early(client.get("/en/news/"))
    draft = ArticleFactory(author=editor, number=2, state="draft")
    with django_capture_on_commit_callbacks(execute=True):
        services.article_publish(article=draft, user=editor)
    fresh = client.get("/en/news/")
    assert not served_early(fresh) and "Rubber article 2" in fresh.content.decode()


def test_cms_pages_are_kept_while_django_cms_keeps_them(client, shell_pages):
    first = client.get("/zh-hans/")
    second = client.get("/zh-hans/")
    assert (first.status_code, second.status_code) == (200, 200)
    assert served_early(second) and second.content == first.content and second["Surrogate-Key"] == "cms trading"  # the site-wide banner
    invalidate_cms_page_cache()
    assert not served_early(client.get("/zh-hans/"))


def test_signed_in_visitors_and_their_sessions_never_get_the_early_copy(client, editor, news_pages):
    ArticleFactory(author=editor, number=1)
    client.get("/en/news/")
    client.get("/en/news/")
    client.force_login(editor)
    response = client.get("/en/news/")
    assert response.status_code == 200 and not served_early(response)
    assert "public" not in response.get("Cache-Control", "")
