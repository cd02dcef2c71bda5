from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumsConfig(AppConfig):
    name = "apps.forums"
    label = "forums"
    verbose_name = _("Forums")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .agenda import notifications as agenda_notifications
        from .registration import notifications as registration_notifications

        agenda_notifications.register()
        registration_notifications.register()
