from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "apps.search"
    label = "search"
    verbose_name = _("Site search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from apps.core.registries import demo_builder_register

        from . import demo

        demo_builder_register(self.label, order=1000, build=demo.build, delete=demo.delete)  # after every app
