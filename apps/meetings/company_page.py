"""The "Book a meeting" block of a company's public page (apps.companies company_page_section_register): shown
while the company has open days to come. It is the same for every visitor (the slot picker
itself is not cached), and stale once the meetings cache namespace is bumped."""

from apps.companies.signals import CompanyPageSection, company_page_section_register

from . import selectors


def book_rows(*, company, language):
    return [{"slug": company.slug}] if selectors.has_open_days(company=company) else []


def register():
    company_page_section_register(CompanyPageSection(
        key="meetings", template="meetings/company_section.html", rows=book_rows, position=5, cache="meetings"))
