from cms.app_base import CMSApp
from cms.apphook_pool import apphook_pool
from django.utils.translation import gettext_lazy as _


@apphook_pool.register
class ForumsApphook(CMSApp):
    """The forums programme, sessions, speakers, changes, registration and agenda below its CMS page."""

    name = _("Forums")
    app_name = "forums"
    permissions = False  # public pages; the views check who may preview the draft

    def get_urls(self, page=None, language=None, **kwargs):
        return ["apps.forums.urls"]
