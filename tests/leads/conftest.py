"""Fixtures of the contact-request tests. The exhibitors come from tests/fixtures/portal.py: company_a (Longyuan
Tyre, member_a writes in Chinese) and company_b (Haiwan Chemical, member_b in English), both exhibiting at the
coming edition with one product each."""

import re

import pytest
from django.core import mail
from django.utils import timezone, translation

from apps.leads import services
from apps.leads.models import Lead
from apps.notifications.models import Channel, Message
from tests.factories import CompanyFactory, ProductFactory
from tests.support import deliver_all

CONFIRM_LINK = re.compile(r"https?://\S+?(/(?:en|zh-hans)/contact/confirm/[^/\s]+/)")


@pytest.fixture(autouse=True)
def _english_outside_requests():
    with translation.override("en"):
        yield


@pytest.fixture
def outsider(db):
    """A company that exhibits nowhere: it cannot be contacted."""
    company = CompanyFactory(slug="no-booth-rubber", translations={"en": {"name": "No Booth Rubber"},
                                                                   "zh-hans": {"name": "无展位橡胶"}})
    ProductFactory(company=company, en="Hidden hose")
    return company


def lead_make(company, *, name="Ada Visitor", email="ada@example.net", message="We need 200 tyres a month.",
              language="en", organisation="", phone="", product=None, confirmed=True, status=None, edition=None):
    """A request to `company` through the services (confirmed by default, as after the link was followed)."""
    edition = edition or company.participations.first().edition
    lead = services.lead_send(company=company, edition=edition, name=name, email=email, message=message,
                              language=language, organisation=organisation, phone=phone, product=product)
    if confirmed:
        lead, _done = services.lead_confirm(lead_id=lead.pk)
    if status:
        lead = services.lead_update(lead=lead, status=status, notes="")
    return Lead.objects.get(pk=lead.pk)


def mails_to(address):
    deliver_all()
    return [message for message in mail.outbox if address in message.to]


def confirm_path(message):
    return CONFIRM_LINK.search(message.body).group(1)


def inbox_of(user):
    return list(Message.objects.filter(user=user, channel=Channel.INBOX).values_list("subject_line", flat=True))


def contact_data(**overrides):
    data = {"name": "Ada Visitor", "organisation": "Visitor Trading Co.", "email": "ada@example.net",
            "phone": "+86 532 1234 5678", "product": "", "message": "Please send your price list for radial tyres.",
            "website": ""}
    data.update(overrides)
    return data


def now():
    return timezone.now()
