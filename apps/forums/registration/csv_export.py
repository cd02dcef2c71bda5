"""Attendee lists as CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads Chinese names right),
headings in the active language, times in the forum's time zone, formulas defused."""

import csv
import io
import zoneinfo

from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from apps.forums.models import Registration

BOM = "\ufeff"
COLUMNS = ("state", "name", "email", "organisation", "language", "created_at")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value):
    """A spreadsheet must show what a registrant typed, never run it as a formula."""
    value = str(value)
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def _row(registration, zone):
    registered = timezone.localtime(registration.created_at, zone).strftime("%Y-%m-%d %H:%M")
    return [registration.get_state_display(), registration.name, registration.email, registration.organisation,
            registration.language, registered]


def registrations_csv(registrations, *, with_forum=False):
    """The CSV text of these registrations (their forums prefetched when `with_forum`)."""
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer)
    headings = [capfirst(Registration._meta.get_field(name).verbose_name) for name in COLUMNS]
    headings[1:2] = [_("Full name")]  # the model's "name" reads as a thing's name in Chinese
    writer.writerow(([_("Forum")] if with_forum else []) + headings)
    zones = {}
    for registration in registrations:
        forum = registration.forum
        zone = zones.setdefault(forum.time_zone, zoneinfo.ZoneInfo(forum.time_zone))
        row = ([str(forum)] if with_forum else []) + _row(registration, zone)
        writer.writerow([_cell(value) for value in row])
    return buffer.getvalue()
