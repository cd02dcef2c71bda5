"""The notice desk in the admin: trading staff draft and submit, a second person approves; every write goes
through apps.trading.services. A published notice is read-only here except for pinning."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from parler.admin import TranslatableAdmin

from . import selectors, services
from .forms import AttachmentAdminForm
from .models import EDITABLE_STATUSES, Notice, NoticeAttachment, NoticeStatus, TradingCenter

NOTICE_FIELDS = ("center", "kind", "title", "body", "issue_date", "effective_from", "effective_until", "supersedes",
                 "pinned", "prevailing_language")
RECORD_FIELDS = ("serial", "status", "created_by", "updated_by", "approved_by", "published_at", "withdrawn_at")


@admin.register(TradingCenter)
class TradingCenterAdmin(TranslatableAdmin):
    list_display = ("__str__", "slug", "position")
    fields = ("name", "slug", "position", "introduction")

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("translations")

    def save_model(self, request, obj, form, change):
        services.center_save(center=obj)


class AttachmentInline(admin.TabularInline):
    model = NoticeAttachment
    form = AttachmentAdminForm
    extra = 1
    fields = ("upload", "filename", "file_type", "size", "language", "position")
    readonly_fields = ("filename", "file_type", "size")

    def _editable(self, obj):
        return obj is None or obj.status in EDITABLE_STATUSES

    def has_add_permission(self, request, obj=None):
        return self._editable(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._editable(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._editable(obj) and super().has_delete_permission(request, obj)

    def get_extra(self, request, obj=None, **kwargs):
        return 1 if self._editable(obj) else 0


@admin.register(Notice)
class NoticeAdmin(TranslatableAdmin):
    list_display = ("__str__", "kind", "center", "status", "issue_date", "effective_from", "effective_until",
                    "pinned")
    list_filter = ("status", "kind", "center", "year", "pinned")
    search_fields = ("translations__title", "=number")
    date_hierarchy = "issue_date"
    inlines = (AttachmentInline,)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("center").prefetch_related(
            "translations", "center__translations")

    def get_fields(self, request, obj=None):
        return NOTICE_FIELDS + (RECORD_FIELDS if obj is not None else ())

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return ()
        if obj.status in EDITABLE_STATUSES:
            return RECORD_FIELDS
        return tuple(name for name in NOTICE_FIELDS if name != "pinned") + RECORD_FIELDS

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "supersedes":
            kwargs["queryset"] = selectors.supersedable_notices()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(description=_("serial number"))
    def serial(self, obj):
        return obj.serial or "—"

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.status not in EDITABLE_STATUSES:
            return False
        return super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        if obj.pk and obj.status not in EDITABLE_STATUSES:
            if "pinned" in form.changed_data:
                services.notice_pin(notice=obj, user=request.user, pinned=obj.pinned)
            return
        services.notice_save(notice=obj, user=request.user)

    def save_formset(self, request, form, formset, change):
        if formset.model is not NoticeAttachment:
            return super().save_formset(request, form, formset, change)
        notice = form.instance
        for row in formset.deleted_forms:
            if row.instance.pk:
                services.attachment_delete(attachment=row.instance, user=request.user)
        for row in formset.forms:
            if row in formset.deleted_forms or not row.has_changed():
                continue
            data = row.cleaned_data
            if row.instance.pk is None:
                if data.get("checked"):
                    services.attachment_add(notice=notice, upload=data["checked"], user=request.user,
                                            language=data.get("language", ""), position=data.get("position") or 0)
            else:
                services.attachment_update(attachment=row.instance, user=request.user,
                                           language=data.get("language", ""), position=data.get("position") or 0)
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        return None

    def delete_model(self, request, obj):
        services.notice_delete(notice=obj, user=request.user)

    def delete_queryset(self, request, queryset):
        for notice in queryset:
            services.notice_delete(notice=notice, user=request.user)

    # --- Workflow: submit, return, approve, withdraw, correct (POST forms above the change form) ---

    def get_urls(self):
        workflow = self.admin_site.admin_view(self.workflow_view)
        return [path("<int:pk>/workflow/<slug:action>/", workflow, name="trading_notice_workflow"),
                *super().get_urls()]

    def workflow_actions(self, request, notice):
        """The workflow steps this user may take on this notice now: [(action, label)]."""
        user, actions = request.user, []
        if notice.status == NoticeStatus.DRAFT and user.has_perm("trading.change_notice"):
            actions.append(("submit", _("Submit for approval")))
        if notice.status == NoticeStatus.SUBMITTED:
            if user.has_perm("trading.approve_notice", notice):
                actions.append(("approve", _("Approve and publish")))
            if user.has_perm("trading.change_notice"):
                actions.append(("return", _("Return to draft")))
        if notice.status == NoticeStatus.PUBLISHED:
            if user.has_perm("trading.add_notice"):
                actions.append(("correct", _("Draft a correction")))
            if user.has_perm("trading.publish_notice"):
                actions.append(("withdraw", _("Withdraw")))
        return actions

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            context["workflow_actions"] = self.workflow_actions(request, obj)
            context["awaiting_second_person"] = (obj.status == NoticeStatus.SUBMITTED
                                                 and not request.user.has_perm("trading.approve_notice", obj))
        return super().render_change_form(request, context, add, change, form_url, obj)

    WORKFLOW = {
        "submit": (services.notice_submit, _("The notice was submitted for approval.")),
        "return": (services.notice_return, _("The notice was returned to draft.")),
        "approve": (services.notice_approve, _("The notice was published as %(serial)s.")),
        "withdraw": (services.notice_withdraw, _("The notice %(serial)s was withdrawn.")),
        "correct": (services.notice_correction_start,
                    _("A correction was drafted; it supersedes %(serial)s once it is published.")),
    }

    def workflow_view(self, request, pk, action):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        notice = Notice.objects.filter(pk=pk).first()
        if notice is None or action not in self.WORKFLOW:
            raise Http404
        if not self.has_view_or_change_permission(request, notice):
            raise PermissionDenied
        service, done = self.WORKFLOW[action]
        change_url = reverse("admin:trading_notice_change", args=[notice.pk])
        try:
            result = service(notice=notice, user=request.user)
        except ValidationError as error:
            for message in error.messages:
                self.message_user(request, message, messages.ERROR)
            return HttpResponseRedirect(change_url)
        serial = result.serial if action != "correct" else notice.serial
        self.message_user(request, done % {"serial": serial}, messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:trading_notice_change", args=[result.pk]))
