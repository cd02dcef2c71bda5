from cms.app_base import CMSApp
from cms.apphook_pool import apphook_pool
from django.utils.translation import gettext_lazy as _


@apphook_pool.register
class NewsApphook(CMSApp):
    """The News Center: attach it to the News Center page with the namespace "news"."""

    app_name = "news"
    name = _("News Center")
    permissions = False  # public pages: no django CMS page-permission lookup wrapped around every view

    def get_urls(self, page=None, language=None, **kwargs):
        return ["apps.news.urls"]
