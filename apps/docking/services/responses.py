"""Response writes: a verified supplier answers, the poster decides, both sides write in the response's thread
and agree (or not) to publish the outcome of an award."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import notifications
from ..conf import THREAD_LIMIT
from ..models import DECIDING_STATUSES, Requirement, Response, ResponseStatus, Status, ThreadMessage
from ..rules import member_companies
from ._common import changed, require, require_verified_member
from .attachments import attachment_add

DECISIONS = (ResponseStatus.SHORTLISTED, ResponseStatus.DECLINED, ResponseStatus.AWARDED)


def _locked(response):
    return Response.objects.select_for_update().select_related("requirement").get(pk=response.pk)


@transaction.atomic
def response_create(*, requirement, company, user, message, capabilities="", price=None, currency="CNY",
                    uploads=()):
    """`company` (one of the user's verified companies, not the poster) answers an open requirement."""
    require_verified_member(user, company)
    requirement = Requirement.objects.select_for_update().get(pk=requirement.pk)
    require(user, "docking.respond", requirement, _("This requirement does not take responses now."))
    if company.pk == requirement.company_id:
        raise ValidationError(_("A company cannot respond to its own requirement."))
    if not (message or "").strip():
        raise ValidationError({"message": _("Write a message to the poster.")})
    try:
        with transaction.atomic():
            response = Response.objects.create(requirement=requirement, company=company, created_by=user,
                                               message=message.strip(), capabilities=(capabilities or "").strip(),
                                               price=price, currency=currency)
    except IntegrityError:
        raise ValidationError(_("Your company has already responded to this requirement.")) from None
    for upload in uploads:
        attachment_add(user=user, upload=upload, response=response)
    notifications.response_received_record(response)
    return response


@transaction.atomic
def response_decide(*, response, user, decision):
    """The poster shortlists, declines or awards a response; awarding ends the requirement as awarded."""
    if decision not in DECISIONS:
        raise ValueError(f"Unknown decision {decision!r}")
    response = _locked(response)
    require(user, "docking.decide_response", response, _("Only the posting company decides on an undecided "
                                                         "response of an open or closed requirement."))
    if decision == ResponseStatus.AWARDED:
        requirement = Requirement.objects.select_for_update().get(pk=response.requirement_id)
        if requirement.status not in DECIDING_STATUSES:
            raise ValidationError(_("This requirement has already been awarded or cancelled."))
        requirement.status, requirement.ended_at = Status.AWARDED, timezone.now()
        requirement.save(update_fields=["status", "ended_at", "updated_at"])
        response.requirement = requirement
        changed()
    response.status, response.decided_at = decision, timezone.now()
    response.save(update_fields=["status", "decided_at"])
    notifications.response_decided_record(response)
    return response


@transaction.atomic
def response_withdraw(*, response, user):
    """The supplier takes back an undecided response."""
    response = _locked(response)
    require(user, "docking.withdraw_response", response, _("Only the responding company can withdraw its "
                                                           "response, before the poster decides."))
    response.status, response.decided_at = ResponseStatus.WITHDRAWN, timezone.now()
    response.save(update_fields=["status", "decided_at"])
    return response


def _side(user, response):
    """The company the user writes for in this response's thread: the poster's, else the supplier's."""
    companies = member_companies(user)
    if response.requirement.company_id in companies:
        return response.requirement.company_id
    if response.company_id in companies:
        return response.company_id
    raise PermissionDenied(_("Only the two companies of a response write in its thread."))


@transaction.atomic
def thread_post(*, response, user, body):
    """A message from one side of the response to the other, who is told."""
    response = _locked(response)
    require(user, "docking.write_in_thread", response, _("This thread is closed."))
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": _("Write a message.")})
    if response.thread.count() >= THREAD_LIMIT:
        raise ValidationError(_("This thread has reached %(count)s messages; please continue by email or phone.")
                              % {"count": THREAD_LIMIT})
    message = ThreadMessage.objects.create(response=response, company_id=_side(user, response), author=user,
                                           body=body)
    notifications.thread_message_record(message)
    return message


@transaction.atomic
def outcome_agree(*, response, user, agree=True):
    """One side agrees (or no longer agrees) to publish "matched with …"; public once both sides agree."""
    response = _locked(response)
    require(user, "docking.publish_outcome", response, _("Only the two companies of an award decide whether "
                                                         "it is published."))
    field = "poster_publishes" if _side(user, response) == response.requirement.company_id else "supplier_publishes"
    setattr(response, field, agree)
    response.save(update_fields=[field])
    changed()
    return response
