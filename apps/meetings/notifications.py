"""What the meetings app tells whom, by email and in the inbox, each recipient in their language: the visitor who
asked and the exhibitor's members hear of every request, acceptance, decline, proposal of another time and
cancellation, and both get a reminder the day before a confirmed meeting. The texts differ for the two sides
(per_recipient), so each side's link leads to its own page."""

import datetime

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from apps.core.links import absolute
from apps.notifications.audience import Audience
from apps.notifications.registry import Kind, kind_register
from apps.notifications.services import event_record

from .models import ZONE

REQUESTED = "meetings.requested"
ACCEPTED = "meetings.accepted"
DECLINED = "meetings.declined"
PROPOSED = "meetings.proposed"
CANCELLED = "meetings.cancelled"
REMINDER = "meetings.reminder"


def when_text(start, end):
    """"2026-12-22 10:00–10:30 (Beijing time)" in the active language."""
    start, end = start.astimezone(ZONE), end.astimezone(ZONE)
    return f"{start:%Y-%m-%d %H:%M}–{end:%H:%M} ({_('Beijing time')})"


def _context(event, meeting):
    from .selectors import name_of, person_of

    language = get_language()
    start = datetime.datetime.fromisoformat(event.context["start"]) if "start" in event.context else meeting.starts_at
    end = start + (meeting.ends_at - meeting.starts_at)
    return {"meeting": meeting, "company_name": name_of(meeting.company, language),
            "requester_name": person_of(meeting.requester),
            "requester_company_name": name_of(meeting.requester_company, language) if meeting.requester_company else "",
            "when": when_text(start, end), "place": meeting.availability.place,
            "visitor_url": absolute(reverse("meetings:mine")),
            "exhibitor_url": absolute(reverse("meetings_portal:requests", args=[meeting.company.slug]))}


def register():
    for key, label, template in (
        (REQUESTED, gettext_lazy("Meeting requested"), "requested"),
        (ACCEPTED, gettext_lazy("Meeting confirmed"), "accepted"),
        (DECLINED, gettext_lazy("Meeting declined"), "declined"),
        (PROPOSED, gettext_lazy("Another meeting time proposed"), "proposed"),
        (CANCELLED, gettext_lazy("Meeting cancelled"), "cancelled"),
        (REMINDER, gettext_lazy("Meeting tomorrow"), "reminder"),
    ):
        kind_register(Kind(key=key, label=label, template=f"meetings/email/{template}", context=_context,
                           digestible=False, per_recipient=True))


def _parties(meeting):
    """The requester and the exhibitor's active members."""
    members = get_user_model().objects.filter(memberships__company_id=meeting.company_id, is_active=True)
    return [meeting.requester, *[user for user in members.distinct() if user.pk != meeting.requester_id]]


def meeting_event_record(meeting, kind):
    """Tell both parties, once per kind and meeting (a reminder too: never two for one meeting)."""
    return event_record(kind=kind, subject=meeting, key=f"{kind}:{meeting.pk}",
                        audience=Audience(users=_parties(meeting)),
                        context={"start": meeting.starts_at.isoformat()})
