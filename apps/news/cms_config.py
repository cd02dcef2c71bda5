"""The News Center's integration with django CMS features: its entry in the toolbar's Create wizard."""

from cms.app_base import CMSAppConfig

from .wizards import article_wizard


class NewsCMSConfig(CMSAppConfig):
    cms_enabled = True
    cms_wizards = [article_wizard]
