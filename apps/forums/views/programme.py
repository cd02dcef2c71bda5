"""The programme: sessions by day with filters, and the day grid by room."""

from django.conf import settings
from django.http import Http404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from apps.core.paging import query_without

from ..cache import cache_public_page
from ..forms import GridDayForm, ProgrammeFilterForm
from ._common import PREVIEW, by_day, default_day, now_next, optional_url, programme_for, render_page


@require_safe
@cache_public_page(params=("day", "forum", "room", "topic"), uncached=PREVIEW)
def programme_page(request):
    programme, preview = programme_for(request)
    form = ProgrammeFilterForm(request.GET or None, programme=programme)
    if form.is_bound and not form.is_valid():
        return render_page(request, "forums/programme.html", {"programme": programme, "form": form, "days": None},
                       preview=preview, status=400)
    chosen = form.cleaned_data if form.is_bound else {}
    filters = {"forum": programme.forum_by_slug.get(chosen.get("forum")),
               "room": programme.room_by_slug.get(chosen.get("room")),
               "topic": programme.topic_by_slug.get(chosen.get("topic"))}
    day = chosen.get("day")
    one_day = not any(chosen.values()) and len(programme.sessions) > settings.FORUMS_ONE_DAY_ABOVE
    if one_day:  # a long programme opens on one day (today during the event), not on every session at once
        day = default_day(programme)
    sessions = programme.filtered(day=day, **filters)
    context = {
        "programme": programme, "form": form, "days": by_day(sessions), "filtered": any(chosen.values()),
        "one_day": one_day, "day_links": [(d, d == day) for d in programme.days],
        "query_without_day": query_without(request, "day"),
        "now_next": now_next(programme, programme.filtered(**filters)),
        "ical_url": optional_url("ical_all"), "json_url": optional_url("schedule_json"),
    }
    return render_page(request, "forums/programme.html", context, preview=preview)


@require_safe
@cache_public_page(params=("day",), uncached=PREVIEW)
def grid_page(request):
    programme, preview = programme_for(request)
    form = GridDayForm(request.GET)
    if not form.is_valid():
        raise Http404(_("There is no such day."))
    day = form.cleaned_data["day"] or default_day(programme)
    context = {"programme": programme, "day": day,
               "day_links": [(d, d == day) for d in programme.days], "now_next": now_next(programme, None)}
    return render_page(request, "forums/grid.html", context, preview=preview)
