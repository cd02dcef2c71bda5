"""What the docking services share: permission checks, row locks, translations and the cache bump."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from ..cache import content_version_bump


def require(user, permission, obj=None, message=None):
    if not user.has_perm(permission, obj):
        raise PermissionDenied(message or _("You may not do this in Supply & Demand."))


def require_verified_member(user, company):
    """Only a member of a verified company publishes and responds (companies.act_for_verified)."""
    if not user.has_perm("companies.act_for_verified", company):
        raise PermissionDenied(_("Only members of a verified company may publish requirements and respond to "
                                 "them."))


def changed():
    """Public pages go stale once the transaction commits."""
    transaction.on_commit(content_version_bump)
