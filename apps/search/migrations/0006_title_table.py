"""PostgreSQL: the title matches move from a GIN index over the documents' wide rows to the narrow table
search_title (models.Title), filled here from the documents' title vectors (without their positions)."""

import django.contrib.postgres.search
from django.db import migrations, models

COLUMNS = "id, type, language, published_at, public_from, public_until, category, edition, hall"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"INSERT INTO search_title ({COLUMNS}, vector) SELECT {COLUMNS}, strip(title_vector) "  # noqa: S608
                              "FROM search_document")
        schema_editor.execute("CREATE INDEX search_title_vector ON search_title USING gin (vector)")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("UPDATE search_document d SET title_vector = setweight(t.vector, 'A') "
                              "FROM search_title t WHERE t.id = d.id")
        schema_editor.execute("CREATE INDEX search_document_title_vector ON search_document USING gin (title_vector)")


class Migration(migrations.Migration):
    dependencies = [("search", "0005_drop_language_type_index")]

    operations = [
        migrations.CreateModel(
            name="Title",
            fields=[
                ("id", models.BigIntegerField(primary_key=True, serialize=False)),
                ("type", models.CharField(max_length=20, verbose_name="type")),
                ("language", models.CharField(max_length=10, verbose_name="language")),
                ("published_at", models.DateTimeField(blank=True, null=True, verbose_name="published")),
                ("public_from", models.DateTimeField(blank=True, null=True, verbose_name="public from")),
                ("public_until", models.DateTimeField(blank=True, null=True, verbose_name="public until")),
                ("category", models.CharField(blank=True, max_length=80, verbose_name="category")),
                ("edition", models.CharField(blank=True, max_length=80, verbose_name="expo edition")),
                ("hall", models.CharField(blank=True, max_length=20, verbose_name="hall")),
                ("vector", django.contrib.postgres.search.SearchVectorField(editable=False, null=True)),
            ],
            options={"verbose_name": "indexed title", "verbose_name_plural": "indexed titles"},
        ),
        migrations.RunPython(forwards, backwards),
        migrations.RemoveField(model_name="document", name="title_vector"),
    ]
