"""Schedule exports (iCal, JSON) and the personal agenda pages, thin: selector/service → response."""

import json

from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from apps.accounts.decorators import object_permission_required
from apps.core.links import absolute, url_maker
from apps.core.ratelimits import limit
from apps.forums.selectors import programme, release_current

from .. import ical, selectors, services
from ..forms import AgendaEmailForm, AgendaLinkForm
from ..json_export import schedule_json_bytes
from ..optin import optin_state

EXPORT_MAX_AGE = 300
EXPORT_CACHE_SECONDS = 24 * 3600


def _release_or_404():
    release = release_current()
    if release is None:
        raise Http404(_("No forum schedule has been released yet."))
    return release


def _not_modified(request, etag):
    matches = [tag.strip() for tag in request.headers.get("If-None-Match", "").split(",")]
    return etag in matches or "*" in matches


def _export(request, *, release, scope, build, content_type, filename=None, private=False, stamp=""):
    """An export of the current release with an ETag (version, language, scope), 304 when the client has it,
    kept in the cache under a key carrying the release version."""
    language = get_language()
    etag = f'"forums-{scope}-v{release.version}-{language}{stamp}"'
    if _not_modified(request, etag):
        response = HttpResponse(status=304)
    else:
        key = f"forums:export:{release.pk}:{release.version}:{language}:{scope}{stamp}"
        body = cache.get(key)
        if body is None:
            body = build()
            cache.set(key, body, timeout=EXPORT_CACHE_SECONDS)
        response = HttpResponse(body, content_type=content_type)
        if filename:
            response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["ETag"] = etag
    if private:
        patch_cache_control(response, private=True, max_age=0, must_revalidate=True)
    else:
        patch_cache_control(response, public=True, max_age=EXPORT_MAX_AGE)
    return response


def _ical(request, *, release, scope, pick, name, filename, private=False, stamp=""):
    def build():
        shown = programme(release=release, language=get_language())
        return ical.calendar_bytes(sessions=pick(shown), name=name(shown), version=release.version,
                                   released_at=release.released_at,
                                   session_url=url_maker("forums:session", absolute=absolute))

    return _export(request, release=release, scope=scope, build=build, content_type=ical.CONTENT_TYPE,
                   filename=filename, private=private, stamp=stamp)


@require_safe
def schedule_json(request):
    release = _release_or_404()
    return _export(request, release=release, scope="json", content_type="application/json; charset=utf-8",
                   build=lambda: schedule_json_bytes(release=release, absolute=absolute))


@require_safe
def ical_all(request):
    release = _release_or_404()
    return _ical(request, release=release, scope="all", pick=lambda p: p.sessions,
                 name=lambda p: ical.calendar_name("all"), filename="forums.ics")


@require_safe
def ical_forum(request, slug):
    release = _release_or_404()
    if slug not in programme(release=release, language=get_language()).forum_by_slug:
        raise Http404
    return _ical(request, release=release, scope=f"forum-{slug}", pick=lambda p: p.forum_by_slug[slug].sessions,
                 name=lambda p: p.forum_by_slug[slug].title, filename=f"forum-{slug}.ics")


@require_safe
def ical_session(request, pk):
    pk = int(pk)  # django CMS's apphook resolver hands over the raw string
    release = _release_or_404()
    if pk not in programme(release=release, language=get_language()).session_by_id:
        raise Http404
    return _ical(request, release=release, scope=f"session-{pk}", pick=lambda p: [p.session_by_id[pk]],
                 name=lambda p: p.session_by_id[pk].title, filename=f"session-{pk}.ics")


@require_safe
def ical_speaker(request, slug):
    release = _release_or_404()
    if slug not in programme(release=release, language=get_language()).speaker_by_slug:
        raise Http404
    return _ical(request, release=release, scope=f"speaker-{slug}", pick=lambda p: p.speaker_by_slug[slug].sessions,
                 name=lambda p: p.speaker_by_slug[slug].name, filename=f"speaker-{slug}.ics")


@require_safe
def ical_agenda(request, token):
    agenda = selectors.agenda_by_token(token)
    if agenda is None:
        raise Http404
    release = _release_or_404()
    ids = selectors.agenda_session_ids(agenda)
    return _ical(request, release=release, scope=f"agenda-{agenda.pk}", private=True,
                 stamp=f"-{agenda.updated_at.timestamp():.6f}".replace(".", ""),
                 pick=lambda p: selectors.released_sessions(p, ids),
                 name=lambda p: ical.calendar_name("agenda"), filename="my-forum-agenda.ics")


def _agenda_context(request, *, release, ids, form=None):
    shown = programme(release=release, language=get_language()) if release else None
    sessions = selectors.released_sessions(shown, ids) if shown else []
    days = {}
    for session in sessions:
        days.setdefault(session.day, []).append(session)
    return {"days": sorted(days.items()), "sessions": sessions, "release": release,
            "form": form or AgendaLinkForm(initial={"sessions": ",".join(str(s.id) for s in sessions)}),
            "sync": request.user.is_authenticated, "agenda_url": reverse("forums:agenda"), "current": "agenda"}


@never_cache
@require_safe
def agenda(request):
    """The starred sessions: from ?s=1,2,3 (agenda.js keeps it in step with this browser's list), else the
    account's agenda."""
    release = release_current()
    raw = request.GET.get("s", "")
    if raw or not request.user.is_authenticated:
        ids = selectors.session_ids_from_input(raw[:6000], known=selectors.release_session_ids(release),
                                               strict=False)
    else:
        ids = selectors.agenda_session_ids(selectors.agenda_of_user(request.user))
    return render(request, "forums/agenda/page.html", _agenda_context(request, release=release, ids=ids))


@require_POST
@limit("agenda_link")
def agenda_link(request):
    """Create (or update, with the token this browser kept) the agenda behind a personal calendar link."""
    release = release_current()
    known = selectors.release_session_ids(release)
    form = AgendaLinkForm(request.POST)
    ids = selectors.session_ids_from_input(request.POST.get("sessions", "")[:6000], known=known, strict=False)
    if form.is_valid():
        try:
            selectors.session_ids_from_input(form.cleaned_data["sessions"], known=known)
        except ValidationError as exc:
            form.add_error("sessions", exc)
        else:
            if not ids:
                form.add_error("sessions", _("Star at least one session first."))
    if not form.is_valid():
        context = _agenda_context(request, release=release, ids=ids, form=form)
        return render(request, "forums/agenda/page.html", context, status=400)
    agenda = services.agenda_save(session_ids=ids, language=get_language(), token=form.cleaned_data["token"],
                                  email=form.cleaned_data["email"], user=request.user)
    return redirect("forums:agenda_manage", token=agenda.token)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@limit("agenda_email")
def agenda_manage(request, token):
    """The personal calendar link of an agenda, and its alert address (for agendas without an account)."""
    agenda = selectors.agenda_by_token(token)
    if agenda is None:
        raise Http404
    form = AgendaEmailForm(request.POST or None, initial={"email": agenda.email})
    if request.method == "POST" and request.user.has_perm("forums.manage_agenda_email", agenda) and form.is_valid():
        services.agenda_email_set(agenda=agenda, email=form.cleaned_data["email"], language=get_language())
        messages.success(request, _("Your alert settings are saved."))
        return redirect("forums:agenda_manage", token=agenda.token)
    release = release_current()
    ids = selectors.agenda_session_ids(agenda)
    ical_path = reverse("forums:ical_agenda", args=[agenda.token])
    context = {**_agenda_context(request, release=release, ids=ids), "agenda": agenda, "email_form": form,
               "optin": optin_state(agenda),
               "ical_url": request.build_absolute_uri(ical_path),
               "webcal_url": "webcal://" + request.get_host() + ical_path}
    return render(request, "forums/agenda/manage.html", context, status=400 if form.errors else 200)


def _sign_in_first(request):
    return JsonResponse({"error": _("Sign in to keep your agenda on your account.")}, status=403)


@require_http_methods(["GET", "POST"])
@limit("agenda_sync")
@object_permission_required("forums.sync_agenda", denied=_sign_in_first)
def agenda_sync(request):
    """The account's starred sessions as JSON; POST {"sessions": [ids]} replaces them (agenda.js, with CSRF)."""
    if request.method == "POST":
        try:
            raw = json.loads(request.body or b"{}").get("sessions", [])
            if not isinstance(raw, list):
                raise ValueError
        except (ValueError, AttributeError):
            return JsonResponse({"error": _("Invalid request.")}, status=400)
        try:
            ids = selectors.session_ids_from_input(raw, known=selectors.release_session_ids(release_current()))
        except ValidationError as exc:
            return JsonResponse({"error": exc.messages[0]}, status=400)
        services.agenda_user_sync(user=request.user, session_ids=ids, language=get_language())
    ids = selectors.agenda_session_ids(selectors.agenda_of_user(request.user))
    response = JsonResponse({"sessions": ids})
    patch_cache_control(response, private=True, no_store=True)
    return response
