from cms.app_base import CMSApp
from cms.apphook_pool import apphook_pool
from django.utils.translation import gettext_lazy as _


@apphook_pool.register
class ExpoApphook(CMSApp):
    """The expo's public pages (editions, exhibitor directory, floor plans, company pages) below the Expo page."""

    app_name = "expo"
    name = _("Expo exhibitor directory")
    permissions = False  # public pages; nothing unpublished is ever shown

    def get_urls(self, page=None, language=None, **kwargs):
        return ["apps.expo.urls"]
