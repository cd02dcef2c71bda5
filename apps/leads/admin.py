"""The editors' overview of contact requests: every request per edition, with filters, a count summary of the
filtered list and its CSV export. Read only: the exhibitors handle their requests in the portal.

Editors see who wrote to whom, the status and the dates; the message and the exhibitor's notes (in the form, the
search and the CSV) only with the permission leads.read_lead_message, which no role holds by default."""

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseBadRequest
from django.urls import path
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from apps.core.admin import ReadOnlyAdmin

from . import exports, selectors
from .models import Lead

READ_MESSAGES = "leads.read_lead_message"
FIELDS = ("company", "edition", "product", "name", "organisation", "email", "phone", "language", "sender", "status",
          "created_at", "confirmed_at", "exported_at")
PRIVATE = ("message", "notes")


class ConfirmedFilter(admin.SimpleListFilter):
    title = _("confirmed")
    parameter_name = "confirmed"

    def lookups(self, request, model_admin):
        return [("yes", _("Confirmed")), ("no", _("Waiting for the sender's confirmation"))]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(confirmed_at__isnull=self.value() == "no")
        return queryset


@admin.register(Lead)
class LeadAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "organisation", "email", "company", "edition", "status", "created_at", "confirmed_at")
    list_filter = ("edition", "status", ConfirmedFilter, "language")
    list_select_related = ("company", "edition")
    date_hierarchy = "created_at"
    change_list_template = "admin/leads/lead/change_list.html"

    def _may_read(self, request):
        return request.user.has_perm(READ_MESSAGES)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("company", "edition", "product").prefetch_related(
            "company__translations", "edition__translations", "product__translations")

    def get_search_fields(self, request):
        fields = ["name", "organisation", "email", "company__translations__name"]
        return [*fields, "message"] if self._may_read(request) else fields

    def get_fields(self, request, obj=None):
        return FIELDS + PRIVATE if self._may_read(request) else FIELDS

    def get_readonly_fields(self, request, obj=None):
        return self.get_fields(request, obj)

    def get_urls(self):
        return [path("export.csv", self.admin_site.admin_view(self.export_view), name="leads_lead_export"),
                *super().get_urls()]

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        context = getattr(response, "context_data", None)
        if context and "cl" in context:
            context["lead_counts"] = selectors.edition_counts(queryset=context["cl"].queryset)
            context["may_read_messages"] = self._may_read(request)
        return response

    def export_view(self, request):
        """The CSV of the list as filtered (the changelist's own query parameters)."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        try:
            leads = self.get_changelist_instance(request).get_queryset(request)
        except IncorrectLookupParameters:
            return HttpResponseBadRequest(_("These filters are not valid."))
        content = exports.editors_csv(leads, language=get_language(), with_messages=self._may_read(request))
        response = HttpResponse(content, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="contact-requests-{timezone.localdate():%Y%m%d}.csv"'
        return response
