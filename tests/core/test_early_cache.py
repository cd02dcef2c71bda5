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


def test_each_process_keeps_its_copies_and_asks_redis_for_their_versions_and_stamp_only(client, editor, news_pages):
    from django.core.cache import cache
    from django.test import RequestFactory

    from apps.core.early_cache import _key

    ArticleFactory(author=editor, number=1)
    client.get("/en/news/")
    key = _key(RequestFactory().get("/en/news/"))
    cache.delete(key)  # the body stored in Redis is gone; its stamp and the versions are not

    assert served_early(client.get("/en/news/"))  # this process's copy
    cache.set(key + ":stamp", "another-render")  # another process stored a newer render
    again = client.get("/en/news/")
    assert again.status_code == 200 and not served_early(again)


def test_a_cleared_cache_makes_the_process_copies_stale(client, shell_pages):
    from django.core.cache import cache

    client.get("/zh-hans/")
    assert served_early(client.get("/zh-hans/"))
    cache.clear()  # django CMS's page-cache version starts again from 1, perhaps the copy's own
    assert not served_early(client.get("/zh-hans/"))


def test_process_copies_are_bounded_in_bytes_and_time(monkeypatch):
    from apps.core import local

    entries = local.LocalEntries(limit=400)
    page = {"content": b"x" * 100}
    entries.put("a", page, 60)
    entries.put("b", page, 60)
    entries.get("a")  # used: "b" is now the oldest
    entries.put("c", page, 60)
    entries.put("d", page, 60)
    entries.put("e", page, 60)
    entries.put("big", {"content": b"x" * 101}, 60)  # more than a quarter of the limit: never kept

    assert [key for key in "abcde" if entries.get(key)] == ["a", "c", "d", "e"] and entries.get("big") is None
    assert entries.size == 400
    now = local.time.monotonic()
    monkeypatch.setattr(local.time, "monotonic", lambda: now + 61)
    assert entries.get("a") is None and entries.size == 300
