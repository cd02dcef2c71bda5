"""The meetings demo: a dozen exhibitors of the demo edition take meetings on its days, demo users asked for
slots in both languages (confirmed, waiting, another time proposed, declined); loading twice adds nothing, and
deleting the demo removes it."""

import json

import pytest

from apps.core.demo import demo_delete
from apps.core.demo.fixtures import DEMO_DIR
from apps.meetings import demo as meetings_demo
from apps.meetings.models import Availability, MeetingRequest, Status
from tests.factories.demo import demo_parts_load, demo_parts_unload

SPEC = json.loads((DEMO_DIR / "meetings" / "meetings.json").read_text(encoding="utf-8"))

PARTS = ("accounts", "companies", "expo", "forums", "docking", "meetings")  # docking makes the requesters


@pytest.fixture
def demo(db, settings, tmp_path, django_capture_on_commit_callbacks, monkeypatch):
    yield demo_parts_load(monkeypatch, settings, tmp_path, django_capture_on_commit_callbacks, PARTS)
    demo_parts_unload()


def test_demo_builds_availability_and_meetings_once(demo):
    assert Availability.objects.values("company").distinct().count() == len(SPEC["availability"]) == 12
    assert Availability.objects.count() == sum(len(spec["days"]) for spec in SPEC["availability"])
    assert set(MeetingRequest.objects.values_list("status", flat=True)) == {
        Status.ACCEPTED, Status.REQUESTED, Status.PROPOSED, Status.DECLINED}
    assert MeetingRequest.objects.count() == len(SPEC["requests"])
    messages = list(MeetingRequest.objects.values_list("message", flat=True))
    assert any("curing press" in m for m in messages) and any("密炼机" in m for m in messages)
    proposed = MeetingRequest.objects.get(status=Status.PROPOSED)
    assert proposed.starts_at != proposed.requested_starts_at
    assert meetings_demo.build(author=None) == 0  # loading again adds nothing


def test_demo_delete_removes_the_meetings(demo):
    demo_delete()
    assert not MeetingRequest.objects.exists() and not Availability.objects.exists()
