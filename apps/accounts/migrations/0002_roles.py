"""Create the portal's role groups with their model permissions."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Editors"
EXHIBITORS = "Exhibitors"
TRADING_STAFF = "Trading staff"
EDITOR_APPS = (
    "cms", "djangocms_versioning", "djangocms_text", "djangocms_link", "djangocms_frontend",
    "filer", "easy_thumbnails", "companies",
)
TRADING_STAFF_PERMISSIONS = (("companies", "view_company"),)


def create_roles(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    editors.permissions.add(*Permission.objects.filter(content_type__app_label__in=EDITOR_APPS))
    Group.objects.get_or_create(name=EXHIBITORS)
    trading, _ = Group.objects.get_or_create(name=TRADING_STAFF)
    for app_label, codename in TRADING_STAFF_PERMISSIONS:
        trading.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=(EDITORS, EXHIBITORS, TRADING_STAFF)).delete()


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
