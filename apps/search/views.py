"""The public search page and the OpenSearch description. Thin: the form checks the parameters, the selector
searches, the template shows; never cached (there is no end to queries)."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from apps.core import ratelimits
from apps.core.languages import CODES
from apps.core.paging import language_switch_keeps_query

from . import selectors
from .forms import SearchForm


def _search_url(code):
    with translation.override(code):
        return reverse("search:results")


@require_safe
@ratelimits.limit("search")
def results(request):
    if not request.user.is_authenticated and request.GET.get("q"):
        ratelimits.check(request, "search")  # `limit` counts writes only; a search (a GET) costs the database too
    form = SearchForm(request.GET)
    language_switch_keeps_query(request, _search_url)
    if not form.is_valid():
        response = render(request, "search/results.html", {"form": form, "errors": form.errors}, status=400)
    else:
        query = form.query()
        try:
            found = selectors.search(query=query, language=get_language())
        except ValueError as exc:
            raise Http404(_("There is no such page of results.")) from exc
        response = render(request, "search/results.html", {"form": form, "results": found, "query": query})
    patch_cache_control(response, private=True, no_cache=True)
    return response


@require_safe
def opensearch(request):
    """The OpenSearch description browsers read to offer the site's search (`?lang=` picks the language)."""
    language = request.GET.get("lang", "")
    language = language if language in CODES else settings.LANGUAGE_CODE
    with translation.override(language):
        return render(request, "search/opensearch.xml", {
            "search_url": request.build_absolute_uri(_search_url(language)), "language": language,
            "description": _("Search companies, products, news, sessions, notices and requirements"),
        }, content_type="application/opensearchdescription+xml; charset=utf-8")
