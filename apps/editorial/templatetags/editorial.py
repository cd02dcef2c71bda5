"""Tags of the editors' desk in the admin: the signed-in editor's queue (admin index) and an object's translation
status (edit pages)."""

from django import template

from .. import selectors
from ..registry import language_name

register = template.Library()


@register.inclusion_tag("admin/editorial/queue.html", takes_context=True)
def editorial_queue(context):
    request = context["request"]
    return {"parts": selectors.queue(request.user), "may_report": bool(selectors.completeness_for(request.user))}


@register.inclusion_tag("admin/editorial/translation_status.html")
def translation_status(obj):
    """A note per language of `obj` that needs an update since another language changed."""
    stale = [{"language": language_name(code), "changed": language_name(row.changed_language),
              "since": row.stale_since}
             for code, row in sorted(selectors.statuses_of(obj).items()) if row.stale_since]
    return {"stale": stale}
