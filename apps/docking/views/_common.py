"""What the docking views share: pagination with a known count, the user's companies, query strings."""

from functools import cached_property

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404
from django.utils.translation import gettext as _

from apps.companies.selectors import companies_of_member

from ..rules import member_companies_remember


class CountedPaginator(Paginator):
    """A paginator whose count is already known (the board's status counts), so it runs no COUNT query."""

    def __init__(self, object_list, per_page, *, count):
        super().__init__(object_list, per_page, allow_empty_first_page=True)
        self._known_count = count

    @cached_property
    def count(self):
        return self._known_count


def page_of(paginator, number):
    try:
        return paginator.page(number or 1)
    except (EmptyPage, PageNotAnInteger) as exc:
        raise Http404(_("There is no such page.")) from exc


def user_companies(user):
    """The user's companies with translations: (all of them, the verified ones)."""
    companies = list(companies_of_member(user=user))
    member_companies_remember(user, companies)
    return companies, [company for company in companies if company.verified_at is not None]


def query_without(request, *names):
    """The request's query string without these parameters."""
    params = request.GET.copy()
    for name in names:
        params.pop(name, None)
    return params.urlencode()
