"""What the docking views share: the user's companies (pagination and query strings: apps.core.paging)."""



from apps.companies.selectors import companies_of_member

from ..rules import member_companies_remember


def user_companies(user):
    """The user's companies with translations: (all of them, the verified ones)."""
    companies = list(companies_of_member(user=user))
    member_companies_remember(user, companies)
    return companies, [company for company in companies if company.verified_at is not None]
