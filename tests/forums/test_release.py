"""Releases: the snapshot, version numbers, refusal without changes, permissions, the page-cache bump."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from apps.accounts import roles
from apps.forums import cache as forums_cache
from apps.forums.models import ScheduleRelease
from apps.forums.selectors import release_current
from apps.forums.services import schedule_release
from tests.factories import (
    CompanyFactory,
    ForumFactory,
    RoomFactory,
    SessionFactory,
    SpeakerFactory,
    TopicFactory,
    UserFactory,
)
from tests.factories.forums import at


@pytest.fixture
def programme_draft(db):
    host = CompanyFactory(slug="qingdao-rubber")
    forum = ForumFactory(slug="tyre-summit", title="Tyre Summit", title_zh="轮胎峰会",
                         introduction="Tyres.", introduction_zh="轮胎。", time_zone="Europe/Berlin",
                         hosts=[host], requires_registration=True, capacity=120)
    room, topic = RoomFactory(slug="hall-a", name="Hall A", name_zh="A厅"), TopicFactory(slug="green", name="Green")
    speaker = SpeakerFactory(slug="li-wei", name="Li Wei", name_zh="李伟", company=host)
    moderator = SpeakerFactory(slug="anna", name="Anna", name_zh="")
    session = SessionFactory(forum=forum, room=room, topic=topic, starts_at=at(9, 30), format="panel",
                             title="Natural rubber outlook", title_zh="天然橡胶展望",
                             abstract="Prices.", abstract_zh="",
                             speakers=[speaker, (moderator, "moderator")])
    return {"forum": forum, "room": room, "topic": topic, "speaker": speaker, "moderator": moderator,
            "session": session, "host": host}


def test_snapshot_holds_the_whole_programme_in_both_languages(programme_draft, editor):
    release = schedule_release(user=editor)

    snapshot = release.snapshot
    forum, session = programme_draft["forum"], programme_draft["session"]
    assert snapshot["forums"][str(forum.pk)] == {
        "id": forum.pk, "slug": "tyre-summit", "edition": None, "time_zone": "Europe/Berlin",
        "starts_on": "2026-09-18", "ends_on": "2026-09-19", "position": 0, "requires_registration": True,
        "capacity": 120, "title": {"en": "Tyre Summit", "zh-hans": "轮胎峰会"},
        "introduction": {"en": "Tyres.", "zh-hans": "轮胎。"},
        "venue": {"en": "Hall A", "zh-hans": "A馆"},
        "hosts": [{"id": programme_draft["host"].pk, "slug": "qingdao-rubber",
                   "name": {"en": "Example Rubber Co. qingdao-rubber", "zh-hans": "示例橡胶有限公司 qingdao-rubber"}}],
        "co_organisers": [],
    }
    assert snapshot["sessions"][str(session.pk)] == {
        "id": session.pk, "forum": forum.pk, "room": programme_draft["room"].pk, "topic": programme_draft["topic"].pk,
        "format": "panel", "starts_at": "2026-09-18T01:30:00Z", "ends_at": "2026-09-18T02:15:00Z",
        "cancelled": False, "title": {"en": "Natural rubber outlook", "zh-hans": "天然橡胶展望"},
        "abstract": {"en": "Prices.", "zh-hans": ""},
        "speakers": [{"speaker": programme_draft["speaker"].pk, "role": "speaker"},
                     {"speaker": programme_draft["moderator"].pk, "role": "moderator"}],
    }
    assert snapshot["speakers"][str(programme_draft["moderator"].pk)]["name"] == {"en": "Anna", "zh-hans": ""}
    assert snapshot["speakers"][str(programme_draft["speaker"].pk)]["company"]["slug"] == "qingdao-rubber"
    assert snapshot["rooms"][str(programme_draft["room"].pk)]["name"] == {"en": "Hall A", "zh-hans": "A厅"}
    assert snapshot["topics"][str(programme_draft["topic"].pk)]["slug"] == "green"


def test_snapshot_is_built_with_a_fixed_number_of_queries(programme_draft, django_assert_num_queries):
    from apps.forums.snapshot import snapshot_build

    programme_draft["forum"].co_organisers.add(CompanyFactory())
    with django_assert_num_queries(16):
        before = snapshot_build()
    added = [SessionFactory(forum=programme_draft["forum"], speakers=[SpeakerFactory()], starts_at=at(14 + n))
             for n in range(3)]
    ForumFactory(hosts=[CompanyFactory()], co_organisers=[CompanyFactory(), CompanyFactory()])
    RoomFactory(), TopicFactory()
    with django_assert_num_queries(16):
        after = snapshot_build()

    assert len(after["sessions"]) == len(before["sessions"]) + 3
    assert (len(after["forums"]), len(after["speakers"])) == (len(before["forums"]) + 1, len(before["speakers"]) + 3)
    assert all(str(session.pk) in after["sessions"] for session in added)


def test_releases_are_numbered_and_the_current_one_is_the_latest(programme_draft, editor):
    first = schedule_release(user=editor, note_en="First programme", note_zh_hans="首版日程")
    SessionFactory(forum=programme_draft["forum"], starts_at=at(15))
    second = schedule_release(user=editor)

    assert (first.version, second.version) == (1, 2)
    assert (first.note_en, first.note_zh_hans, first.released_by) == ("First programme", "首版日程", editor)
    current = release_current()
    assert current.pk == second.pk and current.snapshot == second.snapshot


def test_release_without_any_change_is_refused(programme_draft, editor):
    schedule_release(user=editor)

    with pytest.raises(ValidationError) as raised:
        schedule_release(user=editor)

    assert raised.value.code == "unchanged"
    assert ScheduleRelease.objects.count() == 1


def test_release_needs_the_release_permission(programme_draft, exhibitor):
    staff = UserFactory(username="helper", is_staff=True)
    for user in (exhibitor, staff):
        with pytest.raises(PermissionDenied):
            schedule_release(user=user)
    assert ScheduleRelease.objects.count() == 0
    assert UserFactory(role=roles.EDITORS, username="editor-2").has_perm("forums.release_schedule")


def test_release_bumps_the_page_cache_version_after_commit(programme_draft, editor, django_capture_on_commit_callbacks):
    before, _ttl = forums_cache.content_version()

    with django_capture_on_commit_callbacks(execute=True):
        schedule_release(user=editor)

    assert forums_cache.content_version()[0] != before


def test_no_release_means_nothing_public(programme_draft):
    assert release_current() is None
    assert programme_draft["session"].starts_at == datetime.datetime(2026, 9, 18, 1, 30, tzinfo=datetime.UTC)
