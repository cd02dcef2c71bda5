from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompaniesConfig(AppConfig):
    name = "apps.companies"
    label = "companies"
    verbose_name = _("Companies")

    def ready(self):
        from apps.core.registries import demo_builder_register

        from . import cache, demo

        assert cache.catalogue_cache  # the "catalogue" page cache exists before any page lists it in `also`
        demo_builder_register(self.label, order=20, build=demo.build, delete=demo.delete)
