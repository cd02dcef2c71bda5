"""Demo data of contact requests (a demo builder, see apps.core.registries.demo_builder_register): a few visitors'
messages, in both languages, to three demo exhibitors, in every status and spread over the last days.

The content is in fixtures/demo/leads/leads.json. Requests go through the services as a visitor's would (sent,
confirmed, then handled by the exhibitor), so the exhibitors' members find them in their inbox too. A request is
found again by its company and address, so loading twice creates nothing new."""

import datetime
import json

from django.utils import timezone

from apps.companies.models import Company
from apps.core.demo.fixtures import DEMO_DIR

from . import selectors, services
from .models import Lead

DEMO_FILE = DEMO_DIR / "leads" / "leads.json"


def _specs():
    with open(DEMO_FILE, encoding="utf-8") as handle:
        return json.load(handle)["leads"]


def _product(company, position):
    if position is None:
        return None
    products = selectors.company_products(company=company)
    return products[position] if position < len(products) else None


def build(*, author):
    edition = selectors.contact_edition()
    if edition is None:
        return 0
    made = 0
    companies = {company.slug: company for company in Company.objects.filter(
        slug__in={spec["company"] for spec in _specs()})}
    for spec in _specs():
        company = companies.get(spec["company"])
        if company is None or Lead.objects.filter(company=company, email=spec["email"]).exists():
            continue
        lead = services.lead_send(company=company, edition=edition, product=_product(company, spec["product"]),
                                  name=spec["name"], organisation=spec["organisation"], email=spec["email"],
                                  phone=spec["phone"], message=spec["message"], language=spec["language"])
        lead, _confirmed = services.lead_confirm(lead_id=lead.pk)
        services.lead_update(lead=lead, status=spec["status"], notes="")
        sent = timezone.now() - datetime.timedelta(days=spec["days_ago"], hours=2)
        Lead.objects.filter(pk=lead.pk).update(created_at=sent - datetime.timedelta(minutes=20), confirmed_at=sent)
        made += 1
    return made


def delete():
    found = Lead.objects.filter(email__in=[spec["email"] for spec in _specs()],
                                company__slug__in=[spec["company"] for spec in _specs()])
    count = found.count()
    found.delete()
    return count
