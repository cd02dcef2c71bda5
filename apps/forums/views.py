"""Public pages of the forums (below the CMS page with the forums apphook): thin, reading the current release.

Editors who may change sessions (forums.preview_schedule, apps/forums/rules.py) see the draft with ?preview=1 (built
on the fly, never cached).
"""

from django.http import Http404
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import get_language, override
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from apps.core.paging import language_switch_keeps_query, paginate, query_without

from . import selectors
from .cache import cached_for_anonymous
from .changelog_view import entries_view
from .forms import GridDayForm, ProgrammeFilterForm
from .grid import grid_build
from .programme import NOW_NEXT_WINDOW, Programme

CHANGES_PER_PAGE = 10


def forums_url(name, language=None, **kwargs):
    with override(language or get_language()):
        return reverse(f"forums:{name}", kwargs=kwargs or None)


def optional_url(name, **kwargs):
    """The URL of a page another part of the forums may provide ("" until it does)."""
    try:
        return forums_url(name, **kwargs)
    except NoReverseMatch:
        return ""


SENTINEL_PK, SENTINEL_SLUG = 987654321, "zz-sentinel-zz"


def links(query=""):
    """URL patterns ("/en/forums/sessions/{}/") reversed once per request: long lists format them cheaply."""
    def pattern(name, **kwargs):
        url = forums_url(name, **kwargs)
        return url.replace(str(SENTINEL_PK), "{}").replace(SENTINEL_SLUG, "{}") + query

    return {"session": pattern("session", pk=SENTINEL_PK), "speaker": pattern("speaker", slug=SENTINEL_SLUG),
            "forum": pattern("forum", slug=SENTINEL_SLUG)}


PREVIEW = ("preview",)  # ?preview=1: editors see the draft; never cached, whoever asks


def _programme(request):
    """(programme, preview): the draft for an editor asking ?preview=1, else the current release."""
    language = get_language()
    if request.GET.get("preview") == "1" and request.user.has_perm("forums.preview_schedule"):
        return selectors.programme_draft(language=language), True
    release = selectors.release_current()
    if release is None:
        return Programme({}, language=language), False
    return selectors.programme(release=release, language=language), False


def _render(request, template, context, *, preview, status=200):
    name, kwargs = request.resolver_match.url_name, request.resolver_match.kwargs
    language_switch_keeps_query(request, lambda code: forums_url(name, code, **kwargs))
    preview_query = "?preview=1" if preview else ""
    context = {**context, "preview": preview, "agenda_url": optional_url("agenda"), "preview_query": preview_query,
               "links": links(preview_query)}
    response = render(request, template, context, status=status)
    if preview:
        response.cacheable = False
        response["Cache-Control"] = "private, no-store"
    return response


def _now_next(programme, sessions):
    """Sessions running now and starting next, shown while something runs or starts within NOW_NEXT_WINDOW."""
    now = timezone.now()
    running, upcoming = programme.now_next(now, sessions)
    if running or (upcoming and upcoming[0].starts_at - now <= NOW_NEXT_WINDOW):
        return {"running": running, "upcoming": upcoming}
    return None


@require_safe
@cached_for_anonymous(params=("day", "forum", "room", "topic"), uncached=PREVIEW)
def programme_page(request):
    programme, preview = _programme(request)
    form = ProgrammeFilterForm(request.GET or None, programme=programme)
    if form.is_bound and not form.is_valid():
        return _render(request, "forums/programme.html", {"programme": programme, "form": form, "days": None},
                       preview=preview, status=400)
    chosen = form.cleaned_data if form.is_bound else {}
    filters = {"forum": programme.forum_by_slug.get(chosen.get("forum")),
               "room": programme.room_by_slug.get(chosen.get("room")),
               "topic": programme.topic_by_slug.get(chosen.get("topic"))}
    sessions = programme.filtered(day=chosen.get("day"), **filters)
    context = {
        "programme": programme, "form": form, "days": _by_day(sessions), "filtered": any(chosen.values()),
        "day_links": [(day, day == chosen.get("day")) for day in programme.days],
        "query_without_day": query_without(request, "day"),
        "now_next": _now_next(programme, programme.filtered(**filters)),
        "ical_url": optional_url("ical_all"), "json_url": optional_url("schedule_json"),
    }
    return _render(request, "forums/programme.html", context, preview=preview)


def _by_day(sessions):
    days = {}
    for session in sessions:
        days.setdefault(session.day, []).append(session)
    return sorted(days.items())


@require_safe
@cached_for_anonymous(params=("day",), uncached=PREVIEW)
def grid_page(request):
    programme, preview = _programme(request)
    form = GridDayForm(request.GET)
    if not form.is_valid():
        raise Http404(_("There is no such day."))
    day = form.cleaned_data["day"]
    if day is None:
        today = timezone.localdate()
        day = today if today in programme.days else (programme.days[0] if programme.days else today)
    context = {"programme": programme, "grid": grid_build(programme.filtered(day=day), day=day),
               "day_links": [(d, d == day) for d in programme.days], "now_next": _now_next(programme, None)}
    return _render(request, "forums/grid.html", context, preview=preview)


@require_safe
@cached_for_anonymous(uncached=PREVIEW)
def forum_page(request, slug):
    programme, preview = _programme(request)
    forum = programme.forum_by_slug.get(slug)
    if forum is None:
        raise Http404(_("There is no such forum."))
    context = {"programme": programme, "forum": forum, "days": _by_day(forum.sessions),
               "register_url": optional_url("register", slug=slug) if forum.requires_registration else "",
               "ical_url": optional_url("ical_forum", slug=slug)}
    return _render(request, "forums/forum.html", context, preview=preview)


@require_safe
@cached_for_anonymous(uncached=PREVIEW)
def session_page(request, pk):
    programme, preview = _programme(request)
    session = programme.session_by_id.get(int(pk))  # apphook URLs pass the digits as a string
    if session is None:
        raise Http404(_("There is no such session."))
    context = {"programme": programme, "session": session, "forum": session.forum,
               "ical_url": optional_url("ical_session", pk=session.id)}
    return _render(request, "forums/session.html", context, preview=preview)


@require_safe
@cached_for_anonymous(uncached=PREVIEW)
def speakers_page(request):
    programme, preview = _programme(request)
    speakers = [speaker for speaker in programme.speakers if speaker.sessions]
    return _render(request, "forums/speakers.html", {"programme": programme, "speakers": speakers},
                   preview=preview)


@require_safe
@cached_for_anonymous(uncached=PREVIEW)
def speaker_page(request, slug):
    programme, preview = _programme(request)
    speaker = programme.speaker_by_slug.get(slug)
    if speaker is None or not speaker.sessions:
        raise Http404(_("There is no such speaker."))
    context = {"programme": programme, "speaker": speaker, "ical_url": optional_url("ical_speaker", slug=slug)}
    return _render(request, "forums/speaker.html", context, preview=preview)


@require_safe
@cached_for_anonymous(params=("page",), uncached=PREVIEW)
def changelog_page(request):
    language = get_language()
    release = selectors.release_current()
    programme = selectors.programme(release=release, language=language) if release else Programme({}, language=language)
    page_obj = paginate(request, selectors.releases_list(), CHANGES_PER_PAGE)
    releases = [_release_view(item, programme, language) for item in page_obj.object_list]
    return _render(request, "forums/changelog.html", {"page_obj": page_obj, "releases": releases},
                   preview=False)


def _release_view(release, programme, language):
    note = release.note_en if language == "en" else release.note_zh_hans
    note = note or (release.note_zh_hans if language == "en" else release.note_en)
    return {"release": release, "note": note, "entries": entries_view(release.changelog, programme, language)}

