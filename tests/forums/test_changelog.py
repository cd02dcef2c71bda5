"""The changelog of a release: what the public sees changed since the release before."""

import pytest
from django.core.exceptions import ValidationError

from apps.forums.models import SessionSpeaker
from tests.factories import ForumFactory, RoomFactory, SessionFactory, SpeakerFactory
from tests.factories.forums import at, release


@pytest.fixture
def first(db):
    forum = ForumFactory()
    room, other_room = RoomFactory(slug="hall-a"), RoomFactory(slug="hall-b")
    session = SessionFactory(forum=forum, room=room, starts_at=at(9), title="Opening", title_zh="开幕")
    release()
    return {"forum": forum, "room": room, "other_room": other_room, "session": session}


def _entry(release_obj):
    assert len(release_obj.changelog) == 1
    return release_obj.changelog[0]


def test_first_release_lists_every_session_as_added(db):
    forum = ForumFactory()
    one, two = SessionFactory(forum=forum, starts_at=at(10)), SessionFactory(forum=forum, starts_at=at(9))

    changelog = release().changelog

    assert [(entry["session"], entry["change"]) for entry in changelog] == [(two.pk, "added"), (one.pk, "added")]


def test_added_session(first):
    added = SessionFactory(forum=first["forum"], room=first["room"], starts_at=at(11), title="New talk",
                           title_zh="新议题")

    entry = _entry(release())

    assert entry == {"session": added.pk, "forum": first["forum"].pk, "change": "added", "before": None,
                     "after": {"starts_at": "2026-09-18T03:00:00Z", "ends_at": "2026-09-18T03:45:00Z",
                               "room": first["room"].pk, "title": {"en": "New talk", "zh-hans": "新议题"}}}


def test_moved_in_time(first):
    session = first["session"]
    session.starts_at, session.ends_at = at(14), at(15)
    session.save()

    entry = _entry(release())

    assert entry["change"] == "moved"
    assert entry["before"]["starts_at"] == "2026-09-18T01:00:00Z"
    assert entry["after"]["starts_at"] == "2026-09-18T06:00:00Z"
    assert entry["after"]["ends_at"] == "2026-09-18T07:00:00Z"


def test_moved_to_another_room(first):
    session = first["session"]
    session.room = first["other_room"]
    session.save()

    entry = _entry(release())

    assert entry["change"] == "moved"
    assert (entry["before"]["room"], entry["after"]["room"]) == (first["room"].pk, first["other_room"].pk)


def test_cancelled(first):
    session = first["session"]
    session.is_cancelled = True
    session.save()

    entry = _entry(release())

    assert entry["change"] == "cancelled" and entry["after"]["starts_at"] == entry["before"]["starts_at"]


def test_cancelled_and_moved_at_once_counts_as_cancelled(first):
    session = first["session"]
    session.is_cancelled, session.room = True, first["other_room"]
    session.save()

    assert _entry(release())["change"] == "cancelled"


def test_removed(first):
    pk = first["session"].pk
    first["session"].delete()

    entry = _entry(release())

    assert entry == {"session": pk, "forum": first["forum"].pk, "change": "removed", "after": None,
                     "before": {"starts_at": "2026-09-18T01:00:00Z", "ends_at": "2026-09-18T01:45:00Z",
                                "room": first["room"].pk, "title": {"en": "Opening", "zh-hans": "开幕"}}}


def test_title_change(first):
    session = first["session"]
    session.set_current_language("zh-hans")
    session.title = "隆重开幕"
    session.save()

    entry = _entry(release())

    assert entry["change"] == "changed"
    assert (entry["before"]["title"]["zh-hans"], entry["after"]["title"]["zh-hans"]) == ("开幕", "隆重开幕")


def test_speaker_change_is_a_change(first):
    SessionSpeaker.objects.create(session=first["session"], speaker=SpeakerFactory())

    assert _entry(release())["change"] == "changed"


def test_no_change_release_is_refused(first):
    with pytest.raises(ValidationError):
        release()


def test_change_outside_sessions_is_released_with_an_empty_changelog(first):
    forum = first["forum"]
    forum.set_current_language("en")
    forum.introduction = "A new introduction."
    forum.save()

    assert release().changelog == []


def test_reinstated_session_is_added_again(first):
    session = first["session"]
    session.is_cancelled = True
    session.save()
    release()
    session.is_cancelled = False
    session.save()

    entry = _entry(release())

    assert entry["change"] == "added" and entry["before"] is not None
