"""Forums admin: the draft programme (forums, rooms, topics, speakers, sessions with their speakers), the schedule
page where editors review the changes and overlaps and release, and the read-only list of releases."""

from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from parler.admin import TranslatableAdmin

from apps.core.slugs import PinyinSlugFormMixin, prepopulated_for

from .admin_schedule import ScheduleReleaseAdmin  # noqa: F401  (registers the releases and the schedule page)
from .forms import ForumAdminForm, SessionAdminForm, SpeakerAdminForm
from .models import Forum, Room, Session, SessionSpeaker, Speaker, Topic
from .registration import admin as _registration_admin  # noqa: F401


class ForumSlugForm(PinyinSlugFormMixin, ForumAdminForm):
    slug_source = "title"


class SpeakerSlugForm(PinyinSlugFormMixin, SpeakerAdminForm):
    slug_source = "name"


@admin.register(Forum)
class ForumAdmin(TranslatableAdmin):
    form = ForumSlugForm
    list_display = ("__str__", "slug", "starts_on", "ends_on", "time_zone", "requires_registration", "session_count")
    list_filter = ("edition", "requires_registration")
    search_fields = ("slug", "translations__title")
    autocomplete_fields = ("hosts", "co_organisers")
    fieldsets = (
        (None, {"fields": ("title", "slug", "edition", "position", "introduction")}),
        (_("Dates and place"), {"fields": ("starts_on", "ends_on", "time_zone", "venue")}),
        (_("Organisers"), {"fields": ("hosts", "co_organisers")}),
        (_("Registration"), {"fields": ("requires_registration", "capacity")}),
    )

    def get_prepopulated_fields(self, request, obj=None):
        return prepopulated_for(self.get_form_language(request, obj), {"slug": ("title",)})

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("translations").annotate(
            _sessions=Count("sessions", distinct=True))

    @admin.display(description=_("sessions"), ordering="_sessions")
    def session_count(self, obj):
        return obj._sessions


@admin.register(Room)
class RoomAdmin(TranslatableAdmin):
    list_display = ("__str__", "slug", "position", "capacity")
    search_fields = ("slug", "translations__name")

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("translations")


@admin.register(Topic)
class TopicAdmin(TranslatableAdmin):
    list_display = ("__str__", "slug")
    search_fields = ("slug", "translations__name")

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("translations")


@admin.register(Speaker)
class SpeakerAdmin(TranslatableAdmin):
    form = SpeakerSlugForm
    list_display = ("__str__", "slug", "company")
    search_fields = ("slug", "translations__name", "company__translations__name")
    autocomplete_fields = ("company",)
    fields = ("name", "slug", "position", "company", "bio", "photo_preview", "photo_upload", "photo_remove")
    readonly_fields = ("photo_preview",)

    def get_prepopulated_fields(self, request, obj=None):
        return prepopulated_for(self.get_form_language(request, obj), {"slug": ("name",)})

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("company").prefetch_related(
            "translations", "company__translations")

    @admin.display(description=_("photo"))
    def photo_preview(self, obj):
        from django.utils.html import format_html

        return format_html('<img src="{}" width="96" height="96" alt="">', obj.photo.url) if obj.photo else "-"

    def save_model(self, request, obj, form, change):
        from .photos import photo_file

        if form.cleaned_data.get("photo_remove") and obj.photo:
            obj.photo.delete(save=False)
        if getattr(form, "photo_data", None):
            content = photo_file(form.photo_data)
            obj.photo.save(content.name, content, save=False)
        super().save_model(request, obj, form, change)


class SessionSpeakerInline(admin.TabularInline):
    model = SessionSpeaker
    extra = 1
    autocomplete_fields = ("speaker",)
    fields = ("speaker", "role", "position")


@admin.register(Session)
class SessionAdmin(TranslatableAdmin):
    form = SessionAdminForm
    inlines = (SessionSpeakerInline,)
    list_display = ("__str__", "forum", "room", "starts_at", "ends_at", "format", "is_cancelled")
    list_filter = ("forum", "room", "format", "is_cancelled", "topic")
    search_fields = ("translations__title", "appearances__speaker__translations__name")
    date_hierarchy = "starts_at"
    autocomplete_fields = ("forum", "room", "topic")
    fieldsets = (
        (None, {"fields": ("title", "forum", "format", "topic", "abstract")}),
        (_("Time and place"), {"fields": ("starts_at", "ends_at", "room", "is_cancelled")}),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("forum", "room").prefetch_related(
            "translations", "forum__translations", "room__translations")
