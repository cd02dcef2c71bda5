"""Template helpers of the site shell: language alternates for the switcher and hreflang links, `is_chinese`,
`html_datetime` for <time datetime>."""

import datetime

from django import template
from django.conf import settings
from django.urls import NoReverseMatch
from django.utils import timezone
from menus.utils import DefaultLanguageChanger

from apps.core import languages

register = template.Library()


@register.filter
def html_datetime(value):
    """A date or an aware datetime as HTML's <time datetime> accepts it: "2026-09-18T09:30:00+08:00" (seconds, no
    microseconds: HTML allows at most three decimals, Django's "c" format and isoformat() write six); a value in
    UTC is written in the current time zone, one in another zone keeps it; "" for None."""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value) and str(value.tzinfo) == "UTC":  # as stored: in the site's zone, like |date
            value = timezone.localtime(value)
        return value.replace(microsecond=0).isoformat()  # a session in its forum's zone keeps that zone
    if isinstance(value, datetime.date):
        return value.isoformat()
    return ""


@register.filter
def is_chinese(code):
    """{% if LANGUAGE_CODE|is_chinese %}: the Chinese page (list separators, og:locale)."""
    return languages.is_chinese(code)


def language_url(request, code):
    """URL of what the visitor is looking at, in another language (CMS page, app object or plain view)."""
    changer = getattr(request, "_language_changer", None)
    if changer is not None:
        try:
            return changer(code)
        except NoReverseMatch:
            pass
    return DefaultLanguageChanger(request)(code)


@register.simple_tag(takes_context=True)
def language_alternates(context):
    request = context.get("request")
    if request is None:
        return []
    alternates = []
    for code, name in settings.LANGUAGES:
        url = language_url(request, code)
        alternates.append({"code": code, "name": name, "url": url, "absolute_url": request.build_absolute_uri(url)})
    return alternates
