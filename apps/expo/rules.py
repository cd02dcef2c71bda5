"""Who may do what in the expo: a company's exhibitor portal, the files of its pending change, the review of
changes and the invitations.

Model permissions come from the role groups (apps.accounts.roles): Editors hold every expo permission, among them
expo.review_profilechange and expo.add_invitation. The rules below have names of their own, so they never widen a
model permission:

- expo.manage_company (a Company): its members, and editors, use its portal pages (edit the profile and products,
  see and withdraw the pending change).
- expo.view_pending_file (a ProfileChange): the logo and images of a pending change, for the company's members,
  editors and reviewers.
- expo.review_change (a ProfileChange): approve or reject it (whether it still waits is the service's business).
- expo.accept_invitation (an Invitation): the logged-in account with the invited address may join.
- expo.send_invitation: invite a contact, or send an invitation again.
- expo.view_figures (a Company): its members only see its figures (profile and product views, leads, meetings).
"""

import rules

from apps.accounts.rules import is_editor
from apps.companies.rules import is_company_member


@rules.predicate
def is_member_of_changed_company(user, change):
    if change is None:
        return False
    return is_company_member(user, change.company)


@rules.predicate
def is_member_of_figures_company(user, company):
    """Membership as the figures page's company carries it (annotated for this user), else asked."""
    if company is None or not user.is_authenticated:
        return False
    if hasattr(company, "member_user_id"):
        return company.member_user_id == user.pk
    return is_company_member(user, company)


@rules.predicate
def may_review_changes(user):
    return user.has_perm("expo.review_profilechange")


@rules.predicate
def may_invite(user):
    return user.has_perm("expo.add_invitation")


@rules.predicate
def is_invited_address(user, invitation):
    if invitation is None or not user.is_authenticated:
        return False
    return user.email.strip().lower() == invitation.email.lower()


rules.add_perm("expo.manage_company", is_editor | is_company_member)
rules.add_perm("expo.view_pending_file", is_editor | is_member_of_changed_company | may_review_changes)
rules.add_perm("expo.review_change", may_review_changes)
rules.add_perm("expo.accept_invitation", is_invited_address)
rules.add_perm("expo.send_invitation", may_invite)
rules.add_perm("expo.view_figures", is_member_of_figures_company)
