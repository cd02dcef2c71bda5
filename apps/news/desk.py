"""The News Center on the editors' desk (apps.editorial.registry): articles in review, articles lacking a
language, and the translation status of articles."""

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from apps.editorial.registry import (
    QueueItem,
    QueueSource,
    admin_change_url,
    parler_completeness_register,
    queue_slice,
    queue_source_register,
    translated,
    translation_watch_register,
)

from .models import Article, ArticleState


def review_slice(*, user, limit):
    rows = (Article.objects.filter(state=ArticleState.REVIEW).annotate(label=translated(Article, "title",
                                                                                        get_language()))
            .order_by("updated_at", "pk").only("pk", "updated_at"))
    return queue_slice(rows, limit=limit, item=lambda article: QueueItem(
        what=article.label or f"#{article.pk}", company="", since=article.updated_at,
        url=admin_change_url(Article, article.pk)))


def register():
    queue_source_register(QueueSource(key="news-review", label=_("Articles in review"), position=10,
                                      allowed=lambda user: user.has_perm("news.publish_article"), rows=review_slice))
    parler_completeness_register(key="articles", label=_("Articles"), model=Article, fields=("title", "body"),
                                 position=10)
    translation_watch_register(Article, ("title", "lead", "body"))
