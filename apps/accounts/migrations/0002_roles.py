"""Create the portal's role groups with their model permissions."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from apps.accounts.roles import ALL, ensure_role_groups


def create_roles(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    ensure_role_groups(apps)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ALL).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("companies", "0001_initial"),
        ("cms", "__latest__"),
        ("djangocms_versioning", "__latest__"),
        ("djangocms_text", "__latest__"),
        ("djangocms_link", "__latest__"),
        ("djangocms_frontend", "__latest__"),
        ("filer", "__latest__"),
        ("easy_thumbnails", "__latest__"),
        ("contenttypes", "__latest__"),
        ("auth", "__latest__"),
    ]
    operations = [migrations.RunPython(create_roles, remove_roles)]
