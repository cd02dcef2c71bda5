"""Fixtures of the news tests (the pages with the news app: tests/fixtures/pages.py)."""

import pytest

from apps.accounts import roles
from tests.factories import UserFactory


@pytest.fixture
def contributor(db):
    return UserFactory(role=roles.CONTRIBUTORS, username="contributor")


@pytest.fixture
def news_editor_user(db):
    return UserFactory(role=roles.EDITORS, username="news-editor")


@pytest.fixture(autouse=True)
def _media(media_root):
    return media_root
