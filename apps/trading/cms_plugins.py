"""CMS plugin of the Trading Center for CMS pages (the home page): the latest notices in effect, risk warnings
marked, under the market's standing risk warning. Read through selectors.home_notices (three queries); stale with
the trading page cache, whose version also ends when a notice takes effect or expires (apps.core.plugins)."""

from cms.plugin_pool import plugin_pool
from django.utils.translation import gettext_lazy as _

from apps.core.plugins import LiveContentPlugin

from . import selectors
from .models import TradingHomePluginModel


@plugin_pool.register_plugin
class TradingHomePlugin(LiveContentPlugin):
    model = TradingHomePluginModel
    module = _("Trading Center")
    name = _("Latest trading notices")
    render_template = "trading/plugins/home.html"
    page_cache_namespace = "trading"

    def render(self, context, instance, placeholder):
        context = super().render(context, instance, placeholder)
        context["notices"] = selectors.home_notices(limit=instance.count)
        return context
