"""Attendee lists as CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads Chinese names right),
headings in the active language, times in the forum's time zone, formulas defused."""

import zoneinfo

from django.utils.text import capfirst
from django.utils.translation import gettext as _

from apps.core.spreadsheets import csv_text, moment
from apps.forums.models import Registration

COLUMNS = ("state", "name", "email", "organisation", "language", "created_at")


def _row(registration, zone):
    return [registration.get_state_display(), registration.name, registration.email, registration.organisation,
            registration.language, moment(registration.created_at, zone)]


def registrations_csv(registrations, *, with_forum=False):
    """The CSV text of these registrations (their forums prefetched when `with_forum`)."""
    headings = [capfirst(Registration._meta.get_field(name).verbose_name) for name in COLUMNS]
    headings[1:2] = [_("Full name")]  # the model's "name" reads as a thing's name in Chinese
    zones = {}

    def row(registration):
        forum = registration.forum
        zone = zones.setdefault(forum.time_zone, zoneinfo.ZoneInfo(forum.time_zone))
        return ([str(forum)] if with_forum else []) + _row(registration, zone)

    return csv_text(([_("Forum")] if with_forum else []) + headings, (row(r) for r in registrations))
