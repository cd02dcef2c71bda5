"""The exhibitor figures registry: what the exhibitor portal's figures page counts per company and day.

companies imports none of the apps that count something about a company (profile and product views live in expo,
contact requests in leads, meetings in meetings). Each of them registers a `FigureSource` here in its
`AppConfig.ready()`; the figures page asks every registered source for its numbers without knowing where they
come from.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class FigureSource:
    """One figure of an exhibitor, counted per day."""

    key: str  # unique: "profile_views", "product_views", "leads", "meeting_requests", "meetings"
    label: object  # a (lazy) translated string
    per_day: Callable  # per_day(*, company_id, start: date, end: date) -> {date: int}, days with 0 may be left out;
    # start and end are both included; one or two queries, whatever the number of days
    position: int = 100  # the page shows the sources in ascending position


_sources: dict[str, FigureSource] = {}


def figure_source_register(source):
    """Add (or replace, by key) a figure source. Call it in your AppConfig.ready()."""
    _sources[source.key] = source
    return source


def figure_sources():
    """The registered sources, in the order the figures page shows them."""
    return sorted(_sources.values(), key=lambda source: (source.position, source.key))
