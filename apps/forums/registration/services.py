"""Writes of forum registration: sign up (a place or the waiting list), cancel, move the waiting list up.

Places are counted with the forum's row locked (SELECT ... FOR UPDATE), so sign-ups and cancellations of one forum
run one after the other and the confirmed registrations never exceed the forum's capacity, however many arrive at
once. Emails are recorded in the same transaction (apps.notifications outbox) and go out after commit.
"""

import secrets

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from apps.forums.models import Forum, Registration, RegistrationState

from . import notifications

DUPLICATE_MESSAGE = _("This email address is already registered for this forum. Use the link in your confirmation "
                      "email to see or cancel your registration.")
CLOSED_MESSAGE = _("This forum does not take registrations.")


def _token():
    return secrets.token_urlsafe(32)  # 43 characters


def email_normalize(email):
    return email.strip().lower()


def _forum_lock(forum_id):
    return Forum.objects.select_for_update().get(pk=forum_id)


def _confirmed_count(forum):
    return Registration.objects.filter(forum=forum, state=RegistrationState.CONFIRMED).count()


def waitlist_position(registration):
    """1 for the first person on the forum's waiting list (the oldest), None when not waitlisted."""
    if registration.state != RegistrationState.WAITLISTED:
        return None
    earlier = Q(created_at__lt=registration.created_at) | Q(created_at=registration.created_at,
                                                            pk__lt=registration.pk)
    return Registration.objects.filter(earlier, forum_id=registration.forum_id,
                                       state=RegistrationState.WAITLISTED).count() + 1


def has_free_place(forum, confirmed):
    return forum.capacity is None or confirmed < forum.capacity


@transaction.atomic
def registration_create(*, forum, name, email, organisation="", language, user=None):
    """Register a person for a forum: a place while there is one, else the waiting list. Raises ValidationError
    when the forum takes no registrations or the address already holds an active registration."""
    forum = _forum_lock(forum.pk)
    if not forum.requires_registration:
        raise ValidationError(CLOSED_MESSAGE, code="closed")
    email = email_normalize(email)
    active = Registration.objects.filter(forum=forum, email=email).exclude(state=RegistrationState.CANCELLED)
    if active.exists():
        raise ValidationError(DUPLICATE_MESSAGE, code="duplicate")
    state = RegistrationState.CONFIRMED if has_free_place(forum, _confirmed_count(forum)) else \
        RegistrationState.WAITLISTED
    try:
        with transaction.atomic():  # the partial unique constraint: the last word on duplicates
            registration = Registration.objects.create(
                forum=forum, user=user if user is not None and user.is_authenticated else None, name=name.strip(),
                email=email, organisation=organisation.strip(), language=language, state=state, token=_token())
    except IntegrityError as exc:
        raise ValidationError(DUPLICATE_MESSAGE, code="duplicate") from exc
    notifications.registration_confirmed_record(registration, position=waitlist_position(registration))
    return registration


def _promote(forum):
    """Give free places to the waiting list, oldest first (the forum row is locked by the caller)."""
    promoted = []
    confirmed = _confirmed_count(forum)
    waiting = Registration.objects.filter(forum=forum, state=RegistrationState.WAITLISTED).order_by("created_at", "pk")
    for registration in waiting.select_for_update():
        if not has_free_place(forum, confirmed):
            break
        registration.state = RegistrationState.CONFIRMED
        registration.save(update_fields=["state", "updated_at"])
        notifications.registration_promoted_record(registration)
        promoted.append(registration)
        confirmed += 1
    return promoted


@transaction.atomic
def registration_cancel(*, registration):
    """Cancel a registration; a place it frees goes to the first person on the waiting list. Returns the
    registration (cancelling twice changes nothing)."""
    forum = _forum_lock(registration.forum_id)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.state == RegistrationState.CANCELLED:
        return registration
    registration.state = RegistrationState.CANCELLED
    registration.save(update_fields=["state", "updated_at"])
    notifications.registration_cancelled_record(registration)
    _promote(forum)
    return registration


@transaction.atomic
def registrations_promote(*, forum):
    """Fill the places of a forum from its waiting list (after its capacity was raised). Returns the promoted."""
    return _promote(_forum_lock(forum.pk))
