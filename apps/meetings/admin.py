"""Meetings in the admin, for editors: every request per edition (filter) with counts by status, read-only, and a
CSV export. The visitors' messages are private to the two parties: editors see that a message exists, and read
it (on the page and in the export) only with meetings.read_meeting_message, which no role holds by default
(give it to a moderator by hand when a complaint needs it)."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.core.admin import ReadOnlyAdmin

from . import exports, selectors
from .models import ZONE, Availability, MeetingRequest, Status

READ_MESSAGE = "meetings.read_meeting_message"


@admin.register(MeetingRequest)
class MeetingRequestAdmin(ReadOnlyAdmin):
    list_display = ("pk", "company", "requester", "requester_company", "starts", "status", "has_message",
                    "created_at")
    list_filter = ("edition", "status")
    list_select_related = ("company", "requester", "requester_company", "edition")
    search_fields = ("requester__username", "requester__email", "company__translations__name")
    date_hierarchy = "starts_at"
    change_list_template = "admin/meetings/meetingrequest/change_list.html"

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("company__translations",
                                                              "requester_company__translations")

    def get_fields(self, request, obj=None):
        fields = ["company", "edition", "requester", "requester_company", "starts", "status", "has_message",
                  "requested_starts_at", "created_at", "updated_at", "reminded_at"]
        if request.user.has_perm(READ_MESSAGE):
            fields.append("message")
        return fields

    def get_readonly_fields(self, request, obj=None):
        return self.get_fields(request, obj)

    @admin.display(description=_("starts"), ordering="starts_at")
    def starts(self, obj):
        return f"{obj.starts_at.astimezone(ZONE):%Y-%m-%d %H:%M}–{obj.ends_at.astimezone(ZONE):%H:%M}"

    @admin.display(description=_("message"), boolean=True)
    def has_message(self, obj):
        return bool(obj.message)

    def get_urls(self):
        view = self.admin_site.admin_view
        return [path("export.csv", view(self.export_view), name="meetings_meetingrequest_export"),
                *super().get_urls()]

    def changelist_view(self, request, extra_context=None):
        edition = request.GET.get("edition__id__exact", "")
        counts = selectors.edition_counts(edition_id=int(edition) if edition.isdigit() else None)
        extra = {"status_counts": [(label, counts.get(value, 0)) for value, label in Status.choices],
                 "total_count": sum(counts.values()), "edition_filter": edition if edition.isdigit() else "",
                 "may_export": request.user.has_perm("meetings.export_meetings")}
        return super().changelist_view(request, {**(extra_context or {}), **extra})

    def export_view(self, request):
        if not request.user.has_perm("meetings.export_meetings"):
            raise PermissionDenied
        edition = request.GET.get("edition", "")
        content = exports.meetings_csv(edition_id=int(edition) if edition.isdigit() else None,
                                       with_messages=request.user.has_perm(READ_MESSAGE))
        response = HttpResponse(content, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="meetings-{timezone.localdate():%Y%m%d}.csv"'
        return response


@admin.register(Availability)
class AvailabilityAdmin(ReadOnlyAdmin):
    list_display = ("company", "day", "starts_at", "ends_at", "slot_minutes", "location", "is_open")
    list_filter = ("edition", "day", "is_open")
    list_select_related = ("company",)
