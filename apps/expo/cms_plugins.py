"""CMS plugin of the expo for CMS pages (the home page): the current or next edition's dates and venue, its
halls, a few confirmed exhibitors with their logos and the way to the directory. Read through
selectors.home_expo (three queries); stale with the expo's page cache (apps.core.plugins)."""

from cms.plugin_pool import plugin_pool
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from apps.core.plugins import LiveContentPlugin

from . import selectors
from .models import ExpoHomePluginModel


@plugin_pool.register_plugin
class ExpoHomePlugin(LiveContentPlugin):
    model = ExpoHomePluginModel
    module = _("Expo")
    name = _("Current expo")
    render_template = "expo/plugins/home.html"
    page_cache_namespace = "expo"

    def render(self, context, instance, placeholder):
        context = super().render(context, instance, placeholder)
        context["expo"] = selectors.home_expo(language=get_language(), exhibitors=instance.exhibitors)
        return context
