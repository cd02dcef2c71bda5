"""Template helpers of the site shell: language alternates for the switcher and hreflang links, the main menu and
breadcrumb kept per django CMS version (`kept_menu`), `is_chinese`, `html_datetime` for <time datetime>."""

import datetime

from django import template
from django.conf import settings
from django.core.cache import cache
from django.urls import NoReverseMatch
from django.utils import timezone
from django.utils.translation import get_language
from menus.utils import DefaultLanguageChanger

from apps.core import languages
from apps.core.cache import shell_version
from apps.core.local import LocalEntries

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


SHELL_LIFETIME = 3600
_kept = LocalEntries(4 * 1024 * 1024, sizeof=len)  # this process's menus and language links, per shell version


def _editing(request):
    toolbar = getattr(request, "toolbar", None)
    return toolbar is not None and (toolbar.edit_mode_active or toolbar.preview_mode_active)


def language_url(request, code):
    """URL of what the visitor is looking at, in another language (CMS page, app object or plain view). django
    CMS's default changer resolves the path again for each language: its answer depends on the path and the CMS
    pages only, so this process keeps it per shell version (staff editing or previewing get it fresh)."""
    changer = getattr(request, "_language_changer", None)
    if changer is not None:
        try:
            return changer(code)
        except NoReverseMatch:
            pass
    if _editing(request):
        return DefaultLanguageChanger(request)(code)
    key = f"lang:{shell_version()}:{code}:{request.path_info}"
    url = _kept.get(key)
    if url is None:
        url = DefaultLanguageChanger(request)(code)
        _kept.put(key, url, SHELL_LIFETIME)
    return url


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


MENU_TAGS = {"menu": "{%% show_menu 0 0 0 0 %s %%}", "breadcrumb": "{%% show_breadcrumb 0 %s %%}"}
_menu_templates = {}


@register.simple_tag(takes_context=True)
def kept_menu(context, kind, template_name):
    """django CMS's `show_menu 0 0 0 0 template_name` (kind "menu") or `show_breadcrumb 0 template_name`
    ("breadcrumb"), kept per shell version (a publish or a page change bumps it), language, current page (django
    CMS marks the current node by the page's id) and visitor (anonymous, or the user: the CMS may show pages to
    some users only), in Redis and by this process. Staff editing or previewing get it fresh."""
    request = context.get("request")
    source = MENU_TAGS[kind] % f'"{template_name}"'
    if source not in _menu_templates:
        _menu_templates[source] = template.Template("{% load menu_tags %}" + source)
    render = lambda: _menu_templates[source].render(context)  # noqa: E731
    if request is None or _editing(request):
        return render()
    page = getattr(request, "current_page", None)
    user = getattr(request, "user", None)
    visitor = f"u{user.pk}" if user is not None and user.is_authenticated else "anon"
    key = (f"shell:{kind}:{shell_version()}:{getattr(request, 'LANGUAGE_CODE', '')}:{page.pk if page else '-'}:"
           f"{visitor}:{template_name}")
    html = _kept.get(key)
    if html is None:
        html = cache.get(key)
        if html is None:
            html = render()
            cache.set(key, html, timeout=SHELL_LIFETIME)
        _kept.put(key, html, SHELL_LIFETIME)
    return html


class KeptChunkNode(template.Node):
    def __init__(self, name, nodelist):
        self.name, self.nodelist = name, nodelist

    def render(self, context):
        request = context.get("request")
        user = getattr(request, "user", None)
        if request is None or _editing(request) or (user is not None and user.is_authenticated):
            return self.nodelist.render(context)
        key = f"chunk:{self.name}:{shell_version()}:{get_language()}:{timezone.localdate().year}"  # as translated
        html = _kept.get(key)
        if html is None:
            html = self.nodelist.render(context)
            _kept.put(key, html, SHELL_LIFETIME)
        return html


@register.tag
def kept_chunk(parser, token):
    """{% kept_chunk "name" %}...{% endkept_chunk %}: a piece of the site shell that is the same on every page of a
    language for anonymous visitors (the brand, the account links, the footer), rendered once per shell version,
    language and year by each process. Signed-in visitors and staff editing get it rendered each time. Nothing that
    depends on the page, the path or the query may go inside."""
    bits = token.split_contents()
    if len(bits) != 2 or bits[1][0] not in "\"'":
        raise template.TemplateSyntaxError("kept_chunk takes one quoted name")
    nodelist = parser.parse(("endkept_chunk",))
    parser.delete_first_token()
    return KeptChunkNode(bits[1][1:-1], nodelist)
