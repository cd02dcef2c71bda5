from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OnboardingConfig(AppConfig):
    name = "apps.onboarding"
    label = "onboarding"
    verbose_name = _("Joining the platform")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from apps.core.registries import demo_builder_register

        from . import demo, desk, notifications

        notifications.register()
        desk.register()  # companies to verify and join requests on the editors' desk
        demo_builder_register(self.label, order=25, build=demo.build, delete=demo.delete)  # after the companies
