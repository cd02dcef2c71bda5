"""What joining the platform tells people, in their language.

- To an address that signs up: the confirmation link; or, when the address already has an account, a note saying
  so with the sign-in and password-reset links (the page answers the same either way). Both go to the bare address
  (the new account is not active yet), in the language of the sign-up page.
- To users, by email and in the inbox: a company verified or not verified, a join request approved or declined.
- To editors, in the inbox and by email (as their settings allow), each in their language: a new company waits
  for verification, a visitor asks to join a company. Once per application or request.
"""

import uuid

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from apps.core.links import absolute
from apps.notifications.audience import Audience
from apps.notifications.registry import Kind, kind_register
from apps.notifications.services import event_record

from . import tokens

SIGNUP_CONFIRM = "onboarding.signup_confirm"
SIGNUP_EXISTING = "onboarding.signup_existing"
COMPANY_VERIFIED = "onboarding.company_verified"
COMPANY_REJECTED = "onboarding.company_rejected"
JOIN_APPROVED = "onboarding.join_approved"
JOIN_DECLINED = "onboarding.join_declined"
APPLICATION_SUBMITTED = "onboarding.application_submitted"
JOIN_REQUESTED = "onboarding.join_requested"


def _links():
    """Links of the joining pages in the active language (the message's)."""
    language = get_language()
    return {"status_url": absolute(reverse("onboarding:status")), "login_url": absolute(reverse("accounts:login")),
            "password_reset_url": absolute(reverse("accounts:password_reset")),
            "portal_url": absolute(reverse("expo_portal:dashboard")), "docking_url": absolute(f"/{language}/docking/"),
            "operator_email": settings.OPERATOR_EMAIL}


def _signup_context(event, signup):
    token = event.context["token"]
    return {**_links(), "confirm_url": absolute(reverse("onboarding:confirm", kwargs={"token": token})),
            "valid_days": tokens.SIGNUP_MAX_AGE.days}


def _existing_context(event, user):
    return _links()


def _company_name(company):
    return company.safe_translation_getter("name", language_code=get_language(), any_language=True) or company.slug


def _application_context(event, application):
    return {**_links(), "company_name": _company_name(application.company)}


def _join_context(event, join_request):
    return {**_links(), "company_name": _company_name(join_request.company)}


def _person(user):
    return (user.get_full_name() or user.email or user.username) if user is not None else ""


def _application_review_context(event, application):
    return {**_application_context(event, application), "person": _person(application.applicant),
            "person_email": application.applicant.email if application.applicant else "",
            "review_url": absolute(reverse("admin:onboarding_companyapplication_change", args=[application.pk]))}


def _join_review_context(event, join_request):
    return {**_join_context(event, join_request), "person": _person(join_request.user),
            "person_email": join_request.user.email, "message": join_request.message,
            "review_url": absolute(reverse("admin:onboarding_joinrequest_change", args=[join_request.pk]))}


KINDS = [
    (SIGNUP_CONFIRM, _("Confirm your sign-up"), "signup_confirm", _signup_context),
    (SIGNUP_EXISTING, _("Sign-up for an address with an account"), "signup_existing", _existing_context),
    (COMPANY_VERIFIED, _("Company verified"), "company_verified", _application_context),
    (COMPANY_REJECTED, _("Company not verified"), "company_rejected", _application_context),
    (JOIN_APPROVED, _("Join request approved"), "join_approved", _join_context),
    (JOIN_DECLINED, _("Join request declined"), "join_declined", _join_context),
    (APPLICATION_SUBMITTED, _("New company to verify"), "application_submitted", _application_review_context),
    (JOIN_REQUESTED, _("New request to join a company"), "join_requested", _join_review_context),
]


def register():
    for key, label, template, context in KINDS:
        kind_register(Kind(key=key, label=label, template=f"onboarding/email/{template}", context=context,
                           digestible=False, per_recipient=key in (SIGNUP_CONFIRM, SIGNUP_EXISTING)))


def signup_confirm_record(signup, *, email, language):
    """A fresh confirmation link for each sign-up (the rate limits of the page bound how many)."""
    return event_record(kind=SIGNUP_CONFIRM, subject=signup, key=f"{SIGNUP_CONFIRM}:{signup.pk}:{uuid.uuid4().hex}",
                        context={"token": tokens.signup_token(signup)},
                        audience=Audience(addresses=[(email, language)], inbox=False))


def signup_existing_record(user, *, email, language):
    """The address has an account: say so, to that address only, in the language of the sign-up page."""
    return event_record(kind=SIGNUP_EXISTING, subject=user, key=f"{SIGNUP_EXISTING}:{user.pk}:{uuid.uuid4().hex}",
                        audience=Audience(addresses=[(email, language)], inbox=False))


def company_verified_record(application, *, members):
    return event_record(kind=COMPANY_VERIFIED, subject=application, audience=Audience(users=members))


def company_rejected_record(application, *, members):
    return event_record(kind=COMPANY_REJECTED, subject=application, context={"reason": application.reason},
                        audience=Audience(users=members))


def join_approved_record(join_request):
    return event_record(kind=JOIN_APPROVED, subject=join_request, audience=Audience(users=[join_request.user]))


def join_declined_record(join_request):
    return event_record(kind=JOIN_DECLINED, subject=join_request, context={"reason": join_request.reason},
                        audience=Audience(users=[join_request.user]))


def _editors():
    from apps.accounts.roles import EDITORS

    return list(get_user_model().objects.filter(groups__name=EDITORS, is_active=True))


def application_submitted_record(application):
    """Editors learn of a company waiting for verification (once per application)."""
    return event_record(kind=APPLICATION_SUBMITTED, subject=application, audience=Audience(users=_editors()))


def join_requested_record(join_request):
    """Editors learn of a request to join a company (once per request)."""
    return event_record(kind=JOIN_REQUESTED, subject=join_request, audience=Audience(users=_editors()))
