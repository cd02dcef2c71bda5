"""The registration tests run before their forums (which are on 2026-09-18, tests/factories/forums.py): once a
forum is over, registration is closed (tests/forums/registration/test_registration_over.py)."""

import datetime

import pytest

BEFORE_THE_FORUMS = datetime.datetime(2026, 9, 10, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def _clock_before_the_forums(monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "now", lambda: BEFORE_THE_FORUMS)
