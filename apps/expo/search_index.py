"""What the expo directory adds to the site search: companies and their products, linked to the company page the
expo serves. A company is public once an editor verified it or it exhibits in a public edition; its documents hold
its live profile (changes waiting for review are not applied, so never found). Facets: the latest public
edition it exhibits in and the first hall of its booths there; for products their first category.

A company's document holds its names and its products' names (what the directory's keyword search matches),
not its profile. Every company gets a document in each site language (the name falls back to the other
language, and the other language's names are matched too), so a Chinese name is found from the English page."""

from django.db.models import Prefetch, Q
from django.urls import NoReverseMatch
from django.utils.translation import gettext_lazy as _

from apps.companies.models import Company, Product
from apps.companies.search import index_listener_register
from apps.core.languages import CODES
from apps.search.registry import Entry, Source, source_register
from apps.search.services import index_now

from .models import Booth, EditionStatus, Participation, expo_url

COMPANY, PRODUCT = "company", "product"
LANGUAGES = CODES


def _public_companies():
    exhibits = Participation.objects.filter(is_confirmed=True).exclude(edition__status=EditionStatus.DRAFT)
    return Company.objects.filter(Q(verified_at__isnull=False) | Q(pk__in=exhibits.values("company_id")))


def company_objects():
    return _public_companies().values_list("pk", flat=True)


def product_objects():
    return Product.objects.filter(company__in=_public_companies()).values_list("pk", flat=True)


def _names(obj):
    return {row.language_code: row for row in obj.translations.all()}


def _pick(rows, language, field):
    row = rows.get(language)
    value = getattr(row, field, "") if row else ""
    if value:
        return value
    return next((getattr(other, field) for other in rows.values() if getattr(other, field, "")), "")


def _participations():
    return Prefetch("participations", to_attr="public_participations", queryset=Participation.objects.filter(
        is_confirmed=True).exclude(edition__status=EditionStatus.DRAFT).select_related("edition").prefetch_related(
        "edition__translations", Prefetch("booths", queryset=Booth.objects.select_related("hall").prefetch_related(
            "hall__translations").order_by("code"))).order_by("-edition__starts_on"))


def _facets(company, language):
    """(edition, hall) facet values of the company's latest public participation."""
    participation = company.public_participations[0] if company.public_participations else None
    if participation is None:
        return ("", ""), ("", "")
    edition = participation.edition
    edition_value = (edition.slug, _pick(_names(edition), language, "name") or edition.slug)
    booths = list(participation.booths.all())
    if not booths:
        return edition_value, ("", "")
    hall = booths[0].hall
    hall_name = _pick(_names(hall), language, "name")
    return edition_value, (hall.code, hall_name or hall.code)


def _company_entries(company):
    rows = _names(company)
    if not rows:
        return []
    products = list(company.products.all())
    entries = []
    for language in LANGUAGES:
        try:
            url = expo_url("company", language, slug=company.slug)
        except NoReverseMatch:  # the Expo page is not hooked in
            return []
        edition, hall = _facets(company, language)
        product_names = " ".join(_pick(_names(product), language, "name") for product in products)
        entries.append(Entry(
            language=language, title=_pick(rows, language, "name"), url=url,
            body=product_names,  # names only, as the directory's keyword search always matched
            also=tuple(value for row in rows.values() for value in (row.name, row.short_name, row.city)),
            edition=edition, hall=hall))
    return entries


def company_documents(ids):
    companies = _public_companies().filter(pk__in=ids).prefetch_related(
        "translations", "products__translations", _participations())
    return {company.pk: _company_entries(company) for company in companies}


def _category(product, language):
    categories = sorted(product.categories.all(), key=lambda category: category.pk)
    if not categories:
        return ("", "")
    return (categories[0].slug, _pick(_names(categories[0]), language, "name") or categories[0].slug)


def product_documents(ids):
    public = _public_companies()
    products = Product.objects.filter(pk__in=ids, company__in=public).select_related("company").prefetch_related(
        "translations", "categories__translations", "company__translations",
        Prefetch("company__participations", to_attr="public_participations",
                 queryset=_participations().queryset))
    found = {}
    for product in products:
        rows, company_rows = _names(product), _names(product.company)
        entries = []
        for language in LANGUAGES:
            if not rows:
                break
            try:
                url = expo_url("company", language, slug=product.company.slug)
            except NoReverseMatch:
                break
            edition, hall = _facets(product.company, language)
            entries.append(Entry(
                language=language, title=_pick(rows, language, "name"), url=url,
                body=f"{_pick(rows, language, 'description')}\n{_pick(company_rows, language, 'name')}",
                also=tuple(row.name for row in rows.values()), category=_category(product, language),
                edition=edition, hall=hall))
        found[product.pk] = entries
    return found


def company_reindex(company):
    """apps.companies.search.index_listener_register: the company and its products, now, in the caller's
    transaction (the directory's keyword search reads these documents)."""
    index_now(COMPANY, company.pk)
    index_now(PRODUCT, *Product.objects.filter(company=company).values_list("pk", flat=True))


def register():
    index_listener_register(company_reindex)
    source_register(Source(type=COMPANY, label=_("Companies"), objects=company_objects, documents=company_documents,
                           facets=("edition", "hall"), position=10))
    source_register(Source(type=PRODUCT, label=_("Products"), objects=product_objects, documents=product_documents,
                           facets=("category", "edition", "hall"), position=20))
