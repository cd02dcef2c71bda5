"""Session rows and day grids are rendered once per released programme and language (forums_tags), and a new
release renders them afresh."""

import pytest
from django.core.cache import cache

from tests.factories import ForumFactory, SessionFactory
from tests.factories.forums import at, release

pytestmark = pytest.mark.usefixtures("forums_page")
ROW, GRID = "forums/_session_row.html", "forums/_grid.html"


def templates_of(response):
    return {template.name for template in response.templates}


@pytest.fixture
def released(db):
    forum = ForumFactory(slug="tyre-summit")
    SessionFactory(forum=forum, starts_at=at(9), title="Opening talk", title_zh="开幕报告")
    release()
    return forum


@pytest.mark.parametrize("path, template", [("/en/forums/", ROW), ("/en/forums/grid/?day=2026-09-18", GRID)])
def test_a_second_render_reuses_the_stored_rows(client, released, path, template):
    first = client.get(path)
    cache.clear()  # the page cache forgets; the programme kept in the process remembers its rows
    second = client.get(path)

    assert template in templates_of(first) and template not in templates_of(second)
    assert "Opening talk" in second.content.decode()
    assert first.content == second.content


def test_each_language_and_each_release_has_its_own_rows(client, released):
    client.get("/en/forums/")
    chinese = client.get("/zh-hans/forums/").content.decode()
    SessionFactory(forum=released, starts_at=at(11), title="Carbon black panel", title_zh="炭黑圆桌")
    release()
    after = client.get("/en/forums/")

    assert "开幕报告" in chinese and "Opening talk" not in chinese
    assert ROW in templates_of(after) and "Carbon black panel" in after.content.decode()
