"""Supply & Demand's section of a company's public page: its open public requirements (registered with
apps.companies.signals in DockingConfig.ready())."""

from django.urls import NoReverseMatch

from apps.companies.signals import CompanyPageSection, company_page_section_register

from . import selectors
from .models import docking_url

LIMIT = 6


def company_requirements(*, company, language, limit=LIMIT):
    """The company's open requirements everyone may see ([] where Supply & Demand is not hooked into a page)."""
    try:
        docking_url("board", language)
    except NoReverseMatch:
        return []
    return selectors.company_open_requirements(company=company, language=language, limit=limit)


def register():
    company_page_section_register(CompanyPageSection(
        key="docking", template="docking/company_section.html", rows=company_requirements, position=30,
        cache="docking"))
