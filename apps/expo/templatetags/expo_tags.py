from django import template
from django.urls import NoReverseMatch

register = template.Library()


@register.filter
def company_url(company):
    """The company's page in the expo directory, "" where the expo app is not hooked into a page (no query)."""
    try:
        return company.get_absolute_url()
    except NoReverseMatch:
        return ""
