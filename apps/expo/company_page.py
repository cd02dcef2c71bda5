"""What the company page gathers: profile, participations (booths on the plans), products, news, forum sessions.

Texts fall back field by field to the other language when the page's language has none; such texts are marked
with their language (`lang`) in the page.
"""

import nh3
from django.urls import NoReverseMatch
from django.utils.safestring import mark_safe

from apps.companies.selectors import products_of
from apps.news import selectors as news_selectors
from apps.news.models import news_url

from . import selectors

NEWS_LIMIT = 6
SESSIONS_LIMIT = 10


def _other(language):
    return selectors.OTHER_LANGUAGE.get(language, "en")


class Texts(dict):
    """{field: (value, language it is in)} from an object's prefetched translations, with fallback."""

    @classmethod
    def of(cls, obj, fields, language):
        rows = {row.language_code: row for row in obj.translations.all()}
        texts = cls()
        for name in fields:
            texts[name] = ("", language)
            for code in (language, _other(language)):
                value = getattr(rows.get(code), name, "") if code in rows else ""
                if value:
                    texts[name] = (value, code)
                    break
        return texts


def _text_dict(texts, page_language):
    """{field: {"value", "lang"}} where lang is set only for text in the other language."""
    return {name: {"value": value, "lang": "" if code == page_language else code}
            for name, (value, code) in texts.items()}


def _participation_rows(company, language):
    rows = []
    for participation in selectors.company_participations(company=company):
        texts = Texts.of(participation, ("highlights",), language)
        rows.append({"participation": participation, "edition": participation.edition,
                     "booths": list(participation.booths.all()), "categories": list(participation.categories.all()),
                     "highlights": _text_dict(texts, language)["highlights"]})
    return rows


def _product_rows(company, language):
    rows = []
    for product in products_of(company=company):
        texts = _text_dict(Texts.of(product, ("name", "description"), language), language)
        rows.append({"product": product, "name": texts["name"], "description": texts["description"],
                     "images": list(product.images.all()), "categories": list(product.categories.all())})
    return rows


def forum_sessions(*, company, language, limit=SESSIONS_LIMIT):
    """Sessions of the latest released forum schedule in which a speaker of the company appears ([] when the
    forums app offers no released schedule)."""
    try:
        from apps.forums.selectors import programme, release_current
    except ImportError:
        return []
    release = release_current()
    if release is None:
        return []
    found = []
    for session in programme(release=release, language=language).sessions:
        speakers = [appearance.speaker for appearance in session.appearances
                    if appearance.speaker.company is not None and appearance.speaker.company.id == company.pk]
        if speakers and not session.cancelled:
            found.append({"session": session, "speakers": speakers})
    return found[:limit]


def news_articles(*, company, language, limit=NEWS_LIMIT):
    """The company's published articles in the language ([] where the News Center is not hooked into a page)."""
    try:
        news_url("list", language)
    except NoReverseMatch:
        return []
    return list(news_selectors.article_list(language=language, company=company)[:limit])


def context(*, company, language):
    texts = Texts.of(company, ("name", "short_name", "city", "address", "summary", "profile"), language)
    fields = _text_dict(texts, language)
    fields["profile"]["value"] = mark_safe(nh3.clean(fields["profile"]["value"]))  # noqa: S308  (sanitized)
    return {
        "company": company, "texts": fields,
        "participations": _participation_rows(company, language),
        "products": _product_rows(company, language),
        "articles": news_articles(company=company, language=language),
        "sessions": forum_sessions(company=company, language=language),
    }
