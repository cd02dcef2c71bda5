"""The notifications selectors other apps use to count what they recorded (apps.forums.agenda.optin)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from apps.notifications.models import Event
from apps.notifications.selectors import event_count, event_keys_recorded, event_times


@pytest.fixture
def events(db):
    now = timezone.now()
    rows = [("a:1", "test.kind", "7", {"address": "a@valley.example"}, 1),
            ("a:2", "test.kind", "7", {"address": "b@valley.example"}, 30),
            ("a:3", "test.kind", "8", {"address": "a@valley.example"}, 2),
            ("b:1", "test.other", "7", {}, 1)]
    for key, kind, object_id, context, hours_ago in rows:
        event = Event.objects.create(kind=kind, key=key, object_id=object_id, context=context)
        Event.objects.filter(pk=event.pk).update(created_at=now - timedelta(hours=hours_ago))
    return now


def test_event_count_by_kind_object_time_and_context(events):
    day_ago = events - timedelta(days=1)

    assert event_count(kind="test.kind") == 3
    assert event_count(kind="test.kind", object_id=7) == 2
    assert event_count(kind="test.kind", object_id=7, since=day_ago) == 1
    assert event_count(kind="test.kind", since=day_ago, context={"address": "a@valley.example"}) == 2
    assert event_count(kind="test.none") == 0


def test_event_times_newest_first(events):
    times = event_times(kind="test.kind", object_id=7)

    assert [round((events - moment).total_seconds() / 3600) for moment in times] == [1, 30]
    assert event_times(kind="test.kind", object_id=7, since=events - timedelta(days=1)) == times[:1]


def test_event_keys_recorded(events):
    assert event_keys_recorded(keys=["a:1", "b:1", "c:9"]) == {"a:1", "b:1"}
    assert event_keys_recorded(keys=[]) == set()
