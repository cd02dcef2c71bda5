"""What the Trading Center tells subscribers: a published notice, to the subscribers of its center and type.
Risk warnings go out at once to everyone; other types may wait for a subscriber's daily digest."""

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from apps.core.links import absolute
from apps.notifications.audience import Audience
from apps.notifications.registry import Kind, TopicGroup, kind_register, topic_group_register
from apps.notifications.services import event_record

NOTICE_PUBLISHED = "trading.notice_published"
RISK_WARNING = "trading.risk_warning"


def notice_topic(center_slug, kind):
    return f"trading.{center_slug}.{kind}"


def _topics():
    from .models import NoticeKind
    from .selectors import center_list

    return [(notice_topic(center.slug, kind), f"{center} · {label}")
            for center in center_list() for kind, label in NoticeKind.choices]


def _notice_context(event, notice):
    language = get_language()
    notice.set_current_language(language)
    shown = notice.safe_translation_getter("title", language_code=language) or ""
    if not shown:  # this language is missing: the prevailing one
        notice.set_current_language(notice.prevailing_language)
    return {"notice": notice, "notice_url": absolute(notice.get_absolute_url(language)),
            "center": notice.center.safe_translation_getter("name", language_code=language, any_language=True),
            "kind_label": notice.get_kind_display(),
            "corrects": notice.supersedes.serial if notice.supersedes_id else ""}


def register():
    template = "trading/email/notice_published"
    kind_register(Kind(key=NOTICE_PUBLISHED, label=_("Trading Center notice"), template=template,
                       context=_notice_context))
    kind_register(Kind(key=RISK_WARNING, label=_("Risk warning"), template=template, context=_notice_context,
                       digestible=False))
    topic_group_register(TopicGroup(key="trading", label=_("Trading Center notices"), topics=_topics))


def notice_published_record(notice):
    """Record the event (once per notice) for the subscribers of the notice's center and type."""
    from .models import NoticeKind

    kind = RISK_WARNING if notice.kind == NoticeKind.RISK else NOTICE_PUBLISHED
    topic = notice_topic(notice.center.slug, notice.kind)
    return event_record(kind=kind, subject=notice, audience=Audience(topics=[topic]))
