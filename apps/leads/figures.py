"""Contact requests on the exhibitor portal's figures page (registered in apps.companies.figures)."""

from django.utils.translation import gettext_lazy as _

from apps.companies.figures import FigureSource, figure_source_register

from .selectors import lead_counts_by_day


def register():
    figure_source_register(FigureSource("leads", _("Contact requests"), lead_counts_by_day, position=30))
