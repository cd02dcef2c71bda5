import os

from django import template
from django.core.files.storage import default_storage
from django.urls import NoReverseMatch, reverse

from apps.expo.portal.uploads import is_pending

register = template.Library()


@register.filter
def company_url(company):
    """The company's page in the expo directory, "" where the expo app is not hooked into a page (no query)."""
    try:
        return company.get_absolute_url()
    except NoReverseMatch:
        return ""


@register.filter
def stored_url(path, company):
    """The URL of a stored image of a company: a pending upload through the portal's pending_file view (members
    and editors only), a live file under MEDIA_URL."""
    if not path:
        return ""
    if is_pending(path):
        return reverse("expo_portal:pending_file", kwargs={"slug": company.slug, "name": os.path.basename(path)})
    return default_storage.url(path)
