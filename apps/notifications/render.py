"""Render an outbox row into an email (or an inbox entry) in the recipient's language."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from apps.core.branding import site_name

from . import tokens
from .registry import kind_get


def absolute(path):
    return settings.SITE_URL.rstrip("/") + path


def _links(message):
    """Unsubscribe and manage links for the recipient, in the message's language."""
    if message.subscription_id:
        sub = message.subscription
        return {"unsubscribe_url": absolute(reverse("notifications:unsubscribe", args=[tokens.manage_token(sub)])),
                "manage_url": absolute(reverse("notifications:manage", args=[tokens.manage_token(sub)]))}
    if message.user_id:
        return {"unsubscribe_url": absolute(reverse("notifications:user_email_off",
                                                    args=[tokens.user_email_off_token(message.user)])),
                "manage_url": absolute(reverse("notifications:inbox"))}
    return {}


def message_context(message):
    event = message.event
    kind = kind_get(event.kind)
    context = {"event": event, "message": message, "subject": event.subject, "site_name": site_name(),
               "site_url": settings.SITE_URL.rstrip("/"), **event.context, **_links(message)}
    if kind.context:
        context.update(kind.context(event, event.subject))
    return kind, context


def message_render(message):
    """(subject line, plain text, html or None) of a message, rendered in its language."""
    with translation.override(message.language):
        kind, context = message_context(message)
        subject = " ".join(render_to_string(f"{kind.template}_subject.txt", context).split())
        text = render_to_string(f"{kind.template}.txt", context)
        try:
            html = render_to_string(f"{kind.template}.html", context)
        except TemplateDoesNotExist:
            html = None
    return subject, text, html


def email_build(message):
    subject, text, html = message_render(message)
    headers = {"Message-ID": f"<{message.event_id}.{message.recipient.replace(':', '-')}@{settings.EMAIL_MESSAGE_DOMAIN}>"}
    with translation.override(message.language):
        links = _links(message)
    if links.get("unsubscribe_url"):
        headers["List-Unsubscribe"] = f"<{links['unsubscribe_url']}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    email = EmailMultiAlternatives(subject=subject, body=text, to=[message.email], headers=headers)
    if html:
        email.attach_alternative(html, "text/html")
    return email
