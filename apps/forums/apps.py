from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumsConfig(AppConfig):
    name = "apps.forums"
    label = "forums"
    verbose_name = _("Forums")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from apps.core.registries import demo_builder_register

        from . import cache, company_page, demo, desk, search_index  # noqa: F401  (cache: registers the "forums" page cache)
        from .agenda import notifications as agenda_notifications
        from .registration import notifications as registration_notifications

        agenda_notifications.register()
        registration_notifications.register()
        company_page.register()  # the company's forum sessions on its page
        search_index.register()  # released sessions and speakers in the site search
        desk.register()  # completeness and translation status on the editors' desk
        demo_builder_register(self.label, order=60, build=demo.build, delete=demo.delete)  # after expo's edition
