"""Reads of contact requests: who may be contacted, a company's requests for its portal, the editors' counts and
the confirmed requests by day for the exhibitor figures. Only confirmed requests reach the exhibitor."""

import datetime

from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone
from django.utils.translation import get_language

from apps.companies.models import Product
from apps.companies.selectors import companies_of_member, company_list, products_of
from apps.core.languages import other_language
from apps.expo.selectors import edition_current, public_participations

from .models import Lead, Status

PAGE_SIZE = 25


def contactable_company(*, slug):
    """The company with this slug if it exhibits publicly (a confirmed participation in a public edition), with its
    translations; else None. One query."""
    return company_list().filter(slug=slug, pk__in=public_participations().values("company_id")).first()


def contact_edition():
    """The expo edition a request sent now belongs to (the one open, else the next, else the latest)."""
    return edition_current()


def company_products(*, company):
    return products_of(company=company)


def member_companies(*, user):
    """The user's companies with their translations, read once per user object (the rules read them too)."""
    found = getattr(user, "_leads_companies", None)
    if found is None:
        found = list(companies_of_member(user=user))
        user._leads_companies = found
    return found


def member_company(*, user, slug):
    """The user's company of this slug (None when there is none or the user is not a member)."""
    return next((company for company in member_companies(user=user) if company.slug == slug), None)


def _received(company_id):
    return Lead.objects.filter(company_id=company_id, confirmed_at__isnull=False)


def company_leads(*, company_id, status="", q=""):
    """A company's confirmed requests, newest first, filtered by status and by words of the sender's name, company,
    address or message, with their product and its translations."""
    leads = _received(company_id)
    if status in Status.values:
        leads = leads.filter(status=status)
    for word in q.split()[:5]:
        leads = leads.filter(Q(name__icontains=word) | Q(organisation__icontains=word) | Q(email__icontains=word)
                             | Q(message__icontains=word))
    return leads.annotate(product_name=_product_name(get_language())).order_by(
        "-confirmed_at", "-pk")


def _product_name(language):
    """The product's name in `language`, else in the other one (subqueries: no translations to prefetch)."""
    rows = Product._parler_meta.root_model.objects.filter(master=OuterRef("product_id"))
    return Coalesce(Subquery(rows.filter(language_code=language).values("name")[:1]),
                    Subquery(rows.filter(language_code=other_language(language)).values("name")[:1]))


def company_lead(*, company_id, pk):
    """One confirmed request of the company (None for anything else: another company's, unconfirmed, missing)."""
    return company_leads(company_id=company_id).filter(pk=pk).first()


def company_leads_for_export(*, company_id, since_last_export):
    leads = _received(company_id)
    if since_last_export:
        leads = leads.filter(exported_at__isnull=True)
    return leads.select_related("product", "edition").prefetch_related(
        "product__translations", "edition__translations").order_by("confirmed_at", "pk")


def company_status_counts(*, company_id):
    """{status: n} of the company's confirmed requests, "total", and "unexported": those not exported yet. One
    query."""
    return _received(company_id).aggregate(
        total=Count("pk"), unexported=Count("pk", filter=Q(exported_at__isnull=True)),
        **{value: Count("pk", filter=Q(status=value)) for value in Status.values})


def lead_for_confirmation(*, pk):
    return Lead.objects.select_related("company").prefetch_related("company__translations").filter(pk=pk).first()


def lead_counts_by_day(*, company_id, start, end):
    """{date: n} of the company's requests confirmed from `start` to `end` (dates, both included, in the site's time
    zone); days without one are left out. One query on the index (company, confirmed_at)."""
    zone = timezone.get_current_timezone()
    since = datetime.datetime.combine(start, datetime.time.min, tzinfo=zone)
    until = datetime.datetime.combine(end + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone)
    rows = (_received(company_id).filter(confirmed_at__gte=since, confirmed_at__lt=until)
            .annotate(day=TruncDate("confirmed_at", tzinfo=zone)).order_by().values("day").annotate(n=Count("pk")))
    return {row["day"]: row["n"] for row in rows}


def edition_counts(*, queryset):
    """Counts of a queryset of requests (the admin's filtered list): all, confirmed, and per status of the
    confirmed ones. One query."""
    return queryset.order_by().aggregate(
        total=Count("pk"), confirmed=Count("pk", filter=Q(confirmed_at__isnull=False)),
        **{value: Count("pk", filter=Q(confirmed_at__isnull=False, status=value)) for value in Status.values})
