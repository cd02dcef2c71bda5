"""Reads of joining the platform: the sign-up behind a link, the join dashboard, the company search."""

from django.db.models import Prefetch

from apps.companies.search import query_filter
from apps.companies.selectors import companies_of_member, company_is_verified, company_list

from .models import ApplicationState, JoinRequest, JoinState, Signup

SEARCH_LIMIT = 20


def signup_get(*, pk):
    return Signup.objects.select_related("user").filter(pk=pk).first()


def company_get(*, slug):
    return company_list().filter(slug=slug).first()


def join_request_get(*, pk):
    if pk >= 2 ** 63:  # beyond any database id
        return None
    return JoinRequest.objects.select_related("company", "user").prefetch_related("company__translations") \
        .filter(pk=pk).first()


def _state(company):
    """"verified", "rejected" or "waiting": where a company of the dashboard stands."""
    if company_is_verified(company):
        return "verified"
    application = getattr(company, "onboarding_application", None)
    if application is not None and application.state == ApplicationState.REJECTED:
        return "rejected"
    return "waiting"


def dashboard(*, user):
    """The user's companies (each with its state and application) and join requests, newest first."""
    companies = list(companies_of_member(user=user).select_related("onboarding_application"))
    for company in companies:
        company.join_state = _state(company)
    requests = list(JoinRequest.objects.filter(user=user).select_related("company")
                    .prefetch_related("company__translations").order_by("-created_at", "-pk"))
    return {"companies": companies, "join_requests": requests,
            "waiting": any(company.join_state == "waiting" for company in companies),
            "verified": any(company.join_state == "verified" for company in companies)}


def company_search(*, user, query):
    """Companies whose names (in either language, or their products') hold every word of the query, each marked
    with whether the user is a member or has a pending request."""
    condition = query_filter(query)
    if condition is None:
        return []
    pending = JoinRequest.objects.filter(user=user, state=JoinState.PENDING)
    companies = list(company_list().filter(condition).prefetch_related(
        Prefetch("join_requests", queryset=pending, to_attr="pending_requests"))[:SEARCH_LIMIT])
    member_of = set(companies_of_member(user=user).filter(pk__in=[c.pk for c in companies])
                    .values_list("pk", flat=True))
    for company in companies:
        company.is_member = company.pk in member_of
        company.is_pending = bool(company.pending_requests)
    return companies


def company_named(*, names):
    """A company that already bears one of these names (in any language), or None."""
    wanted = [name.strip() for name in names if name and name.strip()]
    if not wanted:
        return None
    found = company_list()
    for name in wanted:
        match = found.filter(translations__name__iexact=name).first()
        if match is not None:
            return match
    return None
