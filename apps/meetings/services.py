"""Writes of meetings: an exhibitor's availability, a visitor's request, the exhibitor's answer (accept, decline,
propose another slot), the visitor's acceptance of a proposal, cancellation, reminders. One transaction each;
both parties are told (notifications.py). A change of availability bumps the company page's cache after commit."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import cache, notifications, selectors
from .models import ACTIVE, ZONE, Availability, Location, MeetingRequest, Status

SLOT_TAKEN = "slot_taken"


def _taken():
    return ValidationError(_("This slot has just been taken. Please choose another one."), code=SLOT_TAKEN)


@transaction.atomic
def availability_save(*, company, edition, day, starts_at, ends_at, slot_minutes, location, table_name="",
                      is_open=True):
    """Set the company's window for one day of the edition (booked requests keep their slots)."""
    if day not in selectors.edition_days(edition):
        raise ValidationError(_("Choose a day of the expo."), code="day")
    if ends_at <= starts_at:
        raise ValidationError(_("The window must end after it starts."), code="window")
    if location == Location.TABLE and not table_name.strip():
        raise ValidationError(_("Name the meeting table."), code="table")
    availability, _created = Availability.objects.update_or_create(
        company=company, day=day, defaults={
            "edition": edition, "starts_at": starts_at, "ends_at": ends_at, "slot_minutes": slot_minutes,
            "location": location, "table_name": table_name.strip(), "is_open": is_open,
            "booth": selectors.company_booths(company=company, edition=edition)})
    transaction.on_commit(cache.content_version_bump)
    return availability


def _lock_day(availability):
    """Bookings of one company and day run one after the other (the row lock); the unique constraint stays the
    final guarantee where a database cannot lock (SQLite locks the whole file anyway)."""
    return Availability.objects.select_for_update().get(pk=availability.pk)


def _hold(meeting, fields):
    """Save a row that holds a slot; the constraint's refusal becomes the "just taken" error."""
    try:
        with transaction.atomic():
            if meeting.pk is None:
                meeting.save()
            else:
                meeting.save(update_fields=fields)
    except IntegrityError as error:
        raise _taken() from error


@transaction.atomic
def meeting_request(*, user, availability, start, message="", requester_company=None, now=None):
    """A signed-in visitor asks for the slot of `availability` that begins at `start` (aware)."""
    availability = _lock_day(availability)
    if availability.company.memberships.filter(user=user).exists():
        raise ValidationError(_("You cannot book a meeting with your own company."), code="own")
    if requester_company is not None and not requester_company.memberships.filter(user=user).exists():
        raise ValidationError(_("Choose a company you belong to."), code="company")
    if MeetingRequest.objects.filter(requester=user, company_id=availability.company_id, status__in=ACTIVE).exists():
        raise ValidationError(_("You already have a meeting request with this exhibitor. Cancel it first to ask for "
                                "another slot."), code="duplicate")
    if not selectors.slot_is_free(availability=availability, start=start, now=now):
        raise _taken()
    meeting = MeetingRequest(company_id=availability.company_id, edition_id=availability.edition_id,
                             availability=availability, requester=user, requester_company=requester_company,
                             starts_at=start, requested_starts_at=start, message=message.strip(),
                             ends_at=start + datetime.timedelta(minutes=availability.slot_minutes))
    _hold(meeting, None)
    notifications.meeting_event_record(meeting, notifications.REQUESTED)
    return meeting


def _locked(meeting, allowed, message):
    locked = MeetingRequest.objects.select_for_update().get(pk=meeting.pk)
    if locked.status not in allowed:
        raise ValidationError(message, code="status")
    return locked


def _changed(locked, status, kind, fields=("status", "updated_at")):
    locked.status = status
    _hold(locked, list(fields))
    notifications.meeting_event_record(locked, kind)
    return locked


@transaction.atomic
def meeting_accept(*, meeting):
    """The exhibitor accepts the slot asked for."""
    locked = _locked(meeting, (Status.REQUESTED,), _("This request is no longer waiting for an answer."))
    return _changed(locked, Status.ACCEPTED, notifications.ACCEPTED)


@transaction.atomic
def meeting_decline(*, meeting):
    """The exhibitor declines; the slot is free again."""
    locked = _locked(meeting, (Status.REQUESTED,), _("This request is no longer waiting for an answer."))
    return _changed(locked, Status.DECLINED, notifications.DECLINED)


@transaction.atomic
def meeting_propose(*, meeting, availability, start, now=None):
    """The exhibitor proposes another free slot of its own (any open day); the request holds that slot now."""
    locked = _locked(meeting, (Status.REQUESTED,), _("This request is no longer waiting for an answer."))
    if availability.company_id != locked.company_id:
        raise _taken()
    availability = _lock_day(availability)
    if not selectors.slot_is_free(availability=availability, start=start, now=now, exclude=locked):
        raise _taken()
    locked.availability = availability
    locked.starts_at = start
    locked.ends_at = start + datetime.timedelta(minutes=availability.slot_minutes)
    return _changed(locked, Status.PROPOSED, notifications.PROPOSED,
                    fields=("status", "availability", "starts_at", "ends_at", "updated_at"))


@transaction.atomic
def meeting_proposal_accept(*, meeting):
    """The visitor takes the time the exhibitor proposed."""
    locked = _locked(meeting, (Status.PROPOSED,), _("There is no proposal waiting for your answer."))
    return _changed(locked, Status.ACCEPTED, notifications.ACCEPTED)


@transaction.atomic
def meeting_cancel(*, meeting):
    """Either side cancels a request or a confirmed meeting; the slot is free again."""
    locked = _locked(meeting, ACTIVE, _("This meeting is no longer active."))
    return _changed(locked, Status.CANCELLED, notifications.CANCELLED)


def reminders_send(*, now=None):
    """Remind both parties of each confirmed meeting of the next day, once per meeting (a second run, or a run in
    parallel, sends nothing more). Returns how many meetings were reminded."""
    now = now or timezone.now()
    count = 0
    for pk in selectors.reminders_due(now=now):
        with transaction.atomic():
            meeting = MeetingRequest.objects.select_for_update().filter(
                pk=pk, status=Status.ACCEPTED, reminded_at__isnull=True).first()
            if meeting is None:
                continue
            meeting.reminded_at = now
            meeting.save(update_fields=["reminded_at"])
            notifications.meeting_event_record(meeting, notifications.REMINDER)
            count += 1
    return count


def local(day, time):
    """The aware moment of a day and time in Beijing time."""
    return datetime.datetime.combine(day, time, tzinfo=ZONE)
