"""Public forum pages: they read the current release only, in both languages, in each forum's time zone."""

import datetime

import pytest

from apps.accounts import roles
from tests.factories import (
    CompanyFactory,
    ForumFactory,
    RoomFactory,
    SessionFactory,
    SpeakerFactory,
    TopicFactory,
    UserFactory,
)
from tests.factories.forums import at, release

pytestmark = pytest.mark.usefixtures("forums_page")


@pytest.fixture
def released(db):
    company = CompanyFactory(slug="double-star")
    forum = ForumFactory(slug="tyre-summit", title="Tyre Summit", title_zh="轮胎峰会", hosts=[company],
                         requires_registration=True)
    room = RoomFactory(slug="hall-a", name="Hall A", name_zh="A厅")
    topic = TopicFactory(slug="green-tyres", name="Green tyres", name_zh="绿色轮胎")
    speaker = SpeakerFactory(slug="li-wei", name="Li Wei", name_zh="李伟", company=company, bio="Tyre engineer.",
                             bio_zh="轮胎工程师。")
    session = SessionFactory(forum=forum, room=room, topic=topic, starts_at=at(9, 30), title="Tyre outlook",
                             title_zh="轮胎展望", speakers=[speaker, (SpeakerFactory(slug="anna", name="Anna Berg",
                                                                                name_zh=""), "moderator")])
    release()
    return {"forum": forum, "room": room, "topic": topic, "speaker": speaker, "session": session}


def test_programme_lists_released_sessions_in_both_languages(client, released):
    english = client.get("/en/forums/").content.decode()
    chinese = client.get("/zh-hans/forums/").content.decode()

    assert "Tyre outlook" in english and "Tyre Summit" in english and "09:30–10:15" in english
    assert "轮胎展望" in chinese and "轮胎峰会" in chinese and "09:30–10:15" in chinese
    assert "Anna Berg" in chinese  # no Chinese name: the English one is shown
    assert "2026-09-18" in english
    session = released["session"]
    assert f'data-session-id="{session.pk}"' in english  # the agenda star next to each session
    assert 'href="/en/forums/schedule.ics"' in english and 'href="/en/forums/schedule.json"' in english
    assert f'href="/zh-hans/forums/sessions/{session.pk}/"' in chinese


def test_untranslated_session_falls_back_to_the_other_language(client, released):
    only_english = SessionFactory(forum=released["forum"], starts_at=at(15), title="English only", title_zh="")
    only_chinese = SessionFactory(forum=released["forum"], starts_at=at(16), title="", title_zh="只有中文")
    release()

    assert "English only" in client.get(f"/zh-hans/forums/sessions/{only_english.pk}/").content.decode()
    assert "只有中文" in client.get(f"/en/forums/sessions/{only_chinese.pk}/").content.decode()


def test_draft_session_is_invisible_until_released(client, released, editor):
    draft = SessionFactory(forum=released["forum"], starts_at=at(14), title="Late addition", title_zh="新增议程")

    assert "Late addition" not in client.get("/en/forums/").content.decode()
    assert client.get(f"/en/forums/sessions/{draft.pk}/").status_code == 404
    client.force_login(editor)
    assert "Late addition" not in client.get("/en/forums/").content.decode()
    preview = client.get("/en/forums/?preview=1")
    assert "Late addition" in preview.content.decode() and "Preview of the draft programme" in preview.content.decode()
    assert client.get(f"/en/forums/sessions/{draft.pk}/?preview=1").status_code == 200
    client.logout()

    assert client.get(f"/en/forums/sessions/{draft.pk}/?preview=1").status_code == 404  # anonymous: no preview
    release()
    assert "Late addition" in client.get("/en/forums/").content.decode()


def test_preview_is_refused_to_staff_without_forum_permissions(client, released):
    draft = SessionFactory(forum=released["forum"], starts_at=at(14), title="Late addition")
    for user in (UserFactory(username="staff-only", is_staff=True), UserFactory(role=roles.EXHIBITORS, username="ex")):
        client.force_login(user)
        assert "Late addition" not in client.get("/en/forums/?preview=1").content.decode()
        assert client.get(f"/en/forums/sessions/{draft.pk}/?preview=1").status_code == 404


def test_preview_is_never_cached(client, released, editor):
    client.force_login(editor)
    response = client.get("/en/forums/?preview=1")

    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_anonymous_pages_are_cached_until_the_next_release(client, released):
    assert client.get("/en/forums/")["X-Page-Cache"] == "miss"
    assert client.get("/en/forums/")["X-Page-Cache"] == "hit"
    SessionFactory(forum=released["forum"], starts_at=at(16), title="Closing words")
    assert "Closing words" not in client.get("/en/forums/").content.decode()

    release()

    response = client.get("/en/forums/")
    assert response["X-Page-Cache"] == "miss" and "Closing words" in response.content.decode()


def test_forum_in_berlin_shows_its_times_in_berlin_time(client, db, forums_page):
    berlin = ForumFactory(slug="berlin-day", time_zone="Europe/Berlin", starts_on=datetime.date(2026, 9, 18))
    session = SessionFactory(forum=berlin, starts_at=at(16), title="Berlin talk")  # 16:00 Shanghai = 10:00 Berlin
    release()

    page = client.get(f"/en/forums/sessions/{session.pk}/").content.decode()
    assert "10:00–10:45" in page and "Berlin time, UTC+02:00" in page
    assert "16:00" not in page
    programme = client.get("/en/forums/").content.decode()
    assert "10:00–10:45" in programme and "Berlin time" in programme


def test_forum_page_shows_hosts_sessions_and_registration(client, released, monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "now", lambda: at(8, day=datetime.date(2026, 9, 1)))  # before the forum is over
    page = client.get("/en/forums/tyre-summit/").content.decode()

    assert "Tyre Summit" in page and "Example Rubber Co. double-star" in page and "Tyre outlook" in page
    assert "Registration is required for this forum." in page
    assert 'href="/en/forums/tyre-summit/register/"' in page and 'href="/en/forums/tyre-summit/schedule.ics"' in page
    zh = client.get("/zh-hans/forums/tyre-summit/").content.decode()
    assert "轮胎峰会" in zh and "轮胎展望" in zh


def test_session_page_shows_time_room_topic_format_speakers_and_abstract(client, released):
    session = released["session"]
    page = client.get(f"/en/forums/sessions/{session.pk}/").content.decode()

    for text in ("Tyre outlook", "2026-09-18 09:30–10:15", "Beijing time, UTC+08:00", "Hall A", "Green tyres",
                 "Keynote", "Li Wei", "Anna Berg", "(Moderator)", "Abstract of session"):
        assert text in page
    zh = client.get(f"/zh-hans/forums/sessions/{session.pk}/").content.decode()
    assert "轮胎展望" in zh and "A厅" in zh and "李伟" in zh


def test_cancelled_session_stays_visible_as_cancelled(client, released):
    session = released["session"]
    session.is_cancelled = True
    session.save()
    release()

    page = client.get(f"/en/forums/sessions/{session.pk}/").content.decode()
    assert "This session has been cancelled." in page
    assert "is-cancelled" in client.get("/en/forums/").content.decode()


def test_speaker_pages(client, released):
    listing = client.get("/zh-hans/forums/speakers/").content.decode()
    assert "李伟" in listing and "Anna Berg" in listing

    page = client.get("/en/forums/speakers/li-wei/").content.decode()
    assert "Li Wei" in page and "Tyre engineer." in page and "Tyre outlook" in page
    assert "Example Rubber Co. double-star" in page
    assert "轮胎工程师。" in client.get("/zh-hans/forums/speakers/li-wei/").content.decode()


@pytest.mark.parametrize("path", ["/en/forums/no-such-forum/", "/en/forums/sessions/999999/",
                                  "/zh-hans/forums/speakers/nobody/", "/en/forums/grid/?day=not-a-day",
                                  "/en/forums/changes/?page=9"])
def test_unknown_things_are_404(client, released, path):
    assert client.get(path).status_code == 404


def test_speaker_without_released_sessions_is_404(client, released):
    SpeakerFactory(slug="later")
    release_again = SessionFactory(forum=released["forum"], starts_at=at(11))
    del release_again
    release()
    assert client.get("/en/forums/speakers/later/").status_code == 404


def test_bad_filters_are_a_400_with_an_error_in_the_readers_language(client, released):
    response = client.get("/zh-hans/forums/?forum=nope&day=2026-13-01")

    assert response.status_code == 400
    assert "选择一个有效的选项" in response.content.decode()


def test_programme_filters_by_day_forum_room_and_topic(client, released):
    other_forum = ForumFactory(slug="latex-forum", title="Latex Forum")
    other_room = RoomFactory(slug="hall-b")
    SessionFactory(forum=other_forum, room=other_room, starts_at=at(10, day=datetime.date(2026, 9, 19)),
                   title="Latex gloves")
    release()

    assert "Latex gloves" in client.get("/en/forums/").content.decode()
    for query in ("forum=tyre-summit", "room=hall-a", "topic=green-tyres", "day=2026-09-18"):
        page = client.get(f"/en/forums/?{query}").content.decode()
        assert "Tyre outlook" in page and "Latex gloves" not in page, query
    page = client.get("/en/forums/?day=2026-09-19&forum=latex-forum").content.decode()
    assert "Latex gloves" in page and "Tyre outlook" not in page
    assert 'href="?forum=latex-forum&amp;day=2026-09-18"' in page  # day links keep the other filters


def test_grid_places_sessions_by_room_and_time(client, released):
    second = SessionFactory(forum=released["forum"], room=RoomFactory(slug="hall-b", name="Hall B", position=5),
                            starts_at=at(10), ends_at=at(11), title="Second room")
    release()

    page = client.get("/zh-hans/forums/grid/?day=2026-09-18").content.decode()
    # phones read the cells as a list: the DOM keeps time order
    assert page.index(f'id="session-{released["session"].pk}"') < page.index(f'id="session-{second.pk}"')
    # Hall A, 09:30-10:15, in 5-minute rows from 09:00; Hall B, 10:00-11:00 (static/forums/grid.js places them)
    assert f'id="session-{released["session"].pk}" data-column="2" data-row-start="8" data-row-end="17"' in page
    assert f'id="session-{second.pk}" data-column="3" data-row-start="14" data-row-end="26"' in page
    assert "A厅" in page and "轮胎展望" in page


def test_changelog_page_lists_releases_newest_first_with_notes(client, released):
    session = released["session"]
    session.starts_at, session.ends_at = at(11), at(12)
    session.save()
    release(note_en="Keynote moved to 11:00.", note_zh_hans="主旨演讲改至11点。")

    english = client.get("/en/forums/changes/").content.decode()
    assert english.index("Version 2") < english.index("Version 1")
    assert "Keynote moved to 11:00." in english and "Moved" in english
    assert "2026-09-18 09:30–10:15" in english and "2026-09-18 11:00–12:00" in english
    chinese = client.get("/zh-hans/forums/changes/").content.decode()
    assert "主旨演讲改至11点。" in chinese and "轮胎展望" in chinese


def test_pages_before_any_release_say_nothing_is_published(client, db):
    SessionFactory(title="Draft only")
    page = client.get("/en/forums/").content.decode()

    assert "The programme has not been published yet." in page and "Draft only" not in page


def test_now_and_next_during_the_event(client, db):
    from django.utils import timezone

    now = timezone.now().replace(second=0, microsecond=0)
    forum = ForumFactory(slug="live", starts_on=timezone.localdate(), ends_on=timezone.localdate())
    SessionFactory(forum=forum, starts_at=now - datetime.timedelta(minutes=10),
                   ends_at=now + datetime.timedelta(minutes=20), title="Happening now")
    SessionFactory(forum=forum, starts_at=now + datetime.timedelta(hours=1), title="Coming up")
    SessionFactory(forum=forum, starts_at=now + datetime.timedelta(hours=2), title="Much later")
    SessionFactory(forum=forum, starts_at=now - datetime.timedelta(minutes=5), title="Called off", is_cancelled=True)
    release()

    for path in ("/en/forums/", "/en/forums/grid/"):
        page = client.get(path).content.decode()
        block = page[page.index('id="now-next-heading"'):page.index("</section>", page.index('id="now-next-heading"'))]
        running, upcoming = block.split("Starting next")
        assert "Happening now" in running and "Coming up" in upcoming, path
        assert "Much later" not in block and "Called off" not in block, path


def test_no_now_and_next_block_long_before_or_after_the_event(client, db):
    from django.utils import timezone

    now = timezone.now()
    SessionFactory(starts_at=now + datetime.timedelta(days=30), title="Next month")
    SessionFactory(starts_at=now - datetime.timedelta(days=30), title="Last month")
    release()

    page = client.get("/en/forums/").content.decode()
    assert "Next month" in page and "now-next-heading" not in page


def test_page_cache_ends_when_a_session_starts_or_ends(client, db):
    from django.utils import timezone

    from apps.forums import cache as forums_cache

    now = timezone.now()
    SessionFactory(starts_at=now + datetime.timedelta(minutes=30), ends_at=now + datetime.timedelta(minutes=90))
    release()

    _version, ttl = forums_cache.content_version()
    assert 1795 <= ttl <= 1800


def test_hosts_and_speaker_companies_link_to_the_company_page(client, released, apphooked):
    apphooked("expo")

    forum_page = client.get("/en/forums/tyre-summit/").content.decode()
    speaker_page = client.get("/zh-hans/forums/speakers/li-wei/").content.decode()

    assert '<a href="/en/expo/companies/double-star/">Example Rubber Co. double-star</a>' in forum_page
    assert '<a href="/zh-hans/expo/companies/double-star/">示例橡胶有限公司 double-star</a>' in speaker_page
