"""The portal's roles. Each is a Django group holding model permissions.

The groups are created by migration accounts.0002_roles and brought up to date after every `migrate`
(post_migrate), so permissions of apps added later reach their roles without a migration of their own.
"""

EDITORS = "Editors"
EXHIBITORS = "Exhibitors"
TRADING_STAFF = "Trading staff"
CONTRIBUTORS = "Contributors"
ALL = (EDITORS, EXHIBITORS, TRADING_STAFF, CONTRIBUTORS)

# Roles whose members work in the admin.
STAFF_ROLES = (EDITORS, TRADING_STAFF, CONTRIBUTORS)

# Every permission of these apps, per role.
ROLE_APPS = {
    EDITORS: ("cms", "djangocms_versioning", "djangocms_text", "djangocms_link", "djangocms_frontend",
              "filer", "easy_thumbnails", "companies", "expo", "forums", "news", "trading", "notifications", "docking",
              "editorial"),  # editorial: who looks after which language (the daily translation summary)
    EXHIBITORS: (),
    TRADING_STAFF: ("trading",),
    CONTRIBUTORS: (),
}
# Single permissions ("app_label.codename"), per role.
ROLE_PERMISSIONS = {
    # meetings and leads: editors list and export them; reading the visitors' messages is granted to a moderator
    # by hand (meetings.read_meeting_message, leads.read_lead_message)
    EDITORS: ("meetings.view_meetingrequest", "meetings.view_availability", "meetings.export_meetings",
              "leads.view_lead"),
    EXHIBITORS: (),
    TRADING_STAFF: ("companies.view_company",),
    # Contributors write and submit articles; publishing needs news.publish_article (Editors only).
    CONTRIBUTORS: ("news.add_article", "news.change_article", "news.view_article", "news.view_category",
                   "news.view_tag", "companies.view_company"),
}


def ensure_role_groups(apps):
    """Create the role groups and grant their permissions; `apps` is a migration state or the app registry."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role in ALL:
        group, _created = Group.objects.get_or_create(name=role)
        wanted = Permission.objects.filter(content_type__app_label__in=ROLE_APPS[role])
        for label in ROLE_PERMISSIONS[role]:
            app_label, codename = label.split(".")
            wanted = wanted | Permission.objects.filter(content_type__app_label=app_label, codename=codename)
        group.permissions.add(*wanted)
