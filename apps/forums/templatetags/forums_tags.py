"""Cheap long programmes: URL patterns reversed once per request (see views._common.links), and session rows
rendered once per programme."""

from django import template
from django.template.loader import render_to_string

from ..grid import grid_build
from ..zones import zone_name as _zone_name

register = template.Library()


@register.filter
def zone_name(zone):
    """"Asia/Shanghai"|zone_name -> "Beijing time" / "北京时间"."""
    return _zone_name(zone)


@register.filter
def link(pattern, value):
    """"/en/forums/sessions/{}/"|link:42 -> "/en/forums/sessions/42/"."""
    return pattern.format(value)


@register.simple_tag(takes_context=True)
def session_row(context, session, show_forum=False):
    """A session's row in a list (forums/_session_row.html), rendered once per programme: a released programme
    never changes and is kept in the process per language, so a day of 700 sessions joins stored rows."""
    links = context["links"]
    key = (session.id, bool(show_forum), links["session"])
    rows = context["programme"].rendered_rows
    html = rows.get(key)
    if html is None:
        html = rows[key] = render_to_string("forums/_session_row.html",
                                            {"session": session, "show_forum": show_forum, "links": links})
    return html


@register.simple_tag(takes_context=True)
def day_grid(context, day):
    """The day's grid by room (forums/_grid.html), built and rendered once per programme and day."""
    links, programme = context["links"], context["programme"]
    key = ("grid", day, links["session"])
    html = programme.rendered_rows.get(key)
    if html is None:
        grid = grid_build(programme.filtered(day=day), day=day)
        html = programme.rendered_rows[key] = render_to_string("forums/_grid.html", {"grid": grid, "links": links})
    return html
