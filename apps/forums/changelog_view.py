"""A release's changelog for readers: titles in their language, times in each forum's zone, room names."""

import zoneinfo
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .programme import parse_utc, translated

CHANGE_LABELS = {"added": _("Added"), "moved": _("Moved"), "cancelled": _("Cancelled"),
                 "removed": _("Removed"), "changed": _("Changed")}


@dataclass
class Slot:
    starts_at: object
    ends_at: object
    room: str
    title: str

    @property
    def label(self):
        return f"{self.starts_at:%Y-%m-%d %H:%M}–{self.ends_at:%H:%M}"


@dataclass
class EntryView:
    change: str
    label: str
    session: object  # the SessionView in the current programme, or None when it is gone
    title: str
    forum: object
    time_zone: str
    before: Slot | None
    after: Slot | None


def _slot(values, zone, rooms, language):
    if not values:
        return None
    room = rooms.get(values["room"])
    return Slot(parse_utc(values["starts_at"]).astimezone(zone), parse_utc(values["ends_at"]).astimezone(zone),
                room.name if room else "", translated(values["title"], language))


def entries_view(changelog, programme, language):
    forums = {forum.id: forum for forum in programme.forums}
    rooms = {room.id: room for room in programme.rooms}
    entries = []
    for entry in changelog or []:
        forum = forums.get(entry.get("forum"))
        zone_name = forum.time_zone if forum else settings.TIME_ZONE
        zone = zoneinfo.ZoneInfo(zone_name)
        before, after = _slot(entry["before"], zone, rooms, language), _slot(entry["after"], zone, rooms, language)
        session = programme.session_by_id.get(entry["session"]) if entry["change"] != "removed" else None
        entries.append(EntryView(entry["change"], CHANGE_LABELS.get(entry["change"], entry["change"]), session,
                                 (after or before).title, forum, zone_name, before, after))
    return entries
