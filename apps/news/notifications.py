"""What the News Center tells subscribers: a published article, to the subscribers of its categories."""

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from apps.core.links import absolute
from apps.notifications.audience import Audience
from apps.notifications.registry import Kind, TopicGroup, kind_register, topic_group_register
from apps.notifications.services import event_record

ARTICLE_PUBLISHED = "news.article_published"


def category_topic(slug):
    return f"news.category.{slug}"


def _category_topics():
    from .selectors import category_tree

    tree = category_tree()
    return [(category_topic(c.slug), " › ".join(str(a) for a in tree.ancestors(c))) for c in tree.categories]


def _article_context(event, article):
    """The article in the recipient's language, or in the language it was written in when it lacks that one."""
    languages = article.get_available_languages()
    language = get_language() if get_language() in languages else (languages[0] if languages else get_language())
    article.set_current_language(language)
    return {"article": article, "article_language": language,
            "article_url": absolute(article.get_absolute_url(language)),
            "category": article.category.safe_translation_getter("name", language_code=language, any_language=True)
            if article.category_id else ""}


def register():
    kind_register(Kind(key=ARTICLE_PUBLISHED, label=_("New article in the News Center"),
                       template="news/email/article_published", context=_article_context))
    topic_group_register(TopicGroup(key="news", label=_("News Center"), topics=_category_topics))


def article_published_record(article):
    """Record the event (once per article) for the subscribers of its category and of the parent categories."""
    from .selectors import article_category_slugs

    topics = [category_topic(slug) for slug in article_category_slugs(article)]
    return event_record(kind=ARTICLE_PUBLISHED, subject=article, audience=Audience(topics=topics))
