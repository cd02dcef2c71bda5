"""A long programme opens on one day (settings.FORUMS_ONE_DAY_ABOVE); filters and the day links show the rest."""

import datetime

import pytest

from tests.factories import ForumFactory, SessionFactory
from tests.factories.forums import DAY, at, release

pytestmark = pytest.mark.usefixtures("forums_page")
SECOND_DAY = DAY + datetime.timedelta(days=1)


@pytest.fixture
def two_days(db, settings):
    settings.FORUMS_ONE_DAY_ABOVE = 2
    forum = ForumFactory(slug="tyre-summit")
    SessionFactory(forum=forum, starts_at=at(9), title="Opening talk", title_zh="开幕报告")
    SessionFactory(forum=forum, starts_at=at(11), title="Carbon black panel", title_zh="炭黑圆桌")
    SessionFactory(forum=forum, starts_at=at(10, day=SECOND_DAY), title="Closing talk", title_zh="闭幕报告")
    release()
    return forum


@pytest.mark.parametrize("language, first, other, notice", [
    ("en", "Opening talk", "Closing talk", "opens on one day"),
    ("zh-hans", "开幕报告", "闭幕报告", "默认只显示一天"),
])
def test_long_programme_opens_on_its_first_day(client, two_days, language, first, other, notice):
    html = client.get(f"/{language}/forums/").content.decode()

    assert first in html and notice in html
    assert other not in html
    assert f'day={SECOND_DAY:%Y-%m-%d}' in html  # the other day is one click away


def test_a_chosen_day_or_a_filter_shows_what_was_asked(client, two_days):
    second = client.get(f"/en/forums/?day={SECOND_DAY:%Y-%m-%d}").content.decode()
    filtered = client.get("/en/forums/?forum=tyre-summit").content.decode()

    assert "Closing talk" in second and "Opening talk" not in second
    assert "Opening talk" in filtered and "Closing talk" in filtered and "opens on one day" not in filtered


def test_a_short_programme_shows_every_day(client, two_days, settings):
    settings.FORUMS_ONE_DAY_ABOVE = 10

    html = client.get("/en/forums/").content.decode()

    assert "Opening talk" in html and "Closing talk" in html and "opens on one day" not in html
