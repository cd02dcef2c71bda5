from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from . import roles


@transaction.atomic
def user_create(*, username, email, password=None, role=None, preferred_language="en", **extra):
    user = get_user_model()(username=username, email=email, preferred_language=preferred_language, **extra)
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    if role:
        user_role_assign(user=user, role=role)
    return user


@transaction.atomic
def user_role_assign(*, user, role):
    """Put a user in a role's group; staff roles also open the admin to them."""
    if role not in roles.ALL:
        raise ValueError(f"Unknown role {role!r}")
    user.groups.add(Group.objects.get(name=role))
    if role in roles.STAFF_ROLES and not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    return user
