"""The notifications app's own kinds and topics."""

from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from . import tokens
from .registry import Kind, TopicGroup, kind_register, topic_group_register


def _confirm_context(event, subscription):
    from apps.core.links import absolute

    token = tokens.confirm_token(subscription, event.context.get("wishes"))
    return {"confirm_url": absolute(reverse("notifications:confirm", args=[token]))}


def _announcement_context(event, subject):
    """An announcement carries its text in each language: {"title": {language: ...}, "text": {...}}."""
    def pick(values):
        return values.get(get_language()) or next(iter(values.values()), "")

    return {"title": pick(event.context.get("title", {})), "text": pick(event.context.get("text", {}))}


SUBSCRIPTION_CONFIRM = kind_register(Kind(
    key="notifications.subscription_confirm", label=_("Confirm your subscription"),
    template="notifications/email/subscription_confirm", context=_confirm_context, digestible=False,
    per_recipient=True,
))
DIGEST = kind_register(Kind(
    key="notifications.digest", label=_("Daily digest"), template="notifications/email/digest", digestible=False,
    per_recipient=True,
))
ANNOUNCEMENT = kind_register(Kind(
    key="notifications.announcement", label=_("Platform announcement"),
    template="notifications/email/announcement", context=_announcement_context,
))
ANNOUNCEMENTS_TOPIC = "platform.announcements"

topic_group_register(TopicGroup(
    key="platform", label=_("Platform"), topics=lambda: [(ANNOUNCEMENTS_TOPIC, _("Platform announcements"))],
))
