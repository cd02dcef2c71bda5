"""The full-text SQL of the index, per database: the same query terms, filters and scores on both.

PostgreSQL: `search_vector` is a tsvector written from the tokens (title lexemes weighted A, body B, never run
through a text-search parser), matched with a tsquery cast from the terms and ranked with ts_rank (title 1.0,
body 0.1). SQLite: the FTS5 table `search_fts` (external content: search_document) matched with an FTS5 query
and ranked with bm25 (title 10, body 1). Both multiply the score by a recency boost for the sources that ask for
one (1 + 30 / (30 + age in days)).
"""

import datetime
import uuid
from collections import namedtuple

from django.core.cache import cache
from django.db import connection
from django.utils import timezone

TITLE_WEIGHT, BODY_WEIGHT = 10.0, 1.0
MAX_POSITION = 16383  # the largest position a tsvector holds


def vendor():
    return connection.vendor


# -- writing -------------------------------------------------------------------------------------------------------

def vector_literal(title_tokens, body_tokens):
    """The tsvector (PostgreSQL's text form) of a document's tokens, with positions and weights."""
    parts = []
    for weight, tokens in (("A", title_tokens), ("B", body_tokens)):
        for position, token in enumerate(tokens.split(), start=1):
            parts.append(f"'{token}':{min(position, MAX_POSITION)}{weight}")
    return " ".join(parts)


def lexemes_literal(tokens):
    """The tsvector (text form) of tokens without positions: for matching alone (models.Title)."""
    return " ".join(f"'{token}'" for token in dict.fromkeys(tokens.split()))


def fts_delete(rows):
    """SQLite: take documents out of the FTS5 table, given (id, title_tokens, body_tokens) as indexed."""
    if vendor() != "sqlite" or not rows:
        return
    rows = list(rows)
    with connection.cursor() as cursor:
        cursor.executemany("INSERT INTO search_fts(search_fts, rowid, title_tokens, body_tokens) "
                           "VALUES ('delete', %s, %s, %s)", rows)
        cursor.executemany("INSERT INTO search_title_fts(search_title_fts, rowid, title_tokens) "
                           "VALUES ('delete', %s, %s)", [row[:2] for row in rows])


def fts_insert(ids):
    """SQLite: add these documents to the FTS5 table."""
    if vendor() != "sqlite" or not ids:
        return
    ids = list(ids)
    with connection.cursor() as cursor:
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            placeholders = ", ".join(["%s"] * len(chunk))
            cursor.execute("INSERT INTO search_fts(rowid, title_tokens, body_tokens) SELECT id, title_tokens, "  # noqa: S608
                           f"body_tokens FROM search_document WHERE id IN ({placeholders})", chunk)
            cursor.execute("INSERT INTO search_title_fts(rowid, title_tokens) SELECT id, title_tokens "  # noqa: S608
                           f"FROM search_document WHERE id IN ({placeholders})", chunk)


def fts_rebuild():
    """SQLite: rebuild the FTS5 table from search_document (after a full reindex)."""
    if vendor() == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")
            cursor.execute("INSERT INTO search_title_fts(search_title_fts) VALUES ('rebuild')")


def index_size():
    """The bytes the index takes on disk (documents, full-text structures and indexes), for the bench."""
    with connection.cursor() as cursor:
        if vendor() == "postgresql":
            cursor.execute("SELECT pg_total_relation_size('search_document') + pg_total_relation_size('search_title') "
                           "+ pg_total_relation_size('search_word') + pg_total_relation_size('search_term')")
            return cursor.fetchone()[0]
        try:
            cursor.execute("SELECT SUM(pgsize) FROM dbstat WHERE name LIKE %s", ["search%"])
            return cursor.fetchone()[0] or 0
        except Exception:
            return None


# -- querying ------------------------------------------------------------------------------------------------------

def _fts5_token(token, prefix):
    return f'"{token}"' + ("*" if prefix else "")


def _ts_token(token, prefix, weight=""):
    return f"'{token}'" + (":*" if prefix else "") + (f"{':' if not prefix else ''}{weight}" if weight else "")


def _expression(terms, word, both, either):
    parts = []
    for alternatives in terms:
        options = ["(" + both.join(word(token, prefix) for token, prefix in option) + ")" for option in alternatives]
        parts.append("(" + either.join(options) + ")")
    return both.join(parts)


class Match:
    """A query's terms for the database: `full` matches titles and bodies, `title` titles only."""

    def __init__(self, terms):
        if vendor() == "postgresql":
            self.full = _expression(terms, _ts_token, " & ", " | ")
        else:
            self.full = _expression(terms, _fts5_token, " AND ", " OR ")
        self.title = self.full  # matched against the title-only structures


PREFIX_TERMS = 30  # title terms a word typed in part stands for at most (the shortest first)


TERMS_VERSION_KEY = "search:terms-version"  # renewed whenever titles are indexed (terms_changed)
TERMS_LIFETIME = 24 * 3600


def terms_changed():
    """Titles were indexed: the cached prefix expansions may lack their terms."""
    cache.delete(TERMS_VERSION_KEY)


def prefix_terms(prefixes):
    """{prefix: [indexed title terms it begins]} (models.Term): from the cache, else in one query for all the
    prefixes not cached (then cached until titles are indexed again)."""
    version = cache.get(TERMS_VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex[:12]
        cache.set(TERMS_VERSION_KEY, version, timeout=TERMS_LIFETIME)
    keys = {prefix: f"search:prefix:{version}:{prefix}" for prefix in prefixes}
    stored = cache.get_many(list(keys.values()))
    found = {prefix: stored[key] for prefix, key in keys.items() if key in stored}
    missing = sorted(set(prefixes) - set(found))
    if missing:
        looked_up = _prefix_terms_read(missing)
        cache.set_many({keys[prefix]: looked_up.get(prefix, []) for prefix in missing}, timeout=TERMS_LIFETIME)
        found.update(looked_up)
    return {prefix: terms for prefix, terms in found.items() if terms}


def _prefix_terms_read(prefixes):
    parts, params = [], []
    for number, prefix in enumerate(sorted(prefixes)):
        parts.append(f"SELECT * FROM (SELECT %s AS prefix, term FROM search_term WHERE term >= %s AND term < %s "  # noqa: S608
                     f"ORDER BY LENGTH(term), term LIMIT {PREFIX_TERMS}) p{number}")
        params += [prefix, prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)]
    found = {}
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        for prefix, term in cursor.fetchall():
            found.setdefault(prefix, []).append(term)
    return found


def _widened(terms):
    """The terms with each prefix alternative replaced by the title terms it begins, matched exactly."""
    prefixes = {option[0][0] for alternatives in terms for option in alternatives if len(option) == 1 and option[0][1]}
    widened = prefix_terms(prefixes) if prefixes else {}
    exact = []
    for alternatives in terms:
        options = []
        for option in alternatives:
            if len(option) == 1 and option[0][1]:
                options.extend(((term, False),) for term in widened.get(option[0][0], ()))
            else:
                options.append(option)
        exact.append(tuple(dict.fromkeys(options)))
    return exact


def match_expression(terms):
    """The terms (tokens.query_terms) as a Match (None without terms); a word matched as a prefix stands for the
    indexed title terms it begins (one query)."""
    return Match(_widened(terms)) if terms else None


class Filters:
    """WHERE conditions on the documents `d`, with their parameters."""

    def __init__(self):
        self.sql, self.params = [], []

    def add(self, sql, *params):
        self.sql.append(sql)
        self.params.extend(params)
        return self

    def where(self):
        return " AND ".join(self.sql) if self.sql else "1 = 1"


def _boost_sql(recency_types, now_param):
    if not recency_types:
        return "1.0", []
    placeholders = ", ".join(["%s"] * len(recency_types))
    if vendor() == "postgresql":
        age = "GREATEST(0, EXTRACT(EPOCH FROM (%s - d.published_at)) / 86400.0)"
    else:
        age = "MAX(0, julianday(%s) - julianday(d.published_at))"
    sql = (f"(CASE WHEN d.type IN ({placeholders}) AND d.published_at IS NOT NULL "
           f"THEN 1.0 + 30.0 / (30.0 + {age}) ELSE 1.0 END)")
    return sql, [*recency_types, now_param]


CANDIDATE_INDEX = "search_document_candidate"  # SQLite: the candidate columns, so reading them skips the long rows


def _hits(expression, filters, *, titles=False, covering=False):
    """(FROM ... WHERE ..., params) of the documents matching `expression` (a text) and `filters`, in titles
    alone with `titles`. On SQLite the CROSS JOIN keeps the FTS table as the outer loop (else the planner probes
    it once per document); `covering` reads the documents through CANDIDATE_INDEX (a row's tokens and text spill
    onto overflow pages that a read of the columns after them would walk)."""
    if vendor() == "postgresql":
        table, vector = ("search_title", "vector") if titles else ("search_document", "search_vector")
        return (f"FROM {table} d, CAST(%s AS tsquery) q WHERE d.{vector} @@ q AND {filters.where()}",
                [expression, *filters.params])
    table = "search_title_fts" if titles else "search_fts"
    indexed = f" INDEXED BY {CANDIDATE_INDEX}" if covering else ""
    return (f"FROM {table} CROSS JOIN search_document d{indexed} ON d.id = {table}.rowid "
            f"WHERE {table} MATCH %s AND {filters.where()}", [expression, *filters.params])


CAP = 300  # matches looked at per branch (title matches, newest matches) when a query matches more: 15 pages of
# results, and facet counts shown as "N+" (the cost of a capped query grows with it, not with the index: at 1,000
# the two branches took 3.3 ms of SQLite and as much again of Python for 轮胎 at full scale; from 400 to 300 a
# 轮胎 search on PostgreSQL went from 4.9 to 4.4 ms)


CANDIDATE_SQL = ("d.id, d.type, {epoch}, d.category, d.category_label, d.edition, d.edition_label, d.hall, "
                 "d.hall_label")


def _newest(expression, filters, limit, *, titles=False):
    """(SQL, params) of the newest `limit` matches with the candidate columns (titles alone with `titles`). On
    PostgreSQL the title matches are found in search_title (the filters name its columns) and their labels read
    from the documents; ordered by `d.id + 0`, which no index offers, so the planner takes the GIN match and sorts
    what it found: on that narrow table it would otherwise walk the primary key backwards, filtering each row by
    the match (for 轮胎 at full scale 268,000 rows, 39 ms, against 2.5 ms: the newest documents have other words)."""
    source, params = _hits(expression, filters, titles=titles, covering=True)
    table = "search_title_fts" if titles else "search_fts"
    order = "d.id DESC" if vendor() == "postgresql" else f"{table}.rowid DESC"
    columns = CANDIDATE_SQL.format(epoch=_epoch_sql())
    flag = int(titles)
    if titles and vendor() == "postgresql":
        inner = f"SELECT d.id {source} ORDER BY d.id + 0 DESC LIMIT %s"  # see above
        sql = f"SELECT {flag} AS in_title, {columns} FROM search_document d WHERE d.id IN ({inner})"  # noqa: S608
        return f"SELECT * FROM ({sql}) n{flag}", [*params, limit]  # noqa: S608
    sql = f"SELECT * FROM (SELECT {flag} AS in_title, {columns} {source} ORDER BY {order} LIMIT %s) n{flag}"  # noqa: S608
    return sql, [*params, limit]


def _score_sql():
    if vendor() == "postgresql":
        return f"ts_rank('{{0.1, 0.1, {BODY_WEIGHT / TITLE_WEIGHT}, 1.0}}'::float4[], d.search_vector, q)"
    return f"(-bm25(search_fts, {TITLE_WEIGHT}, {BODY_WEIGHT}))"


COLUMNS = ("id", "type", "object_id", "title", "text", "url", "published_at", "category_label", "edition_label",
           "hall_label")


def _document(names, row):
    """A fetched row as a dict; `published_at` aware on both databases (SQLite's cursor hands out naive UTC)."""
    found = dict(zip(names, row, strict=True))
    published = found["published_at"]
    if published is not None and timezone.is_naive(published):
        found["published_at"] = published.replace(tzinfo=datetime.UTC)
    return found


def ranked(match, filters, *, recency_types=(), now=None, limit=20, offset=0):
    """The matching documents, best first, for a query below CAP matches: a list of dicts (COLUMNS and `score`),
    by bm25 (SQLite) or ts_rank (PostgreSQL) times the recency boost, then newest first."""
    boost, boost_params = _boost_sql(recency_types, now)
    columns = ", ".join(f"d.{name}" for name in COLUMNS)
    source, params = _hits(match.full, filters)
    sql = (f"SELECT {columns}, {_score_sql()} * {boost} AS score {source} "
           f"ORDER BY score DESC, d.id DESC LIMIT %s OFFSET %s")
    with connection.cursor() as cursor:
        cursor.execute(sql, [*boost_params, *params, limit, offset])
        names = [*COLUMNS, "score"]
        return [_document(names, row) for row in cursor.fetchall()]


def matching_ids_sql(match, filters):
    """(SELECT of the object ids of the matching documents in any language, params): a subquery for the apps'
    own boards, so their COUNT and page queries filter by it without a query of their own."""
    source, params = _hits(match.full, filters)
    return f"SELECT DISTINCT d.object_id {source}", params


Candidate = namedtuple("Candidate", "id base body type published category category_label edition edition_label "
                       "hall hall_label")  # published: seconds since the epoch (None if unpublished)


def _epoch_sql():
    if vendor() == "postgresql":
        return "CAST(EXTRACT(EPOCH FROM d.published_at) AS float8)"
    return "(julianday(d.published_at) - 2440587.5) * 86400.0"


def candidate_rows(match, filters):
    """(rows, capped): the candidate documents as Candidate tuples, in one query: the newest CAP title matches
    (`base` 10) and, unless there are CAP of them, the newest CAP matches anywhere (`base` 1; `body` 1 for those),
    merged; when a query matches fewer than CAP documents they are all of them. `capped` when it matches more (the
    facets count and the ranking orders the candidates then).

    A title match always ranks above a match elsewhere (TITLE_WEIGHT against at most twice BODY_WEIGHT with the
    recency boost), so CAP title matches are every result shown: the newest matches anywhere are then not read
    (the gate is evaluated once; at full scale on PostgreSQL that branch walked 60,000 rows for 轮胎)."""
    title_sql, title_params = _newest(match.title, filters, CAP, titles=True)
    any_sql, any_params = _newest(match.full, filters, CAP)
    sql = (f"WITH t AS MATERIALIZED ({title_sql}) SELECT * FROM t UNION ALL "  # noqa: S608  (fixed SQL; words are parameters)
           f"SELECT * FROM ({any_sql}) a WHERE (SELECT COUNT(*) FROM t) < %s")
    with connection.cursor() as cursor:
        cursor.execute(sql, [*title_params, *any_params, CAP])
        fetched = cursor.fetchall()
    if len(fetched) == CAP and all(row[0] for row in fetched):
        return [Candidate(columns[0], TITLE_WEIGHT, 0, *columns[1:]) for _in_title, *columns in fetched], True
    merged, body_matches = {}, 0
    for in_title, *columns in fetched:
        key = columns[0]
        known = merged.get(key)
        if in_title:
            merged[key] = Candidate(key, TITLE_WEIGHT, known.body if known else 0, *columns[1:])
        else:
            body_matches += 1
            merged[key] = known._replace(body=1) if known else Candidate(key, BODY_WEIGHT, 1, *columns[1:])
    return list(merged.values()), body_matches >= CAP


def documents_shown(ids):
    """The documents with these ids as dicts (COLUMNS), in the order of `ids`."""
    if not ids:
        return []
    columns = ", ".join(f"d.{name}" for name in COLUMNS)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns} FROM search_document d WHERE d.id IN ({', '.join(['%s'] * len(ids))})",  # noqa: S608
                       list(ids))
        found = {row[0]: _document(COLUMNS, row) for row in cursor.fetchall()}
    return [found[pk] for pk in ids if pk in found]


def word_candidates(words, max_distance):
    """Indexed words that may be what these words misspell: same first letter and a close length on both
    databases; on PostgreSQL also pg_trgm's similar words (the trigram index). One query for all the words."""
    parts, params = [], []
    for word in words:
        parts.append("SELECT word FROM search_word WHERE word >= %s AND word < %s AND LENGTH(word) BETWEEN %s AND %s")
        params += [word[0], chr(ord(word[0]) + 1), len(word) - max_distance, len(word) + max_distance]
        if vendor() == "postgresql":
            parts.append("SELECT word FROM search_word WHERE word %% %s")
            params.append(word)
    if not parts:
        return []
    with connection.cursor() as cursor:
        cursor.execute(" UNION ".join(parts), params)
        return [row[0] for row in cursor.fetchall()]
