"""iCalendar export of released sessions: one VEVENT per session with a stable UID, times in the forum's zone
(TZID plus a VTIMEZONE for it), texts in the request's language (the other language when missing). A personal
agenda's feed also carries the items other apps register for its user (apps.accounts.agenda, e.g. meetings)."""

import datetime
import re
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

CONTENT_TYPE = "text/calendar; charset=utf-8"


def uid_domain():
    return urlsplit(settings.SITE_URL).hostname or "valley.example"


def session_uid(session_id):
    """Stable across releases and languages, so calendar clients update the event in place."""
    return f"forum-session-{session_id}@{uid_domain()}"


def _description(session):
    lines = [session.forum.title, str(session.format_label)]
    for appearance in session.appearances:
        speaker = appearance.speaker
        company = f", {speaker.company.name}" if speaker.company else ""
        lines.append(f"{appearance.role_label}: {speaker.name}{company}")  # labels in the active language
    if session.abstract:
        lines += ["", session.abstract]
    return "\n".join(lines)


def _location(session):
    """Room, where the room is, the forum's venue: each once. A venue that names the room already ("International
    Conference Hall, Rubber Valley Exhibition Center") is written without it."""
    parts = [part for part in ([session.room.name, session.room.location] if session.room else []) if part]
    venue = session.forum.venue or ""
    for part in parts:
        venue = venue.replace(part, "")
    venue = _SEPARATORS.sub(", ", venue).strip(" ,，、")
    return ", ".join([*parts, venue] if venue else parts)


_SEPARATORS = re.compile(r"\s*[,，、](\s*[,，、])+\s*")  # separators left doubled where the room was taken out


def _event(session, *, version, stamp, session_url):
    event = Event()
    event.add("uid", session_uid(session.id))
    event.add("dtstamp", stamp)
    event.add("dtstart", session.starts_at)  # aware in the forum's ZoneInfo: written with its TZID
    event.add("dtend", session.ends_at)
    event.add("sequence", version)
    event.add("summary", session.title)
    event.add("description", _description(session))
    location = _location(session)
    if location:
        event.add("location", location)
    event.add("status", "CANCELLED" if session.cancelled else "CONFIRMED")
    if session_url:
        event.add("url", session_url(session.id))
    return event


def _item_event(item, *, stamp, absolute=None):
    """A VEVENT of an apps.accounts.agenda.AgendaItem (aware times keep their zone, written with its TZID)."""
    event = Event()
    event.add("uid", f"{item.uid}@{uid_domain()}")
    event.add("dtstamp", stamp)
    event.add("dtstart", item.start)
    event.add("dtend", item.end)
    event.add("summary", item.title)
    if item.description:
        event.add("description", item.description)
    if item.place:
        event.add("location", item.place)
    event.add("status", "CONFIRMED")
    if item.kind_label:
        event.add("categories", [item.kind_label])
    if item.url:
        event.add("url", absolute(item.url) if absolute else item.url)
    return event


def calendar_bytes(*, sessions, name, version, released_at, session_url=None, items=(), absolute=None):
    """The .ics of these SessionViews (already in the active language) and agenda items. `session_url(id)` gives
    absolute URLs; `absolute(path)` makes the items' paths absolute."""
    calendar = Calendar()
    calendar.add("prodid", "-//Valley Portal//Forums//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    stamp = released_at.astimezone(datetime.UTC)
    for session in sessions:
        calendar.add_component(_event(session, version=version, stamp=stamp, session_url=session_url))
    for item in items:
        calendar.add_component(_item_event(item, stamp=stamp, absolute=absolute))
    if sessions or items:
        years = [s.starts_at.year for s in sessions] + [i.start.year for i in items]
        calendar.add_missing_timezones(first_date=datetime.date(min(years), 1, 1),
                                       last_date=datetime.date(max(years) + 2, 1, 1))
    return calendar.to_ical()


def calendar_name(kind, label=""):
    names = {"all": _("Forum programme"), "agenda": _("My forum agenda")}
    base = names.get(kind, _("Forum programme"))
    return f"{label} · {base}" if label else base
