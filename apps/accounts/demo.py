"""The demo's accounts (an editor and an exhibitor; fixtures/demo/site.json), registered with apps.core's demo
loader in AccountsConfig.ready(). No superuser is made here. Memberships come with the companies (apps.companies.demo).
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext as _

from apps.core.demo.fixtures import demo_data_read

from . import roles
from .services import user_create

USER_FIELDS = ("first_name", "last_name")


def users_build(*, users):
    """Create the missing demo users with their roles; return how many were created."""
    user_model = get_user_model()
    created = 0
    for spec in users:
        if user_model.objects.filter(username=spec["username"]).exists():
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


def build(*, author):
    """The demo loader's builder (runs before the pages: `author` is None)."""
    return users_build(users=demo_data_read().users)


def delete():
    deleted, kept = users_delete(users=demo_data_read().users)
    return deleted, [_("User %(username)s was kept: other content refers to it.") % {"username": username}
                     for username in kept]
