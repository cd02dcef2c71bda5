"""Reads of the figures: the daily view counts (the FigureSources expo registers) and the figures page's table."""

import contextvars
import datetime
from dataclasses import dataclass

from django.db.models import OuterRef, Subquery

from apps.companies.figures import figure_sources
from apps.companies.models import Company, Membership

from ..bookmarks.selectors import translated
from ..models import ExhibitorDayFigures

EARLIEST = datetime.date(2000, 1, 1)  # "overall" starts here: before any edition


# While the figures page is built, both expo sources read their rows once (figures_table opens the scope).
_page_rows = contextvars.ContextVar("expo_figures_page_rows", default=None)


def _day_rows(company_id, start, end):
    """[(day, profile views, product views)] between start and end (inclusive): one query on the (company, day)
    unique index, shared by both sources within one figures page."""
    memo, key = _page_rows.get(), (company_id, start, end)
    if memo is not None and key in memo:
        return memo[key]
    rows = list(ExhibitorDayFigures.objects.filter(company_id=company_id, day__gte=start, day__lte=end)
                .values_list("day", "profile_views", "product_views"))
    if memo is not None:
        memo[key] = rows
    return rows


def _column_per_day(column, *, company_id, start, end):
    """{day: count} of one column, days without views left out."""
    index = {"profile_views": 1, "product_views": 2}[column]
    return {row[0]: row[index] for row in _day_rows(company_id, start, end) if row[index]}


def profile_views_per_day(*, company_id, start, end):
    return _column_per_day("profile_views", company_id=company_id, start=start, end=end)


def product_views_per_day(*, company_id, start, end):
    return _column_per_day("product_views", company_id=company_id, start=start, end=end)


@dataclass(frozen=True)
class FiguresTable:
    """What the figures page shows: one row per day of the edition, totals of those days and of all time."""

    sources: list  # FigureSource, in order
    days: list  # [(date, [count per source])]
    edition_totals: list  # [count per source] over the edition's days
    overall: list  # [count per source] over every day up to today (or the edition's end, if later)

    @property
    def peak(self):
        return max((count for _day, counts in self.days for count in counts), default=0)


def edition_days(edition):
    if edition is None:
        return []
    length = (edition.ends_on - edition.starts_on).days + 1
    return [edition.starts_on + datetime.timedelta(days=offset) for offset in range(max(0, length))]


def figures_table(*, company_id, edition, today):
    """Every registered source for the company: one call each, covering all time, whatever the number of days."""
    days = edition_days(edition)
    sources = figure_sources()
    end = max([today, *days])
    token = _page_rows.set({})
    try:
        counted = [source.per_day(company_id=company_id, start=EARLIEST, end=end) for source in sources]
    finally:
        _page_rows.reset(token)
    rows = [(day, [per_day.get(day, 0) for per_day in counted]) for day in days]
    return FiguresTable(
        sources=sources, days=rows,
        edition_totals=[sum(per_day.get(day, 0) for day in days) for per_day in counted],
        overall=[sum(per_day.values()) for per_day in counted],
    )


def company_for_figures(*, slug, user, language):
    """The company of the figures page (None when missing) in one query: with its name in the language
    (`shown_name`) and whether `user` is one of its members (`member_user_id`, read by expo.view_figures)."""
    member = Membership.objects.filter(company=OuterRef("pk"), user_id=user.pk).values("user_id")[:1]
    return (Company.objects.filter(slug=slug)
            .annotate(shown_name=translated(Company, "name", language, "pk"), member_user_id=Subquery(member))
            .first())
