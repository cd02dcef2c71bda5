"""Writes of contact requests: send one (confirmed at once for a signed-in sender, else after the link in the
confirmation email), confirm it, change its status and notes, export a company's requests. One transaction each;
emails are recorded in it (apps.notifications outbox) and leave after commit."""

from django.db import transaction
from django.utils import timezone

from . import exports, notifications
from .models import Lead, Status


def _deliver(lead):
    """The request reaches the company: its members are told (inbox and email), the sender gets a copy."""
    notifications.lead_received_record(lead)
    notifications.lead_copy_record(lead)


@transaction.atomic
def lead_send(*, company, edition, name, email, message, language, organisation="", phone="", product=None,
              sender=None):
    """Store a request. A signed-in `sender` writes under the account's name and address and the request is
    delivered at once; otherwise it waits, unconfirmed, for the link mailed to `email`."""
    signed_in = sender is not None and sender.is_authenticated
    if signed_in:
        name = sender.get_full_name() or sender.get_username()
        email = sender.email
    if product is not None and product.company_id != company.pk:
        product = None
    lead = Lead.objects.create(
        company=company, edition=edition, product=product, name=name.strip(), organisation=organisation.strip(),
        email=email.strip(), phone=phone.strip(), message=message.strip(), language=language,
        sender=sender if signed_in else None, confirmed_at=timezone.now() if signed_in else None)
    if signed_in:
        _deliver(lead)
    else:
        notifications.lead_confirm_record(lead)
    return lead


@transaction.atomic
def lead_confirm(*, lead_id):
    """Confirm an anonymous sender's request (following the link again changes nothing). Returns (lead, whether
    this call confirmed it)."""
    lead = Lead.objects.select_for_update().get(pk=lead_id)
    if lead.confirmed_at is not None:
        return lead, False
    lead.confirmed_at = timezone.now()
    lead.save(update_fields=["confirmed_at", "updated_at"])
    _deliver(lead)
    return lead, True


@transaction.atomic
def lead_update(*, lead, status, notes):
    """A member of the company sets the request's status and notes."""
    if status not in Status.values:
        raise ValueError(f"Unknown status {status!r}")
    lead.status, lead.notes = status, notes.strip()
    lead.save(update_fields=["status", "notes", "updated_at"])
    return lead


@transaction.atomic
def leads_export(*, queryset, language):
    """The CSV of these requests (apps.leads.exports), marking them exported now. Returns the bytes."""
    leads = list(queryset.select_for_update(of=("self",)))
    content = exports.portal_csv(leads, language=language)
    Lead.objects.filter(pk__in=[lead.pk for lead in leads]).update(exported_at=timezone.now())
    return content
