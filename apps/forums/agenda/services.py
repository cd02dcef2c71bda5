"""Writes of personal agendas (starred sessions) and the change alerts sent when a release moves them."""

import secrets

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from apps.forums.models import Agenda, AgendaEntry, ScheduleRelease

from . import optin

ALERT_CHANGES = ("moved", "cancelled", "removed")  # a retitled ("changed") or added session alerts nobody


def _new_token():
    return secrets.token_urlsafe(32)


def _user_agenda(user, language):
    """The account's agenda, created on first use (two first requests at once: the second reads the first's),
    locked for this transaction."""
    try:
        with transaction.atomic():
            agenda, _created = Agenda.objects.get_or_create(
                user=user, defaults={"token": _new_token(), "language": language})
    except IntegrityError:
        agenda = Agenda.objects.get(user=user)
    return Agenda.objects.select_for_update().get(pk=agenda.pk)


def _entries_replace(agenda, session_ids):
    session_ids = set(session_ids)
    current = set(agenda.entries.values_list("session_id", flat=True))
    agenda.entries.filter(session_id__in=current - session_ids).delete()
    AgendaEntry.objects.bulk_create([AgendaEntry(agenda=agenda, session_id=pk) for pk in session_ids - current],
                                    ignore_conflicts=True)


@transaction.atomic
def agenda_save(*, session_ids, language, token="", email="", user=None):
    """Create or update a visitor's agenda (known by its token) or an account's agenda; returns the agenda.

    A token that is unknown, or belongs to an account's agenda, starts a new agenda with a new token. The starred
    sessions are replaced by `session_ids` (released ids, checked by selectors.session_ids_from_input)."""
    if user is not None and user.is_authenticated:
        agenda = _user_agenda(user, language)
    else:
        agenda = Agenda.objects.select_for_update().filter(token=token, user__isnull=True).first() if token else None
        if agenda is None:
            agenda = Agenda.objects.create(token=_new_token(), language=language)
    agenda.language = language
    if email and email.strip():  # an empty field keeps the address (the manage page stops alerts)
        _email_apply(agenda, email)
    else:
        agenda.save(update_fields=["language", "updated_at"])
    _entries_replace(agenda, session_ids)
    return agenda


def _email_apply(agenda, email):
    """Save the agenda's address (and language; the row is locked). A new address of a visitor's agenda waits for
    confirmation and gets a confirmation email; asking again for a waiting address sends again once the resend
    interval has passed. Daily limits apply (optin.confirm_record)."""
    email = email.strip()
    changed = email.lower() != agenda.email.strip().lower()
    agenda.email = email
    if changed:
        agenda.email_confirmed_at = None
    agenda.save(update_fields=["email", "email_confirmed_at", "language", "updated_at"])
    if email and agenda.email_confirmed_at is None and (changed or optin.optin_state(agenda).can_resend):
        optin.confirm_record(agenda)


@transaction.atomic
def agenda_user_sync(*, user, session_ids, language):
    """Replace the starred sessions of an account's agenda (keeps its email and token)."""
    agenda = _user_agenda(user, language)
    _entries_replace(agenda, session_ids)
    agenda.save(update_fields=["updated_at"])
    return agenda


@transaction.atomic
def agenda_email_set(*, agenda, email, language):
    """The address (and its language) for change alerts of a visitor's agenda; empty stops the alerts. A new
    address receives alerts only once confirmed through the link emailed to it."""
    locked = Agenda.objects.select_for_update().get(pk=agenda.pk)
    locked.language = language
    _email_apply(locked, email)
    agenda.email, agenda.email_confirmed_at, agenda.language = locked.email, locked.email_confirmed_at, language
    agenda.updated_at = locked.updated_at
    return agenda


@transaction.atomic
def agenda_email_confirm(*, agenda, email):
    """Confirm that `email` (from a signed link) receives the alerts of this agenda; idempotent. ValidationError
    when the agenda no longer uses that address."""
    locked = Agenda.objects.select_for_update().get(pk=agenda.pk)
    if not locked.email or locked.email.strip().lower() != email.strip().lower():
        raise ValidationError(_("This link was sent to an address this agenda no longer uses."), code="changed")
    if locked.email_confirmed_at is None:
        locked.email_confirmed_at = timezone.now()
        locked.save(update_fields=["email_confirmed_at"])
    agenda.email, agenda.email_confirmed_at = locked.email, locked.email_confirmed_at
    return agenda


@transaction.atomic
def agenda_confirm_resend(*, agenda):
    """Send the confirmation email of a waiting address again: once per 10 minutes, 3 times a day at most.
    ValidationError (translated) when nothing can be sent."""
    locked = Agenda.objects.select_for_update().get(pk=agenda.pk)
    state = optin.optin_state(locked)
    if not state.waiting:
        raise ValidationError(_("There is no address waiting for confirmation."), code="not_waiting")
    if state.limit_reached:
        raise ValidationError(_("We have sent enough confirmation emails for today. Please try again tomorrow."),
                              code="limit")
    if not state.can_resend:
        minutes = state.wait_minutes
        raise ValidationError(ngettext("Please wait %(minutes)d minute before asking for another email.",
                                       "Please wait %(minutes)d minutes before asking for another email.",
                                       minutes) % {"minutes": minutes}, code="wait")
    event = optin.confirm_record(locked)
    if event is None:
        raise ValidationError(_("We have sent enough confirmation emails for today. Please try again tomorrow."),
                              code="limit")
    return event


def release_alerts_record(*, release_id):
    """Alert every agenda that starred a session this release moved, cancelled or removed: one event per agenda
    and release (recorded again, it adds nothing), to the agenda's account or else its email address, listing all
    its affected sessions. Returns how many alerts this call recorded."""
    from apps.notifications.selectors import event_keys_recorded

    from .alerts import affected_by_agenda, alert_items, alert_key, alert_record

    release = ScheduleRelease.objects.filter(pk=release_id).first()
    if release is None:
        return 0
    entries = {entry["session"]: entry for entry in release.changelog or [] if entry.get("change") in ALERT_CHANGES}
    if not entries:
        return 0
    starred = affected_by_agenda(session_ids=list(entries))
    if not starred:
        return 0
    items = alert_items(release=release, entries=entries)
    done = event_keys_recorded(keys=[alert_key(release.pk, pk) for pk in starred])
    agendas = Agenda.objects.filter(pk__in=starred).select_related("user").order_by("pk")
    count = 0
    for agenda in agendas:
        # An address typed by a visitor hears from us only once its owner confirmed it (double opt-in).
        visitor_unconfirmed = agenda.user_id is None and not (agenda.email and agenda.email_confirmed_at)
        if visitor_unconfirmed or alert_key(release.pk, agenda.pk) in done:
            continue
        ordered = sorted(starred[agenda.pk], key=lambda pk: (items[pk]["before"] or items[pk]["after"])["starts_at"])
        alert_record(release=release, agenda=agenda, items=[items[pk] for pk in ordered])
        count += 1
    # A removed session never comes back under its id: forget its stars once they have been alerted.
    AgendaEntry.objects.filter(session_id__in=[pk for pk, e in entries.items() if e["change"] == "removed"]).delete()
    return count
