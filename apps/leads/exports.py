"""CSV files of contact requests: UTF-8 with a byte-order mark (so spreadsheet programs read Chinese right), one
header row in the reader's language. A value a spreadsheet would run as a formula (=, +, -, @ first) gets an
apostrophe in front.

- portal_csv: a company's own requests for its members, with the messages and their notes.
- editors_csv: every request of the admin's list; messages and notes only for those allowed to read them.
"""

from django.utils import translation
from django.utils.translation import gettext as _

from apps.core.spreadsheets import csv_bytes
from apps.core.spreadsheets import moment as _moment


def _product(lead, language):
    if lead.product is None:
        return ""
    return lead.product.safe_translation_getter("name", language_code=language, any_language=True) or ""


def portal_csv(leads, *, language):
    with translation.override(language):
        header = [_("Number"), _("Sent"), _("Status"), _("Sender's name"), _("Company name"), _("Email"), _("Phone"),
                  _("Product of interest"), _("Message"), _("Language"), _("Notes")]
        rows = ([lead.pk, _moment(lead.confirmed_at), lead.get_status_display(), lead.name, lead.organisation,
                 lead.email, lead.phone, _product(lead, language), lead.message, lead.get_language_display(),
                 lead.notes] for lead in leads)
        return csv_bytes(header, rows)


def editors_csv(leads, *, language, with_messages):
    with translation.override(language):
        header = [_("Number"), _("Expo edition"), _("Exhibitor"), _("Status"), _("Sent"), _("Confirmed"),
                  _("Sender's name"), _("Company name"), _("Email"), _("Language")]
        if with_messages:
            header += [_("Message"), _("Notes")]
        rows = []
        for lead in leads:
            row = [lead.pk, lead.edition, lead.company, lead.get_status_display(), _moment(lead.created_at),
                   _moment(lead.confirmed_at), lead.name, lead.organisation, lead.email, lead.get_language_display()]
            if with_messages:
                row += [lead.message, lead.notes]
            rows.append(row)
        return csv_bytes(header, rows)
