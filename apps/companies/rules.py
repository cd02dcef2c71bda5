"""Object rules. Model-level admin permissions come from the role groups (see apps.accounts.roles)."""

import rules

from apps.accounts.rules import is_editor


@rules.predicate
def is_company_member(user, company):
    if company is None or not user.is_authenticated:
        return False
    return company.memberships.filter(user=user).exists()


rules.add_perm("companies.edit_profile", is_editor | is_company_member)
