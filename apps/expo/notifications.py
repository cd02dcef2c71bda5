"""What the expo tells exhibitors: their profile change approved or rejected, invitations, profile reminders;
and what it tells editors: a profile change waits for review (inbox only)."""

import uuid

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from apps.core.languages import CHINESE, ENGLISH
from apps.core.links import absolute
from apps.notifications.audience import Audience
from apps.notifications.registry import Kind, kind_register
from apps.notifications.services import event_record

CHANGE_SUBMITTED = "expo.profile_change_submitted"
CHANGE_APPROVED = "expo.profile_change_approved"
CHANGE_REJECTED = "expo.profile_change_rejected"
INVITATION = "expo.invitation"
REMINDER = "expo.profile_reminder"


def _company_name(company):
    return company.safe_translation_getter("name", language_code=get_language(), any_language=True) or company.slug


def _change_context(event, change):
    company = change.company
    context = {"company_name": _company_name(company), "reason": change.reason,
               "portal_url": absolute(reverse("expo_portal:dashboard")),
               "review_url": absolute(reverse("admin:expo_profilechange_change", args=[change.pk]))}
    try:
        context["company_url"] = absolute(company.get_absolute_url(get_language()))
    except Exception:
        context["company_url"] = ""
    return context


def _invitation_context(event, invitation):
    return {"company_name": _company_name(invitation.company),
            "accept_url": absolute(reverse("expo_portal:invitation_accept", args=[event.context["token"]])),
            "valid_days": event.context.get("valid_days", 14)}


def _reminder_context(event, company):
    from .portal.completeness import LABELS

    names = {ENGLISH: _("In English"), CHINESE: _("In Chinese")}
    missing = [(names.get(language, language), [LABELS[code] for code in codes if code in LABELS])
               for language, codes in event.context.get("missing", {}).items() if codes]
    return {"company_name": _company_name(company), "missing": missing,
            "edition_name": event.context.get("edition", {}).get(get_language()) or "",
            "starts_on": event.context.get("starts_on", ""),
            "portal_url": absolute(reverse("expo_portal:dashboard"))}


def register():
    kind_register(Kind(key=CHANGE_SUBMITTED, label=_("Exhibitor profile change to review"),
                       template="expo/email/change_submitted", context=_change_context, digestible=False))
    kind_register(Kind(key=CHANGE_APPROVED, label=_("Profile change approved"),
                       template="expo/email/change_approved", context=_change_context, digestible=False))
    kind_register(Kind(key=CHANGE_REJECTED, label=_("Profile change rejected"),
                       template="expo/email/change_rejected", context=_change_context, digestible=False))
    kind_register(Kind(key=INVITATION, label=_("Invitation to the exhibitor portal"),
                       template="expo/email/invitation", context=_invitation_context, digestible=False,
                       per_recipient=True))
    kind_register(Kind(key=REMINDER, label=_("Exhibitor profile reminder"), template="expo/email/reminder",
                       context=_reminder_context, digestible=False, per_recipient=True))


def _members(company):
    return list(get_user_model().objects.filter(memberships__company=company, is_active=True))


def change_submitted_record(change):
    """Editors find a new change in their inbox (once per change)."""
    from apps.accounts.roles import EDITORS

    editors = list(get_user_model().objects.filter(groups__name=EDITORS, is_active=True))
    return event_record(kind=CHANGE_SUBMITTED, subject=change, audience=Audience(users=editors, email=False))


def change_reviewed_record(change):
    """The company's members learn the outcome, by inbox and email, each in their language."""
    kind = CHANGE_APPROVED if change.state == "approved" else CHANGE_REJECTED
    return event_record(kind=kind, subject=change, audience=Audience(users=_members(change.company)))


def invitation_record(invitation, *, token, valid_days):
    """The invitation email to a bare address, in the language the editor chose (each call sends one)."""
    return event_record(kind=INVITATION, subject=invitation, key=f"{INVITATION}:{invitation.pk}:{uuid.uuid4().hex}",
                        audience=Audience(addresses=[(invitation.email, invitation.language)]),
                        context={"token": token, "valid_days": valid_days})


def reminder_record(*, company, user, log, missing, edition):
    """A reminder to one member; `missing`: {language: [item codes]}; `edition`: the coming Edition."""
    names = {row.language_code: row.name for row in edition.translations.all()}
    return event_record(kind=REMINDER, subject=company, key=f"{REMINDER}:{log.pk}", audience=Audience(users=[user]),
                        context={"missing": missing, "edition": names, "starts_on": edition.starts_on.isoformat()})
