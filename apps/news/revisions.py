"""Article revisions: a JSON snapshot of both translations and the shared fields, compared field by field.

Why not django-reversion: with django-parler its admin history shows the latest translation instead of the old
one (django-parler issue #21, open), and django-reversion-compare (GPL) compares only untranslated fields. A
snapshot of our own is a few lines and compares and reverts per field and language.
"""

from django.conf import settings
from django.utils.dateparse import parse_datetime

from apps.core.diff import inline_diff

from .models import Article, Category, Tag

SHARED_FIELDS = ("publish_at", "unpublish_at", "category", "cover", "cover_list", "cover_detail", "cover_social")
DATETIME_FIELDS = ("publish_at", "unpublish_at")
TRANSLATED_FIELDS = ("title", "slug", "lead", "body", "source_name", "source_url", "seo_title", "seo_description")
SHOWN_SHARED = ("publish_at", "unpublish_at", "category", "cover", "tags", "companies")


def snapshot(article):
    """The article as it is in the database, including its relations and every translation."""
    shared = {}
    for name in SHARED_FIELDS:
        value = getattr(article, "category_id" if name == "category" else name)
        if name in DATETIME_FIELDS:
            value = value.isoformat() if value else None
        elif name.startswith("cover"):
            value = value.name or ""
        shared[name] = value
    translations = {
        row["language_code"]: {name: str(row[name] or "") for name in TRANSLATED_FIELDS}
        for row in article.translations.values("language_code", *TRANSLATED_FIELDS)
    }
    return {
        "state": article.state,
        "shared": shared,
        "tags": sorted(article.tags.values_list("pk", flat=True)),
        "companies": sorted(article.companies.values_list("pk", flat=True)),
        "translations": translations,
    }


def snapshot_apply(article, data):
    """Write a snapshot's content back into the article (the workflow state is left as it is)."""
    from apps.companies.models import Company

    for name in SHARED_FIELDS:
        value = data["shared"].get(name)
        if name in DATETIME_FIELDS:
            setattr(article, name, parse_datetime(value) if value else None)
        elif name == "category":
            article.category_id = value if value and Category.objects.filter(pk=value).exists() else None
        else:
            setattr(article, name, value or "")
    for language in article.get_available_languages():
        if language not in data["translations"]:
            article.delete_translation(language)
    for language, values in data["translations"].items():
        article.set_current_language(language)
        for name, value in values.items():
            setattr(article, name, value)
    article.save()
    article.set_current_language(settings.LANGUAGE_CODE)
    article.tags.set(Tag.objects.filter(pk__in=data["tags"]))
    article.companies.set(Company.objects.filter(pk__in=data["companies"]))


def _shared_display(data):
    """Shared values as people read them (names rather than ids)."""
    from apps.companies.models import Company

    shared = data["shared"]
    category = Category.objects.filter(pk=shared.get("category")).first() if shared.get("category") else None
    return {
        "publish_at": shared.get("publish_at") or "",
        "unpublish_at": shared.get("unpublish_at") or "",
        "category": str(category) if category else "",
        "cover": shared.get("cover") or "",
        "tags": ", ".join(str(tag) for tag in Tag.objects.filter(pk__in=data["tags"])),
        "companies": ", ".join(str(company) for company in Company.objects.filter(pk__in=data["companies"])),
    }


def _label(name):
    if name in ("tags", "companies"):
        return Article._meta.get_field(name).verbose_name
    if name in TRANSLATED_FIELDS:
        return Article._parler_meta.root_model._meta.get_field(name).verbose_name
    return Article._meta.get_field(name).verbose_name


def snapshot_diff(old, new):
    """Rows {"field", "language", "old", "new", "diff"} for every value that differs between two snapshots."""
    rows = []
    old_shared, new_shared = _shared_display(old), _shared_display(new)
    for name in SHOWN_SHARED:
        if old_shared[name] != new_shared[name]:
            rows.append({"field": _label(name), "language": "", "old": old_shared[name], "new": new_shared[name],
                         "diff": inline_diff(old_shared[name], new_shared[name])})
    for language, _name in settings.LANGUAGES:
        before = old["translations"].get(language, {})
        after = new["translations"].get(language, {})
        for name in TRANSLATED_FIELDS:
            if before.get(name, "") != after.get(name, ""):
                rows.append({"field": _label(name), "language": language, "old": before.get(name, ""),
                             "new": after.get(name, ""), "diff": inline_diff(before.get(name, ""),
                                                                             after.get(name, ""))})
    return rows
