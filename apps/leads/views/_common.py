"""What the leads views share."""

from django.urls import NoReverseMatch, reverse
from django.utils import translation


def path_in(name, language, **kwargs):
    """The path of view `name` in `language` (for the language switcher)."""
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def company_page(company):
    """The path of the company's public page, or "" where the expo is not hooked into a page."""
    try:
        return company.get_absolute_url()
    except NoReverseMatch:
        return ""
