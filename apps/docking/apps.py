from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DockingConfig(AppConfig):
    name = "apps.docking"
    label = "docking"
    verbose_name = _("Supply & Demand")

    def ready(self):
        from apps.companies.signals import company_changed, member_dashboard_link_register
        from apps.core.registries import demo_builder_register

        from . import cache, company_page, demo, desk, notifications, search_index

        notifications.register()
        company_page.register()  # the company's open requirements on its page
        search_index.register()  # requirements in the site search
        desk.register()  # requirements to moderate and completeness on the editors' desk
        company_changed.connect(cache.company_changed_receiver, dispatch_uid="docking.company_changed")
        member_dashboard_link_register("docking-matches", _("Requirements that match your products"),
                                       "docking:matches", order=10)  # on the exhibitor portal's dashboard
        demo_builder_register(self.label, order=90, build=demo.build, delete=demo.delete)  # after expo and forums
