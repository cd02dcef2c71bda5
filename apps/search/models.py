"""The search index: one `Document` per public object and language, written only by services.py.

`title_tokens` and `body_tokens` hold the output of tokens.py joined by spaces. The full-text structures are built
from them by the backend (backends.py): `search_vector` (a weighted tsvector with a GIN index) on PostgreSQL, the
FTS5 tables `search_fts` and `search_title_fts` (external content over this table) on SQLite; the title-only
structures (`Title` on PostgreSQL) find title matches without walking the long lists of common body words. `Word`
lists the English words of the indexed titles, for "did you mean"; `Term` the Latin tokens of the indexed titles
(stems and pinyin), which a word typed in part is widened to.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _


class Document(models.Model):
    type = models.CharField(_("type"), max_length=20)
    object_id = models.PositiveBigIntegerField(_("object"))
    language = models.CharField(_("language"), max_length=10)
    title = models.CharField(_("title"), max_length=300)
    title_tokens = models.TextField(_("title tokens"), blank=True)
    body_tokens = models.TextField(_("body tokens"), blank=True)
    text = models.TextField(_("text shown in snippets"), blank=True)
    url = models.CharField(_("web address"), max_length=500)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    public_from = models.DateTimeField(_("public from"), null=True, blank=True)
    public_until = models.DateTimeField(_("public until"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    category = models.CharField(_("category"), max_length=80, blank=True)  # facet values and their labels
    category_label = models.CharField(_("category name"), max_length=200, blank=True)
    edition = models.CharField(_("expo edition"), max_length=80, blank=True)
    edition_label = models.CharField(_("expo edition name"), max_length=200, blank=True)
    hall = models.CharField(_("hall"), max_length=20, blank=True)
    hall_label = models.CharField(_("hall name"), max_length=200, blank=True)
    search_vector = SearchVectorField(null=True, editable=False)  # PostgreSQL only (NULL on SQLite)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")
        constraints = [models.UniqueConstraint(fields=("type", "object_id", "language"), name="search_document_key")]
        # No index on language or type: every read is driven by the full-text match, and a btree over a column of
        # two values made PostgreSQL AND a 157,000-row bitmap into each title match (9 ms of 10 at full scale).

    def __str__(self):
        return f"{self.type}:{self.object_id}:{self.language}"


class Title(models.Model):
    """PostgreSQL only (empty on SQLite, where search_title_fts does this): a narrow row per document with the
    columns the search filters by and its title's lexemes without positions, GIN-indexed. A query matching thousands
    of titles reads them here: at full scale 轮胎's 4,162 title matches took 4.4 ms from the documents' wide rows
    (about five to a page), 2.2-2.5 ms from these with the kept rows' labels read back from the documents.
    Written and removed with its document (services.py)."""

    id = models.BigIntegerField(primary_key=True)  # the document's
    type = models.CharField(_("type"), max_length=20)
    language = models.CharField(_("language"), max_length=10)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    public_from = models.DateTimeField(_("public from"), null=True, blank=True)
    public_until = models.DateTimeField(_("public until"), null=True, blank=True)
    category = models.CharField(_("category"), max_length=80, blank=True)
    edition = models.CharField(_("expo edition"), max_length=80, blank=True)
    hall = models.CharField(_("hall"), max_length=20, blank=True)
    vector = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = _("indexed title")
        verbose_name_plural = _("indexed titles")

    def __str__(self):
        return str(self.id)


class Word(models.Model):
    word = models.CharField(_("word"), max_length=40, unique=True)

    class Meta:
        verbose_name = _("indexed word")
        verbose_name_plural = _("indexed words")

    def __str__(self):
        return self.word


class Term(models.Model):
    """A Latin token of the indexed titles (a stem, a name's pinyin in full or as initials). A query word matched
    as a prefix ("lunt", "longy") becomes the terms it begins, matched exactly: a prefix searched in the full-text
    index itself walks the long lists of every body word it begins (tire*: tire, tires, tired ...)."""

    term = models.CharField(_("term"), max_length=60, unique=True)

    class Meta:
        verbose_name = _("title term")
        verbose_name_plural = _("title terms")

    def __str__(self):
        return self.term
