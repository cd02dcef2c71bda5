"""The figures expo counts itself, registered in apps.companies.figures (from ExpoConfig.ready())."""

from django.utils.translation import gettext_lazy as _

from apps.companies.figures import FigureSource, figure_source_register

from .selectors import product_views_per_day, profile_views_per_day


def register():
    figure_source_register(FigureSource("profile_views", _("Profile views"), profile_views_per_day, position=10))
    figure_source_register(FigureSource("product_views", _("Product views"), product_views_per_day, position=20))
