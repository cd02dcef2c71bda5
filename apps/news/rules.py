"""Who may do what with articles.

Model-level permissions come from the role groups (apps.accounts.roles): Editors hold every news permission
(news.publish_article and news.preview_article included), Contributors add, change and view articles. With an
article at hand these object rules decide as well (services check both): editors handle any article; a
contributor only their own draft or article in review. The rules have names of their own, so a model-level check
(e.g. the admin's menu) never evaluates them.
"""

import rules

from apps.accounts import roles
from apps.accounts.rules import is_editor

from .models import ArticleState

is_contributor = rules.is_group_member(roles.CONTRIBUTORS)


@rules.predicate
def is_own_unpublished_article(user, article):
    if article is None:
        return False
    return article.author_id == user.pk and article.state in (ArticleState.DRAFT, ArticleState.REVIEW)


@rules.predicate
def is_own_draft(user, article):
    if article is None:
        return False
    return article.author_id == user.pk and article.state == ArticleState.DRAFT


rules.add_perm("news.edit_article", is_editor | (is_contributor & is_own_unpublished_article))
rules.add_perm("news.submit_article", is_editor | (is_contributor & is_own_draft))
