"""CSV exports of requirements and responses for editors: UTF-8 with a byte-order mark (so spreadsheet programs
read the Chinese right), one header row in the editor's language, texts of both languages side by side. A value
that a spreadsheet would run as a formula (=, +, -, @ first) is prefixed with an apostrophe."""

from django.conf import settings
from django.db.models import Count, Prefetch, Q
from django.utils.translation import gettext as _

from apps.companies.models import ProductCategory
from apps.core.spreadsheets import csv_bytes
from apps.core.spreadsheets import moment as _moment

from .models import Requirement, Response, ResponseStatus

LANGUAGES = [code for code, _name in settings.LANGUAGES]
def _texts(obj, field):
    by_language = {row.language_code: getattr(row, field) for row in obj.translations.all()}
    return [by_language.get(language, "") for language in LANGUAGES]


def requirements_csv(queryset=None):
    queryset = (queryset if queryset is not None else Requirement.objects.all()).select_related(
        "company", "event").prefetch_related(
        "translations", "company__translations", "event__translations",
        Prefetch("categories", queryset=ProductCategory.objects.prefetch_related("translations")),
    ).annotate(responses_count=Count("responses", filter=~Q(responses__status=ResponseStatus.WITHDRAWN))
               ).order_by("pk")
    header = ([_("Number"), _("Status")] + [f"{_('Title')} ({language})" for language in LANGUAGES]
              + [_("Company"), _("Categories"), _("Segment"), _("Quantity"), _("Unit"), _("Delivery region"),
                 _("Deadline"), _("Budget from"), _("Budget up to"), _("Currency"), _("Who may see it"),
                 _("Docking event"), _("Opened"), _("Responses")])
    rows = ([r.pk, r.state().label, *_texts(r, "title"), r.company, "; ".join(str(c) for c in r.categories.all()),
             r.get_segment_display(), r.quantity, r.get_unit_display(), r.get_region_display(), r.deadline,
             r.budget_min, r.budget_max, r.currency, r.get_visibility_display(), r.event or "",
             _moment(r.published_at), r.responses_count] for r in queryset)
    return csv_bytes(header, rows)


def responses_csv(queryset=None):
    queryset = (queryset if queryset is not None else Response.objects.all()).select_related(
        "requirement__company", "company").prefetch_related(
        "requirement__translations", "company__translations", "requirement__company__translations",
    ).annotate(messages_count=Count("thread")).order_by("pk")
    header = [_("Number"), _("Requirement number"), _("Requirement"), _("Posted by"), _("Supplier"), _("Status"),
              _("Price"), _("Currency"), _("Sent"), _("Decided"), _("Messages")]
    rows = ([r.pk, r.requirement_id, r.requirement, r.requirement.company, r.company, r.get_status_display(),
             r.price, r.currency if r.price is not None else "", _moment(r.created_at), _moment(r.decided_at),
             r.messages_count] for r in queryset)
    return csv_bytes(header, rows)
