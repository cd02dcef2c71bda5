"""django CMS's current page is looked up once per path and CMS page-cache version for visitors who are not staff
(apps.core.current_page), and afresh for staff, who may see drafts."""

from cms.cache import invalidate_cms_page_cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ArticleFactory


def page_lookups(client, path):
    """(response, how many of its queries looked up django CMS's page)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    return response, sum('FROM "cms_pageurl"' in q["sql"] for q in queries)


def test_an_apps_page_is_looked_up_once_per_cms_version(client, editor, news_pages):
    ArticleFactory(author=editor, number=1)
    client.cookies["sessionid"] = "no-such-session"  # no stored page serves this visitor

    first, first_lookups = page_lookups(client, "/en/news/")
    second, second_lookups = page_lookups(client, "/en/news/")
    chinese, chinese_lookups = page_lookups(client, "/zh-hans/news/")  # another path, another language
    invalidate_cms_page_cache()  # a publish or a page change
    _again, again_lookups = page_lookups(client, "/en/news/")

    assert first.status_code == second.status_code == chinese.status_code == 200
    assert second_lookups == 0 < min(first_lookups, chinese_lookups, again_lookups)  # (the first also builds the menu)
    for response, path in ((second, "/en/news/"), (chinese, "/zh-hans/news/")):  # the menu marks the section
        assert f'<li class="current"><a href="{path}" aria-current="page">' in response.content.decode()
    assert "Rubber article 1" in second.content.decode()


def test_a_path_that_is_no_page_is_kept_as_such(client, shell_pages):
    client.cookies["sessionid"] = "no-such-session"
    first, _ = page_lookups(client, "/en/accounts/login/")
    second, lookups = page_lookups(client, "/en/accounts/login/")
    assert first.status_code == second.status_code == 200 and lookups == 0


def test_staff_get_django_cms_own_lookup_each_time(client, editor, news_pages):
    ArticleFactory(author=editor, number=1)
    client.force_login(editor)
    assert editor.is_staff

    client.get("/en/news/")
    response, lookups = page_lookups(client, "/en/news/")

    assert response.status_code == 200 and lookups == 1


def test_a_path_that_answers_404_is_not_kept(client, shell_pages):
    client.cookies["sessionid"] = "no-such-session"
    first, _ = page_lookups(client, "/en/no-such-page-at-all/")
    second, lookups = page_lookups(client, "/en/no-such-page-at-all/")
    assert first.status_code == second.status_code == 404
    assert lookups > 0  # each junk path is looked up again: it fills no cache


def test_the_process_keeps_the_page_it_found_and_finds_it_again_after_a_publish(client, editor, news_pages):
    from django.core.cache import cache

    ArticleFactory(author=editor, number=1)
    client.cookies["sessionid"] = "no-such-session"
    page_lookups(client, "/en/news/")
    for key in cache.keys("shell:page:*"):
        cache.delete(key)  # not even Redis holds it now: this process does, under the same shell version

    kept, kept_lookups = page_lookups(client, "/en/news/")
    invalidate_cms_page_cache()
    again, again_lookups = page_lookups(client, "/en/news/")

    assert kept.status_code == again.status_code == 200 and kept_lookups == 0 < again_lookups
    assert '<li class="current"><a href="/en/news/" aria-current="page">' in kept.content.decode()
