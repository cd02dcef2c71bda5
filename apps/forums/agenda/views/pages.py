"""Schedule exports (iCal, JSON) and the personal agenda pages, thin: selector/service → response."""

import hashlib
import json
from types import SimpleNamespace

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

from apps.accounts.agenda import agenda_items, agenda_sections
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


def _items_digest(items):
    """A short digest of the registered agenda items (apps.accounts.agenda): part of the feed's ETag and cache
    key, so the feed changes when an item appears, changes or goes."""
    text = repr([(i.uid, i.start.isoformat(), i.end.isoformat(), i.title, i.place, i.url, i.description)
                 for i in items])
    return hashlib.sha256(text.encode()).hexdigest()[:16]


@require_safe
def ical_agenda(request, token):
    """The agenda's starred sessions of the current release and, for an account's agenda, the items other apps
    register for that user (e.g. confirmed meetings); with items only, no release is needed."""
    agenda = selectors.agenda_by_token(token)
    if agenda is None:
        raise Http404
    language = get_language()
    items = agenda_items(user=agenda.user, language=language) if agenda.user_id else []
    release = release_current() if items else _release_or_404()
    ids = selectors.agenda_session_ids(agenda)
    stamp = f"-{agenda.updated_at.timestamp():.6f}".replace(".", "") + (f"-{_items_digest(items)}" if items else "")
    shown = release or SimpleNamespace(pk=0, version=0, released_at=agenda.updated_at)

    def build():
        sessions = selectors.released_sessions(programme(release=release, language=language), ids) if release else []
        return ical.calendar_bytes(sessions=sessions, items=items, name=ical.calendar_name("agenda"),
                                   version=shown.version, released_at=shown.released_at,
                                   session_url=url_maker("forums:session", absolute=absolute), absolute=absolute)

    return _export(request, release=shown, scope=f"agenda-{agenda.pk}", build=build, content_type=ical.CONTENT_TYPE,
                   filename="my-forum-agenda.ics", private=True, stamp=stamp)


def _agenda_context(request, *, release, ids, form=None, items=()):
    """Starred sessions and the user's registered items (apps.accounts.agenda) merged by day and time: `days` is
    [(day, [(kind, entry)])] with kind "session" or "item"; then the registered untimed sections."""
    shown = programme(release=release, language=get_language()) if release else None
    sessions = selectors.released_sessions(shown, ids) if shown else []
    days = {}
    for session in sessions:
        days.setdefault(session.day, []).append((session.starts_at, "session", session))
    for item in items:
        days.setdefault(item.start.date(), []).append((item.start, "item", item))
    days = [(day, [(kind, entry) for _at, kind, entry in sorted(entries, key=lambda e: e[0])])
            for day, entries in sorted(days.items())]
    sections = [{"section": section, "rows": rows} for section in agenda_sections()
                if (rows := section.rows(request=request))]
    return {"days": days, "sessions": sessions, "items": list(items), "release": release, "sections": sections,
            "form": form or AgendaLinkForm(initial={"sessions": ",".join(str(s.id) for s in sessions)}),
            "sync": request.user.is_authenticated, "agenda_url": reverse("forums:agenda"), "current": "agenda"}


def _user_items(request):
    return agenda_items(user=request.user, language=get_language())


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
    context = _agenda_context(request, release=release, ids=ids, items=_user_items(request))
    return render(request, "forums/agenda/page.html", context)


@require_POST
@limit("agenda_link")
def agenda_link(request):
    """Create (or update, with the token this browser kept) the agenda behind a personal calendar link."""
    release = release_current()
    known = selectors.release_session_ids(release)
    form = AgendaLinkForm(request.POST)
    items = _user_items(request)
    ids = selectors.session_ids_from_input(request.POST.get("sessions", "")[:6000], known=known, strict=False)
    if form.is_valid():
        try:
            selectors.session_ids_from_input(form.cleaned_data["sessions"], known=known)
        except ValidationError as exc:
            form.add_error("sessions", exc)
        else:
            if not ids and not items:  # an account's link also carries its meetings
                form.add_error("sessions", _("Star at least one session first."))
    if not form.is_valid():
        context = _agenda_context(request, release=release, ids=ids, form=form, items=items)
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
