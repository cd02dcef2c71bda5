"""An iCal LOCATION names the room, where it is and the venue once each, also when the forum's venue already
names the room (as the demo's forums do)."""

import pytest
from icalendar import Calendar

from tests.factories import ForumFactory, RoomFactory, SessionFactory
from tests.factories.forums import at, release

pytestmark = pytest.mark.usefixtures("forums_page")


@pytest.fixture
def session(db):
    forum = ForumFactory(slug="summit", venue="International Conference Hall, Rubber Valley Exhibition Center, Qingdao",
                         venue_zh="青岛橡胶谷会展中心国际会议厅")
    room = RoomFactory(slug="intl-hall", name="International Conference Hall", name_zh="国际会议厅",
                       location="Conference Center, ground floor", location_zh="会议中心一层")
    made = SessionFactory(forum=forum, room=room, starts_at=at(9), title="Opening", title_zh="开幕")
    release()
    return made


@pytest.mark.parametrize("lang, location", [
    ("en", "International Conference Hall, Conference Center, ground floor, Rubber Valley Exhibition Center, Qingdao"),
    ("zh-hans", "国际会议厅, 会议中心一层, 青岛橡胶谷会展中心"),
])
def test_location_names_the_room_once(client, session, lang, location):
    response = client.get(f"/{lang}/forums/sessions/{session.pk}.ics")
    assert response.status_code == 200
    event = next(iter(Calendar.from_ical(response.content).walk("VEVENT")))
    assert str(event["LOCATION"]) == location
