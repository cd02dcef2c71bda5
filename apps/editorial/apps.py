from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "apps.editorial"
    label = "editorial"
    verbose_name = _("Editors' desk")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import branding, language_tabs, notifications, sources

        branding.admin_brand()  # the admin's header and titles: the site's name in the request's language
        language_tabs.tabs_follow_request_language()  # parler's admin opens the tab of the admin's language
        notifications.register()
        sources.register()  # the feature apps register theirs in their own ready() (apps.editorial.registry)
