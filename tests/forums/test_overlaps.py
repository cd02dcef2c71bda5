"""Overlaps in the draft: the same speaker, or the same room, at overlapping times (cancelled sessions aside)."""

import pytest

from apps.forums.overlaps import Overlap, schedule_overlaps
from tests.factories import make_forum, make_room, make_session, make_speaker
from tests.factories.forums import at


@pytest.fixture
def forum(db):
    return make_forum()


def test_speaker_double_booked(forum):
    speaker = make_speaker()
    one = make_session(forum=forum, room=make_room(), starts_at=at(9), ends_at=at(10), speakers=[speaker])
    two = make_session(forum=forum, room=make_room(), starts_at=at(9, 30), ends_at=at(11),
                       speakers=[(speaker, "moderator")])

    assert schedule_overlaps() == [Overlap("speaker", speaker.pk, one.pk, two.pk)]


def test_room_double_booked(forum):
    room = make_room()
    one = make_session(forum=forum, room=room, starts_at=at(9), ends_at=at(12))
    two = make_session(forum=make_forum(), room=room, starts_at=at(10), ends_at=at(10, 30))

    assert schedule_overlaps() == [Overlap("room", room.pk, one.pk, two.pk)]


def test_cancelled_sessions_are_ignored(forum):
    room, speaker = make_room(), make_speaker()
    make_session(forum=forum, room=room, starts_at=at(9), ends_at=at(10), speakers=[speaker])
    make_session(forum=forum, room=room, starts_at=at(9), ends_at=at(10), speakers=[speaker], is_cancelled=True)

    assert schedule_overlaps() == []


def test_back_to_back_is_not_an_overlap(forum):
    room, speaker = make_room(), make_speaker()
    make_session(forum=forum, room=room, starts_at=at(9), ends_at=at(10), speakers=[speaker])
    make_session(forum=forum, room=room, starts_at=at(10), ends_at=at(11), speakers=[speaker])

    assert schedule_overlaps() == []


def test_sessions_without_room_never_clash_by_room(forum):
    make_session(forum=forum, starts_at=at(9), ends_at=at(10))
    make_session(forum=forum, starts_at=at(9), ends_at=at(10))

    assert schedule_overlaps() == []


def test_three_sessions_in_one_room_give_every_clashing_pair(forum):
    room = make_room()
    a = make_session(forum=forum, room=room, starts_at=at(9), ends_at=at(12))
    b = make_session(forum=forum, room=room, starts_at=at(10), ends_at=at(11))
    c = make_session(forum=forum, room=room, starts_at=at(11), ends_at=at(13))

    assert {(o.first, o.second) for o in schedule_overlaps()} == {(a.pk, b.pk), (a.pk, c.pk)}
