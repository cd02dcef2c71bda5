"""iCalendar exports of the released schedule, parsed back with icalendar."""

import datetime
import zoneinfo

import pytest
from icalendar import Calendar

from apps.forums.agenda.ical import session_uid
from tests.factories import ForumFactory, RoomFactory, SessionFactory, SpeakerFactory
from tests.factories.forums import at, release

pytestmark = pytest.mark.usefixtures("forums_page")
UTC = datetime.UTC
BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


@pytest.fixture
def programme(db):
    shanghai = ForumFactory(slug="tyre-forum", title="Tyre Forum", title_zh="轮胎论坛")
    berlin = ForumFactory(slug="berlin-forum", title="Berlin Forum", title_zh="柏林论坛", time_zone="Europe/Berlin")
    room = RoomFactory(slug="hall-b", name="Hall B", name_zh="B厅")
    speaker = SpeakerFactory(slug="li-wei", name="Li Wei", name_zh="李伟")
    keynote = SessionFactory(forum=shanghai, room=room, starts_at=at(9, 30), title="Natural rubber outlook",
                             title_zh="天然橡胶展望", speakers=[speaker])
    untranslated = SessionFactory(forum=shanghai, room=room, starts_at=at(11), title="Only in English", title_zh="")
    cancelled = SessionFactory(forum=shanghai, starts_at=at(14), title="Cancelled talk", title_zh="取消的报告",
                               is_cancelled=True)
    abroad = SessionFactory(forum=berlin, starts_at=at(10, zone=BERLIN), title="Recycling in Europe",
                            title_zh="欧洲的回收")
    release()
    return {"keynote": keynote, "untranslated": untranslated, "cancelled": cancelled, "abroad": abroad,
            "speaker": speaker, "room": room}


def _calendar(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def _events(calendar):
    return {int(str(event["UID"]).split("-")[2].split("@")[0]): event for event in calendar.walk("VEVENT")}


def test_ical_all_uses_each_forums_zone_with_a_vtimezone(client, programme):
    response = client.get("/en/forums/schedule.ics")

    calendar = _calendar(response)
    assert response["Content-Disposition"] == 'attachment; filename="forums.ics"'
    assert {tz["TZID"] for tz in calendar.walk("VTIMEZONE")} == {"Asia/Shanghai", "Europe/Berlin"}
    events = _events(calendar)
    assert set(events) == {s.pk for s in (programme["keynote"], programme["untranslated"], programme["cancelled"],
                                          programme["abroad"])}
    keynote, abroad = events[programme["keynote"].pk], events[programme["abroad"].pk]
    assert keynote["DTSTART"].params["TZID"] == "Asia/Shanghai"
    assert keynote.decoded("DTSTART").astimezone(UTC) == datetime.datetime(2026, 9, 18, 1, 30, tzinfo=UTC)
    assert keynote.decoded("DTEND").astimezone(UTC) == datetime.datetime(2026, 9, 18, 2, 15, tzinfo=UTC)
    assert abroad["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert abroad.decoded("DTSTART").astimezone(UTC) == datetime.datetime(2026, 9, 18, 8, 0, tzinfo=UTC)
    assert b"DTSTART;TZID=Asia/Shanghai:20260918T093000" in response.content
    assert b"DTSTART;TZID=Europe/Berlin:20260918T100000" in response.content


def test_ical_event_fields_in_english(client, programme):
    events = _events(_calendar(client.get("/en/forums/schedule.ics")))

    keynote = events[programme["keynote"].pk]
    pk = programme["keynote"].pk
    assert str(keynote["UID"]) == session_uid(pk) == f"forum-session-{pk}@127.0.0.1"
    assert str(keynote["SUMMARY"]) == "Natural rubber outlook"
    assert str(keynote["LOCATION"]) == "Hall B, Floor 2, Hall A"
    assert "Tyre Forum" in str(keynote["DESCRIPTION"]) and "Speaker: Li Wei" in str(keynote["DESCRIPTION"])
    assert str(keynote["STATUS"]) == "CONFIRMED"
    assert keynote["SEQUENCE"] == 1
    assert str(keynote["URL"]) == f"http://127.0.0.1:8000/en/forums/sessions/{programme['keynote'].pk}/"
    assert str(events[programme["cancelled"].pk]["STATUS"]) == "CANCELLED"


def test_ical_in_chinese_falls_back_to_english_when_untranslated(client, programme):
    events = _events(_calendar(client.get("/zh-hans/forums/schedule.ics")))

    keynote = events[programme["keynote"].pk]
    assert str(keynote["SUMMARY"]) == "天然橡胶展望"
    assert str(keynote["LOCATION"]).startswith("B厅, 二层")
    assert "轮胎论坛" in str(keynote["DESCRIPTION"]) and "李伟" in str(keynote["DESCRIPTION"])
    assert str(keynote["URL"]).endswith(f"/zh-hans/forums/sessions/{programme['keynote'].pk}/")
    assert str(events[programme["untranslated"].pk]["SUMMARY"]) == "Only in English"
    assert str(keynote["UID"]) == session_uid(programme["keynote"].pk)  # the same event in both languages


def test_ical_sequence_follows_the_release_and_uid_stays(client, programme):
    keynote = programme["keynote"]
    keynote.starts_at, keynote.ends_at = at(10), at(11)
    keynote.save()
    release()

    event = _events(_calendar(client.get("/en/forums/schedule.ics")))[keynote.pk]

    assert event["SEQUENCE"] == 2
    assert str(event["UID"]) == session_uid(keynote.pk)
    assert event.decoded("DTSTART").astimezone(UTC) == datetime.datetime(2026, 9, 18, 2, 0, tzinfo=UTC)


def test_ical_forum_holds_only_its_sessions_in_its_zone(client, programme):
    response = client.get("/en/forums/berlin-forum/schedule.ics")

    calendar = _calendar(response)
    assert set(_events(calendar)) == {programme["abroad"].pk}
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    assert str(calendar["X-WR-CALNAME"]) == "Berlin Forum"
    assert response["Content-Disposition"] == 'attachment; filename="forum-berlin-forum.ics"'


def test_ical_session_and_speaker(client, programme):
    session = _calendar(client.get(f"/zh-hans/forums/sessions/{programme['cancelled'].pk}.ics"))
    speaker = _calendar(client.get("/en/forums/speakers/li-wei.ics"))

    assert list(_events(session)) == [programme["cancelled"].pk]
    assert str(session.walk("VEVENT")[0]["STATUS"]) == "CANCELLED"
    assert str(session.walk("VEVENT")[0]["SUMMARY"]) == "取消的报告"
    assert list(_events(speaker)) == [programme["keynote"].pk]


@pytest.mark.parametrize("path", ["/en/forums/nope/schedule.ics", "/en/forums/sessions/999999.ics",
                                  "/zh-hans/forums/speakers/nobody.ics", "/en/forums/agenda/not-a-token.ics"])
def test_ical_unknown_objects_are_404(client, programme, path):
    assert client.get(path).status_code == 404


def test_ical_before_any_release_is_404(client, db):
    SessionFactory(title="Draft only")

    assert client.get("/en/forums/schedule.ics").status_code == 404


def test_ical_etag_gives_304(client, programme):
    first = client.get("/en/forums/schedule.ics")

    again = client.get("/en/forums/schedule.ics", HTTP_IF_NONE_MATCH=first["ETag"])
    other_language = client.get("/zh-hans/forums/schedule.ics", HTTP_IF_NONE_MATCH=first["ETag"])

    assert first["ETag"] == '"forums-all-v1-en"'
    assert again.status_code == 304 and again.content == b""
    assert other_language.status_code == 200


@pytest.mark.parametrize("count", [1, 3])
@pytest.mark.parametrize("path", ["/en/forums/schedule.ics", "/zh-hans/forums/tyre-forum/schedule.ics",
                                  "/en/forums/speakers/li-wei.ics", "/en/forums/sessions/{first}.ics"])
def test_ical_query_count_does_not_grow(client, db, django_assert_num_queries, count, path):
    forum = ForumFactory(slug="tyre-forum")
    speaker = SpeakerFactory(slug="li-wei")
    made = [SessionFactory(forum=forum, room=RoomFactory(), starts_at=at(9 + n), speakers=[speaker])
            for n in range(count)]
    release()

    with django_assert_num_queries(3):  # the CMS page, the release, its snapshot
        response = client.get(path.format(first=made[0].pk))

    assert response.status_code == 200
    assert len(Calendar.from_ical(response.content).walk("VEVENT")) == (1 if "sessions/" in path else count)
