"""The starred exhibitors' section of the "My agenda" page (an AgendaSection of apps.accounts.agenda)."""

from urllib.parse import quote

from django.core.exceptions import ValidationError
from django.urls import NoReverseMatch
from django.utils.translation import get_language

from apps.accounts.agenda import AgendaSection, agenda_section_register

from ..models import expo_url
from . import selectors

PARAM = "e"  # the agenda page's list of starred companies, kept in step with the browser by bookmarks.js
# Without ?e= (a visitor coming from a forums page, whose script knows only sessions) the server cannot know this
# browser's stars: the section then renders only bookmarks.js, which reloads the page with them if there are any.
PROBE = {"probe": True}


def _ids(request):
    raw = request.GET.get(PARAM)
    if raw is None:
        return selectors.starred_company_ids(user=request.user)  # [] for anonymous visitors
    try:
        return selectors.company_ids_from_input(raw[:4000])
    except ValidationError:
        return []  # a mangled address shows no exhibitors rather than an error on someone else's page


def _link(name, **kwargs):
    try:
        return expo_url(name, **kwargs)
    except NoReverseMatch:  # the expo app is not hooked into a page
        return ""


def rows(*, request):
    """The starred companies with their booths in the current edition, each linked into its hall's floor plan
    ([PROBE] when there are none to show yet and the address carries no list)."""
    found = selectors.starred_rows(ids=_ids(request), language=get_language())
    if not found and PARAM not in request.GET:
        return [PROBE]
    for row in found:
        company, edition = row["company"], row["edition"]
        row["url"] = _link("company", slug=company.slug)
        row["places"] = []
        for booth in row["booths"]:
            hall_url = _link("hall", edition=edition.slug, code=booth.hall.code)
            row["places"].append({
                "hall": booth.hall_name or booth.hall.code, "booth": booth.code,
                "url": f"{hall_url}?highlight={quote(booth.code, safe='')}#{booth.anchor}" if hall_url else ""})
    return found


def register():
    agenda_section_register(AgendaSection(key="expo-bookmarks", template="expo/bookmarks/agenda_section.html",
                                          rows=rows, position=50))
