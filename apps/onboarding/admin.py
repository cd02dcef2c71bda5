"""The editors' side: companies waiting for verification and join requests, decided with admin actions.

"Verify" and "approve" act at once on the selected rows; "reject" and "decline" first ask for the reason sent to
the user. Rows are never edited or deleted here: they are the record of who asked and who decided. Access and
every action follow the app's rules (onboarding.verify_company, onboarding.decide_join_request).
"""

from django.contrib import admin, messages
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from apps.core.admin import ReadOnlyAdmin

from . import services
from .forms import ReasonForm
from .models import ApplicationState, CompanyApplication, JoinRequest


class DecisionAdmin(ReadOnlyAdmin):
    """Read-only rows, reachable by the holders of `rule`, decided through actions."""

    rule = None
    actions = None
    list_filter = ("state",)
    date_hierarchy = "created_at"

    def _allowed(self, request):
        return request.user.has_perm(self.rule)

    def has_module_permission(self, request):
        return self._allowed(request)

    def has_view_permission(self, request, obj=None):
        return self._allowed(request)

    def has_decide_permission(self, request):
        return self._allowed(request)

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields if field.name != "id"]

    def _decide(self, request, queryset, decide, done, *, states=("pending",)):
        count = 0
        for record in queryset.filter(state__in=states):
            try:
                decide(record)
            except services.JoinError as error:
                self.message_user(request, f"{record}: {error}", messages.WARNING)
                continue
            count += 1
        self.message_user(request, done % {"count": count}, messages.SUCCESS)

    def _with_reason(self, request, queryset, *, action, title, decide, done):
        """The intermediate page asking for the reason; once it is given, decide every pending selected row."""
        form = ReasonForm(request.POST if "reason" in request.POST else None)
        if form.is_bound and form.is_valid():
            self._decide(request, queryset, lambda record: decide(record, form.cleaned_data["reason"]), done)
            return None
        context = {**self.admin_site.each_context(request), "title": title, "opts": self.model._meta,
                   "queryset": queryset, "form": form, "action": action,
                   "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME}
        return TemplateResponse(request, "admin/onboarding/reason.html", context, status=400 if form.is_bound else 200)


@admin.register(CompanyApplication)
class CompanyApplicationAdmin(DecisionAdmin):
    rule = "onboarding.verify_company"
    list_display = ("company", "applicant", "state", "created_at", "decided_by", "decided_at")
    search_fields = ("company__slug", "company__translations__name", "applicant__email")
    actions = ("verify", "reject")

    def get_queryset(self, request):
        return (super().get_queryset(request).select_related("company", "applicant", "decided_by")
                .prefetch_related("company__translations"))

    @admin.action(description=_("Verify the selected companies"), permissions=["decide"])
    def verify(self, request, queryset):
        self._decide(request, queryset,
                     lambda application: services.application_verify(application=application, by=request.user),
                     _("%(count)d companies verified; their members were told."),
                     states=(ApplicationState.PENDING, ApplicationState.REJECTED))

    @admin.action(description=_("Reject the selected companies (with a reason)"), permissions=["decide"])
    def reject(self, request, queryset):
        return self._with_reason(
            request, queryset, action="reject", title=_("Why can these companies not be verified?"),
            decide=lambda application, reason: services.application_reject(application=application, by=request.user,
                                                                           reason=reason),
            done=_("%(count)d companies rejected; their members were told why."))


@admin.register(JoinRequest)
class JoinRequestAdmin(DecisionAdmin):
    rule = "onboarding.decide_join_request"
    list_display = ("user", "company", "state", "created_at", "decided_by", "decided_at")
    search_fields = ("user__email", "company__slug", "company__translations__name")
    actions = ("approve", "decline")

    def get_queryset(self, request):
        return (super().get_queryset(request).select_related("company", "user", "decided_by")
                .prefetch_related("company__translations"))

    @admin.action(description=_("Approve the selected requests"), permissions=["decide"])
    def approve(self, request, queryset):
        self._decide(request, queryset,
                     lambda join_request: services.join_request_approve(join_request=join_request, by=request.user),
                     _("%(count)d requests approved; the users are members now and were told."))

    @admin.action(description=_("Decline the selected requests (with a reason)"), permissions=["decide"])
    def decline(self, request, queryset):
        return self._with_reason(
            request, queryset, action="decline", title=_("Why are these requests declined?"),
            decide=lambda join_request, reason: services.join_request_decline(
                join_request=join_request, by=request.user, reason=reason),
            done=_("%(count)d requests declined; the users were told why."))
