"""The programme: sessions by day with filters, and the day grid by room.

Their main column is the same for every visitor of a release (stars are set by static/forums/agenda.js), so it is
kept per release, language and filters (`fragment`): signed-in visitors, whom the page cache does not serve, get it
without building the programme. Editors' previews and invalid filters are rendered every time."""

import datetime
from typing import NamedTuple

from django.conf import settings
from django.http import Http404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from apps.core.paging import paginate, query_without

from ..cache import cache_public_page, fragment
from ..forms import GridDayForm, ProgrammeFilterForm
from ._common import PREVIEW, by_day, default_day, main_html, now_next, optional_url, programme_for, render_page

PROGRAMME_PARAMS = ("day", "forum", "room", "topic", "page")


class Main(NamedTuple):
    """A rendered main column: strings, a flag and a date, which each process keeps as they are (a dict of a
    600 KB day was unpickled on every render)."""

    main: str
    valid: bool
    day: datetime.date | None = None


def _programme_main(request, programme, preview):
    """Main(HTML, whether the filters were valid)."""
    form = ProgrammeFilterForm(request.GET or None, programme=programme)
    template = "forums/_programme_main.html"
    if form.is_bound and not form.is_valid():
        context = {"programme": programme, "form": form, "days": None}
        return Main(main_html(request, template, context, preview=preview), False)
    chosen = form.cleaned_data if form.is_bound else {}
    filters = {"forum": programme.forum_by_slug.get(chosen.get("forum")),
               "room": programme.room_by_slug.get(chosen.get("room")),
               "topic": programme.topic_by_slug.get(chosen.get("topic"))}
    day = chosen.get("day")
    one_day = not any(chosen.values()) and len(programme.sessions) > settings.FORUMS_ONE_DAY_ABOVE
    if one_day:  # a long programme opens on one day (today during the event), not on every session at once
        day = default_day(programme)
    sessions = programme.filtered(day=day, **filters)
    page = paginate(request, sessions, settings.FORUMS_SESSIONS_PER_PAGE,
                    message=_("There is no such page of sessions."))
    unknown = set(request.GET) - {*PROGRAMME_PARAMS, *PREVIEW}  # dropped from the links
    context = {
        "programme": programme, "form": form, "days": by_day(page.object_list), "filtered": any(chosen.values()),
        "one_day": one_day, "day_links": [(d, d == day) for d in programme.days], "page": page,
        "page_query": query_without(request, "page", *unknown),
        "query_without_day": query_without(request, "day", "page", *unknown),
        "now_next": now_next(programme, programme.filtered(**filters)),
        "ical_url": optional_url("ical_all"), "json_url": optional_url("schedule_json"),
    }
    return Main(main_html(request, template, context, preview=preview), True)


def _kept(request, build, params, name):
    """The release's main column for these filters, kept per release; None when the filters are invalid (nothing
    is kept for them) or an editor asks for the preview."""
    if PREVIEW[0] in request.GET:
        return None

    def valid_only():
        built = build(*programme_for(request))
        return built if built.valid else None

    return fragment(request, valid_only, params=params, keep_none=False, name=name)


@require_safe
@cache_public_page(params=PROGRAMME_PARAMS, uncached=PREVIEW)
def programme_page(request):
    built, preview = _kept(request, lambda *shown: _programme_main(request, *shown), PROGRAMME_PARAMS,
                           "programme"), False
    if built is None:
        programme, preview = programme_for(request)
        built = _programme_main(request, programme, preview)
    return render_page(request, "forums/programme.html", {"main": built.main}, preview=preview,
                       status=200 if built.valid else 400)


def _grid_main(request, programme, preview):
    form = GridDayForm(request.GET)
    if not form.is_valid():
        raise Http404(_("There is no such day."))
    day = form.cleaned_data["day"] or default_day(programme)
    context = {"programme": programme, "day": day,
               "day_links": [(d, d == day) for d in programme.days], "now_next": now_next(programme, None)}
    return Main(main_html(request, "forums/_grid_main.html", context, preview=preview), True, day)


@require_safe
@cache_public_page(params=("day",), uncached=PREVIEW)
def grid_page(request):
    built, preview = _kept(request, lambda *shown: _grid_main(request, *shown), ("day",), "grid"), False
    if built is None:
        programme, preview = programme_for(request)
        built = _grid_main(request, programme, preview)
    return render_page(request, "forums/grid.html", {"main": built.main, "day": built.day}, preview=preview)
