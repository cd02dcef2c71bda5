"""Writes of the search index. The feature apps call `index_on_commit(type, object_id)` from their services (or
`type_index_on_commit(*types)` when whole sources changed at once, as a schedule release does); the Celery task
then calls `object_index`, which asks the source for the object's documents and replaces what the index held.
`index_now` does the same inside the caller's transaction; `type_reindex` rebuilds a source from scratch
(`manage.py search_reindex`)."""

import html
import re

from django.db import connection, transaction
from django.utils.html import strip_tags

from . import backends, tokens
from .models import Document, Term, Title, Word
from .registry import source_get

TEXT_LIMIT = 4000  # characters of plain text kept per document for snippets
BATCH = 500
WORD = re.compile(r"[a-z]{3,40}")
TERM = re.compile(r"[a-z][a-z0-9]{2,59}")  # the title tokens a prefix is widened to (3 letters on, as the queries)
SPACES = re.compile(r"\s+")


def index_on_commit(type, object_id):
    """Once the current transaction commits, queue the re-indexing of one object (its documents appear,
    change or disappear according to what its source says then)."""
    source_get(type)  # a misspelt type fails in the caller's transaction, not in the worker

    def queue():
        from .tasks import index_object

        index_object.delay(type, object_id)

    transaction.on_commit(queue)


def index_now(type, *object_ids):
    """Re-index objects now, inside the caller's transaction (the index commits or rolls back with the change):
    for the apps whose own board searches the index (notices, companies), so it is never behind."""
    if object_ids:
        found = source_get(type).documents(list(object_ids))
        documents_replace(type=type, entries={object_id: found.get(object_id, []) for object_id in object_ids})


def type_index_on_commit(*types):
    """Once the current transaction commits, queue the re-indexing of every object of these sources."""
    for type in types:
        source_get(type)

    def queue():
        from .tasks import index_type

        for type in types:
            index_type.delay(type)

    transaction.on_commit(queue)


def plain_text(markup):
    """The text of rich-text HTML: tags dropped, entities decoded (the page escapes it again)."""
    return SPACES.sub(" ", html.unescape(strip_tags(markup or ""))).strip()


def _document(type, object_id, entry):
    body = plain_text(entry.body)
    title = SPACES.sub(" ", entry.title or "").strip()[:300]  # plain text already: kept as written
    title_tokens = tokens.tokens_text([title], pinyin=True)
    body_tokens = tokens.tokens_text([body, *entry.also])
    document = Document(
        type=type, object_id=object_id, language=entry.language, title=title, title_tokens=title_tokens,
        body_tokens=body_tokens, text=body[:TEXT_LIMIT], url=entry.url[:500], published_at=entry.published_at,
        public_from=entry.public_from, public_until=entry.public_until,
        category=entry.category[0][:80], category_label=str(entry.category[1])[:200],
        edition=entry.edition[0][:80], edition_label=str(entry.edition[1])[:200],
        hall=entry.hall[0][:20], hall_label=str(entry.hall[1])[:200],
    )
    if connection.vendor == "postgresql":
        document.search_vector = backends.vector_literal(title_tokens, body_tokens)
    return document


def _titles(documents):
    """PostgreSQL: the narrow title rows of these saved documents (models.Title)."""
    return [Title(id=document.id, type=document.type, language=document.language,
                  published_at=document.published_at, public_from=document.public_from,
                  public_until=document.public_until, category=document.category, edition=document.edition,
                  hall=document.hall, vector=backends.lexemes_literal(document.title_tokens))
            for document in documents]


def _words(documents):
    return {word for document in documents for word in WORD.findall(document.title.lower())}


def _terms(title_tokens):
    return {token for token in title_tokens.split() if TERM.fullmatch(token)}


def _objects_lock(type, object_ids):
    """PostgreSQL: one transaction at a time replaces an object's documents (two workers indexing the same object
    would both delete nothing and then both insert: a duplicate key). Locks in id order, so never a deadlock;
    SQLite writes one transaction at a time anyway."""
    if connection.vendor == "postgresql" and object_ids:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s), id) FROM (SELECT CAST(id AS integer) AS id "
                           "FROM unnest(%s) AS id ORDER BY id) ids", [f"search:{type}", sorted(
                               {int(pk) % 2**31 for pk in object_ids})])


@transaction.atomic
def documents_replace(*, type, entries):
    """Replace the documents of these objects by `entries` ({object id: [Entry]}; an empty list removes them)."""
    ids = sorted(entries)
    for start in range(0, len(ids), BATCH):
        chunk = ids[start:start + BATCH]
        _objects_lock(type, chunk)
        old = Document.objects.filter(type=type, object_id__in=chunk)
        backends.fts_delete(old.values_list("id", "title_tokens", "body_tokens"))
        postgresql = connection.vendor == "postgresql"
        if postgresql:
            Title.objects.filter(id__in=old.values("id")).delete()
        old.delete()
        documents = [_document(type, object_id, entry) for object_id in chunk for entry in entries[object_id]]
        Document.objects.bulk_create(documents, batch_size=BATCH)
        if postgresql:
            Title.objects.bulk_create(_titles(documents), batch_size=BATCH)
        if documents:
            backends.fts_insert(Document.objects.filter(type=type, object_id__in=chunk).values_list("id", flat=True))
        words = _words(documents)
        if words:
            Word.objects.bulk_create([Word(word=word) for word in sorted(words)], ignore_conflicts=True)
        terms = set().union(*(_terms(document.title_tokens) for document in documents))
        if terms:
            Term.objects.bulk_create([Term(term=term) for term in sorted(terms)], ignore_conflicts=True)
            transaction.on_commit(backends.terms_changed)


def object_index(*, type, object_id):
    """Index one object as its source sees it now (no documents when it is not public): the task's service."""
    index_now(type, object_id)


def type_reindex(*, type, progress=None):
    """Rebuild the documents of a source: every public object indexed again, the others removed.
    `progress(done, total)` is called after each batch. Returns the number of documents written."""
    source = source_get(type)
    ids = sorted(set(source.objects()))
    existing = set(Document.objects.filter(type=type).values_list("object_id", flat=True).distinct())
    stale = sorted(existing - set(ids))
    for start in range(0, len(stale), BATCH):
        documents_replace(type=type, entries={key: [] for key in stale[start:start + BATCH]})
    written = 0
    for start in range(0, len(ids), BATCH):
        chunk = ids[start:start + BATCH]
        found = source.documents(chunk)
        entries = {object_id: found.get(object_id, []) for object_id in chunk}
        documents_replace(type=type, entries=entries)
        written += sum(len(value) for value in entries.values())
        if progress:
            progress(min(start + BATCH, len(ids)), len(ids))
    return written


def words_rebuild():
    """The "did you mean" words and the prefix terms again from the indexed titles (after a full reindex).
    Returns the number of words."""
    with transaction.atomic():
        Word.objects.all().delete()
        Term.objects.all().delete()
        words, terms = set(), set()
        for title, title_tokens in Document.objects.values_list("title", "title_tokens").iterator(chunk_size=2000):
            words.update(WORD.findall(title.lower()))
            terms.update(_terms(title_tokens))
        Word.objects.bulk_create([Word(word=word) for word in sorted(words)], batch_size=1000)
        Term.objects.bulk_create([Term(term=term) for term in sorted(terms)], batch_size=1000)
        transaction.on_commit(backends.terms_changed)
    return len(words)
