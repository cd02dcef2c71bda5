"""Render an outbox row into an email (or an inbox entry) in the recipient's language."""

import re

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import Context, TemplateDoesNotExist
from django.template.loader import get_template, render_to_string
from django.urls import reverse
from django.utils import translation

from apps.core.branding import site_name
from apps.core.links import absolute

from . import tokens
from .registry import kind_get


def _link(view, token):
    """Absolute URL of a view taking one token, in the active language (the reversing is done once per view)."""
    key = (view, translation.get_language(), settings.SITE_URL)
    if key not in _link_prefixes:
        _link_prefixes[key] = absolute(reverse(view, args=["TOKEN"])).split("TOKEN")
    before, after = _link_prefixes[key]
    return f"{before}{token}{after}"


_link_prefixes = {}


def _links(message):
    """Unsubscribe and manage links for the recipient, in the message's language."""
    if message.subscription_id:
        token = tokens.manage_token(message.subscription)
        return {"unsubscribe_url": _link("notifications:unsubscribe", token),
                "manage_url": _link("notifications:manage", token)}
    if message.user_id:
        return {"unsubscribe_url": _link("notifications:user_email_off", tokens.user_email_off_token(message.user)),
                "manage_url": absolute(reverse("notifications:inbox"))}
    return {}


# A name ending in its own period ("Co., Ltd.") at the end of a sentence of a template: one period, not two.
# An ellipsis ("...") is left alone.
_DOUBLE_PERIOD = re.compile(r"(?<![.])\.\.(?![.])")


def sentence_ends(text):
    return _DOUBLE_PERIOD.sub(".", text)


def text_render(name, context):
    """A plain-text template (subject line, text body) rendered without HTML escaping: a company called
    "O'Brien & Sons" stays as it is instead of becoming "O&#x27;Brien &amp; Sons" in a text email."""
    return sentence_ends(get_template(name).template.render(Context(context, autoescape=False)))


def html_render(name, context):
    return sentence_ends(render_to_string(name, context))


def subject_render(name, context):
    return " ".join(text_render(name, context).split())


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
        subject = subject_render(f"{kind.template}_subject.txt", context)
        text = text_render(f"{kind.template}.txt", context)
        try:
            html = html_render(f"{kind.template}.html", context)
        except TemplateDoesNotExist:
            html = None
    return subject, text, html


def _message_id(message):
    return f"<{message.event_id}.{message.recipient.replace(':', '-')}@{settings.EMAIL_MESSAGE_DOMAIN}>"


def _email(message, subject, text, html, links, to, message_id):
    headers = {"Message-ID": message_id}
    if links.get("unsubscribe_url"):
        headers["List-Unsubscribe"] = f"<{links['unsubscribe_url']}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    email = EmailMultiAlternatives(subject=subject, body=text, to=[to], headers=headers)
    if html:
        email.attach_alternative(html, "text/html")
    return email


def email_build(message):
    """The whole email of one outbox row."""
    subject, text, html = message_render(message)
    with translation.override(message.language):
        links = _links(message)
    return _email(message, subject, text, html, links, message.email, _message_id(message))


# Stand-ins rendered into a shared copy of an email, replaced per recipient in its bytes.
_STAND_INS = {"to": "recipient@stand-in.invalid", "message_id": "<message-id@stand-in.invalid>",
              "unsubscribe_url": "https://stand-in.invalid/unsubscribe", "manage_url": "https://stand-in.invalid/manage"}


class Renderer:
    """Renders the emails of one batch. An email that differs between recipients only by address and links is
    rendered once per event and language, and copied per recipient with those replaced in its bytes."""

    def __init__(self):
        self._shared = {}

    def raw(self, message):
        """(sender, [recipient], message bytes) of one outbox row."""
        kind = kind_get(message.event.kind)
        if not kind.per_recipient:
            shared = self._shared_bytes(message)
            if shared is not None:
                with translation.override(message.language):
                    links = _links(message)
                values = {"to": message.email, "message_id": _message_id(message), **links}
                data = shared
                for name, stand_in in _STAND_INS.items():
                    data = data.replace(stand_in.encode(), values.get(name, "").encode())
                return settings.DEFAULT_FROM_EMAIL, [message.email], data
        email = email_build(message)
        return email.from_email, email.recipients(), email.message().as_bytes(linesep="\r\n")

    def _shared_bytes(self, message):
        key = (message.event_id, message.language, bool(message.subscription_id))
        if key not in self._shared:
            self._shared[key] = None
            with translation.override(message.language):
                kind, context = message_context(message)
                context.update({k: _STAND_INS[k] for k in ("unsubscribe_url", "manage_url")})
                subject = subject_render(f"{kind.template}_subject.txt", context)
                text = text_render(f"{kind.template}.txt", context)
                try:
                    html = html_render(f"{kind.template}.html", context)
                except TemplateDoesNotExist:
                    html = None
            links = {k: _STAND_INS[k] for k in ("unsubscribe_url", "manage_url")}
            email = _email(message, subject, text, html, links, _STAND_INS["to"], _STAND_INS["message_id"])
            data = email.message().as_bytes(linesep="\r\n")
            # A body encoded as quoted-printable or base64 (very long lines) hides the stand-ins: no sharing then.
            if all(data.count(v.encode()) for v in _STAND_INS.values()):
                self._shared[key] = data
        return self._shared[key]
