"""Shared fixtures of the expo tests: each helper keeps its own in a fixtures_*.py module imported here."""

from tests.factories.expo import expo_page  # noqa: F401

from .fixtures_public import *  # noqa: F401,F403
from .fixtures_portal import *  # noqa: F401,F403,E402
