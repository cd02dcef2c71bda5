"""Registrations in the admin, for organisers: lists by forum and state, attendee CSV, cancellations through the
service (a freed place goes to the waiting list). Registrations are made on the public form, not here. The actions
check the rules of apps/forums/rules.py, as the attendee CSV page does."""

from django.contrib import admin, messages
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from apps.forums.models import Registration, RegistrationState

from . import services
from .csv_export import registrations_csv

READ_ONLY = ("forum", "email", "language", "state", "user", "token", "created_at", "updated_at")


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ("name", "email", "organisation", "forum", "state", "language", "created_at")
    list_filter = ("forum", "state", "language")
    search_fields = ("name", "email", "organisation")
    date_hierarchy = "created_at"
    fields = ("forum", "name", "email", "organisation", "language", "state", "user", "created_at", "updated_at")
    readonly_fields = READ_ONLY
    actions = ("export_csv", "cancel_registrations", "fill_places")
    list_select_related = ("forum",)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("forum").prefetch_related("forum__translations")

    def has_add_permission(self, request):
        return False

    def has_export_attendees_permission(self, request):
        return request.user.has_perm("forums.export_attendees")

    def has_cancel_registration_permission(self, request):
        return request.user.has_perm("forums.cancel_registration")

    def has_fill_places_permission(self, request):
        return request.user.has_perm("forums.fill_places")

    @admin.action(description=_("Export the selected registrations as CSV"), permissions=["export_attendees"])
    def export_csv(self, request, queryset):
        rows = queryset.order_by("forum__starts_on", "forum__slug", "created_at", "pk")
        response = HttpResponse(registrations_csv(rows, with_forum=True), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="registrations.csv"'
        return response

    @admin.action(description=_("Cancel the selected registrations (freed places go to the waiting list)"),
                  permissions=["cancel_registration"])
    def cancel_registrations(self, request, queryset):
        active = list(queryset.exclude(state=RegistrationState.CANCELLED))
        for registration in active:
            services.registration_cancel(registration=registration)
        self.message_user(request, ngettext("%(count)d registration cancelled.", "%(count)d registrations cancelled.",
                                           len(active)) % {"count": len(active)}, messages.SUCCESS)

    @admin.action(description=_("Give free places of these forums to their waiting lists"),
                  permissions=["fill_places"])
    def fill_places(self, request, queryset):
        promoted = 0
        for forum in {registration.forum for registration in queryset}:
            promoted += len(services.registrations_promote(forum=forum))
        self.message_user(request, ngettext("%(count)d person moved up from the waiting list.",
                                           "%(count)d people moved up from the waiting list.",
                                           promoted) % {"count": promoted}, messages.SUCCESS)
