"""The exhibitor portal's figures page: every registered FigureSource per day of the current edition and overall,
as a table and a server-rendered SVG chart. Members of the company only (expo.view_figures); never cached."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from apps.accounts.decorators import object_permission_required

from ... import selectors
from ...cache import expo_cache
from ...figures import chart
from ...figures.selectors import company_for_figures, figures_table


def _company(request, slug, **_kwargs):
    return company_for_figures(slug=slug, user=request.user, language=get_language())


@never_cache
@login_required
@require_safe
@object_permission_required("expo.view_figures", fn=_company)
def figures(request, company, slug):
    edition = expo_cache.memo("edition-current", selectors.edition_current)
    name = company.shown_name or company.slug
    table = figures_table(company_id=company.pk, edition=edition, today=timezone.localdate())
    svg = None
    if table.days:
        first, last = table.days[0][0], table.days[-1][0]
        svg = chart.svg(
            table=table,
            title=_("Figures of %(company)s per day of %(edition)s") % {"company": name, "edition": edition},
            description=_("Bars for each day from %(first)s to %(last)s: %(sources)s. The table below gives the "
                          "same numbers.") % {"first": first.isoformat(), "last": last.isoformat(),
                                              "sources": ", ".join(str(s.label) for s in table.sources)})
    return render(request, "expo/portal/figures.html", {
        "company": company, "name": name, "edition": edition, "table": table, "chart": svg,
        "legend": chart.legend(table), "rows": table.days, "tab": "figures"})
