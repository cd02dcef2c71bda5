"""What the company page gathers: profile, participations (booths on the plans), products, and the sections other
apps register in apps.companies.signals (news about the company, its forum sessions, ...).

Texts fall back field by field to the other language when the page's language has none; such texts are marked
with their language (`lang`) in the page.
"""

from typing import NamedTuple

import nh3
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from apps.companies.selectors import product_category_tree, products_of
from apps.companies.signals import company_page_sections
from apps.core.languages import other_language

from . import selectors
from .cache import company_page_caches, expo_cache
from .models import expo_url


class Texts(dict):
    """{field: (value, language it is in)} from an object's prefetched translations, with fallback."""

    @classmethod
    def of(cls, obj, fields, language):
        rows = {row.language_code: row for row in obj.translations.all()}
        texts = cls()
        for name in fields:
            texts[name] = ("", language)
            for code in (language, other_language(language)):
                value = getattr(rows.get(code), name, "") if code in rows else ""
                if value:
                    texts[name] = (value, code)
                    break
        return texts


def _text_dict(texts, page_language):
    """{field: {"value", "lang"}} where lang is set only for text in the other language."""
    return {name: {"value": value, "lang": "" if code == page_language else code}
            for name, (value, code) in texts.items()}


def _named(categories, tree):
    """Categories with their names from the (memoised) tree."""
    return [tree.by_pk.get(category.pk, category) for category in categories]


def _participation_rows(company, language, tree):
    rows = []
    for participation in selectors.company_participations(company=company):
        texts = Texts.of(participation, ("highlights",), language)
        rows.append({"participation": participation, "edition": participation.edition,
                     "booths": list(participation.booths.all()),
                     "categories": _named(participation.categories.all(), tree),
                     "highlights": _text_dict(texts, language)["highlights"]})
    return rows


def _product_rows(company, language, tree):
    rows = []
    for product in products_of(company=company):
        texts = _text_dict(Texts.of(product, ("name", "description"), language), language)
        rows.append({"product": product, "name": texts["name"], "description": texts["description"],
                     "images": list(product.images.all()), "categories": _named(product.categories.all(), tree)})
    return rows


def sections(*, company, language):
    """[{"section", "rows"}] of the registered sections that have something to show for the company."""
    found = []
    for section in company_page_sections():
        rows = section.rows(company=company, language=language)
        if rows:
            found.append({"section": section, "rows": rows})
    return found


def company_url(company, language=None):
    """The company's page (registered as apps.companies.signals.company_page_url)."""
    return expo_url("company", language, slug=company.slug)


class CompanyPage(NamedTuple):
    """The company page outside the site's shell, rendered; kept per content version of the expo and of what the
    page shows from other apps: a page served from it (to editors and exhibitors too, whom no page cache serves)
    runs none of its dozen queries."""

    title: str
    meta: str
    crumbs: str
    main: str


def company_page_parts(request, *, slug, language):
    """The rendered parts of the page of the company with this slug, or None if there is none."""
    def build():
        company = selectors.company_get(slug=slug)
        if company is None:
            return None
        found = context(company=company, language=language)
        return CompanyPage(found["texts"]["name"]["value"], *(
            render_to_string(f"expo/_company_{part}.html", found, request=request)
            for part in ("meta", "crumbs", "main")))

    origin = f"{request.scheme}://{request.get_host()}"  # the meta tags name the logo's absolute URL
    return expo_cache.memo(f"company-page:{slug}:{language}:{origin}", build, also=company_page_caches(),
                           keep_none=False)


def context(*, company, language):
    texts = Texts.of(company, ("name", "short_name", "city", "address", "summary", "profile"), language)
    fields = _text_dict(texts, language)
    fields["profile"]["value"] = mark_safe(nh3.clean(fields["profile"]["value"]))  # sanitized
    tree = product_category_tree()
    return {
        "company": company, "texts": fields,
        "participations": _participation_rows(company, language, tree),
        "products": _product_rows(company, language, tree),
        "sections": sections(company=company, language=language),
    }
