"""Public expo pages (the apphook of the Expo page): the expo root, an edition, its exhibitor directory, its halls'
floor plans and the company pages. Thin: selector -> render; anonymous responses are cached (see cache.py)."""

from typing import NamedTuple

from django.http import Http404
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from menus.utils import set_language_changer

from apps.companies.selectors import product_category_tree
from apps.core.languages import is_chinese
from apps.core.paging import language_switch_keeps_query, paginate, query_without

from . import company_page, selectors
from .cache import cache_company_page, cache_public_page, expo_cache
from .floorplan import hall_svg
from .forms import LETTERS, DirectoryFilterForm
from .models import expo_url


def _edition_or_404(slug):
    # editions and halls change rarely and every expo page shows them: read once per content version and language
    edition = expo_cache.memo(f"edition:{slug}:{get_language()}", lambda: selectors.edition_get(slug=slug))
    if edition is None:
        raise Http404(_("There is no such expo edition."))
    return edition


def _keep_query(request, path_name, **kwargs):
    """Switch language keeping the query string (filters, highlights)."""
    language_switch_keeps_query(request, lambda code: expo_url(path_name, code, **kwargs))


@require_safe
@cache_public_page
def expo_home(request):
    """The Expo page: its CMS content, then the current edition with its halls and a link to the directory."""
    return render(request, "expo/home.html", expo_cache.memo(f"home:{get_language()}", _home_context))


def _home_context():
    """The current edition, its halls with their booth counts and the number of exhibitors, all editions: once
    per content version (they change only when the expo's data does)."""
    edition = selectors.edition_current()
    context = {"edition": edition, "editions": list(selectors.public_editions().order_by("-starts_on"))}
    if edition is not None:
        context.update(_edition_figures(edition))
    return context


def _edition_figures(edition):
    return expo_cache.memo(f"figures:{edition.pk}:{get_language()}", lambda: {
        "halls": selectors.edition_with_halls(edition),
        "exhibitor_count": selectors.public_exhibitor_count(edition=edition)})


@require_safe
@cache_public_page
def edition_detail(request, edition):
    edition = _edition_or_404(edition)
    _keep_query(request, "edition", edition=edition.slug)
    return render(request, "expo/edition.html", {"edition": edition, **_edition_figures(edition)})


DIRECTORY_PARAMS = ("hall", "category", "segment", "region", "letter", "pinyin", "page")


class DirectoryMain(NamedTuple):
    """The directory's rendered main column: a tuple of strings and numbers, which each process keeps as it is
    (an object memo is unpickled on every render)."""

    html: str
    status: int
    noindex: bool


def _directory_main(request, edition):
    """The directory's main column (filters, letters, a page of exhibitors) as a DirectoryMain."""
    language = get_language()
    tree = product_category_tree()
    form = DirectoryFilterForm(request.GET or None, halls=list(edition.halls.all()), category_tree=tree)
    context = {"edition": edition, "form": form, "letters": [value for value, _label in LETTERS],
               "letter_param": "pinyin" if is_chinese(language) else "letter",
               "query_string": query_without(request, "page"),
               "letter_query": query_without(request, "page", "letter", "pinyin")}
    if form.is_bound and not form.is_valid():
        html = render_to_string("expo/_directory_main.html", {**context, "page": None}, request=request)
        return DirectoryMain(html, 400, False)
    filters = selectors.DirectoryFilters(**form.filters()) if form.is_bound else selectors.DirectoryFilters()
    page = paginate(request, selectors.directory(edition=edition, filters=filters, language=language),
                    selectors.PAGE_SIZE, message=_("There is no such page of exhibitors."))
    filtered = any(vars(filters).values())
    html = render_to_string("expo/_directory_main.html", {**context, "page": page, "filters": filters,
                                                           "filtered": filtered}, request=request)
    return DirectoryMain(html, 200, filtered or page.number > 1)


@require_safe
@cache_public_page(params=DIRECTORY_PARAMS, uncached=("q",))
def directory(request, edition):
    edition = _edition_or_404(edition)
    _keep_query(request, "directory", edition=edition.slug)
    searching = "q" in request.GET  # searches are not kept: there is no end to them
    fresh = []

    def valid_only():  # an invalid filter is rendered fresh each time (400), never kept
        fresh.append(_directory_main(request, edition))
        return fresh[0] if fresh[0].status == 200 else None

    main = (_directory_main(request, edition) if searching
            else expo_cache.fragment(request, valid_only, params=DIRECTORY_PARAMS, keep_none=False,
                                       name="directory") or fresh[0])  # (not "main": entries stored as dicts)
    response = render(request, "expo/directory.html", {"edition": edition, "main": main}, status=main.status)
    response.cacheable = not searching
    return response


@require_safe
@cache_public_page(params=("highlight", "company"))
def hall_detail(request, edition, code):
    edition = _edition_or_404(edition)
    hall = selectors.hall_get(edition=edition, code=code)
    if hall is None:
        raise Http404(_("There is no such hall."))
    hall.edition = edition
    booths = selectors.hall_booths(hall=hall)
    wanted_booth, wanted_company = request.GET.get("highlight", ""), request.GET.get("company", "")
    highlighted = [booth for booth in booths if booth.exhibitor is not None and (
        booth.code == wanted_booth or (wanted_company and booth.exhibitor.slug == wanted_company))]
    _keep_query(request, "hall", edition=edition.slug, code=hall.code)
    context = {
        "edition": edition, "hall": hall, "booths": booths, "highlighted": highlighted,
        "plan": hall_svg(hall=hall, booths=booths, highlighted=[booth.code for booth in highlighted]),
        "halls": list(edition.halls.all()),
    }
    response = render(request, "expo/hall.html", context)
    response.cacheable = not (wanted_booth or wanted_company) or bool(highlighted)  # no entry for junk values
    return response


@require_safe
@cache_company_page
def company_detail(request, slug):
    parts = company_page.company_page_parts(request, slug=slug, language=get_language())
    if parts is None:
        raise Http404(_("There is no such company."))
    set_language_changer(request, lambda code: expo_url("company", code, slug=slug))
    return render(request, "expo/company.html", {"parts": parts})
