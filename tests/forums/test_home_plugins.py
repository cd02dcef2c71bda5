"""The forums' home-page plugin: the next sessions of the released programme, "now and next" while sessions run,
in the page's language, in at most two queries, and fresh on the cached home page after a new release."""

import datetime

import pytest
from cms.models import Page
from django.utils import timezone

from apps.forums import selectors
from tests.factories import ForumFactory, RoomFactory, SessionFactory
from tests.factories.forums import at, release
from tests.support.home_plugins import home_html, home_plugin_place, plugin_html

DAY = timezone.localdate() + datetime.timedelta(days=20)


@pytest.fixture
def placed(forums_page, editor):
    return home_plugin_place(Page.objects.get(is_home=True), editor, "ForumsHomePlugin", slot="forums", count=2)


@pytest.fixture
def forum(db):
    return ForumFactory(slug="tyre-forum", title="Tyre Forum", title_zh="轮胎论坛", starts_on=DAY)


def _session(forum, hour, title, title_zh, day=DAY, **fields):
    return SessionFactory(forum=forum, starts_at=at(hour, day=day), title=title, title_zh=title_zh, **fields)


@pytest.mark.parametrize("language, shown, hidden", [
    ("en", ["Next forum sessions", "Opening keynote", "Tyre Forum", "Hall A", "Full forum programme"],
     ["开幕", "轮胎论坛", "论坛"]),
    ("zh-hans", ["开幕主旨演讲", "轮胎论坛", "A厅"], ["Next forum", "Opening", "Tyre Forum", "Hall A", "Full forum"]),
])
def test_home_shows_the_next_sessions_in_its_language(client, placed, forum, language, shown, hidden):
    _session(forum, 9, "Opening keynote", "开幕主旨演讲", room=RoomFactory(name="Hall A", name_zh="A厅"))
    _session(forum, 10, "Second talk", "第二场")
    _session(forum, 11, "Third talk", "第三场")  # past the plugin's two
    release()

    html = home_html(client, language)

    block = html[html.index("live-block forums-home"):]
    block = block[:block.index("</section>")]
    for text in shown:
        assert text in block
    for text in hidden:
        assert text not in block
    assert "Third talk" not in block and "第三场" not in block
    assert f'<time datetime="{at(9, day=DAY).isoformat()}">' in block
    assert f'href="/{language}/forums/tyre-forum/"' in block


def test_while_sessions_run_the_block_shows_now_and_next(placed, forum, monkeypatch):
    _session(forum, 9, "Opening keynote", "开幕主旨演讲")
    _session(forum, 10, "Second talk", "第二场")
    release()
    monkeypatch.setattr(timezone, "now", lambda: at(9, 20, day=DAY))

    html = plugin_html(placed["en"], "en")

    assert "Forums: now and next" in html
    running, upcoming = html.split("Starting next")
    assert "Running now" in running and "Opening keynote" in running and "Second talk" not in running
    assert "Second talk" in upcoming and "Opening keynote" not in upcoming


def test_before_the_forums_the_block_lists_the_next_sessions_not_now_and_next(forum):
    _session(forum, 9, "Opening keynote", "开幕主旨演讲")
    _session(forum, 10, "Cancelled talk", "取消的议程", is_cancelled=True)
    release()

    found = selectors.home_sessions(language="en", now=at(9, day=DAY) - datetime.timedelta(days=3), limit=4)

    assert found["live"] is False
    assert [session.title for session in found["upcoming"]] == ["Opening keynote"]
    after = selectors.home_sessions(language="en", now=at(12, day=DAY), limit=4)  # nothing ahead: the forums
    assert after["upcoming"] == [] and [forum.title for forum in after["past"]] == ["Tyre Forum"]
    assert found["past"] == []


def test_after_the_forums_the_block_links_the_latest_forums(placed, forum, monkeypatch):
    _session(forum, 9, "Opening keynote", "开幕主旨演讲")
    release()
    monkeypatch.setattr(timezone, "now", lambda: at(9, day=DAY) + datetime.timedelta(days=5))

    html = plugin_html(placed["zh-hans"], "zh-hans")

    assert "轮胎论坛" in html and 'href="/zh-hans/forums/tyre-forum/"' in html and "开幕主旨演讲" not in html
    assert "The latest forums" not in html and "最近的论坛" in html


@pytest.mark.parametrize("count", [1, 3])
def test_plugin_renders_in_two_queries_whatever_the_number_of_sessions(placed, forum, count,
                                                                       django_assert_num_queries):
    for n in range(count):
        _session(forum, 9 + n, f"Talk {n}", f"演讲甲{n}")
    release()
    plugin_html(placed["zh-hans"], "zh-hans")  # django CMS loads the apphooks' URLs once per process
    selectors.process_caches_clear()  # the snapshot is read once per process: count the first read

    with django_assert_num_queries(2):
        html = plugin_html(placed["zh-hans"], "zh-hans")

    shown = min(count, 2)
    assert html.count('<li class="live-session">') == shown
    assert all(f"演讲甲{n}" in html for n in range(shown))


def test_cached_home_shows_sessions_of_a_new_release(client, placed, forum):
    _session(forum, 9, "Opening keynote", "开幕主旨演讲")
    release()
    assert "Opening keynote" in home_html(client, "en")
    assert client.get("/en/")["X-Page-Cache"] == "hit"
    _session(forum, 8, "Early bird talk", "早场演讲")

    release()  # runs its after-commit work: the forums' page cache is bumped

    assert "Early bird talk" in home_html(client, "en")
