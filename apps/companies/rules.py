"""Object rules. Model-level admin permissions come from the role groups (see apps.accounts.roles)."""

import rules

from apps.accounts.rules import is_editor


@rules.predicate
def is_company_member(user, company):
    if company is None or not user.is_authenticated:
        return False
    return company.memberships.filter(user=user).exists()


@rules.predicate
def is_verified_company(user, company):
    return company is not None and company.verified_at is not None


rules.add_perm("companies.edit_profile", is_editor | is_company_member)
rules.add_perm("companies.act_for_verified", is_company_member & is_verified_company)  # publish, respond
