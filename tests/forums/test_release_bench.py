"""The benchmark generator: a deterministic programme, bulk inserted and released once."""

import pytest
from django.core.management import call_command

from apps.forums.models import ScheduleRelease, Session, SessionSpeaker


@pytest.mark.parametrize("count", [120])
def test_bench_forum_sessions_builds_and_releases_a_programme(db, count):
    call_command("bench_forum_sessions", "--count", str(count))

    release = ScheduleRelease.objects.get()
    assert (release.version, len(release.snapshot["sessions"]), len(release.snapshot["forums"])) == (1, count, 40)
    assert len(release.snapshot["speakers"]) == 600 and len(release.snapshot["rooms"]) == 30
    assert Session.objects.filter(is_cancelled=True).count() == 2  # sessions 0 and 97
    assert SessionSpeaker.objects.count() == 2 * count
    session = Session.objects.language("zh-hans").get(translations__title__startswith="基准议程7：")
    assert session.starts_at.isoformat() == "2026-09-18T00:00:00+00:00"  # forum 2, its second session: day 2, 08:00
    assert len(release.changelog) == count - 2  # every session added, except the two already cancelled
