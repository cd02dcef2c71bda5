"""Who may do what with a notice. Model permissions come from the role groups (apps.accounts.roles): trading
staff and editors hold every permission of this app; these rules narrow them per notice."""

import rules


@rules.predicate
def is_notice_author(user, notice):
    """The person who drafted the notice or last changed it: never the one who approves it (four eyes)."""
    if notice is None or not user.is_authenticated:
        return False
    return user.pk in (notice.created_by_id, notice.updated_by_id)


@rules.predicate
def may_publish_notices(user):
    return user.has_perm("trading.publish_notice")


@rules.predicate
def may_view_notices(user):
    return user.has_perm("trading.view_notice")


rules.add_perm("trading.preview_notice", may_view_notices)
rules.add_perm("trading.approve_notice", may_publish_notices & ~is_notice_author)
