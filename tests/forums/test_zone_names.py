"""Times are named by their zone's common name in the page's language: 北京时间 / Beijing time, not the tz id."""

import datetime

import pytest

from apps.forums.zones import zone_name
from tests.factories import ForumFactory, SessionFactory
from tests.factories.forums import at, release


@pytest.mark.parametrize("zone, en, zh", [("Asia/Shanghai", "Beijing time", "北京时间"),
                                          ("Europe/Berlin", "Berlin time", "柏林时间"),
                                          ("America/Sao_Paulo", "Sao Paulo time", "Sao Paulo 时间")])
def test_zone_names_in_both_languages(zone, en, zh):
    from django.utils import translation

    with translation.override("en"):
        assert zone_name(zone) == en
    with translation.override("zh-hans"):
        assert zone_name(zone) == zh


def test_grid_and_session_say_beijing_time(client, forums_page):
    forum = ForumFactory(slug="tyre-forum")
    session = SessionFactory(forum=forum, starts_at=at(9), title="Opening", title_zh="开幕")
    release()
    grid_zh = client.get("/zh-hans/forums/grid/?day=2026-09-18").content.decode()
    grid_en = client.get("/en/forums/grid/?day=2026-09-18").content.decode()
    assert "时间均为北京时间。" in grid_zh and "Asia/Shanghai" not in grid_zh
    assert "Times are in Beijing time." in grid_en
    page = client.get(f"/zh-hans/forums/sessions/{session.pk}/").content.decode()
    assert "（北京时间，UTC+08:00）" in page or "(北京时间，UTC+08:00)" in page
    forum_page = client.get("/zh-hans/forums/tyre-forum/").content.decode()
    assert "<dd>北京时间</dd>" in forum_page


def test_a_forum_elsewhere_names_its_zone(client, forums_page):
    berlin = ForumFactory(slug="berlin-day", time_zone="Europe/Berlin", starts_on=datetime.date(2026, 9, 18))
    SessionFactory(forum=berlin, starts_at=at(16), title="Berlin talk", title_zh="柏林报告")
    release()
    programme = client.get("/zh-hans/forums/").content.decode()
    assert "柏林时间" in programme and "Europe/Berlin" not in programme
