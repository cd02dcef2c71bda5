"""The admin carries the site's name (apps.core.branding, translated) instead of "Django administration"."""

from django.contrib import admin
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from apps.core.branding import site_name


def _site_name():
    return str(site_name())


def admin_brand():
    name = lazy(_site_name, str)()  # evaluated per request, in its language
    admin.site.site_header = name
    admin.site.site_title = name
    admin.site.index_title = _("Editors' desk")
