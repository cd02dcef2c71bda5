"""Writes of the expo's public side. Exhibitors' proposed changes go through apps.expo.portal.services."""

from django.db import transaction

from apps.companies.services import company_index  # noqa: F401  (the contract name: apps.expo.services)

from .cache import expo_cache


def expo_changed():
    """Make the public expo pages stale once the current transaction commits."""
    transaction.on_commit(expo_cache.bump)
