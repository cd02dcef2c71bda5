"""What the News Center adds to the site search: published articles, in each language they are written in,
visible from publish_at until unpublish_at (so a scheduled article appears on time without a worker)."""

from django.db.models import Q
from django.urls import NoReverseMatch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.search.registry import Entry, Source, source_register

from .models import Article, ArticleState, news_url

TYPE = "article"


def _published():
    return Article.objects.filter(state=ArticleState.PUBLISHED).filter(
        Q(unpublish_at__isnull=True) | Q(unpublish_at__gt=timezone.now()))


def objects():
    return _published().values_list("pk", flat=True)


def _category(article, language):
    category = article.category
    if category is None:
        return ("", "")
    names = {row.language_code: row.name for row in category.translations.all()}
    return (category.slug, names.get(language) or next(iter(names.values()), category.slug))


def documents(ids):
    found = {}
    articles = _published().filter(pk__in=ids).select_related("category").prefetch_related(
        "translations", "category__translations")
    for article in articles:
        entries = []
        for row in article.translations.all():
            if not row.title or not row.slug:
                continue
            try:
                url = news_url("article", row.language_code, slug=row.slug)
            except NoReverseMatch:  # the News Center page is not hooked in: nothing to link to
                continue
            entries.append(Entry(language=row.language_code, title=row.title, url=url,
                                 body=f"{row.lead}\n{row.body}", published_at=article.publish_at,
                                 public_from=article.publish_at, public_until=article.unpublish_at,
                                 category=_category(article, row.language_code)))
        found[article.pk] = entries
    return found


def register():
    source_register(Source(type=TYPE, label=_("News"), objects=objects, documents=documents,
                           facets=("category",), recency=True, position=30))
