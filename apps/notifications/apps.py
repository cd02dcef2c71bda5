from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "apps.notifications"
    label = "notifications"
    verbose_name = _("Notifications")

    def ready(self):
        from apps.core.registries import demo_builder_register, health_detail_register

        from . import demo, kinds  # noqa: F401  (registers the app's own kinds)
        from .selectors import outbox_backlog

        health_detail_register("outbox", outbox_backlog)
        demo_builder_register(self.label, order=40, build=demo.build, delete=demo.delete)
