"""JSON export of the released schedule: content in both languages, ETag per version and language, 304."""

import pytest

from apps.forums.models import ScheduleRelease
from apps.forums.snapshot import utc_iso
from tests.factories import ForumFactory, RoomFactory, SessionFactory, SpeakerFactory
from tests.factories.forums import at, release

pytestmark = pytest.mark.usefixtures("forums_page")


@pytest.fixture
def released(db):
    forum = ForumFactory(slug="tyre-forum", title="Tyre Forum", title_zh="轮胎论坛")
    room = RoomFactory(slug="hall-b", name="Hall B", name_zh="B厅")
    speaker = SpeakerFactory(slug="li-wei", name="Li Wei", name_zh="李伟")
    later = SessionFactory(forum=forum, room=room, starts_at=at(14), title="Afternoon", title_zh="下午",
                           is_cancelled=True)
    early = SessionFactory(forum=forum, room=room, starts_at=at(9), title="Morning", title_zh="上午",
                           speakers=[(speaker, "moderator")])
    release()
    return {"forum": forum, "room": room, "speaker": speaker, "early": early, "later": later}


def test_schedule_json_content_in_both_languages(client, released):
    response = client.get("/zh-hans/forums/schedule.json")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    data = response.json()
    current = ScheduleRelease.objects.get()
    assert data["version"] == 1
    assert data["generated_at"] == utc_iso(current.released_at)
    assert data["language"] == "zh-hans"
    assert [s["id"] for s in data["sessions"]] == [released["early"].pk, released["later"].pk]  # time order
    early, later = data["sessions"]
    assert early["title"] == {"en": "Morning", "zh-hans": "上午"}
    assert early["starts_at"] == "2026-09-18T01:00:00Z"
    assert early["speakers"] == [{"speaker": released["speaker"].pk, "role": "moderator"}]
    assert early["url"] == f"http://127.0.0.1:8000/zh-hans/forums/sessions/{released['early'].pk}/"
    assert early["ical"] == f"http://127.0.0.1:8000/zh-hans/forums/sessions/{released['early'].pk}.ics"
    assert later["cancelled"] is True
    assert data["forums"][0]["title"] == {"en": "Tyre Forum", "zh-hans": "轮胎论坛"}
    assert data["forums"][0]["time_zone"] == "Asia/Shanghai"
    assert data["forums"][0]["ical"] == "http://127.0.0.1:8000/zh-hans/forums/tyre-forum/schedule.ics"
    assert data["rooms"][0]["name"] == {"en": "Hall B", "zh-hans": "B厅"}
    assert data["speakers"][0]["name"] == {"en": "Li Wei", "zh-hans": "李伟"}
    assert data["speakers"][0]["url"] == "http://127.0.0.1:8000/zh-hans/forums/speakers/li-wei/"


def test_schedule_json_shows_the_release_not_the_draft(client, released):
    SessionFactory(forum=released["forum"], title="Draft only")

    ids = [s["id"] for s in client.get("/en/forums/schedule.json").json()["sessions"]]

    assert ids == [released["early"].pk, released["later"].pk]


def test_schedule_json_etag_304_and_cache_control(client, released):
    first = client.get("/en/forums/schedule.json")

    again = client.get("/en/forums/schedule.json", HTTP_IF_NONE_MATCH=first["ETag"])
    chinese = client.get("/zh-hans/forums/schedule.json", HTTP_IF_NONE_MATCH=first["ETag"])

    assert first["ETag"] == '"forums-json-v1-en"'
    assert "public" in first["Cache-Control"] and "max-age=300" in first["Cache-Control"]
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == first["ETag"]
    assert chinese.status_code == 200 and chinese["ETag"] == '"forums-json-v1-zh-hans"'


def test_schedule_json_new_release_changes_etag_and_content(client, released):
    first = client.get("/en/forums/schedule.json")
    early = released["early"]
    early.set_current_language("en")
    early.title = "Morning keynote"
    early.save()
    release()

    response = client.get("/en/forums/schedule.json", HTTP_IF_NONE_MATCH=first["ETag"])

    assert response.status_code == 200
    assert response["ETag"] == '"forums-json-v2-en"'
    assert response.json()["version"] == 2
    assert response.json()["sessions"][0]["title"]["en"] == "Morning keynote"


def test_schedule_json_before_any_release_is_404(client, db):
    assert client.get("/en/forums/schedule.json").status_code == 404


def test_schedule_json_refuses_post(client, released):
    assert client.post("/en/forums/schedule.json").status_code == 405


@pytest.mark.parametrize("count", [1, 3])
def test_schedule_json_query_count_does_not_grow(client, db, django_assert_num_queries, count):
    forum = ForumFactory()
    made = [SessionFactory(forum=forum, room=RoomFactory(), starts_at=at(9 + n), speakers=[SpeakerFactory()])
            for n in range(count)]
    release()

    with django_assert_num_queries(3):  # the CMS page, the release, its snapshot
        response = client.get("/en/forums/schedule.json")

    assert response.status_code == 200
    assert [s["title"]["en"] for s in response.json()["sessions"]] == [s.title for s in made]
