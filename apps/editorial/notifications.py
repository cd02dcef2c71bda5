"""The daily translation summary: to each language editor, by email, in their language, the objects whose
translation in a language they look after needs updating (title, type, language, link to the edit page)."""

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from apps.core.links import absolute
from apps.notifications.audience import Audience
from apps.notifications.registry import Kind, kind_register
from apps.notifications.selectors import event_keys_recorded
from apps.notifications.services import event_record

from .links import edit_url
from .registry import language_name

SUMMARY = "editorial.translation_summary"


def _summary_context(event, subject):
    items = []
    for item in event.context.get("items", []):
        model = ContentType.objects.get_for_id(item["ct"]).model_class()
        url = edit_url(item["ct"], item["id"], item["language"])
        items.append({"label": item["label"], "type": model._meta.verbose_name if model else "",
                      "language": language_name(item["language"]),
                      "url": absolute(url) if url else ""})
    return {"items": items, "more": event.context.get("more", 0), "desk_url": absolute(reverse("admin:index"))}


def register():
    kind_register(Kind(key=SUMMARY, label=_("Translations to update (daily)"),
                       template="editorial/email/translation_summary", context=_summary_context,
                       digestible=False, per_recipient=True))


def summary_key(user, day):
    return f"{SUMMARY}:{user.pk}:{day.isoformat()}"


def summary_record(*, user, items, more, day):
    """Record the day's summary for one editor; False when it was recorded before (nothing is sent twice)."""
    key = summary_key(user, day)
    if event_keys_recorded(keys=[key]):
        return False
    event_record(kind=SUMMARY, subject=user, key=key, context={"items": items, "more": more},
                 audience=Audience(users=[user], inbox=False))
    return True
