"""What the forums' pages share: their URLs (reversed once per request for long lists), the programme a request
sees (the release, or the draft for an editor's preview) and the render that keeps filters on a language switch."""

from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import get_language, override

from apps.core.links import url_maker
from apps.core.paging import language_switch_keeps_query

from .. import selectors
from ..programme import NOW_NEXT_WINDOW, Programme


def forums_url(name, language=None, **kwargs):
    with override(language or get_language()):
        return reverse(f"forums:{name}", kwargs=kwargs or None)


def optional_url(name, **kwargs):
    """The URL of a page another part of the forums may provide ("" until it does)."""
    try:
        return forums_url(name, **kwargs)
    except NoReverseMatch:
        return ""


def links(query=""):
    """URL patterns ("/en/forums/sessions/{}/") reversed once per request: long lists format them cheaply."""
    def pattern(name, kwarg):
        return url_maker(f"forums:{name}", kwarg=kwarg)("{}") + query

    return {"session": pattern("session", "pk"), "speaker": pattern("speaker", "slug"),
            "forum": pattern("forum", "slug")}


PREVIEW = ("preview",)  # ?preview=1: editors see the draft; never cached, whoever asks


def programme_for(request):
    """(programme, preview): the draft for an editor asking ?preview=1, else the current release."""
    language = get_language()
    if request.GET.get("preview") == "1" and request.user.has_perm("forums.preview_schedule"):
        return selectors.programme_draft(language=language), True
    release = selectors.release_current()
    if release is None:
        return Programme({}, language=language), False
    return selectors.programme(release=release, language=language), False


def page_context(preview):
    """What every forums page and its main column use: the preview flag and query, the agenda and the links."""
    preview_query = "?preview=1" if preview else ""
    return {"preview": preview, "agenda_url": optional_url("agenda"), "preview_query": preview_query,
            "links": links(preview_query)}


def main_html(request, template, context, *, preview):
    """A page's main column (rendered alone, so that it can be kept: views/programme.py)."""
    return render_to_string(template, {**page_context(preview), **context}, request=request)


def render_page(request, template, context, *, preview, status=200):
    name, kwargs = request.resolver_match.url_name, request.resolver_match.kwargs
    language_switch_keeps_query(request, lambda code: forums_url(name, code, **kwargs))
    context = {**context, **page_context(preview)}
    response = render(request, template, context, status=status)
    if preview:
        response.cacheable = False
        response["Cache-Control"] = "private, no-store"
    return response


def now_next(programme, sessions):
    """Sessions running now and starting next, shown while something runs or starts within NOW_NEXT_WINDOW."""
    now = timezone.now()
    running, upcoming = programme.now_next(now, sessions)
    if running or (upcoming and upcoming[0].starts_at - now <= NOW_NEXT_WINDOW):
        return {"running": running, "upcoming": upcoming}
    return None




def by_day(sessions):
    days = {}
    for session in sessions:
        days.setdefault(session.day, []).append(session)
    return sorted(days.items())


def default_day(programme):
    """The day a page opens on: today while the programme runs, else its first day."""
    today = timezone.localdate()
    return today if today in programme.days or not programme.days else programme.days[0]
