"""Who may do what on the way in. A signed-in user creates companies and asks to join, and sees their own
requests only. Deciding follows the companies app's model permissions, which the Editors role holds (see
apps.accounts.roles): verifying changes a company, approving a join request adds a membership. The rules have
names of their own, and the admin checks these same rules (the model permissions are cached per request, so the
admin's menu costs no query)."""

import rules


@rules.predicate
def is_active_account(user):
    return user.is_authenticated and user.is_active


@rules.predicate
def is_requester(user, join_request):
    return join_request is not None and user.is_authenticated and join_request.user_id == user.pk


@rules.predicate
def may_change_companies(user):
    return user.is_active and user.is_staff and user.has_perm("companies.change_company")


@rules.predicate
def may_add_members(user):
    return user.is_active and user.is_staff and user.has_perm("companies.add_membership")


rules.add_perm("onboarding.take_part", is_active_account)  # create a company, ask to join one
rules.add_perm("onboarding.see_join_request", may_add_members | is_requester)
rules.add_perm("onboarding.decide_join_request", may_add_members)
rules.add_perm("onboarding.verify_company", may_change_companies)
