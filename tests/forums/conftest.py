"""Fixtures of every forums test (the page with the forums app: tests/fixtures/pages.py)."""

import pytest

from apps.forums.selectors import process_caches_clear


@pytest.fixture(autouse=True)
def _forums_process_caches():
    """Snapshots and programmes are kept per process: start every test without them (fixed query counts)."""
    process_caches_clear()
    yield
    process_caches_clear()


@pytest.fixture(autouse=True)
def _media(media_root):
    return media_root
