"""What list pages share: a page of results or 404, a paginator with a known count, query strings without a
parameter, and a language switcher that keeps the query."""

from functools import cached_property

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404
from django.utils.translation import gettext as _
from menus.utils import set_language_changer


class CountedPaginator(Paginator):
    """A paginator whose count is already known (a maintained or memoised count), so it runs no COUNT query."""

    def __init__(self, object_list, per_page, *, count):
        super().__init__(object_list, per_page, allow_empty_first_page=True)
        self._known_count = count

    @cached_property
    def count(self):
        return self._known_count


def page_or_404(paginator, number, message=None):
    """Page `number` (a string from the query; empty means 1), or 404 for a page that is not there."""
    try:
        return paginator.page(number or 1)
    except (EmptyPage, PageNotAnInteger) as exc:
        raise Http404(message or _("There is no such page.")) from exc


def paginate(request, object_list, per_page, *, count=None, message=None):
    """The page `?page=` asks for; `count` when it is known spares the COUNT query."""
    if count is None:
        paginator = Paginator(object_list, per_page, allow_empty_first_page=True)
    else:
        paginator = CountedPaginator(object_list, per_page, count=count)
    return page_or_404(paginator, request.GET.get("page"), message)


def query_without(request, *names):
    """The request's query string without these parameters (for links that set them again)."""
    params = request.GET.copy()
    for name in names:
        params.pop(name, None)
    return params.urlencode()


def language_switch_keeps_query(request, url_for_language):
    """The language switcher links to `url_for_language(code)` with this request's query string (filters)."""
    query = request.GET.urlencode()
    set_language_changer(request, lambda code: url_for_language(code) + (f"?{query}" if query else ""))
