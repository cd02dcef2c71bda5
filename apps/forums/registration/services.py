"""Writes of forum registration: sign up (a place or the waiting list), cancel, move the waiting list up.
The public form signs up through registration_request, which answers alike for registered and new addresses.

Places are counted with the forum's row locked (SELECT ... FOR UPDATE), so sign-ups and cancellations of one forum
run one after the other and the confirmed registrations never exceed the forum's capacity, however many arrive at
once. Emails are recorded in the same transaction (apps.notifications outbox) and go out after commit.
"""

import secrets

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from apps.forums.models import Forum, Registration, RegistrationState

from . import notifications
from .selectors import forum_has_free_place, registration_waitlist_position

DUPLICATE_MESSAGE = _("This email address is already registered for this forum. Use the link in your confirmation "
                      "email to see or cancel your registration.")
CLOSED_MESSAGE = _("This forum does not take registrations.")
OVER_MESSAGE = _("This forum is over: registration has closed.")


def _token():
    return secrets.token_urlsafe(32)  # 43 characters


def email_normalize(email):
    return email.strip().lower()


def _forum_lock(forum_id):
    return Forum.objects.select_for_update().get(pk=forum_id)


def _confirmed_count(forum):
    return Registration.objects.filter(forum=forum, state=RegistrationState.CONFIRMED).count()


def _active(forum, email):
    return Registration.objects.filter(forum=forum, email=email).exclude(state=RegistrationState.CANCELLED)


def _open_forum_lock(forum):
    forum = _forum_lock(forum.pk)
    if not forum.requires_registration:
        raise ValidationError(CLOSED_MESSAGE, code="closed")
    if forum.is_over:
        raise ValidationError(OVER_MESSAGE, code="over")
    return forum


def _create(forum, *, name, email, organisation, language, user):
    """A new registration of a normalised address (the forum row locked): a place while there is one, else the
    waiting list, and its confirmation email. IntegrityError when the address holds an active registration."""
    state = RegistrationState.CONFIRMED if forum_has_free_place(forum, _confirmed_count(forum)) else \
        RegistrationState.WAITLISTED
    with transaction.atomic():  # the partial unique constraint: the last word on duplicates
        registration = Registration.objects.create(
            forum=forum, user=user if user is not None and user.is_authenticated else None, name=name.strip(),
            email=email, organisation=organisation.strip(), language=language, state=state, token=_token())
    notifications.registration_confirmed_record(registration, position=registration_waitlist_position(registration))
    return registration


@transaction.atomic
def registration_create(*, forum, name, email, organisation="", language, user=None):
    """Register a person for a forum: a place while there is one, else the waiting list. Raises ValidationError
    when the forum takes no registrations or the address already holds an active registration."""
    forum = _open_forum_lock(forum)
    email = email_normalize(email)
    if _active(forum, email).exists():
        raise ValidationError(DUPLICATE_MESSAGE, code="duplicate")
    try:
        return _create(forum, name=name, email=email, organisation=organisation, language=language, user=user)
    except IntegrityError as exc:
        raise ValidationError(DUPLICATE_MESSAGE, code="duplicate") from exc


@transaction.atomic
def registration_request(*, forum, name, email, organisation="", language, user=None):
    """The public sign-up, which must not tell whether an address is registered: a new address is registered as by
    registration_create; an address that already holds an active registration is emailed its manage link again
    (in `language`) and nothing else changes. Either way one email is recorded. Returns the new registration or
    None; ValidationError only when the forum takes no registrations."""
    forum = _open_forum_lock(forum)
    email = email_normalize(email)
    existing = _active(forum, email).first()
    if existing is None:
        try:
            return _create(forum, name=name, email=email, organisation=organisation, language=language, user=user)
        except IntegrityError:  # registered in between (the lock makes this rare)
            existing = _active(forum, email).first()
    if existing is not None:
        notifications.registration_existing_record(existing, language=language,
                                                   position=registration_waitlist_position(existing))
    return None


def _promote(forum):
    """Give free places to the waiting list, oldest first (the forum row is locked by the caller)."""
    promoted = []
    confirmed = _confirmed_count(forum)
    waiting = Registration.objects.filter(forum=forum, state=RegistrationState.WAITLISTED).order_by("created_at", "pk")
    for registration in waiting.select_for_update():
        if not forum_has_free_place(forum, confirmed):
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
