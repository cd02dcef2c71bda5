"""Reads of the search index: the results page (hits, facets with counts, pagination, "did you mean") and the
matching ids the apps' own boards filter by (`ids_matching`)."""

import math
from dataclasses import dataclass, field
from datetime import timedelta
from urllib.parse import urlencode

from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import backends, tokens
from .registry import sources
from .snippets import highlighter

PAGE_SIZE = 20
DATES = {"week": 7, "month": 31, "year": 366}  # the date-range facet: published within so many days
DATE_LABELS = {"week": _("Past week"), "month": _("Past month"), "year": _("Past year")}
FACETS = ("category", "edition", "hall")


@dataclass(frozen=True)
class Query:
    q: str = ""
    type: str = ""
    category: str = ""
    edition: str = ""
    hall: str = ""
    date: str = ""
    page: int = 1

    def params(self, **changes):
        """The URL parameters of this query with some changed (a facet chosen or cleared, another page)."""
        values = {"q": self.q, "type": self.type, "category": self.category, "edition": self.edition,
                  "hall": self.hall, "date": self.date, "page": self.page, **changes}
        if values["page"] == 1:
            values.pop("page")
        return {key: value for key, value in values.items() if value}

    def url(self, **changes):
        return "?" + urlencode(self.params(**changes))

    @property
    def filtered(self):
        return any((self.type, self.category, self.edition, self.hall, self.date))


@dataclass(frozen=True)
class Facet:
    value: str
    label: object
    count: int
    url: str  # the query with this value chosen, or cleared when it is the chosen one
    selected: bool


@dataclass
class Results:
    query: Query
    hits: list = field(default_factory=list)
    total: int = 0
    pages: int = 0
    facets: dict = field(default_factory=dict)  # name -> [Facet]
    suggestion: str = ""
    searched: bool = False  # the query had words to look for
    capped: bool = False  # more matches than backends.CAP: counts and ranking are of the best candidates

    @property
    def previous_url(self):
        return self.query.url(page=self.query.page - 1)

    @property
    def next_url(self):
        return self.query.url(page=self.query.page + 1)


def _filters(query, language, now, *, without=()):
    filters = backends.Filters().add("d.language = %s", language)
    filters.add("(d.public_from IS NULL OR d.public_from <= %s)", now)
    filters.add("(d.public_until IS NULL OR d.public_until > %s)", now)
    if query.type and "type" not in without:
        filters.add("d.type = %s", query.type)
    for name in FACETS:
        if getattr(query, name) and name not in without:
            filters.add(f"d.{name} = %s", getattr(query, name))
    if query.date in DATES and "date" not in without:
        filters.add("d.published_at >= %s", now - timedelta(days=DATES[query.date]))
    return filters


def _facet_rows(query, name, rows):
    chosen = getattr(query, name)
    return [Facet(value, label, count, query.url(**{name: "" if value == chosen else value, "page": 1}),
                  value == chosen) for value, label, count in rows]


def _facets(expression, query, language, now):
    """The facets with their counts (each counted with the other facets' filters) and the number of results."""
    labels = {source.type: source.label for source in sources()}
    order = list(labels)
    since = {key: now - timedelta(days=days) for key, days in DATES.items()}
    counted, capped = backends.type_date_counts(expression, _filters(query, language, now, without=("type", "date")),
                                                since)
    column = query.date if query.date in DATES else "all"
    rows = sorted(((key, labels.get(key, key), counts[column]) for key, counts in counted.items() if counts[column]),
                  key=lambda row: order.index(row[0]) if row[0] in order else len(order))
    facets = {"type": _facet_rows(query, "type", rows)}
    present = {key for key, _label, _count in rows}
    wanted = {name for source in sources() if source.type in present and (not query.type or source.type == query.type)
              for name in source.facets}
    for name in FACETS:
        if name in wanted:
            values = backends.counts(expression, _filters(query, language, now, without=(name,)), name,
                                     label=f"{name}_label")
            facets[name] = _facet_rows(query, name, sorted(
                ((value, label, count) for value, (label, count) in values.items()), key=lambda row: (-row[2], row[1])))
    chosen = [counts for key, counts in counted.items() if not query.type or key == query.type]
    dates = [(key, DATE_LABELS[key], sum(counts[key] for counts in chosen)) for key in DATES]
    facets["date"] = _facet_rows(query, "date", [row for row in dates if row[2]])
    total = sum(count for key, _label, count in rows if not query.type or key == query.type)
    return facets, total, capped


def search(*, query, language, now=None):
    """The results page of `query` in `language`. Raises ValueError for a page past the last."""
    now = now or timezone.now()
    results = Results(query=query)
    expression = backends.match_expression(tokens.query_terms(query.q))
    if expression is None:
        return results
    results.searched = True
    results.facets, results.total, results.capped = _facets(expression, query, language, now)
    results.pages = math.ceil(results.total / PAGE_SIZE)
    if query.page > max(results.pages, 1):
        raise ValueError("no such page")
    if results.total:
        recency = [source.type for source in sources() if source.recency]
        rows = backends.ranked(expression, _filters(query, language, now), capped=results.capped,
                               recency_types=recency, now=now, limit=PAGE_SIZE, offset=(query.page - 1) * PAGE_SIZE)
        mark = highlighter(query.q)
        labels = {source.type: source.label for source in sources()}
        for row in rows:
            row["type_label"] = labels.get(row["type"], row["type"])
            row["title_html"] = mark(row["title"])
            row["snippet"] = mark(row["text"], 160)
        results.hits = rows
    if not results.total:
        results.suggestion = suggestion(query.q)
    return results


def _distance(a, b):
    previous = list(range(len(b) + 1))
    for i, left in enumerate(a, start=1):
        current = [i]
        for j, right in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (left != right)))
        previous = current
    return previous[-1]


def suggestion(q):
    """The query with its misspelt English words replaced by the closest indexed title word ("" when none)."""
    words = [word for word in dict.fromkeys(tokens.LATIN_WORD.findall((q or "").lower()[:tokens.MAX_QUERY_LENGTH]))
             if len(word) >= 4 and not word.isdigit()][:4]
    if not words:
        return ""
    candidates = backends.word_candidates(words, 2)
    changed, text = False, q.lower()
    for word in words:
        allowed = 1 if len(word) <= 5 else 2
        if any(tokens.stem(candidate) == tokens.stem(word) for candidate in candidates):
            continue
        scored = sorted((_distance(word, candidate), candidate) for candidate in candidates
                        if abs(len(candidate) - len(word)) <= allowed)
        if scored and scored[0][0] <= allowed:
            text = text.replace(word, scored[0][1])
            changed = True
    return text if changed else ""


def ids_matching(*, q, types, now=None, window=False):
    """The ids of the objects of these types whose documents (in any language) match `q`, as a subquery for
    `filter(pk__in=...)`; None when `q` has no word to look for. `window`: only documents public now (else the
    caller's own rules decide)."""
    expression = backends.match_expression(tokens.query_terms(q))
    if expression is None:
        return None
    now = now or timezone.now()
    filters = backends.Filters().add(f"d.type IN ({', '.join(['%s'] * len(types))})", *types)
    if window:
        filters.add("(d.public_from IS NULL OR d.public_from <= %s)", now)
        filters.add("(d.public_until IS NULL OR d.public_until > %s)", now)
    sql, params = backends.matching_ids_sql(expression, filters)
    return RawSQL(sql, params)  # noqa: S611  (built from fixed SQL; the query's words are parameters)
