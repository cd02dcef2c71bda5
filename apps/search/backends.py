"""The full-text SQL of the index, per database: the same query terms, filters and scores on both.

PostgreSQL: `search_vector` is a tsvector written from the tokens (title lexemes weighted A, body B, never run
through a text-search parser), matched with a tsquery cast from the terms and ranked with ts_rank (title 1.0,
body 0.1). SQLite: the FTS5 table `search_fts` (external content: search_document) matched with an FTS5 query
and ranked with bm25 (title 10, body 1). Both multiply the score by a recency boost for the sources that ask for
one (1 + 30 / (30 + age in days)).
"""

from django.db import connection

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
            cursor.execute("SELECT pg_total_relation_size('search_document') + pg_total_relation_size('search_word')")
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


def match_expression(terms):
    """The terms (tokens.query_terms) as a Match (None without terms)."""
    return Match(terms) if terms else None


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


def _hits(expression, filters, *, titles=False):
    """(FROM ... WHERE ..., params) of the documents matching `expression` (a text) and `filters`, in titles
    alone with `titles`. On SQLite the CROSS JOIN keeps the FTS table as the outer loop (else the planner probes
    it once per document)."""
    if vendor() == "postgresql":
        vector = "title_vector" if titles else "search_vector"
        return (f"FROM search_document d, CAST(%s AS tsquery) q WHERE d.{vector} @@ q AND {filters.where()}",
                [expression, *filters.params])
    table = "search_title_fts" if titles else "search_fts"
    return (f"FROM {table} CROSS JOIN search_document d ON d.id = {table}.rowid "
            f"WHERE {table} MATCH %s AND {filters.where()}", [expression, *filters.params])


CAP = 2000  # matches looked at per branch (title matches, newest matches) when a query matches more


def _newest(expression, filters, base, limit, *, titles=False):
    source, params = _hits(expression, filters, titles=titles)
    table = "search_title_fts" if titles else "search_fts"
    order = "d.id DESC" if vendor() == "postgresql" else f"{table}.rowid DESC"
    sql = f"SELECT d.id AS id, {base} AS base FROM (SELECT d.id {source} ORDER BY {order} LIMIT %s) d"  # noqa: S608
    return sql, [*params, limit]


def _candidates(match, filters):
    """(SQL, params) of at most 2 x CAP candidate documents `c(id, base, body)`: the newest title matches
    (base 10) and the newest matches anywhere (base 1, body 1). When a query matches fewer than CAP documents the
    candidates are all of them."""
    title_sql, title_params = _newest(match.title, filters, TITLE_WEIGHT, CAP, titles=True)
    any_sql, any_params = _newest(match.full, filters, BODY_WEIGHT, CAP)
    sql = (f"SELECT id, MAX(base) AS base, SUM(body) AS body FROM (SELECT id, base, 0 AS body FROM ({title_sql}) t "  # noqa: S608
           f"UNION ALL SELECT id, base, 1 AS body FROM ({any_sql}) a) u GROUP BY id")
    return sql, [*title_params, *any_params]


def _score_sql():
    if vendor() == "postgresql":
        return f"ts_rank('{{0.1, 0.1, {BODY_WEIGHT / TITLE_WEIGHT}, 1.0}}'::float4[], d.search_vector, q)"
    return f"(-bm25(search_fts, {TITLE_WEIGHT}, {BODY_WEIGHT}))"


COLUMNS = ("id", "type", "object_id", "title", "text", "url", "published_at", "category_label", "edition_label",
           "hall_label")


def ranked(match, filters, *, capped=False, recency_types=(), now=None, limit=20, offset=0):
    """The matching documents, best first: a list of dicts (COLUMNS and `score`). Below CAP matches the score is
    bm25 (SQLite) or ts_rank (PostgreSQL); past it (`capped`) the candidates rank by where they matched (title
    10, body 1); both times by the recency boost, then newest first."""
    boost, boost_params = _boost_sql(recency_types, now)
    columns = ", ".join(f"d.{name}" for name in COLUMNS)
    if capped:
        candidates, params = _candidates(match, filters)
        sql = (f"SELECT {columns}, c.base * {boost} AS score FROM ({candidates}) c JOIN search_document d "  # noqa: S608
               f"ON d.id = c.id ORDER BY score DESC, d.id DESC LIMIT %s OFFSET %s")
        arguments = [*boost_params, *params, limit, offset]
    else:
        source, params = _hits(match.full, filters)
        sql = (f"SELECT {columns}, {_score_sql()} * {boost} AS score {source} "
               f"ORDER BY score DESC, d.id DESC LIMIT %s OFFSET %s")
        arguments = [*boost_params, *params, limit, offset]
    with connection.cursor() as cursor:
        cursor.execute(sql, arguments)
        names = [*COLUMNS, "score"]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def matching_ids_sql(match, filters):
    """(SELECT of the object ids of the matching documents in any language, params): a subquery for the apps'
    own boards, so their COUNT and page queries filter by it without a query of their own."""
    source, params = _hits(match.full, filters)
    return f"SELECT DISTINCT d.object_id {source}", params


def counts(match, filters, column, label=None):
    """{value: (label, count)} of the candidate documents per value of a column ("category", "edition", ...),
    the label read from the column `label` (else the value)."""
    candidates, params = _candidates(match, filters)
    shown = f"MAX(d.{label})" if label else f"d.{column}"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT d.{column}, {shown}, COUNT(*) FROM ({candidates}) c JOIN search_document d "  # noqa: S608
                       f"ON d.id = c.id GROUP BY d.{column}", params)
        return {value: (name, count) for value, name, count in cursor.fetchall() if value}


def type_date_counts(match, filters, since):
    """({type: {"all": n, key: n, ...}}, capped): the candidate documents per type, all of them and those
    published since each moment of `since` ({key: datetime}), in one pass (the type and date facets both come
    from it); `capped` when the query matches more than CAP documents (the counts are then of the candidates)."""
    candidates, params = _candidates(match, filters)
    keys = list(since)
    cases = "".join(", SUM(CASE WHEN d.published_at >= %s THEN 1 ELSE 0 END)" for _key in keys)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT d.type, SUM(c.body), COUNT(*){cases} FROM ({candidates}) c JOIN search_document d "  # noqa: S608
                       f"ON d.id = c.id GROUP BY d.type", [*(since[key] for key in keys), *params])
        rows = cursor.fetchall()
    capped = sum(row[1] or 0 for row in rows) >= CAP
    return {row[0]: {"all": row[2], **{key: row[3 + i] or 0 for i, key in enumerate(keys)}} for row in rows}, capped


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
