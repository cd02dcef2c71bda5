from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "apps.news"
    label = "news"
    verbose_name = _("News Center")

    def ready(self):
        from apps.core.registries import demo_builder_register

        from . import cache, company_page, demo, desk, notifications, search_index  # noqa: F401  (cache: registers the "news" page cache)

        notifications.register()
        company_page.register()  # the company's articles on its page
        search_index.register()  # published articles in the site search
        desk.register()  # articles in review, completeness and translation status on the editors' desk
        demo_builder_register(self.label, order=70, build=demo.build, delete=demo.delete)
