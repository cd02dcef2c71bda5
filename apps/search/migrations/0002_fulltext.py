"""The full-text structures, per database: on PostgreSQL pg_trgm, GIN indexes over the weighted tsvector and the
title's, and a trigram index over the indexed words; on SQLite two FTS5 tables (everything, titles alone) whose
content is search_document (kept in step by apps.search.backends, not by triggers)."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

POSTGRES_FORWARDS = [
    "CREATE INDEX search_document_vector ON search_document USING gin (search_vector)",
    "CREATE INDEX search_document_title_vector ON search_document USING gin (title_vector)",
    "CREATE INDEX search_word_trigram ON search_word USING gin (word gin_trgm_ops)",
]
POSTGRES_BACKWARDS = ["DROP INDEX IF EXISTS search_word_trigram", "DROP INDEX IF EXISTS search_document_vector",
                      "DROP INDEX IF EXISTS search_document_title_vector"]
SQLITE_FORWARDS = [
    "CREATE VIRTUAL TABLE search_fts USING fts5(title_tokens, body_tokens, content='search_document', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 0')",
    "CREATE VIRTUAL TABLE search_title_fts USING fts5(title_tokens, content='search_document', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 0')",
]
SQLITE_BACKWARDS = ["DROP TABLE IF EXISTS search_title_fts", "DROP TABLE IF EXISTS search_fts"]


def _run(statements):
    def run(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        for sql in statements.get(vendor, []):
            schema_editor.execute(sql)
    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        TrigramExtension(),
        migrations.RunPython(_run({"postgresql": POSTGRES_FORWARDS, "sqlite": SQLITE_FORWARDS}),
                             _run({"postgresql": POSTGRES_BACKWARDS, "sqlite": SQLITE_BACKWARDS})),
    ]
