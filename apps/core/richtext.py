"""The one allow-list for rich text: article bodies, notice texts and introductions, company profiles (admin and
exhibitor portal) and django CMS text plugins.

Kept: text structure (paragraphs, headings, lists, tables, quotes, figures), links to http, https, mailto or a path
on this site, images from this site, the few classes of the site's stylesheet meant for content. Gone: anything
that carries CSS or runs code: `style`, other classes, `on*`, `srcset`, `formaction`, `background`, `javascript:`
and `data:` URLs, and <style>, <link>, <meta>, <iframe>, <object>, <embed>, <form> (the content of <script> and
<style> is dropped with them). Images from other hosts are dropped too: the Content-Security-Policy (img-src
'self') would block them, and the site serves every file itself.

`richtext_clean(html)` applies it. `RichTextField` (articles, notices, centers, companies) cleans with it when a
record is saved, whoever saves it (admin, services, the portal's approval). `djangocms_text_use()` (from
CoreConfig.ready) makes djangocms-text clean with it wherever djangocms-text sanitises itself: its form fields and
text plugin saves. djangocms-text's settings can only add to its own list (which keeps `style` and `class`), so
its shared cleaner is replaced.
"""

from urllib.parse import urlsplit

import nh3
from django.utils.safestring import mark_safe
from djangocms_text.fields import HTMLField

from .links import site_netloc

TAGS = {
    "p", "br", "hr", "div", "span", "strong", "b", "em", "i", "u", "s", "del", "ins", "sub", "sup", "mark", "small",
    "abbr", "code", "pre", "blockquote", "q", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
    "a", "img", "figure", "figcaption", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "colgroup",
    "col",
    "cms-plugin",  # djangocms-text's placeholder for a child plugin, replaced by the plugin's output when rendered
}
ATTRIBUTES = {
    "*": {"title", "lang", "dir"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height"},
    "ol": {"start", "reversed", "type"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "col": {"span"},
    "colgroup": {"span"},
    "cms-plugin": {"id", "name", "alt", "render-plugin", "type"},
}
# Classes of the site's own stylesheet that content may use (static/css/site.css); any other class is dropped.
CLASSES = {"div": {"highlight"}}
# data-cms-href / data-cms-src: djangocms-text's links to pages and files, resolved when rendered.
ATTRIBUTE_PREFIXES = {"data-cms-", "aria-"}
URL_SCHEMES = {"http", "https", "mailto"}
DROPPED_WITH_CONTENT = {"script", "style"}


def _same_origin(url):
    """A path on this site, or an http(s) URL on its host (settings.SITE_URL). Browsers read a backslash as a slash
    and drop tabs and newlines inside URLs, which could turn a path into another host: such values are refused."""
    if "\\" in url or any(ord(character) < 0x21 for character in url):
        return False
    parts = urlsplit(url)
    if not parts.scheme and not parts.netloc:
        return True
    return parts.scheme in ("http", "https") and parts.netloc == site_netloc()


def _attribute_filter(tag, attribute, value):
    if tag == "img" and attribute == "src" and not _same_origin(value):
        return None
    return value


def options():
    """The keyword arguments of `nh3.clean` for the allow-list."""
    return {"tags": TAGS, "clean_content_tags": DROPPED_WITH_CONTENT, "attributes": ATTRIBUTES,
            "allowed_classes": CLASSES, "attribute_filter": _attribute_filter,
            "generic_attribute_prefixes": ATTRIBUTE_PREFIXES,
            "url_schemes": URL_SCHEMES, "link_rel": "noopener nofollow", "strip_comments": True}


def richtext_clean(html):
    """`html` with only the allowed markup left (see the module's docstring)."""
    return nh3.clean(html or "", **options()).strip()


def djangocms_text_use():
    """Point djangocms-text's shared cleaner at this allow-list: its clean_html() calls
    `djangocms_text.html.cms_parser()` for the nh3 options. A package that tried to widen that cleaner
    (djangocms_text.html.register_cleaner_attributes) would now fail at start-up instead of widening it."""
    from djangocms_text import html

    html.cms_parser = options


class RichTextField(HTMLField):
    """djangocms-text's HTMLField, cleaned with this allow-list as it is saved. The instance keeps the cleaned
    value too: django-parler caches a translation from the saved instance, so otherwise pages would show the text as
    it was typed until that cache entry expired, although the database holds it cleaned."""

    def pre_save(self, model_instance, add):
        value = getattr(model_instance, self.attname)
        if value is not None:
            value = mark_safe(richtext_clean(value))
            setattr(model_instance, self.attname, value)
        return value

    def deconstruct(self):
        # Stored exactly like an HTMLField (a text column): migrations keep naming djangocms-text's field, so
        # changing a model to this field needs no migration.
        name, _path, args, kwargs = super().deconstruct()
        return name, "djangocms_text.fields.HTMLField", args, kwargs
