"""Cheap links for long programmes: the URL pattern is reversed once per request (see views._common.links)."""

from django import template

register = template.Library()


@register.filter
def link(pattern, value):
    """"/en/forums/sessions/{}/"|link:42 -> "/en/forums/sessions/42/"."""
    return pattern.format(value)
