from cms.app_base import CMSApp
from cms.apphook_pool import apphook_pool
from django.utils.translation import gettext_lazy as _


@apphook_pool.register
class TradingApphook(CMSApp):
    """The Trading Center's notice boards, notices, archives, feeds and banner data below its CMS page."""

    name = _("Trading Center notices")
    app_name = "trading"
    permissions = False  # public pages; the views check staff access to drafts themselves

    def get_urls(self, page=None, language=None, **kwargs):
        return ["apps.trading.urls"]
