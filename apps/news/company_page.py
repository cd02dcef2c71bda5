"""The News Center's section of a company's public page: the company's latest articles (registered with
apps.companies.signals in NewsConfig.ready())."""

from django.urls import NoReverseMatch

from apps.companies.signals import CompanyPageSection, company_page_section_register

from . import selectors
from .models import news_url

LIMIT = 6


def company_articles(*, company, language, limit=LIMIT):
    """The company's published articles in the language ([] where the News Center is not hooked into a page)."""
    try:
        news_url("list", language)
    except NoReverseMatch:
        return []
    return selectors.company_headlines(company=company, language=language, limit=limit)


def register():
    company_page_section_register(CompanyPageSection(
        key="news", template="news/company_section.html", rows=company_articles, position=10, cache="news"))
