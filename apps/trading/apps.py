from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TradingConfig(AppConfig):
    name = "apps.trading"
    label = "trading"
    verbose_name = _("Trading Center")

    def ready(self):
        from .notifications import register

        register()
