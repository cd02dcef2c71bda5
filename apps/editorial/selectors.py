"""Reads of the editors' desk: the queue of the signed-in editor, the translation status of an object, the
completeness report and the daily summaries."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator

from .links import edit_url
from .models import LanguageEditor, TranslationStatus
from .registry import (
    QUEUE_CAP,
    QUEUE_LIMIT,
    QueueItem,
    completeness_sources,
    lacks_name,
    language_name,
    queue_slice,
    queue_sources,
    translation_watches,
)

SUMMARY_LIMIT = 50  # items listed in one summary email; the rest are counted
REPORT_PAGE_SIZE = 25


def queue(user, *, limit=QUEUE_LIMIT):
    """[(source, QueueSlice)] of every source the user may act on that has something waiting, by position."""
    sources = sorted(queue_sources.values(), key=lambda source: (source.position, source.key))
    found = []
    for source in sources:
        if not source.allowed(user):
            continue
        part = source.rows(user=user, limit=limit)
        if part.count:
            found.append((source, part))
    return found


def watched_content_types():
    """{content type id: model} of the watched models (content types are cached by Django)."""
    types = ContentType.objects.get_for_models(*[watch.model for watch in translation_watches.values()])
    return {content_type.pk: model for model, content_type in types.items()}


def changeable_content_types(user):
    """Ids of the watched content types whose objects the user may change (cached permissions, no query)."""
    return [pk for pk, model in watched_content_types().items()
            if user.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}")]


def stale(user, *, languages=None):
    """Translation statuses needing an update that the user may fix, oldest first (one query when sliced)."""
    rows = TranslationStatus.objects.filter(stale_since__isnull=False,
                                            content_type_id__in=changeable_content_types(user))
    if languages is not None:
        rows = rows.filter(language__in=languages)
    return rows.order_by("stale_since", "pk")


def stale_slice(user, *, limit=QUEUE_LIMIT):
    def item(row):
        return QueueItem(what=f"{row.label} · {language_name(row.language)}", company="",
                         since=row.stale_since, url=edit_url(row.content_type_id, row.object_id, row.language))

    return queue_slice(stale(user), item=item, limit=limit, cap=QUEUE_CAP)


def statuses_of(obj):
    """{language: TranslationStatus} of one object (one query); empty for an unwatched model."""
    if obj is None or obj.pk is None or type(obj)._meta.concrete_model not in [
            watch.model for watch in translation_watches.values()]:
        return {}
    content_type = ContentType.objects.get_for_model(obj)
    return {row.language: row for row in TranslationStatus.objects.filter(content_type=content_type,
                                                                          object_id=obj.pk)}


def summaries():
    """(editor, items, more) for each active language editor with something to update in their languages."""
    languages = {}
    for user_id, language in LanguageEditor.objects.filter(user__is_active=True).values_list("user_id", "language"):
        languages.setdefault(user_id, []).append(language)
    for user in get_user_model().objects.filter(pk__in=languages).order_by("pk"):
        rows = stale(user, languages=languages[user.pk])
        total = rows.count()
        if not total:
            continue
        items = [{"ct": row.content_type_id, "id": row.object_id, "language": row.language, "label": row.label,
                  "since": row.stale_since.isoformat()} for row in rows[:SUMMARY_LIMIT]]
        yield user, items, max(total - SUMMARY_LIMIT, 0)


def completeness_for(user):
    """The completeness sources the user may see, by position."""
    return [source for source in sorted(completeness_sources.values(), key=lambda s: (s.position, s.key))
            if user.has_perm(source.permission)]


def completeness_page(source, number):
    """One page of a source's incomplete rows, each with `.missing` = [(language code, name, edit url)]."""
    page = Paginator(source.rows(), REPORT_PAGE_SIZE).get_page(number)
    for row in page.object_list:
        row.missing = [(code, name, source.url(row, code)) for code, name in settings.LANGUAGES
                       if getattr(row, lacks_name(code))]
    return page
