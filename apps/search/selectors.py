"""Reads of the search index: the results page (hits, facets with counts, pagination, "did you mean") and the
matching ids the apps' own boards filter by (`ids_matching`)."""

import bisect
import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta
from operator import attrgetter
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
FILTERS = ("type", *FACETS, "date")  # the choices a visitor makes on the results page


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


def _chosen(query, since):
    """{filter name: test of a candidate row} for the choices the query makes."""
    tests = {}
    if query.type:
        tests["type"] = lambda row: row.type == query.type
    for name in FACETS:
        value = getattr(query, name)
        if value:
            tests[name] = lambda row, name=name, value=value: getattr(row, name) == value
    if query.date in DATES:
        tests["date"] = lambda row, moment=since[query.date]: row.published is not None and row.published >= moment
    return tests


def _misses(rows, tests):
    """Per row, the chosen filters it fails (an empty tuple: it is a result)."""
    if not tests:
        return [()] * len(rows)
    return [tuple(name for name, test in tests.items() if not test(row)) for row in rows]


def _facets(rows, misses, query, since):
    """The facets with their counts, each counted with the other facets' choices, from the candidate rows."""
    missing = any(misses)

    def counted(name):  # the rows that meet every choice but `name`'s
        if not missing:
            return rows
        return [row for row, missed in zip(rows, misses, strict=True) if not missed or missed == (name,)]

    labels = {source.type: source.label for source in sources()}
    order = list(labels)
    by_type = Counter(row.type for row in counted("type"))
    types = sorted(((key, labels.get(key, key), count) for key, count in by_type.items()),
                   key=lambda row: order.index(row[0]) if row[0] in order else len(order))
    facets = {"type": _facet_rows(query, "type", types)}
    wanted = {name for source in sources() if source.type in by_type and (not query.type or source.type == query.type)
              for name in source.facets}
    for name in FACETS:
        if name in wanted:
            value_of, label_of = attrgetter(name), attrgetter(f"{name}_label")
            these = counted(name)
            values = Counter(map(value_of, these))
            values.pop("", None)
            names = {value_of(row): label_of(row) for row in these if value_of(row) in values}
            facets[name] = _facet_rows(query, name, sorted(
                ((value, names[value], count) for value, count in values.items()), key=lambda row: (-row[2], row[1])))
    dated = sorted(row.published for row in counted("date") if row.published is not None)
    dates = [(key, DATE_LABELS[key], len(dated) - bisect.bisect_left(dated, since[key])) for key in DATES]
    facets["date"] = _facet_rows(query, "date", [row for row in dates if row[2]])
    return facets


def _boost(row, recency, now):
    if row.type in recency and row.published is not None:
        return 1.0 + 30.0 / (30.0 + max(0.0, (now - row.published) / 86400.0))
    return 1.0


def search(*, query, language, now=None):
    """The results page of `query` in `language`. Raises ValueError for a page past the last.

    The candidates are read once (backends.candidate_rows, with the language and the public window only) and the
    facets counted from them. Below CAP matches they are every match and the page is ranked by the database's score
    (bm25 / ts_rank); past it the candidates rank by where they matched times the recency boost (a query with
    chosen facets reads its own candidates then, so a rare type is not crowded out by the newest articles)."""
    now = now or timezone.now()
    results = Results(query=query)
    expression = backends.match_expression(tokens.query_terms(query.q))
    if expression is None:
        return results
    results.searched = True
    stamp = now.timestamp()
    since = {key: stamp - days * 86400.0 for key, days in DATES.items()}
    tests = _chosen(query, since)
    rows, results.capped = backends.candidate_rows(expression, _filters(query, language, now, without=FILTERS))
    results.facets = _facets(rows, _misses(rows, tests), query, since)
    recency = [source.type for source in sources() if source.recency]
    if results.capped and query.filtered:
        rows, _capped = backends.candidate_rows(expression, _filters(query, language, now))
    chosen = [row for row, missed in zip(rows, _misses(rows, tests), strict=True) if not missed]
    results.total = len(chosen)
    results.pages = math.ceil(results.total / PAGE_SIZE)
    if query.page > max(results.pages, 1):
        raise ValueError("no such page")
    offset = (query.page - 1) * PAGE_SIZE
    if results.total and results.capped:
        chosen.sort(key=lambda row: (row.base * _boost(row, recency, stamp), row.id), reverse=True)
        results.hits = backends.documents_shown([row.id for row in chosen[offset:offset + PAGE_SIZE]])
    elif results.total:
        results.hits = backends.ranked(expression, _filters(query, language, now), recency_types=recency, now=now,
                                       limit=PAGE_SIZE, offset=offset)
    if results.hits:
        mark = highlighter(query.q)
        labels = {source.type: source.label for source in sources()}
        for row in results.hits:
            row["type_label"] = labels.get(row["type"], row["type"])
            row["title_html"] = mark(row["title"])
            row["snippet"] = mark(row["text"], 160)
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
