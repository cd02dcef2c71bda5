from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExpoConfig(AppConfig):
    name = "apps.expo"
    label = "expo"
    verbose_name = _("Expo")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from apps.accounts.landing import login_landing_register
        from apps.companies.signals import company_changed, company_page_url_register
        from apps.core.registries import demo_builder_register

        from . import demo, demo_visitors, desk, notifications, search_index
        from .bookmarks import agenda as bookmarks_agenda
        from .cache import company_changed_receiver
        from .company_page import company_url
        from .figures import sources as figure_sources
        from .portal.landing import portal_landing

        notifications.register()
        search_index.register()  # companies and products in the site search
        desk.register()  # profile changes, completeness and translation status on the editors' desk
        company_page_url_register(company_url)  # a company's page lives in the expo directory
        login_landing_register("expo.portal", portal_landing)  # members land in the exhibitor portal
        company_changed.connect(company_changed_receiver, dispatch_uid="expo.company_changed")
        demo_builder_register(self.label, order=50, build=demo.build, delete=demo.delete)
        bookmarks_agenda.register()  # starred exhibitors on the forums' "My agenda" page
        figure_sources.register()  # profile and product views on the exhibitor portal's figures page
        demo_builder_register("expo.visitors", order=96, build=demo_visitors.build, delete=demo_visitors.delete)
