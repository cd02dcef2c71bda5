"""The figures page's chart: grouped bars per day and source, drawn on the server as inline SVG.

No script, no style attributes (the strict CSP allows neither inline): colours are presentation attributes. The
SVG carries a title and a description (named by aria-labelledby); the page's table holds the same numbers.
"""

import math

from django.utils.html import format_html
from django.utils.safestring import mark_safe

WIDTH, HEIGHT = 720, 260
LEFT, RIGHT, TOP, BOTTOM = 48, 12, 16, 36
COLOURS = ("#0b6e4f", "#c98a00", "#2f5fa7", "#b3261e", "#6b4aa5", "#4d6b73")
GRID_LINES = 4


def colour(index):
    return COLOURS[index % len(COLOURS)]


def axis_top(peak):
    """A round number at least `peak` that divides into GRID_LINES whole steps of 1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8
    times a power of ten (whole numbers only: the axis labels are counts)."""
    if peak <= 0:
        return GRID_LINES
    raw = peak / GRID_LINES
    if raw <= 1:
        return GRID_LINES
    power = 10 ** math.floor(math.log10(raw))
    steps = (factor * power for factor in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10))
    step = next(step for step in steps if step >= raw and float(step).is_integer())
    return int(step * GRID_LINES)


def svg(*, table, title, description, chart_id="figures-chart"):
    """The chart of a FiguresTable as safe HTML (an <svg> element)."""
    plot_width, plot_height = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    top = axis_top(table.peak)
    days = table.days or []
    group = plot_width / max(1, len(days))
    bar = min(28.0, group * 0.8 / max(1, len(table.sources)))
    parts = []
    for line in range(GRID_LINES + 1):
        value = top * line // GRID_LINES
        y = TOP + plot_height - plot_height * line / GRID_LINES
        parts.append(format_html(
            '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#d5dbdf" stroke-width="1"/>'
            '<text x="{}" y="{}" text-anchor="end" font-size="11" fill="#55616a">{}</text>',
            LEFT, f"{y:.1f}", WIDTH - RIGHT, f"{y:.1f}", LEFT - 6, f"{y + 4:.1f}", value))
    for index, (day, counts) in enumerate(days):
        start = LEFT + group * index + (group - bar * len(counts)) / 2
        for position, count in enumerate(counts):
            height = plot_height * count / top
            parts.append(format_html(
                '<rect class="figures-bar" x="{}" y="{}" width="{}" height="{}" fill="{}" data-day="{}" '
                'data-source="{}" data-count="{}"><title>{}: {} {}</title></rect>',
                f"{start + bar * position:.1f}", f"{TOP + plot_height - height:.1f}", f"{bar:.1f}",
                f"{height:.1f}", colour(position), day.isoformat(), table.sources[position].key, count,
                day.isoformat(), table.sources[position].label, count))
        parts.append(format_html(
            '<text x="{}" y="{}" text-anchor="middle" font-size="11" fill="#55616a">{}</text>',
            f"{LEFT + group * index + group / 2:.1f}", HEIGHT - BOTTOM + 16, day.strftime("%m-%d")))
    return format_html(
        '<svg id="{id}" class="figures-chart" viewBox="0 0 {w} {h}" width="100%" role="img" '
        'aria-labelledby="{id}-title {id}-desc" xmlns="http://www.w3.org/2000/svg">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>{body}</svg>',
        id=chart_id, w=WIDTH, h=HEIGHT, title=title, desc=description,
        body=mark_safe("".join(parts)))  # every part built by format_html


def legend(table):
    """[(label, colour)] in the chart's order."""
    return [(source.label, colour(index)) for index, source in enumerate(table.sources)]
