"""Writes of joining the platform: sign up and confirm, create a company, ask to join one, and the editors'
decisions (each told to the people concerned through the notifications outbox)."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.accounts import roles
from apps.accounts.services import user_create, user_role_assign
from apps.companies.services import company_member_add, company_register, company_verify

from . import notifications
from .models import ApplicationState, CompanyApplication, JoinRequest, JoinState, Signup


class JoinError(Exception):
    """The step cannot be taken (its message is for the user, in their language)."""


def _account(address):
    return (get_user_model().objects.filter(Q(email__iexact=address) | Q(username__iexact=address))
            .order_by("pk").first())


# --- Signing up ----------------------------------------------------------------------------------------------

@transaction.atomic
def signup_request(*, email, name, password, language):
    """Create an inactive account and mail its confirmation link; returns the Signup. An address that already has
    an account is only told so by email (returns None): the caller answers the same in both cases. Signing up
    again before confirming replaces the name, password and language (and retires the earlier links)."""
    email = email.strip()
    address = email.lower()
    user = _account(address)
    signup = None
    if user is not None and not user.is_active:
        signup = Signup.objects.select_for_update().filter(user=user, confirmed_at__isnull=True).first()
    if user is not None and signup is None:
        notifications.signup_existing_record(user, email=user.email or email, language=language)
        return None
    if signup is None:
        try:
            with transaction.atomic():
                user = user_create(username=address, email=email, password=password, preferred_language=language,
                                   first_name=name, is_active=False)
        except IntegrityError:  # the same address signed up a moment ago
            notifications.signup_existing_record(_account(address), email=email, language=language)
            return None
        email = user.email  # as stored (the domain in lower case)
        signup = Signup.objects.create(user=user)
    else:
        user.first_name, user.preferred_language = name, language
        user.set_password(password)
        user.save(update_fields=["first_name", "preferred_language", "password"])
    notifications.signup_confirm_record(signup, email=email, language=language)
    return signup


@transaction.atomic
def signup_confirm(*, signup):
    """Activate the account of a sign-up; returns its user. JoinError if it was confirmed already."""
    signup = Signup.objects.select_for_update().select_related("user").get(pk=signup.pk)
    if signup.confirmed_at is not None:
        raise JoinError(_("This address is confirmed already. Log in with it."))
    signup.confirmed_at = timezone.now()
    signup.save(update_fields=["confirmed_at"])
    user = signup.user
    user.is_active = True
    user.save(update_fields=["is_active"])
    return user


# --- A company of one's own, or one that exists ---------------------------------------------------------------

def _exhibitor(user):
    if not user.groups.filter(name=roles.EXHIBITORS).exists():
        user_role_assign(user=user, role=roles.EXHIBITORS)


@transaction.atomic
def application_submit(*, user, names, segment, region="", website=""):
    """Create a company with `user` as its administrator, unverified, and queue it for the editors.
    `names` maps a language code to the company's name in it (empty for a language left out)."""
    translations = {language: {"name": name.strip()} for language, name in names.items() if name and name.strip()}
    if not translations:
        raise JoinError(_("Give the company's name in at least one language."))
    company = company_register(translations=translations, segment=segment, owner=user, region=region,
                               website=website)
    _exhibitor(user)
    application = CompanyApplication.objects.create(company=company, applicant=user)
    notifications.application_submitted_record(application)
    return application


@transaction.atomic
def join_request_submit(*, user, company, message=""):
    if company.memberships.filter(user=user).exists():
        raise JoinError(_("You are a member of this company already."))
    pending = _("You have asked to join this company already. An editor will decide soon.")
    if JoinRequest.objects.filter(user=user, company=company, state=JoinState.PENDING).exists():
        raise JoinError(pending)
    try:
        with transaction.atomic():
            join_request = JoinRequest.objects.create(user=user, company=company, message=message.strip())
    except IntegrityError:  # a second click of the same button
        raise JoinError(pending) from None
    notifications.join_requested_record(join_request)
    return join_request


# --- The editors' decisions -----------------------------------------------------------------------------------

def _decider(by, permission):
    if not by.has_perm(permission):
        raise PermissionDenied


def _members(company):
    return list(company.memberships.values_list("user_id", flat=True))


def _decided(record, *, state, by, reason=""):
    record.state, record.decided_by, record.decided_at, record.reason = state, by, timezone.now(), reason
    record.save(update_fields=["state", "decided_by", "decided_at", "reason"])
    return record


@transaction.atomic
def application_verify(*, application, by):
    """Verify the company (also after an earlier "not verified") and tell its members."""
    _decider(by, "onboarding.verify_company")
    application = CompanyApplication.objects.select_for_update().select_related("company").get(pk=application.pk)
    if application.state == ApplicationState.VERIFIED:
        raise JoinError(_("This company is verified already."))
    company_verify(company=application.company, by=by)
    _decided(application, state=ApplicationState.VERIFIED, by=by)
    notifications.company_verified_record(application, members=_members(application.company))
    return application


@transaction.atomic
def application_reject(*, application, by, reason):
    _decider(by, "onboarding.verify_company")
    application = CompanyApplication.objects.select_for_update().select_related("company").get(pk=application.pk)
    if application.state != ApplicationState.PENDING:
        raise JoinError(_("This company has been decided on already."))
    _decided(application, state=ApplicationState.REJECTED, by=by, reason=reason.strip())
    notifications.company_rejected_record(application, members=_members(application.company))
    return application


def _pending_join_request(join_request):
    join_request = JoinRequest.objects.select_for_update().select_related("company", "user").get(pk=join_request.pk)
    if join_request.state != JoinState.PENDING:
        raise JoinError(_("This request has been decided on already."))
    return join_request


@transaction.atomic
def join_request_approve(*, join_request, by):
    """Make the user a member of the company and tell them."""
    _decider(by, "onboarding.decide_join_request")
    join_request = _pending_join_request(join_request)
    company_member_add(company=join_request.company, user=join_request.user)
    _exhibitor(join_request.user)
    _decided(join_request, state=JoinState.APPROVED, by=by)
    notifications.join_approved_record(join_request)
    return join_request


@transaction.atomic
def join_request_decline(*, join_request, by, reason):
    _decider(by, "onboarding.decide_join_request")
    join_request = _pending_join_request(join_request)
    _decided(join_request, state=JoinState.DECLINED, by=by, reason=reason.strip())
    notifications.join_declined_record(join_request)
    return join_request
