"""Meeting requests received and meetings held on the exhibitor portal's figures page (apps.companies.figures)."""

from functools import partial

from django.utils.translation import gettext_lazy as _

from apps.companies.figures import FigureSource, figure_source_register

from .selectors import meeting_counts_by_day


def register():
    figure_source_register(FigureSource("meeting_requests", _("Meeting requests"),
                                        partial(meeting_counts_by_day, confirmed=False), position=40))
    figure_source_register(FigureSource("meetings", _("Meetings"), partial(meeting_counts_by_day, confirmed=True),
                                        position=50))
