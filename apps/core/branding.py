"""Strings of the site shell used in several places."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

DEFAULT_SITE_NAME = _("Rubber Valley Industry Portal")
SITE_TAGLINE = _("Industry-chain services for the rubber and tire industry")


def site_name():
    return settings.SITE_NAME or DEFAULT_SITE_NAME
