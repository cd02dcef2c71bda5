from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "apps.meetings"
    label = "meetings"
    verbose_name = _("Meetings")

    def ready(self):
        from apps.companies.signals import member_dashboard_link_register
        from apps.core.registries import demo_builder_register

        from . import agenda, cache, company_page, demo, figures, notifications  # noqa: F401 (cache: its namespace)

        notifications.register()
        figures.register()  # requests received and meetings held per day on the exhibitor portal's figures page
        company_page.register()  # "Book a meeting" on the company page
        agenda.register()  # confirmed meetings in both parties' agenda and iCal feed
        member_dashboard_link_register("meetings", _("Meetings with visitors"), "meetings_portal:index", order=30)
        demo_builder_register(self.label, order=94, build=demo.build, delete=demo.delete)  # after docking (90)
