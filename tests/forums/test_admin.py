"""Forums admin: who may open it, form validation (time zones, session times, photos), the schedule page
(changes, overlaps, release with confirmation) and the read-only releases."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from apps.forums.models import Forum, ScheduleRelease, Session, Speaker
from tests.factories import ForumFactory, RoomFactory, SessionFactory, SpeakerFactory
from tests.factories.forums import at, release
from tests.support.files import image_bytes

SCHEDULE = "/en/admin/forums/schedulerelease/schedule/"
MODELS = ("forum", "room", "topic", "speaker", "session", "schedulerelease")


def forum_data(**values):
    data = {"title": "Tyre Forum", "slug": "tyre-forum", "edition": "", "position": "0", "introduction": "",
            "starts_on": "2026-09-18", "ends_on": "2026-09-19", "time_zone": "Asia/Shanghai", "venue": "",
            "capacity": ""}
    data.update(values)
    return data


def session_data(forum, **values):
    data = {"title": "Opening", "forum": forum.pk, "format": "keynote", "topic": "", "abstract": "",
            "starts_at_0": "2026-09-18", "starts_at_1": "09:00", "ends_at_0": "2026-09-18", "ends_at_1": "10:00",
            "room": "", "appearances-TOTAL_FORMS": "0", "appearances-INITIAL_FORMS": "0",
            "appearances-MIN_NUM_FORMS": "0", "appearances-MAX_NUM_FORMS": "1000"}
    data.update(values)
    return data


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_editor_opens_every_forums_admin_page(client, editor, language):
    session = SessionFactory(speakers=[SpeakerFactory()])
    client.force_login(editor)

    for model in MODELS:
        assert client.get(f"/{language}/admin/forums/{model}/").status_code == 200, model
    for model in MODELS[:-1]:
        assert client.get(f"/{language}/admin/forums/{model}/add/").status_code == 200, model
    assert client.get(f"/{language}/admin/forums/session/{session.pk}/change/").status_code == 200
    assert client.get(f"/{language}/admin/forums/schedulerelease/schedule/").status_code == 200


def test_others_cannot_reach_the_forums_admin(client, exhibitor, trading_staff):
    SessionFactory()
    assert "/admin/login/" in client.get(SCHEDULE)["Location"]
    client.force_login(exhibitor)
    assert "/admin/login/" in client.get(SCHEDULE)["Location"]
    client.force_login(trading_staff)
    assert client.get(SCHEDULE).status_code == 403
    assert client.post(SCHEDULE, {"release": "1"}).status_code == 403
    assert client.get("/en/admin/forums/session/").status_code == 403
    assert ScheduleRelease.objects.count() == 0


def test_forum_time_zone_must_be_known(client, editor):
    client.force_login(editor)

    response = client.post("/zh-hans/admin/forums/forum/add/?language=en", forum_data(time_zone="Asia/Qingdao"))
    assert response.status_code == 200
    assert "不是已知的时区" in response.content.decode() and Forum.objects.count() == 0

    response = client.post("/en/admin/forums/forum/add/?language=en", forum_data(time_zone="Europe/Berlin"))
    assert response.status_code == 302
    assert Forum.objects.get().time_zone == "Europe/Berlin"


def test_forum_last_day_not_before_first(client, editor):
    client.force_login(editor)

    response = client.post("/en/admin/forums/forum/add/?language=en", forum_data(ends_on="2026-09-17"))

    assert "The last day cannot be before the first day." in response.content.decode()


def test_session_ending_before_it_starts_is_refused(client, editor):
    forum = ForumFactory()
    client.force_login(editor)

    response = client.post("/en/admin/forums/session/add/?language=en", session_data(forum, ends_at_1="08:30"))
    assert "A session must end after it starts." in response.content.decode() and Session.objects.count() == 0

    response = client.post("/en/admin/forums/session/add/?language=en", session_data(forum))
    assert response.status_code == 302 and Session.objects.count() == 1


def test_session_speakers_with_roles_are_saved_inline(client, editor):
    forum, speaker, host = ForumFactory(), SpeakerFactory(), SpeakerFactory()
    client.force_login(editor)

    response = client.post("/en/admin/forums/session/add/?language=en", session_data(
        forum, **{"appearances-TOTAL_FORMS": "2", "appearances-0-speaker": speaker.pk, "appearances-0-role": "speaker",
                  "appearances-0-position": "0", "appearances-1-speaker": host.pk, "appearances-1-role": "moderator",
                  "appearances-1-position": "1"}))

    assert response.status_code == 302
    rows = Session.objects.get().appearances.order_by("position")
    assert [(row.speaker, row.role) for row in rows] == [(speaker, "speaker"), (host, "moderator")]


def _speaker_post(client, upload):
    data = {"name": "Li Wei", "slug": "li-wei", "position": "", "company": "", "bio": "", "photo_upload": upload}
    return client.post("/en/admin/forums/speaker/add/?language=en", data)


def test_speaker_photo_is_checked_and_reencoded_as_a_square_jpeg(client, editor):
    client.force_login(editor)

    response = _speaker_post(client, SimpleUploadedFile("me.png", image_bytes((800, 600)), "image/png"))

    assert response.status_code == 302
    speaker = Speaker.objects.get()
    with Image.open(speaker.photo.open("rb")) as stored:
        assert (stored.format, stored.size) == ("JPEG", (480, 480))


@pytest.mark.parametrize("name, content, message", [
    ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"></svg>', "Upload a valid image"),
    ("photo.jpg", b"not an image at all", "Upload a valid image"),
    ("tiny.png", image_bytes((100, 100)), "The image is too small"),
    ("photo.gif", None, "This image format (GIF) is not accepted. Accepted formats: JPEG, PNG, WebP."),
])
def test_speaker_photo_bad_uploads_are_refused(client, editor, name, content, message):
    if content is None:
        buffer = io.BytesIO()
        Image.new("RGB", (400, 400)).save(buffer, format="GIF")
        content = buffer.getvalue()
    client.force_login(editor)

    response = _speaker_post(client, SimpleUploadedFile(name, content))

    assert response.status_code == 200 and message in response.content.decode()
    assert Speaker.objects.count() == 0


def test_schedule_page_shows_changes_and_releases_with_notes(client, editor):
    forum, room = ForumFactory(), RoomFactory(name="Hall A")
    session = SessionFactory(forum=forum, room=room, starts_at=at(9), title="Opening")
    release()
    session.starts_at, session.ends_at = at(11), at(12)
    session.save()
    SessionFactory(forum=forum, starts_at=at(14), title="Closing")
    client.force_login(editor)

    page = client.get(SCHEDULE).content.decode()
    assert "The public sees version 1." in page and "No speaker or room is booked twice" in page
    assert "Moved" in page and "2026-09-18 09:00–09:45" in page and "2026-09-18 11:00–12:00" in page
    assert "Added" in page and "Closing" in page

    response = client.post(SCHEDULE, {"note_en": "Opening moved.", "note_zh_hans": "开幕式改期。"})

    assert response.status_code == 302
    latest = ScheduleRelease.objects.first()
    assert (latest.version, latest.note_en, latest.note_zh_hans, latest.released_by) == (2, "Opening moved.",
                                                                                       "开幕式改期。", editor)
    assert sorted(entry["change"] for entry in latest.changelog) == ["added", "moved"]


def test_release_with_overlaps_needs_a_confirmation(client, editor):
    speaker, forum = SpeakerFactory(name="Li Wei"), ForumFactory()
    SessionFactory(forum=forum, starts_at=at(9), ends_at=at(10), speakers=[speaker], title="First talk")
    SessionFactory(forum=forum, starts_at=at(9, 30), ends_at=at(10, 30), speakers=[speaker], title="Second talk")
    client.force_login(editor)

    page = client.get(SCHEDULE).content.decode()
    assert "Li Wei speaks in two sessions at once" in page and "First talk" in page and "Second talk" in page

    response = client.post(SCHEDULE, {"note_en": ""})
    assert response.status_code == 200 and "confirm that you want to release it anyway" in response.content.decode()
    assert ScheduleRelease.objects.count() == 0

    assert client.post(SCHEDULE, {"confirm_overlaps": "on"}).status_code == 302
    assert ScheduleRelease.objects.get().version == 1


def test_unchanged_draft_cannot_be_released_again(client, editor):
    SessionFactory()
    release()
    client.force_login(editor)

    assert "there is nothing to release" in client.get(SCHEDULE).content.decode()
    response = client.post(SCHEDULE, {}, follow=True)
    assert "Nothing changed since release 1." in response.content.decode()
    assert ScheduleRelease.objects.count() == 1


def test_releases_are_read_only(client, editor):
    SessionFactory()
    made = release()
    client.force_login(editor)

    assert client.get("/en/admin/forums/schedulerelease/add/").status_code == 403
    page = client.get(f"/en/admin/forums/schedulerelease/{made.pk}/change/").content.decode()
    assert 'name="_save"' not in page
    assert client.post(f"/en/admin/forums/schedulerelease/{made.pk}/delete/", {"post": "yes"}).status_code == 403
    assert "Review and release the schedule" in client.get("/en/admin/forums/schedulerelease/").content.decode()


def test_release_refuses_a_draft_changed_since_the_editor_reviewed_it(client, editor):
    import re

    forum = ForumFactory()
    SessionFactory(forum=forum, starts_at=at(9), title="Opening")
    client.force_login(editor)
    page = client.get(SCHEDULE).content.decode()
    digest = re.search(r'name="draft_digest" value="([0-9a-f]+)"', page).group(1)
    SessionFactory(forum=forum, starts_at=at(15), title="Added after the review")

    response = client.post(SCHEDULE, {"draft_digest": digest}, follow=True)

    assert "The draft changed since you opened this page" in response.content.decode()
    assert ScheduleRelease.objects.count() == 0
    fresh = re.search(r'name="draft_digest" value="([0-9a-f]+)"', response.content.decode()).group(1)
    assert client.post(SCHEDULE, {"draft_digest": fresh}).status_code == 302
    assert len(ScheduleRelease.objects.get().snapshot["sessions"]) == 2
