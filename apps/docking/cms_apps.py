from cms.app_base import CMSApp
from cms.apphook_pool import apphook_pool
from django.utils.translation import gettext_lazy as _


@apphook_pool.register
class DockingApphook(CMSApp):
    """Supply & Demand below its CMS page: the board, requirements, events, feeds and the companies' own pages."""

    name = _("Supply & Demand")
    app_name = "docking"
    permissions = False  # the views check who may see and do what themselves

    def get_urls(self, page=None, language=None, **kwargs):
        return ["apps.docking.urls"]
