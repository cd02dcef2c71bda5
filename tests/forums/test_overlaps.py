"""Overlaps in the draft: the same speaker, or the same room, at overlapping times (cancelled sessions aside)."""

import pytest

from apps.forums.overlaps import Overlap, schedule_overlaps
from tests.factories import ForumFactory, RoomFactory, SessionFactory, SpeakerFactory
from tests.factories.forums import at


@pytest.fixture
def forum(db):
    return ForumFactory()


def test_speaker_double_booked(forum):
    speaker = SpeakerFactory()
    one = SessionFactory(forum=forum, room=RoomFactory(), starts_at=at(9), ends_at=at(10), speakers=[speaker])
    two = SessionFactory(forum=forum, room=RoomFactory(), starts_at=at(9, 30), ends_at=at(11),
                         speakers=[(speaker, "moderator")])

    assert schedule_overlaps() == [Overlap("speaker", speaker.pk, one.pk, two.pk)]


def test_room_double_booked(forum):
    room = RoomFactory()
    one = SessionFactory(forum=forum, room=room, starts_at=at(9), ends_at=at(12))
    two = SessionFactory(forum=ForumFactory(), room=room, starts_at=at(10), ends_at=at(10, 30))

    assert schedule_overlaps() == [Overlap("room", room.pk, one.pk, two.pk)]


def test_cancelled_sessions_are_ignored(forum):
    room, speaker = RoomFactory(), SpeakerFactory()
    SessionFactory(forum=forum, room=room, starts_at=at(9), ends_at=at(10), speakers=[speaker])
    SessionFactory(forum=forum, room=room, starts_at=at(9), ends_at=at(10), speakers=[speaker], is_cancelled=True)

    assert schedule_overlaps() == []


def test_back_to_back_is_not_an_overlap(forum):
    room, speaker = RoomFactory(), SpeakerFactory()
    SessionFactory(forum=forum, room=room, starts_at=at(9), ends_at=at(10), speakers=[speaker])
    SessionFactory(forum=forum, room=room, starts_at=at(10), ends_at=at(11), speakers=[speaker])

    assert schedule_overlaps() == []


def test_sessions_without_room_never_clash_by_room(forum):
    SessionFactory(forum=forum, starts_at=at(9), ends_at=at(10))
    SessionFactory(forum=forum, starts_at=at(9), ends_at=at(10))

    assert schedule_overlaps() == []


def test_three_sessions_in_one_room_give_every_clashing_pair(forum):
    room = RoomFactory()
    a = SessionFactory(forum=forum, room=room, starts_at=at(9), ends_at=at(12))
    b = SessionFactory(forum=forum, room=room, starts_at=at(10), ends_at=at(11))
    c = SessionFactory(forum=forum, room=room, starts_at=at(11), ends_at=at(13))

    assert {(o.first, o.second) for o in schedule_overlaps()} == {(a.pk, b.pk), (a.pk, c.pk)}
