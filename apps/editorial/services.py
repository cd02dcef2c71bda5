"""Writes of the editors' desk: the translation status of an object as its languages change, and the daily
summary each language editor receives of what needs updating."""

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from . import notifications, selectors
from .models import TranslationStatus

STATUS_FIELDS = ("label", "changed_at", "stale_since", "changed_language")


def translation_changed(*, model, object_id, language, created, label):
    """A watched field of `language` changed. That language is up to date now. If it was already up to date
    (new content, not a catch-up translation) the object's other existing languages need an update. A new
    translation flags nothing: it is a translation of what the others say. Three queries."""
    content_type = ContentType.objects.get_for_model(model)
    now = timezone.now()
    known = {row.language: row for row in TranslationStatus.objects.filter(content_type=content_type,
                                                                           object_id=object_id)}
    own = known.get(language)
    rows = [TranslationStatus(content_type=content_type, object_id=object_id, language=language, label=label,
                              changed_at=now, stale_since=None, changed_language="")]
    if not created and not (own is not None and own.stale_since is not None):
        others = (model._parler_meta.root_model.objects.filter(master_id=object_id).exclude(language_code=language)
                  .values_list("language_code", flat=True))
        for code in others:
            current = known.get(code)
            rows.append(TranslationStatus(
                content_type=content_type, object_id=object_id, language=code, label=label,
                changed_at=current.changed_at if current else None,
                stale_since=current.stale_since if current and current.stale_since else now,
                changed_language=language))
    TranslationStatus.objects.bulk_create(rows, update_conflicts=True, update_fields=STATUS_FIELDS,
                                          unique_fields=("content_type", "object_id", "language"))


def translation_forget(*, model, object_id, language=None):
    """An object (or one of its translations) was deleted: its statuses go, so no link leads nowhere."""
    rows = TranslationStatus.objects.filter(content_type=ContentType.objects.get_for_model(model),
                                            object_id=object_id)
    if language is not None:
        rows = rows.filter(language=language)
    rows.delete()


def translation_summaries_send(*, today=None):
    """One summary per language editor with something waiting in their languages, once a day (the event's key
    holds the date, so a second run the same day records nothing). Returns how many editors were written to."""
    today = today or timezone.localdate()
    written = 0
    for user, items, more in selectors.summaries():
        if notifications.summary_record(user=user, items=items, more=more, day=today):
            written += 1
    return written
