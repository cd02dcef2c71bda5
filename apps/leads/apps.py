from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LeadsConfig(AppConfig):
    name = "apps.leads"
    label = "leads"
    verbose_name = _("Contact requests")

    def ready(self):
        from apps.companies.signals import member_dashboard_link_register
        from apps.core.registries import demo_builder_register

        from . import demo, figures, notifications

        notifications.register()
        figures.register()  # contact requests per day on the exhibitor portal's figures page
        member_dashboard_link_register("leads", _("Contact requests from visitors"), "leads_portal:index", order=20)
        demo_builder_register(self.label, order=92, build=demo.build, delete=demo.delete)  # after docking (90)
