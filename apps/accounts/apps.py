from django.apps import AppConfig
from django.apps import apps as registry
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _update_role_groups(sender, apps=registry, **kwargs):
    """After `migrate` (once every app's permissions exist) grant the roles any new permissions."""
    if sender is not list(registry.get_app_configs())[-1]:
        return
    from .roles import ensure_role_groups

    ensure_role_groups(apps)


class AccountsConfig(AppConfig):
    name = "apps.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from apps.core.registries import demo_builder_register

        from . import demo

        post_migrate.connect(_update_role_groups, dispatch_uid="accounts.update_role_groups")
        demo_builder_register(self.label, order=10, build=demo.build, delete=demo.delete)
