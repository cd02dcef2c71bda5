"""A long day (or forum) is paged in time order (settings.FORUMS_SESSIONS_PER_PAGE): each page lists its sessions,
says which ones of how many, links the next and keeps the filters; a page past the last is a 404."""

import pytest
from django.core.cache import cache

from tests.factories import ForumFactory, SessionFactory
from tests.factories.forums import at, release

pytestmark = pytest.mark.usefixtures("forums_page")
TITLES = [("Opening talk", "开幕报告"), ("Carbon black panel", "炭黑圆桌"), ("Tyre recycling", "轮胎回收"),
          ("Mixing lines", "密炼线"), ("Closing talk", "闭幕报告")]


@pytest.fixture
def long_day(db, settings):
    settings.FORUMS_SESSIONS_PER_PAGE = 2
    forum = ForumFactory(slug="tyre-summit")
    for hour, (title, title_zh) in enumerate(TITLES, start=9):
        SessionFactory(forum=forum, starts_at=at(hour), title=title, title_zh=title_zh)
    release()
    cache.clear()
    return forum


def _shown(html, language):
    return [pair[language == "zh-hans"] for pair in TITLES if pair[language == "zh-hans"] in html]


@pytest.mark.parametrize("language, counted", [
    ("en", "Sessions 1–2 of 5, in time order"), ("zh-hans", "第 1–2 场，共 5 场，按时间排列")])
def test_a_long_day_is_paged_in_time_order(client, long_day, language, counted):
    pages = [client.get(f"/{language}/forums/", {"page": number}) for number in (1, 2, 3)]
    past = client.get(f"/{language}/forums/", {"page": 4})

    assert [page.status_code for page in pages] == [200, 200, 200] and past.status_code == 404
    html = [page.content.decode() for page in pages]
    index = language == "zh-hans"
    assert [_shown(page, language) for page in html] == [
        [TITLES[0][index], TITLES[1][index]], [TITLES[2][index], TITLES[3][index]], [TITLES[4][index]]]
    assert counted in html[0] and 'rel="next" href="?page=2"' in html[0] and 'rel="prev"' not in html[0]
    assert 'rel="prev" href="?page=2"' in html[2] and 'rel="next"' not in html[2]
    assert f'<html lang="{language}">' in past.content.decode()  # the not-found page, in the language


def test_pages_keep_the_filters_and_a_day_link_starts_again_at_the_first_page(client, long_day):
    html = client.get("/en/forums/?forum=tyre-summit&page=2").content.decode()

    assert _shown(html, "en") == ["Tyre recycling", "Mixing lines"]
    assert 'href="?forum=tyre-summit&amp;page=3"' in html and 'href="?forum=tyre-summit&amp;page=1"' in html
    assert 'href="?forum=tyre-summit&amp;day=2026-09-18"' in html  # no page in the day links


def test_a_short_programme_has_no_pages(client, long_day, settings):
    settings.FORUMS_SESSIONS_PER_PAGE = 10
    html = client.get("/en/forums/").content.decode()
    assert len(_shown(html, "en")) == 5 and "Sessions 1–" not in html and 'class="pagination"' not in html


@pytest.mark.parametrize("page", [1, 3])
def test_a_page_of_sessions_costs_the_same_queries_and_is_kept(client, long_day, page, django_assert_num_queries,
                                                                django_assert_max_num_queries):
    client.cookies["sessionid"] = "no-such-session"  # no stored page: the kept main column serves
    with django_assert_max_num_queries(11):
        first = client.get("/en/forums/", {"page": page})
    with django_assert_num_queries(0):
        kept = client.get("/en/forums/", {"page": page})

    assert first.status_code == kept.status_code == 200
    assert _shown(first.content.decode(), "en") == _shown(kept.content.decode(), "en") != []
