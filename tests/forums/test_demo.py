"""The forums' demo data (the only forum test that reads the demo fixtures)."""

import datetime

import pytest

from apps.accounts import roles
from apps.forums import demo
from apps.forums.models import Forum, Room, ScheduleRelease, Session, SessionFormat, Speaker, Topic
from apps.forums.overlaps import schedule_overlaps
from apps.forums.selectors import release_current
from tests.factories import CompanyFactory, UserFactory

LANGUAGES = ["en", "zh-hans"]


@pytest.fixture
def author(db):
    return UserFactory(role=roles.EDITORS, username="demo-editor")


def _filled(record, fields):
    return all(record.safe_translation_getter(field, language_code=language) for field in fields
               for language in LANGUAGES)


def test_build_creates_the_programme_in_both_languages_and_releases_it(author, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        created = demo.build(author=author)

    forums = list(Forum.objects.prefetch_related("translations"))
    sessions = list(Session.objects.prefetch_related("translations", "appearances"))
    speakers = list(Speaker.objects.prefetch_related("translations"))
    assert len(forums) == 13
    assert 75 <= len(sessions) <= 85 and len(speakers) >= 50
    assert created == 13 + len(sessions) + len(speakers) + Room.objects.count() + Topic.objects.count() + 1
    assert all(_filled(forum, ["title", "introduction", "venue"]) for forum in forums)
    assert all(_filled(session, ["title", "abstract"]) for session in sessions)
    assert all(_filled(speaker, ["name", "position", "bio"]) for speaker in speakers)
    assert all(session.appearances.all() for session in sessions)
    formats = {session.format for session in sessions}
    assert formats == set(SessionFormat.values)  # keynotes, panels, round tables, a release, the signing
    signing = [s for s in sessions if s.format == SessionFormat.SIGNING]
    assert [s.safe_translation_getter("title", language_code="en") for s in signing] == [
        "Strategic cooperation signing ceremony"]
    days = {session.starts_at.astimezone(demo.zoneinfo.ZoneInfo("Asia/Shanghai")).date().isoformat()
            for session in sessions}
    assert days == {"2026-09-16", "2026-09-17", "2026-09-18"}
    registration = [(f.slug, f.capacity) for f in forums if f.requires_registration]
    assert 2 <= len(registration) <= 3 and all(capacity and capacity <= 50 for _slug, capacity in registration)

    release = release_current()
    assert release.version == 1 and release.released_by == author
    assert len(release.snapshot["forums"]) == 13 and len(release.snapshot["sessions"]) == len(sessions)


def test_programme_has_no_overlaps(author):
    demo.build(author=author)
    assert schedule_overlaps() == []


def test_speakers_and_forums_join_existing_companies(author):
    CompanyFactory(slug="longyuan-tire")
    CompanyFactory(slug="haiyue-rubber-machinery")

    demo.build(author=author)

    assert Speaker.objects.get(slug="zhao-gang").company.slug == "longyuan-tire"
    assert Speaker.objects.get(slug="somchai-prasert").company is None  # an expo-demo company, absent here
    assert [c.slug for c in Forum.objects.get(slug="smart-manufacturing").hosts.all()] == ["haiyue-rubber-machinery"]


def test_build_joins_the_demo_edition_when_it_exists(author):
    from apps.expo.models import Edition

    edition = Edition(slug=demo.EDITION_SLUG, starts_on="2026-09-16", ends_on="2026-09-18")
    edition.set_current_language("en")
    edition.name = "Expo"
    edition.save()

    demo.build(author=author)

    assert set(Forum.objects.values_list("edition_id", flat=True)) == {edition.pk}


def test_build_twice_creates_and_releases_nothing_new(author):
    demo.build(author=author)
    counts = (Forum.objects.count(), Session.objects.count(), Speaker.objects.count(), Room.objects.count())

    assert demo.build(author=author) == 0

    assert (Forum.objects.count(), Session.objects.count(), Speaker.objects.count(), Room.objects.count()) == counts
    assert ScheduleRelease.objects.count() == 1


def test_build_keeps_an_editors_changes(author):
    demo.build(author=author)
    forum = Forum.objects.get(slug="finance-trading")
    forum.capacity = 12
    forum.save()

    demo.build(author=author)

    assert Forum.objects.get(slug="finance-trading").capacity == 12


def test_delete_removes_what_build_created(author):
    demo.build(author=author)
    assert demo.delete() > 130
    assert not Forum.objects.exists() and not Session.objects.exists() and not Speaker.objects.exists()
    assert not Room.objects.exists() and not Topic.objects.exists() and not ScheduleRelease.objects.exists()
    assert demo.build(author=author) > 130  # and it builds again


def test_demo_programme_is_served_in_both_languages(author, forums_page, client, monkeypatch):
    from django.utils import timezone

    demo.build(author=author)

    programme = client.get("/zh-hans/forums/")
    assert programme.status_code == 200 and "战略合作签约仪式" in programme.content.decode()
    with monkeypatch.context() as clock:  # before the demo's forums (2026-09-16): registration still open
        clock.setattr(timezone, "now", lambda: datetime.datetime(2026, 9, 1, tzinfo=datetime.UTC))
        register = client.get("/en/forums/finance-trading/register/")
    assert register.status_code == 200 and "40 places left." in register.content.decode()
    assert client.get("/en/forums/industry-summit/register/").status_code == 404  # no registration there
