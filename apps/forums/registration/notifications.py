"""What registration tells the registrant, by email in the language they registered in: their place (or their
position on the waiting list), a place that came free for them, and a cancellation. Each email goes once (its key).
An address that signs up again while registered hears, in the language of that request, that it already holds a
registration, with its manage link: the page answers as for a new address, so it cannot tell who is registered."""

import uuid

from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from apps.core.links import absolute
from apps.notifications.audience import Audience
from apps.notifications.registry import Kind, kind_register
from apps.notifications.services import event_record

CONFIRMED = "forums.registration_confirmed"  # a place or the waiting list, right after signing up
PROMOTED = "forums.registration_promoted"  # moved up from the waiting list
CANCELLED = "forums.registration_cancelled"
EXISTING = "forums.registration_existing"  # signed up again while registered: the manage link once more


def manage_path(registration, language=None):
    with translation.override(language or get_language()):
        return reverse("forums:registration_manage", kwargs={"token": registration.token})


def _context(event, registration):
    language = get_language()
    forum = registration.forum
    return {
        "registration": registration,
        "forum_title": forum.safe_translation_getter("title", language_code=language, any_language=True),
        "forum_venue": forum.safe_translation_getter("venue", language_code=language, any_language=True) or "",
        "forum": forum,
        # Not "manage_url": the notifications app fills that one with its own subscription links.
        "registration_url": absolute(manage_path(registration, language)),
    }


def register():
    for key, label, template in [
        (CONFIRMED, _("Forum registration received"), "forums/registration/email/confirmed"),
        (PROMOTED, _("Forum place freed for you"), "forums/registration/email/promoted"),
        (CANCELLED, _("Forum registration cancelled"), "forums/registration/email/cancelled"),
        (EXISTING, _("Forum registration already held"), "forums/registration/email/existing"),
    ]:
        kind_register(Kind(key=key, label=label, template=template, context=_context, digestible=False,
                           per_recipient=True))


def _record(kind, registration, key, context=None, language=None):
    return event_record(kind=kind, subject=registration, key=key, context=context or {},
                        audience=Audience(addresses=[(registration.email, language or registration.language)]))


def registration_confirmed_record(registration, *, position=None):
    return _record(CONFIRMED, registration, f"{CONFIRMED}:{registration.pk}:{registration.state}",
                   {"state": registration.state, "position": position})


def registration_promoted_record(registration):
    return _record(PROMOTED, registration, f"{PROMOTED}:{registration.pk}")


def registration_cancelled_record(registration):
    return _record(CANCELLED, registration, f"{CANCELLED}:{registration.pk}")


def registration_existing_record(registration, *, language, position=None):
    """Each request is an email of its own (the rate limits of the form bound how many)."""
    return _record(EXISTING, registration, f"{EXISTING}:{registration.pk}:{uuid.uuid4().hex}",
                   {"state": registration.state, "position": position}, language=language)
