"""The expo's figures agree with what they describe: booths taken are those of confirmed participations (as the
floor plans draw them), an edition's status follows its dates, a company's forum sessions link to their pages."""

import datetime

import pytest
from django.utils import timezone

from apps.expo.models import EditionStatus
from tests.factories import (
    BoothFactory,
    CompanyFactory,
    EditionFactory,
    ForumFactory,
    HallFactory,
    ParticipationFactory,
    SessionFactory,
    SpeakerFactory,
)
from tests.factories.forums import release

pytestmark = pytest.mark.usefixtures("expo_page", "media_root")


def test_booths_taken_count_confirmed_participations_only(client, db):
    edition = EditionFactory(slug="rubber-expo", starts_on=timezone.localdate() + datetime.timedelta(days=10))
    hall = HallFactory(edition=edition, code="A", name_en="Hall A", name_zh="A馆")
    ParticipationFactory(edition=edition, booths=[BoothFactory(hall=hall, code="A101")])
    ParticipationFactory(edition=edition, is_confirmed=False, booths=[BoothFactory(hall=hall, code="A102")])
    BoothFactory(hall=hall, code="A103")

    page = client.get("/en/expo/rubber-expo/").content.decode()
    plan = client.get("/en/expo/rubber-expo/halls/A/").content.decode()

    assert "1 of 3 booths taken" in page
    assert "3 booths, 1 taken by exhibitors." in plan  # the plan and the expo page agree


@pytest.mark.parametrize("offset, days, phase, label_en, label_zh", [
    (10, 3, EditionStatus.UPCOMING, "Upcoming", "即将举办"),
    (-1, 3, EditionStatus.OPEN, "Open", "进行中"),
    (-10, 3, EditionStatus.CLOSED, "Closed", "已结束"),
])
def test_edition_status_follows_its_dates(client, db, offset, days, phase, label_en, label_zh):
    # stored as "open" whatever the dates: visitors are told what the dates say
    edition = EditionFactory(slug="rubber-expo", status=EditionStatus.OPEN, days=days,
                             starts_on=timezone.localdate() + datetime.timedelta(days=offset))
    assert edition.phase == phase

    english = client.get("/en/expo/rubber-expo/").content.decode()
    chinese = client.get("/zh-hans/expo/rubber-expo/").content.decode()
    assert f'<span class="expo-status status-{phase}">{label_en}</span>' in english
    assert f'<span class="expo-status status-{phase}">{label_zh}</span>' in chinese


def test_a_draft_stays_a_draft_whatever_its_dates(db):
    edition = EditionFactory(status=EditionStatus.DRAFT, starts_on=timezone.localdate())
    assert edition.phase == EditionStatus.DRAFT


def test_expo_root_prefers_the_edition_open_today_over_one_marked_open(client, db):
    EditionFactory(slug="stale", status=EditionStatus.OPEN, name_en="Stale Expo",
                   starts_on=timezone.localdate() - datetime.timedelta(days=30))
    EditionFactory(slug="today", status=EditionStatus.UPCOMING, name_en="Today Expo",
                   starts_on=timezone.localdate() - datetime.timedelta(days=1))

    html = client.get("/en/expo/").content.decode()
    assert '<h2 id="edition-today">' in html


def test_cached_expo_page_changes_status_at_midnight(client, db, monkeypatch):
    today = timezone.localdate()
    EditionFactory(slug="rubber-expo", starts_on=today + datetime.timedelta(days=1))
    assert "status-upcoming" in client.get("/en/expo/rubber-expo/").content.decode()
    assert client.get("/en/expo/rubber-expo/")["X-Page-Cache"] == "hit"
    tomorrow = timezone.make_aware(datetime.datetime.combine(today + datetime.timedelta(days=1), datetime.time(0, 1)))
    monkeypatch.setattr(timezone, "now", lambda: tomorrow)
    assert "status-open" in client.get("/en/expo/rubber-expo/").content.decode()


def test_company_page_links_its_forum_sessions(client, db, forums_page):
    company = CompanyFactory(slug="longyuan", name_en="Longyuan Tire", name_zh="隆远轮胎")
    ParticipationFactory(company=company, edition=EditionFactory())
    speaker = SpeakerFactory(company=company, name="Wang Lei", name_zh="王磊")
    session = SessionFactory(forum=ForumFactory(), speakers=[speaker], title="Low rolling resistance",
                             title_zh="低滚阻轮胎")
    release()

    english = client.get("/en/expo/companies/longyuan/").content.decode()
    chinese = client.get("/zh-hans/expo/companies/longyuan/").content.decode()

    assert f'<a href="/en/forums/sessions/{session.pk}/">Low rolling resistance</a>' in english
    assert f'<a href="/zh-hans/forums/sessions/{session.pk}/">低滚阻轮胎</a>' in chinese
