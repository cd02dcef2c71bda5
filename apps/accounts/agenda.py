"""A signed-in user's personal agenda: the registry through which apps add entries to it.

accounts knows nothing of forums, meetings or the expo. An app above it registers, in its `AppConfig.ready()`,
either timed items (`agenda_items_register`: a user's meetings, say) or untimed sections of the agenda page
(`agenda_section_register`: starred exhibitors, say). The forums "My agenda" page shows the items next to the
starred sessions and then the sections; the agenda's iCal feed turns the items into events. Registering a key
again replaces what it registered before.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class AgendaItem:
    """One timed entry of a signed-in user's agenda."""

    uid: str  # stable local part of the iCal UID, e.g. "meeting-12"; the feed adds "@<domain>"
    start: datetime  # aware
    end: datetime  # aware
    title: str  # in the active language
    place: str = ""  # e.g. "Hall A, booth A-12"
    url: str = ""  # path of the item's page; the feed makes it absolute
    description: str = ""
    kind: str = ""  # short key for styling and labels, e.g. "meeting"
    kind_label: str = ""  # translated label shown next to the item, e.g. "Meeting"


@dataclass(frozen=True)
class AgendaSection:
    """An untimed block of the agenda page, e.g. the starred exhibitors."""

    key: str
    template: str  # rendered with {"rows": rows, "request": request}
    rows: Callable  # rows(*, request) -> list, anonymous visitors included; an empty list hides the section
    position: int = 100


_item_sources: dict[str, Callable] = {}
_sections: dict[str, AgendaSection] = {}


def agenda_items_register(key, items):
    """Add (or replace, by key) `items(*, user, language) -> list[AgendaItem]`: a user's timed entries."""
    _item_sources[key] = items


def agenda_items(*, user, language):
    """Every registered source's items for `user`, sorted by start (then end, uid); [] for anonymous visitors."""
    if user is None or not user.is_authenticated:
        return []
    found = [item for items in _item_sources.values() for item in items(user=user, language=language)]
    return sorted(found, key=lambda item: (item.start, item.end, item.uid))


def agenda_section_register(section):
    """Add (or replace, by its key) an `AgendaSection`."""
    _sections[section.key] = section


def agenda_sections():
    """The registered sections by ascending position (registration order among equals)."""
    return sorted(_sections.values(), key=lambda section: section.position)
