"""CSV export of meeting requests for editors: UTF-8 with a byte-order mark (spreadsheets then read Chinese
right), header in the editor's language, times in Beijing time. The visitors' messages are included only for
editors allowed to read them (meetings.read_meeting_message); a value a spreadsheet would run as a formula gets
an apostrophe first."""

from django.db.models import Prefetch
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from apps.companies.models import Company
from apps.core.spreadsheets import csv_bytes, moment

from .models import ZONE, MeetingRequest
from .selectors import name_of, person_of


def meetings_csv(*, edition_id=None, with_messages=False):
    companies = Company.objects.prefetch_related("translations")
    rows = MeetingRequest.objects.select_related("availability", "requester").prefetch_related(
        Prefetch("company", queryset=companies), Prefetch("requester_company", queryset=companies)).order_by("pk")
    if edition_id:
        rows = rows.filter(edition_id=edition_id)
    language = get_language()
    header = [_("Number"), _("Status"), _("Exhibitor"), _("Visitor"), _("Visitor's company"), _("Starts"),
              _("Ends"), _("Place"), _("Requested")]
    if with_messages:
        header.append(_("Message"))
    rows = ([row.pk, row.get_status_display(), name_of(row.company, language), person_of(row.requester),
             name_of(row.requester_company, language) if row.requester_company else "",
             moment(row.starts_at, ZONE), moment(row.ends_at, ZONE), row.availability.place,
             moment(row.created_at, ZONE)] + ([row.message] if with_messages else []) for row in rows)
    return csv_bytes(header, rows)
