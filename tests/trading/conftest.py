"""Fixtures of every trading test (the pages with the trading app: tests/fixtures/pages.py)."""

import pytest
from django.utils import translation

from apps.accounts import roles
from tests.factories import TradingCenterFactory, UserFactory


@pytest.fixture(autouse=True)
def _english_outside_requests():
    """Messages made outside a request (services, selectors) in English, whatever an earlier request activated."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _media(media_root):
    """Attachments and images go to a temporary media root (and the private store next to it)."""
    return media_root


@pytest.fixture
def center(db):
    return TradingCenterFactory(slug="nr-spot", name_en="Natural Rubber Spot Trading Center",
                                name_zh="天然橡胶现货交易中心")


@pytest.fixture
def second_trading_staff(db):
    return UserFactory(role=roles.TRADING_STAFF, username="trader2")


@pytest.fixture
def time_machine_now(monkeypatch):
    """Set the clock that `django.utils.timezone.now()` reads (for everything in the process) to a moment."""
    from django.utils import timezone

    def travel(moment):
        monkeypatch.setattr(timezone, "now", lambda: moment)

    return travel
