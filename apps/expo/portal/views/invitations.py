"""Accepting an invitation: a new account (username = the invited address) or the logged-in account joins."""

from django.contrib.auth import get_user_model, login
from django.contrib.auth.forms import SetPasswordForm
from django.core import signing
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .. import invitations, selectors


def _bad(request, message, status=400):
    return render(request, "expo/portal/invitation_invalid.html", {"message": message}, status=status)


@require_http_methods(["GET", "POST"])
def invitation_accept(request, token):
    try:
        invitation = selectors.invitation_get(invitations.invitation_token_read(token))
    except signing.SignatureExpired:
        return _bad(request, _("This invitation has expired. Ask the expo team to send you a new one."))
    except signing.BadSignature:
        return _bad(request, _("This invitation link is not valid. It may have been cut short or changed."))
    if invitation is None:
        return _bad(request, _("This invitation no longer exists."), status=404)
    if invitation.accepted_at:
        return _bad(request, _("This invitation has already been used. Log in to manage the company profile."))
    user = request.user if request.user.is_authenticated else None
    context = {"invitation": invitation, "company": invitation.company,
               "login_url": f"{reverse('accounts:login')}?next={request.path}"}
    if user is not None:
        if not user.has_perm("expo.accept_invitation", invitation):  # logged in with another address
            return render(request, "expo/portal/invitation_accept.html", {**context, "other_account": True})
        if request.method == "POST":
            return _accept(request, invitation, user=user)
        return render(request, "expo/portal/invitation_accept.html", {**context, "join": True})
    if invitations.account_exists(invitation.email):
        return render(request, "expo/portal/invitation_accept.html", {**context, "needs_login": True})
    form = SetPasswordForm(get_user_model()(username=invitation.email.lower(), email=invitation.email),
                           request.POST or None)
    if request.method == "POST" and form.is_valid():
        return _accept(request, invitation, password=form.cleaned_data["new_password1"])
    return render(request, "expo/portal/invitation_accept.html", {**context, "form": form},
                  status=400 if form.is_bound else 200)


def _accept(request, invitation, *, user=None, password=None):
    try:
        user = invitations.invitation_accept(invitation=invitation, user=user, password=password)
    except invitations.InvitationError as error:
        return _bad(request, str(error))
    if not request.user.is_authenticated:
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    return redirect("expo_portal:dashboard")
