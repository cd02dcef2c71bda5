"""Invitations: an editor invites a company contact by email; the signed link makes them a member."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core import signing
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.accounts import roles
from apps.accounts.services import user_create, user_role_assign
from apps.companies.services import company_member_add
from apps.expo import notifications
from apps.expo.models import Invitation

VALID_DAYS = 14
_SALT = "expo.invitation"


class InvitationError(Exception):
    """The invitation cannot be accepted this way (its message is for the user)."""


def invitation_token(invitation):
    return signing.TimestampSigner(salt=_SALT).sign(str(invitation.pk))


def invitation_token_read(token):
    """The invitation id in a token; raises signing.SignatureExpired or signing.BadSignature."""
    value = signing.TimestampSigner(salt=_SALT).unsign(token, max_age=timedelta(days=VALID_DAYS))
    if not value.isdigit():
        raise signing.BadSignature("not an id")
    return int(value)


@transaction.atomic
def invitation_send(*, company, email, language, invited_by):
    invitation = Invitation.objects.create(company=company, email=email.strip(), language=language,
                                           invited_by=invited_by)
    notifications.invitation_record(invitation, token=invitation_token(invitation), valid_days=VALID_DAYS)
    return invitation


@transaction.atomic
def invitation_resend(*, invitation):
    """Mail a fresh link (valid for another 14 days) for an invitation not yet accepted."""
    if invitation.accepted_at:
        raise InvitationError(_("This invitation has already been used."))
    return notifications.invitation_record(invitation, token=invitation_token(invitation), valid_days=VALID_DAYS)


def account_exists(email):
    User = get_user_model()
    return User.objects.filter(email__iexact=email).exists() or User.objects.filter(username__iexact=email).exists()


@transaction.atomic
def invitation_accept(*, invitation, user=None, password=None):
    """Make `user` (logged in with the invited address) or a new account (username = email, with `password`) a
    member of the company in the Exhibitors role. Returns the user. InvitationError if it cannot be."""
    invitation = Invitation.objects.select_for_update().select_related("company").get(pk=invitation.pk)
    if invitation.accepted_at:
        raise InvitationError(_("This invitation has already been used."))
    if user is None:
        if account_exists(invitation.email):
            raise InvitationError(_("An account with this email address exists already. Log in to accept the "
                                    "invitation."))
        user = user_create(username=invitation.email.lower(), email=invitation.email, password=password,
                           role=roles.EXHIBITORS, preferred_language=invitation.language)
    else:
        if user.email.strip().lower() != invitation.email.lower():
            raise InvitationError(_("This invitation was sent to another email address."))
        if not user.groups.filter(name=roles.EXHIBITORS).exists():
            user_role_assign(user=user, role=roles.EXHIBITORS)
    company_member_add(company=invitation.company, user=user)
    invitation.accepted_at, invitation.accepted_by = timezone.now(), user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return user
