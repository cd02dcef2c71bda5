"""The editors' desk for Supply & Demand: the review queue (approve, or return with a note), read-only
requirements and responses, cancelling for abuse, docking events, CSV exports and the figures. Every write goes
through apps.docking.services; the review permission is docking.review_requirement (Editors)."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from parler.admin import TranslatableAdmin

from apps.companies.selectors import product_category_tree
from apps.core.admin import ReadOnlyAdmin

from . import exports, selectors, services
from .figures import category_figures, event_figures, overall_figures
from .forms import ReturnForm, error_list
from .models import DockingEvent, Requirement, Response, Status

READ_ONLY = ("company", "status", "segment", "quantity", "unit", "region", "deadline", "budget_min", "budget_max",
             "currency", "visibility", "event", "created_by", "submitted_at", "reviewed_by", "published_at",
             "ended_at", "review_note")


@admin.register(Requirement)
class RequirementAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "company", "status", "deadline", "visibility", "submitted_at", "published_at")
    list_filter = ("status", "visibility", "event", "segment")
    search_fields = ("translations__title", "company__translations__name")
    readonly_fields = ("texts", *READ_ONLY)
    fields = readonly_fields

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("company").prefetch_related(
            "translations", "company__translations")

    @admin.display(description=_("texts"))
    def texts(self, obj):
        from django.utils.html import format_html_join

        return format_html_join("", "<h3 lang=\"{}\">{}</h3><p lang=\"{}\">{}</p><p lang=\"{}\">{}</p>", (
            (row.language_code, row.title, row.language_code, row.description, row.language_code,
             row.specifications) for row in obj.translations.all()))

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("queue/", view(self.queue_view), name="docking_requirement_queue"),
            path("figures/", view(self.figures_view), name="docking_figures"),
            path("export.csv", view(self.export_view), name="docking_requirement_export"),
            path("responses.csv", view(self.responses_export_view), name="docking_response_export"),
            path("<int:pk>/workflow/<slug:action>/", view(self.workflow_view), name="docking_requirement_workflow"),
            *super().get_urls(),
        ]

    def _require(self, request, permission):
        if not request.user.has_perm(permission):
            raise PermissionDenied

    def queue_view(self, request):
        self._require(request, "docking.review_requirement")
        context = {**self.admin_site.each_context(request), "title": _("Requirements to review"),
                   "opts": self.model._meta, "requirements": list(selectors.review_queue()),
                   "return_form": ReturnForm()}
        return TemplateResponse(request, "admin/docking/queue.html", context)

    def workflow_view(self, request, pk, action):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        requirement = Requirement.objects.filter(pk=pk).first()
        if requirement is None or action not in ("approve", "return", "cancel"):
            raise Http404
        self._require(request, "docking.review_requirement")
        try:
            if action == "approve":
                services.requirement_approve(requirement=requirement, user=request.user)
                done = _("“%(title)s” is open: its page is public and the companies it fits are told.")
            elif action == "return":
                services.requirement_return(requirement=requirement, user=request.user,
                                            note=request.POST.get("note", ""))
                done = _("“%(title)s” was returned to its poster.")
            else:
                services.requirement_cancel(requirement=requirement, user=request.user)
                done = _("“%(title)s” was cancelled.")
        except ValidationError as error:
            for message in error_list(error):
                self.message_user(request, message, messages.ERROR)
        else:
            self.message_user(request, done % {"title": requirement}, messages.SUCCESS)
        back = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
            back = reverse("admin:docking_requirement_queue")
        return HttpResponseRedirect(back)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and request.user.has_perm("docking.review_requirement"):
            context["workflow"] = {"review": obj.status == Status.REVIEW,
                                   "cancel": obj.status in (Status.OPEN, Status.CLOSED)}
            context["return_form"] = ReturnForm()
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _csv(self, content, name):
        response = HttpResponse(content, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}-{timezone.localdate():%Y%m%d}.csv"'
        return response

    def export_view(self, request):
        self._require(request, "docking.export_docking")
        return self._csv(exports.requirements_csv(), "requirements")

    def responses_export_view(self, request):
        self._require(request, "docking.export_docking")
        return self._csv(exports.responses_csv(), "responses")

    def figures_view(self, request):
        self._require(request, "docking.view_requirement")
        events = [(event, event_figures(event=event)) for event in selectors.events_public()]
        context = {**self.admin_site.each_context(request), "title": _("Supply & Demand figures"),
                   "opts": self.model._meta, "overall": overall_figures(), "events": events,
                   "categories": category_figures(tree=product_category_tree())}
        return TemplateResponse(request, "admin/docking/figures.html", context)


@admin.register(Response)
class ResponseAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "status", "price", "currency", "created_at", "decided_at")
    list_filter = ("status",)
    fields = readonly_fields = ("requirement", "company", "created_by", "message", "capabilities", "price",
                                "currency", "status", "poster_publishes", "supplier_publishes", "created_at",
                                "decided_at")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("requirement", "company").prefetch_related(
            "requirement__translations", "company__translations")


@admin.register(DockingEvent)
class DockingEventAdmin(TranslatableAdmin):
    list_display = ("__str__", "slug", "starts_on", "is_public")
    fields = ("name", "slug", "starts_on", "venue", "description", "edition_slug", "forum_session_id", "is_public")

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("translations")

    def save_model(self, request, obj, form, change):
        services.event_save(event=obj, user=request.user)
