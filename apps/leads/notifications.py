"""What contact requests tell whom, each in their own language (apps.notifications does the sending):

- an anonymous sender: the confirmation link (to the address typed in, in the language of the form);
- the exhibitor's members: a new request (inbox and email; the inbox entry leaves the message out, see the app's
  docstring), once per request;
- the sender: a copy of what was sent, once per request (to the address, email only).
"""

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from apps.core.links import absolute
from apps.notifications.audience import Audience
from apps.notifications.registry import Kind, kind_register
from apps.notifications.services import event_record

from . import tokens

CONFIRM = "leads.confirm"
RECEIVED = "leads.received"
COPY = "leads.copy"


def _company_name(lead):
    return lead.company.safe_translation_getter("name", language_code=get_language(), any_language=True) or ""


def _product_name(lead):
    if lead.product is None:
        return ""
    return lead.product.safe_translation_getter("name", language_code=get_language(), any_language=True) or ""


def _lead_context(event, lead):
    return {"lead": lead, "company_name": _company_name(lead), "product_name": _product_name(lead),
            "contact_url": absolute(reverse("leads:contact", kwargs={"slug": lead.company.slug}))}


def _confirm_context(event, lead):
    return {**_lead_context(event, lead),
            "confirm_url": absolute(reverse("leads:confirm", kwargs={"token": tokens.confirm_token(lead)}))}


def _received_context(event, lead):
    return {**_lead_context(event, lead), "lead_url": absolute(reverse(
        "leads_portal:lead", kwargs={"slug": lead.company.slug, "pk": lead.pk}))}


def register():
    kind_register(Kind(key=CONFIRM, label=_("Confirm your contact request"), template="leads/email/confirm",
                       context=_confirm_context, digestible=False, per_recipient=True))
    kind_register(Kind(key=RECEIVED, label=_("New contact request"), template="leads/email/received",
                       context=_received_context, digestible=False))
    kind_register(Kind(key=COPY, label=_("Copy of your contact request"), template="leads/email/copy",
                       context=_lead_context, digestible=False))


def _members(company_id):
    return list(get_user_model().objects.filter(memberships__company_id=company_id, is_active=True).distinct())


def lead_confirm_record(lead):
    return event_record(kind=CONFIRM, subject=lead, audience=Audience(addresses=[(lead.email, lead.language)]))


def lead_received_record(lead):
    return event_record(kind=RECEIVED, subject=lead, audience=Audience(users=_members(lead.company_id)))


def lead_copy_record(lead):
    return event_record(kind=COPY, subject=lead, audience=Audience(addresses=[(lead.email, lead.language)]))
