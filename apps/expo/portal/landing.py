"""Where a member of a company lands after logging in: the exhibitor portal (apps/accounts/landing.py)."""

from django.urls import reverse

from .selectors import is_member


def portal_landing(user):
    """The portal's dashboard, in the active language, for a user who manages a company; else None."""
    return reverse("expo_portal:dashboard") if is_member(user=user) else None
