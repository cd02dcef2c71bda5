from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TradingConfig(AppConfig):
    name = "apps.trading"
    label = "trading"
    verbose_name = _("Trading Center")

    def ready(self):
        from apps.core.registries import demo_builder_register

        from . import demo, desk, notifications, search_index

        notifications.register()
        search_index.register()  # published notices in the site search
        desk.register()  # notices awaiting approval, completeness and translation status on the editors' desk
        demo_builder_register(self.label, order=80, build=demo.build, delete=demo.delete)
