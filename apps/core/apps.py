from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "apps.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self):
        from . import filer_policy

        filer_policy.signals_connect()  # filer's file models re-read size, hash and dimensions of re-encoded uploads
        from . import richtext

        richtext.djangocms_text_use()  # one allow-list for every rich-text field and text plugin
        from .cache import page_cache_bumped
        from .plugins import cms_caches_clear

        # CMS pages with live-content plugins (the home page) go stale with the apps' content.
        page_cache_bumped.connect(cms_caches_clear, dispatch_uid="core.plugins.cms_caches_clear")
