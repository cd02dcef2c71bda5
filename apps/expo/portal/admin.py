"""Admin of profile changes (review with a per-language diff, approve / reject with a reason) and invitations.
Reviewing checks expo.review_change, sending invitations expo.send_invitation (apps/expo/rules.py)."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from apps.expo.models import Invitation, ProfileChange, ProfileChangeState

from . import invitations, selectors, services
from .diff import change_diff
from .forms import RejectForm

REVIEW_PERMISSION = "expo.review_change"


@admin.register(ProfileChange)
class ProfileChangeAdmin(admin.ModelAdmin):
    list_display = ("company", "state", "submitted_by", "submitted_at", "reviewed_by", "reviewed_at")
    list_filter = ("state",)
    search_fields = ("company__slug", "company__translations__name")
    date_hierarchy = "submitted_at"

    def get_queryset(self, request):
        return (super().get_queryset(request).select_related("company", "submitted_by", "reviewed_by")
                .prefetch_related("company__translations"))

    def has_add_permission(self, request):
        return False  # changes come from the exhibitor portal

    def has_change_permission(self, request, obj=None):
        return False  # reviewed through approve / reject, never edited

    def has_delete_permission(self, request, obj=None):
        return False  # kept as the record of what was proposed and decided

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<int:pk>/approve/", view(self.approve_view), name="expo_profilechange_approve"),
            path("<int:pk>/reject/", view(self.reject_view), name="expo_profilechange_reject"),
            *super().get_urls(),
        ]

    def _change(self, request, pk):
        change = self.get_queryset(request).filter(pk=pk).first() if pk < 2 ** 63 else None
        if change is None:
            raise Http404
        return change

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if not object_id.isdigit():
            raise Http404
        change = self._change(request, int(object_id))
        if not self.has_view_permission(request, change):
            raise PermissionDenied
        return self._review(request, change)

    def _review(self, request, change, *, reject_form=None, status=200):
        can_review = request.user.has_perm(REVIEW_PERMISSION, change) and change.state == ProfileChangeState.PENDING
        context = {
            **self.admin_site.each_context(request), "opts": self.model._meta, "original": change,
            "title": _("Review the profile change of %(company)s") % {"company": change.company},
            "diff": change_diff(change), "can_review": can_review,
            "digest": selectors.profile_change_digest(change), "reject_form": reject_form or RejectForm(),
        }
        return TemplateResponse(request, "admin/expo/profilechange/review.html", context, status=status)

    def _check(self, request, pk):
        change = self._change(request, pk)
        if not request.user.has_perm(REVIEW_PERMISSION, change):
            raise PermissionDenied
        return change

    @staticmethod
    def _list_url():
        return reverse("admin:expo_profilechange_changelist") + "?state__exact=pending"

    @staticmethod
    def _digest(request):
        return request.POST.get("digest") or None

    def approve_view(self, request, pk):
        return require_POST(self._approve)(request, pk)

    def _approve(self, request, pk):
        change = self._check(request, pk)
        try:
            # The returned change reads the company afresh: `change` holds its translations from before the approval
            # (and reading them would put the old names back into parler's translation cache).
            change = services.profile_change_approve(change=change, editor=request.user, digest=self._digest(request))
        except services.ProfileChangeError as error:
            self.message_user(request, str(error), messages.ERROR)
            return redirect("admin:expo_profilechange_change", pk)
        self.message_user(request, _("The change of %(company)s is approved and online.") % {
            "company": change.company}, messages.SUCCESS)
        return redirect(self._list_url())

    def reject_view(self, request, pk):
        return require_POST(self._reject)(request, pk)

    def _reject(self, request, pk):
        change = self._check(request, pk)
        form = RejectForm(request.POST)
        if not form.is_valid():
            return self._review(request, change, reject_form=form, status=400)
        try:
            services.profile_change_reject(change=change, editor=request.user, reason=form.cleaned_data["reason"],
                                           digest=self._digest(request))
        except services.ProfileChangeError as error:
            self.message_user(request, str(error), messages.ERROR)
            return redirect("admin:expo_profilechange_change", pk)
        self.message_user(request, _("The change of %(company)s is rejected; its members were told why.") % {
            "company": change.company}, messages.SUCCESS)
        return redirect(self._list_url())


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ("email", "company", "language", "created_at", "invited_by", "accepted_at")
    list_filter = ("language", ("accepted_at", admin.EmptyFieldListFilter))
    search_fields = ("email", "company__slug", "company__translations__name")
    autocomplete_fields = ("company",)
    fields = ("company", "email", "language")
    actions = ("send_again",)

    def get_queryset(self, request):
        return (super().get_queryset(request).select_related("company", "invited_by", "accepted_by")
                .prefetch_related("company__translations"))

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return ()
        return ("company", "email", "language", "invited_by", "created_at", "accepted_at", "accepted_by")

    def get_fields(self, request, obj=None):
        return self.fields if obj is None else self.get_readonly_fields(request, obj)

    def save_model(self, request, obj, form, change):
        if change:
            return
        sent = invitations.invitation_send(company=obj.company, email=obj.email, language=obj.language,
                                           invited_by=request.user)
        obj.pk, obj.created_at, obj.invited_by = sent.pk, sent.created_at, sent.invited_by
        obj._state.adding = False

    def has_send_permission(self, request):
        return request.user.has_perm("expo.send_invitation")

    @admin.action(description=_("Send the invitation again (a new link, valid for 14 days)"), permissions=["send"])
    def send_again(self, request, queryset):
        sent = 0
        for invitation in queryset.filter(accepted_at__isnull=True):
            invitations.invitation_resend(invitation=invitation)
            sent += 1
        self.message_user(request, _("%(count)d invitations sent again.") % {"count": sent}, messages.SUCCESS)
