"""A hall's floor plan as inline SVG, drawn on the server from the hall's size and its booths' rectangles (metres).

Each taken booth is a link to its exhibitor's company page with a <title> naming booth and exhibitor; free booths
are grey; highlighted booths (the searched exhibitor's) stand out by colour and outline. Colours are attributes,
so the plan reads the same without the stylesheet. No script is needed.
"""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from .templatetags.expo_tags import company_url

COLOURS = {
    "free": ("#e6e6e6", "#9e9e9e", "#6b6b6b"),  # fill, outline, label
    "taken": ("#d9ecf2", "#1f6f8b", "#12404f"),
    "highlight": ("#f4a62a", "#8a4b00", "#2b1700"),
}


def _label(booth, scale, colour):
    size = max(0.6, min(booth.width / (len(booth.code) * 0.62), booth.depth / 2.2, 2.4 * scale))
    return format_html(
        '<text x="{}" y="{}" font-size="{}" text-anchor="middle" dominant-baseline="central" fill="{}" '
        'aria-hidden="true">{}</text>',
        _num(booth.x + booth.width / 2), _num(booth.y + booth.depth / 2), _num(size), colour, booth.code)


def _num(value):
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _booth(booth, *, highlighted, scale):
    state = "highlight" if highlighted else ("taken" if booth.exhibitor else "free")
    fill, outline, text = COLOURS[state]
    rect = format_html(
        '<rect x="{}" y="{}" width="{}" height="{}" fill="{}" stroke="{}" stroke-width="{}"/>',
        booth.x, booth.y, booth.width, booth.depth, fill, outline, _num(0.35 if highlighted else 0.15))
    label = _label(booth, scale, text)
    anchor = booth.anchor
    if booth.exhibitor is None:
        title = _("Booth %(code)s: free") % {"code": booth.code}
        return format_html('<g id="{}" class="booth booth-free"><title>{}</title>{}{}</g>', anchor, title, rect,
                           label)
    title = _("Booth %(code)s: %(exhibitor)s") % {"code": booth.code, "exhibitor": booth.exhibitor}
    href = company_url(booth.exhibitor)
    if not href:  # the expo app is not hooked into a page (e.g. in the admin before the site is set up)
        return format_html('<g id="{}" class="booth booth-taken"><title>{}</title>{}{}</g>', anchor, title, rect,
                           label)
    return format_html(
        '<a id="{}" href="{}" class="booth booth-taken{}"{}><title>{}</title>{}{}</a>',
        anchor, href, " booth-highlight" if highlighted else "",
        mark_safe(' aria-current="true"') if highlighted else "", title, rect, label)


def hall_svg(*, hall, booths, highlighted=(), plan_id="plan"):
    """The inline <svg> of a hall. `booths` carry `.exhibitor` (a Company or None); `highlighted` booth codes."""
    highlighted = set(highlighted)
    scale = max(hall.width, hall.depth) / 100
    exhibitors = sum(1 for booth in booths if booth.exhibitor)
    title = _("Floor plan of %(hall)s") % {"hall": hall}
    description = _("%(booths)s booths, %(taken)s taken by exhibitors. Each exhibitor's booth links to its "
                    "company page.") % {"booths": len(booths), "taken": exhibitors}
    body = format_html_join("", "{}", ((_booth(booth, highlighted=booth.code in highlighted, scale=scale),)
                                       for booth in booths))
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="floorplan" viewBox="0 0 {w} {d}" role="group" '
        'aria-labelledby="{id}-title {id}-desc" preserveAspectRatio="xMidYMid meet">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>'
        '<rect class="hall-outline" x="0" y="0" width="{w}" height="{d}" fill="#fbfbf8" stroke="#5c5c5c" '
        'stroke-width="{stroke}"/>{body}</svg>',
        w=hall.width, d=hall.depth, id=plan_id, title=title, desc=description, stroke=_num(0.4 * max(scale, 0.5)),
        body=body)
