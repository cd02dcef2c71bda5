"""CMS plugin of Supply & Demand for CMS pages (the home page): the open requirements everyone may see, and
nothing at all while none is open. Read through selectors.home_requirements (one query); stale with the docking
page cache, whose version also ends at the next deadline (apps.core.plugins)."""

from cms.plugin_pool import plugin_pool
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from apps.core.plugins import LiveContentPlugin

from . import selectors
from .models import DockingHomePluginModel


@plugin_pool.register_plugin
class DockingHomePlugin(LiveContentPlugin):
    model = DockingHomePluginModel
    module = _("Supply & Demand")
    name = _("Open requirements")
    render_template = "docking/plugins/home.html"
    page_cache_namespace = "docking"

    def render(self, context, instance, placeholder):
        context = super().render(context, instance, placeholder)
        context["requirements"] = selectors.home_requirements(language=get_language(), limit=instance.count)
        return context
