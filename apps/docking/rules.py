"""Who may see and do what in Supply & Demand. Model permissions (the admin, review, export) come from the role
groups (apps.accounts.roles: Editors hold every docking permission); these object rules decide per requirement,
response and attachment.

A user's companies are read once per request and kept on the user object (`member_companies`), so lists check
many objects without a query each. Publishing and responding need a verified company (companies.act_for_verified).
"""

import rules

from apps.accounts.rules import is_editor
from apps.companies.selectors import companies_of_member

from .models import DECIDING_STATUSES, OPEN_RESPONSE_STATUSES, PUBLIC_STATUSES, ResponseStatus, Status, Visibility


def member_companies(user):
    """{company id: verified?} of the user's companies, read once per user object."""
    if not user.is_authenticated:
        return {}
    found = getattr(user, "_docking_companies", None)
    if found is None:
        found = {company.pk: company.verified_at is not None
                 for company in companies_of_member(user=user).prefetch_related(None).only("pk", "verified_at")}
        user._docking_companies = found
    return found


def member_companies_remember(user, companies):
    """Keep the user's companies already read (with `verified_at`) for the rules, saving their query."""
    user._docking_companies = {company.pk: company.verified_at is not None for company in companies}


def _member_of(user, company_id, *, verified=False):
    companies = member_companies(user)
    return company_id in companies and (companies[company_id] or not verified)


def _editor(user):
    return user.is_authenticated and is_editor(user)


def in_verified_company(user):
    return any(member_companies(user).values())


@rules.predicate
def can_see_requirement(user, requirement):
    if requirement is None:
        return False
    if requirement.status not in PUBLIC_STATUSES:
        return _member_of(user, requirement.company_id) or _editor(user)
    if requirement.visibility == Visibility.VERIFIED:
        return in_verified_company(user) or _member_of(user, requirement.company_id) or _editor(user)
    return True


@rules.predicate
def is_poster(user, requirement):
    """A member of the requirement's company, while that company is verified."""
    return requirement is not None and _member_of(user, requirement.company_id, verified=True)


@rules.predicate
def is_poster_member(user, requirement):
    """A member of the requirement's company, verified or not (to read its own requirement's portal page)."""
    return requirement is not None and _member_of(user, requirement.company_id)


@rules.predicate
def is_draft(user, requirement):
    return requirement is not None and requirement.status == Status.DRAFT


@rules.predicate
def is_open_or_closed(user, requirement):
    return requirement is not None and requirement.status in DECIDING_STATUSES


@rules.predicate
def can_respond(user, requirement):
    """Any verified company but the poster's, while the requirement takes responses."""
    if requirement is None or not requirement.accepts_responses() or not can_see_requirement(user, requirement):
        return False
    return any(verified for pk, verified in member_companies(user).items() if pk != requirement.company_id)


@rules.predicate
def is_response_party(user, response):
    """A member of the poster's or of the supplier's company."""
    if response is None:
        return False
    return (_member_of(user, response.company_id)
            or _member_of(user, response.requirement.company_id))


@rules.predicate
def is_response_poster(user, response):
    return response is not None and _member_of(user, response.requirement.company_id, verified=True)


@rules.predicate
def is_response_supplier(user, response):
    return response is not None and _member_of(user, response.company_id)


@rules.predicate
def response_is_undecided(user, response):
    return (response is not None and response.status in OPEN_RESPONSE_STATUSES
            and response.requirement.status in DECIDING_STATUSES)


@rules.predicate
def response_thread_open(user, response):
    return (response is not None and response.status != ResponseStatus.WITHDRAWN
            and response.requirement.status != Status.CANCELLED)


@rules.predicate
def response_is_awarded(user, response):
    return response is not None and response.status == ResponseStatus.AWARDED


@rules.predicate
def can_download(user, attachment):
    if attachment is None:
        return False
    if attachment.response_id:
        return is_response_party(user, attachment.response) or _editor(user)
    requirement = attachment.requirement
    if not can_see_requirement(user, requirement):
        return False
    if attachment.verified_only:
        return in_verified_company(user) or _member_of(user, requirement.company_id) or _editor(user)
    return True


rules.add_perm("docking.see_requirement", can_see_requirement)
rules.add_perm("docking.manage_page", is_poster_member)
rules.add_perm("docking.edit_requirement", is_poster & is_draft)
rules.add_perm("docking.end_requirement", is_poster & is_open_or_closed)  # close or cancel
rules.add_perm("docking.respond", can_respond)
rules.add_perm("docking.see_response", is_response_party | is_editor)
rules.add_perm("docking.write_in_thread", is_response_party & response_thread_open)
rules.add_perm("docking.decide_response", is_response_poster & response_is_undecided)
rules.add_perm("docking.withdraw_response", is_response_supplier & response_is_undecided)
rules.add_perm("docking.publish_outcome", (is_response_poster | is_response_supplier) & response_is_awarded)
rules.add_perm("docking.download", can_download)
