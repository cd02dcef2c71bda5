"""SQLite: an index holding the columns the search reads of each candidate document (backends.CANDIDATE_INDEX).
A document's row is long (tokens, text) and spills onto overflow pages; reading its facet columns through the
table walks them, through this index it does not. PostgreSQL keeps long values out of line (TOAST): nothing to do."""

from django.db import migrations

COLUMNS = ("id, language, public_from, public_until, type, published_at, category, category_label, edition, "
           "edition_label, hall, hall_label")


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(f"CREATE INDEX search_document_candidate ON search_document ({COLUMNS})")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP INDEX IF EXISTS search_document_candidate")


class Migration(migrations.Migration):
    dependencies = [("search", "0003_title_terms")]

    operations = [migrations.RunPython(forwards, backwards)]
