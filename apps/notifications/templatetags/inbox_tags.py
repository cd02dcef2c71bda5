"""How the inbox shows a message: its plain text as sanitised HTML, links clickable, without the email footer."""

from django import template
from django.utils.html import urlize
from django.utils.safestring import mark_safe

from apps.core.richtext import richtext_clean

from ..digest import text_without_footer

register = template.Library()


@register.filter
def inbox_html(body):
    """Paragraphs (blank lines) and line breaks of the text kept, URLs and addresses as links, the footer gone
    (the inbox has its own controls for reading and turning emails off)."""
    paragraphs = [part.strip() for part in text_without_footer(body or "").split("\n\n") if part.strip()]
    html = "".join("<p>{}</p>".format(urlize(part, trim_url_limit=60, nofollow=True, autoescape=True)
                                      .replace("\n", "<br>")) for part in paragraphs)
    return mark_safe(richtext_clean(html))
