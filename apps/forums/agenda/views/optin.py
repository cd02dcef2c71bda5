"""Confirming the alert address of a visitor's agenda (double opt-in), and asking for the email again. Both need
forums.manage_agenda_email on the agenda (apps/forums/rules.py): an account's agenda has no such address."""

from django.contrib import messages
from django.core import signing
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from apps.accounts.decorators import object_permission_required
from apps.core.ratelimits import limit
from apps.forums.selectors import programme, release_current

from .. import selectors, services
from ..optin import confirm_token_read

_TEMPLATE = "forums/agenda/confirm.html"


def _bad_link(request, message):
    return render(request, _TEMPLATE, {"bad_link": message, "current": "agenda"}, status=400)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@limit("agenda_confirm")
def agenda_confirm(request, token):
    """GET shows the address and the starred sessions with a button; only the POST confirms, so a mail scanner
    that opens the link does not confirm for the recipient."""
    try:
        agenda_id, email = confirm_token_read(token)
    except signing.SignatureExpired:
        return _bad_link(request, _("This confirmation link has expired. Ask for a new one on your agenda's page."))
    except signing.BadSignature:
        return _bad_link(request, _("This confirmation link is not valid. It may have been cut short or changed."))
    agenda = selectors.agenda_get(pk=agenda_id)
    if agenda is None or not request.user.has_perm("forums.manage_agenda_email", agenda):  # an account's agenda
        return _bad_link(request, _("This confirmation link is not valid. It may have been cut short or changed."))
    if agenda.email.strip().lower() != email:
        return _bad_link(request, _("This link was sent to an address this agenda no longer uses."))
    if request.method == "POST":
        try:
            services.agenda_email_confirm(agenda=agenda, email=email)
        except ValidationError as exc:  # the address changed in between
            return _bad_link(request, exc.messages[0])
        return redirect(request.path)
    release = release_current()
    shown = programme(release=release, language=get_language()) if release else None
    sessions = selectors.released_sessions(shown, selectors.agenda_session_ids(agenda)) if shown else []
    return render(request, _TEMPLATE, {"agenda": agenda, "sessions": sessions, "current": "agenda",
                                       "confirmed": agenda.email_confirmed_at is not None})


def _agenda_of_token(request, token):
    return selectors.agenda_by_token(token)


@require_POST
@limit("agenda_resend")
@object_permission_required("forums.manage_agenda_email", fn=_agenda_of_token)
def agenda_confirm_resend(request, agenda, token):
    """Email the confirmation link of the agenda's waiting address again (limits in optin.py)."""
    try:
        services.agenda_confirm_resend(agenda=agenda)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, _("We sent the confirmation link again to %(email)s.") % {"email": agenda.email})
    return redirect("forums:agenda_manage", token=agenda.token)
