"""The demo accounts: an editor and an exhibitor who belongs to a demo company. No superuser is made here."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext as _

from apps.accounts import roles
from apps.accounts.services import user_create
from apps.companies.models import Company
from apps.companies.services import company_member_add

USER_FIELDS = ("first_name", "last_name")


def users_build(*, users):
    """Create the missing demo users with their roles; return how many were created."""
    User = get_user_model()
    created = 0
    for spec in users:
        if User.objects.filter(username=spec["username"]).exists():
            continue
        if spec["role"] not in roles.ALL:
            raise ValueError(_("Demo user %(user)s has an unknown role %(role)s.") % {
                "user": spec["username"], "role": spec["role"]})
        user_create(
            username=spec["username"], email=spec["email"], password=spec["password"], role=spec["role"],
            preferred_language=spec["preferred_language"],
            **{name: spec[name] for name in USER_FIELDS if spec.get(name)},
        )
        created += 1
    return created


def memberships_build(*, users):
    """Make each demo user with a `company` a member of that company (once)."""
    User = get_user_model()
    for spec in users:
        if spec.get("company"):
            company_member_add(
                company=Company.objects.get(slug=spec["company"]), user=User.objects.get(username=spec["username"]),
            )


def users_delete(*, users):
    """Delete the demo users. One who authored content outside the demo is kept; return (deleted, kept)."""
    deleted, kept = 0, []
    for user in get_user_model().objects.filter(username__in=[spec["username"] for spec in users]):
        try:
            with transaction.atomic():
                user.delete()
        except ProtectedError:  # e.g. the author of versions of pages the demo did not make
            kept.append(user.username)
        else:
            deleted += 1
    return deleted, kept
