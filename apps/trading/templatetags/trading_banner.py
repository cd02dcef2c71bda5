"""{% risk_banners %}: the Trading Center's risk warnings in effect, rendered into every page by base.html.

The HTML is the same for every visitor, so pages stay cacheable: it is rendered once per content version of the
trading cache and language (whether a CMS page hooks the Trading Center in is learnt once per django CMS version;
the trading version ends when a warning takes effect or expires, and a bump of the
trading namespace makes every cached page stale: it is site-wide, see apps.core.cache). Which warnings a visitor
dismissed stays in their browser: static/js/trading-banner.js hides those before the rest of the page is parsed.
"""

from django import template
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language

from apps.core.cache import cms_version

from .. import selectors
from ..cache import memo

register = template.Library()


def _item(notice):
    shown = notice.translation_shown()
    return {"id": notice.pk, "serial": str(notice.serial), "title": shown.title if shown else "",
            "language": shown.language_code if shown else "", "url": notice.get_absolute_url(),
            "until": notice.effective_until.isoformat() if notice.effective_until else ""}


def warnings_shown(language):
    """The banner's warnings in `language` (dicts), newest first; none while the Trading Center is not hooked in."""
    if not _hooked_in():
        return []
    return memo(f"banner:{language}", lambda: [_item(notice) for notice in selectors.banner_warnings()])


_hooked = {}  # {django CMS version: whether a page hooks the Trading Center in}, learnt once per version


@register.simple_tag
def risk_banners():
    language, version = get_language(), cms_version()
    if version not in _hooked:
        _hooked.clear()
        _hooked[version] = _hooked_in()
    if not _hooked[version]:
        return ""
    return memo(f"banner-html:{language}", lambda: render_to_string(
        "trading/banner.html", {"warnings": warnings_shown(language), "LANGUAGE_CODE": language}))


def _hooked_in():
    try:
        reverse("trading:index")
    except NoReverseMatch:
        return False
    return True
