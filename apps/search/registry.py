"""What the feature apps contribute to the site search. Each app declares its sources in its own
`search_index.py` and registers them in its AppConfig.ready(): `source_register(Source(...))`.

A `Source` has:
- `type`: the key of its documents ("company", "article", ...), also the `type` facet's value in URLs;
- `label`: the facet's label (gettext_lazy), `position`: its place among the types;
- `objects()`: the ids of every public object now (an iterable or a values_list queryset), for the reindex;
- `documents(ids)`: {id: [Entry, ...]} with one Entry per language the object is public in; an id missing from
  the answer (or with an empty list) is not public (draft, pending, private, expired, unreleased) and its
  documents are removed;
- `facets`: the facet names its documents fill ("category", "edition", "hall");
- `recency`: whether newer documents rank higher (news, notices).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

FACETS = ("category", "edition", "hall")


@dataclass(frozen=True)
class Entry:
    """One document of an object in one language. `also` is text matched (as body) but never shown, e.g. the
    name in the other language; facet values are (value, label) pairs."""

    language: str
    title: str
    url: str
    body: str = ""
    also: tuple = ()
    published_at: datetime | None = None
    public_from: datetime | None = None  # not shown before (a scheduled article)
    public_until: datetime | None = None  # not shown from then on (an expired notice)
    category: tuple = ("", "")
    edition: tuple = ("", "")
    hall: tuple = ("", "")


@dataclass(frozen=True)
class Source:
    type: str
    label: object
    objects: Callable
    documents: Callable
    facets: tuple = field(default=())
    recency: bool = False
    position: int = 100


_sources: dict[str, Source] = {}


def source_register(source):
    unknown = set(source.facets) - set(FACETS)
    if unknown:
        raise ValueError(f"search source {source.type!r}: unknown facets {sorted(unknown)}")
    _sources[source.type] = source
    return source


def source_get(type):
    try:
        return _sources[type]
    except KeyError:
        raise LookupError(f"No search source {type!r} is registered") from None


def sources():
    """The registered sources in their order."""
    return sorted(_sources.values(), key=lambda source: (source.position, source.type))
