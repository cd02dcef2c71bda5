"""Expo admin: editions with their halls, halls with their booths and a plan preview, booths, participations.

Every save makes the public expo pages stale (services.expo_changed); a participation's save re-indexes its company.
"""

from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from parler.admin import TranslatableAdmin, TranslatableTabularInline

from . import selectors, services
from .floorplan import hall_svg
from .models import Booth, Edition, Hall, Participation
from .portal import admin as _portal_admin  # noqa: F401  (profile-change review and invitations)


class ExpoChangedMixin:
    """Bump the public pages' version after any change made here."""

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.expo_changed()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        services.expo_changed()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        services.expo_changed()


class HallInline(TranslatableTabularInline):
    model = Hall
    extra = 0
    fields = ("code", "name", "position", "width", "depth")
    show_change_link = True


@admin.register(Edition)
class EditionAdmin(ExpoChangedMixin, TranslatableAdmin):
    list_display = ("__str__", "slug", "status", "starts_on", "ends_on")
    list_filter = ("status",)
    search_fields = ("slug", "translations__name")
    inlines = (HallInline,)
    fields = ("name", "slug", "status", "starts_on", "ends_on", "venue", "city", "summary")

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("translations")


class BoothInline(admin.TabularInline):
    model = Booth
    extra = 0
    fields = ("code", "participation", "x", "y", "width", "depth")
    autocomplete_fields = ("participation",)


@admin.register(Hall)
class HallAdmin(ExpoChangedMixin, TranslatableAdmin):
    list_display = ("__str__", "code", "edition", "width", "depth")
    list_filter = ("edition",)
    search_fields = ("code", "translations__name")
    list_select_related = ("edition",)
    inlines = (BoothInline,)
    fields = ("edition", "code", "name", "position", "width", "depth", "plan_preview")
    readonly_fields = ("plan_preview",)

    @admin.display(description=_("Floor plan (as saved)"))
    def plan_preview(self, obj):
        if obj is None or obj.pk is None:
            return _("The plan is drawn once the hall is saved.")
        return format_html('<div style="max-width: 900px">{}</div>',
                           hall_svg(hall=obj, booths=selectors.hall_booths(hall=obj), plan_id="admin-plan"))

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("translations", "edition__translations")


@admin.register(Booth)
class BoothAdmin(ExpoChangedMixin, admin.ModelAdmin):
    list_display = ("code", "hall", "participation", "x", "y", "width", "depth")
    list_filter = ("hall__edition", "hall")
    list_editable = ("x", "y", "width", "depth")
    search_fields = ("code", "participation__company__translations__name")
    autocomplete_fields = ("participation",)
    list_select_related = ("hall", "participation__company", "participation__edition")

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        services.expo_changed()


class ParticipationBoothInline(admin.TabularInline):
    model = Booth
    extra = 0
    fields = ("hall", "code", "x", "y", "width", "depth")
    verbose_name_plural = _("booths")


@admin.register(Participation)
class ParticipationAdmin(ExpoChangedMixin, TranslatableAdmin):
    list_display = ("company", "edition", "is_confirmed", "created_at")
    list_filter = ("edition", "is_confirmed")
    search_fields = ("company__slug", "company__translations__name")
    autocomplete_fields = ("company", "categories")
    list_select_related = ("company", "edition")
    inlines = (ParticipationBoothInline,)
    fields = ("company", "edition", "is_confirmed", "categories", "highlights")

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related(
            "translations", "company__translations", "edition__translations")

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.company_index(company=form.instance.company)
