"""Fixtures of the public expo tests (imported by tests/expo/conftest.py)."""

import pytest
from django.test import override_settings


@pytest.fixture
def expo_media(tmp_path):
    """Uploaded and generated files go to a temporary media root."""
    with override_settings(MEDIA_ROOT=tmp_path / "media"):
        yield tmp_path / "media"
