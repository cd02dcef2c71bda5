"""Effective periods: a notice is in effect from effective_from (included) until effective_until (excluded)."""

import datetime

import pytest
from django.utils import timezone

from apps.trading import selectors
from apps.trading.models import Effect, NoticeKind
from tests.factories import NoticeFactory, TradingCenterFactory

START = timezone.make_aware(datetime.datetime(2026, 6, 15, 9, 0))
END = timezone.make_aware(datetime.datetime(2026, 9, 30, 15, 0))
TICK = datetime.timedelta(microseconds=1)


@pytest.fixture
def warning(db):
    return NoticeFactory(kind=NoticeKind.RISK, title_en="Typhoon season", title_zh="台风季节",
                         effective_from=START, effective_until=END, at=START - datetime.timedelta(days=1))


@pytest.mark.parametrize("moment, effect", [
    (START - TICK, Effect.SCHEDULED), (START, Effect.IN_EFFECT), (END - TICK, Effect.IN_EFFECT),
    (END, Effect.EXPIRED), (END + datetime.timedelta(days=400), Effect.EXPIRED),
])
def test_effect_at_period_boundaries(warning, moment, effect):
    assert warning.effect(moment) == effect
    in_effect = list(selectors.notices_in_effect(now=moment))
    assert in_effect == ([warning] if effect == Effect.IN_EFFECT else [])
    assert selectors.banner_warnings(now=moment) == ([warning] if effect == Effect.IN_EFFECT else [])


def test_notice_without_end_stays_in_effect(db):
    notice = NoticeFactory(effective_from=START, at=START)

    assert notice.effect(START + datetime.timedelta(days=3650)) == Effect.IN_EFFECT


def test_banner_lists_warning_about_to_start_within_cache_period(warning):
    assert selectors.banner_warnings(now=START - datetime.timedelta(seconds=61), ahead_seconds=60) == []
    assert selectors.banner_warnings(now=START - datetime.timedelta(seconds=60), ahead_seconds=60) == [warning]


def test_banner_lists_only_risk_warnings(db):
    NoticeFactory(kind=NoticeKind.FEES, effective_from=START, at=START)

    assert selectors.banner_warnings(now=START + TICK) == []


def test_superseded_notice_stays_in_effect_until_its_correction_takes_effect(warning):
    takes_over = START + datetime.timedelta(days=10)
    correction = NoticeFactory(center=warning.center, kind=NoticeKind.RISK, supersedes=warning,
                               effective_from=takes_over, effective_until=END, at=START)

    before, after = takes_over - TICK, takes_over
    assert (warning.effect(before), warning.effect(after)) == (Effect.IN_EFFECT, Effect.SUPERSEDED)
    assert selectors.banner_warnings(now=before) == [warning]
    assert selectors.banner_warnings(now=after) == [correction]
    assert list(selectors.notices_in_effect(now=after)) == [correction]


def test_withdrawn_warning_leaves_the_banner(warning, editor):
    from apps.trading import services

    services.notice_withdraw(notice=warning, user=editor)

    assert selectors.banner_warnings(now=START) == []
    assert selectors.notices_public().get().effect(START, superseded=False) == Effect.WITHDRAWN


def test_effect_ignores_other_centers(warning):
    other = TradingCenterFactory()
    NoticeFactory(center=other, kind=NoticeKind.RISK, effective_from=START, at=START)

    assert len(selectors.banner_warnings(now=START)) == 2
    assert list(selectors.board_notices(center=warning.center, now=START)) == [warning]
