from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompaniesConfig(AppConfig):
    name = "apps.companies"
    label = "companies"
    verbose_name = _("Companies")

    def ready(self):
        from apps.core.registries import demo_builder_register

        from . import cache, demo  # noqa: F401 (cache: the "catalogue" page cache exists before a page names it)

        demo_builder_register(self.label, order=20, build=demo.build, delete=demo.delete)
