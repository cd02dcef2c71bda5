"""Template tags of the figures beacon and the bookmarks' star (same HTML for every visitor, cache friendly)."""

from urllib.parse import quote

from django import template
from django.urls import reverse

from apps.expo.figures.beacon import item_sign

register = template.Library()


@register.simple_tag
def figures_beacon(company, product=None):
    """The beacon URL counting a view of the company's profile (or of one of its products)."""
    value = item_sign(company_id=company.pk, product_id=getattr(product, "pk", None))
    return f"{reverse('expo_figures:beacon')}?v={quote(value, safe='')}"
