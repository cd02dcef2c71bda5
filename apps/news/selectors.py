"""Reads of the News Center. Every queryset a view, feed, sitemap or plugin shows comes from here.

Missing translations: a list, feed or plugin of a language shows only the articles written in that language;
an article asked for in a language it lacks answers 404 with a link to the languages it has (views.py).
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.translation import override

from apps.companies.models import Company
from apps.core.links import url_maker
from apps.core.trees import CategoryTree

from .models import Article, ArticleRevision, ArticleState, Category, Tag

PAGE_SIZE = 10


def category_tree():
    return CategoryTree(list(Category.objects.prefetch_related("translations").order_by("position", "slug")))


def _with_relations(queryset):
    return queryset.select_related("category").prefetch_related("translations", "category__translations")


def _published_in(language, now=None):
    return Article.objects.published(now).in_language(language).order_by("-publish_at", "-pk")


def public_articles(*, language, now=None, categories=True):
    """The articles readable now in `language`, newest first; `categories=False` leaves their categories to
    `categories_attach` (from the section's tree, which has its translations already)."""
    if categories:
        return _with_relations(_published_in(language, now))
    return _published_in(language, now).prefetch_related("translations")


def categories_attach(articles, tree):
    """The articles (a list, or a page's slice) with their `category` taken from `tree`: no query."""
    articles = list(articles)
    for article in articles:
        article.category = tree.by_pk.get(article.category_id)
    return articles


@dataclass(frozen=True)
class Headline:
    """An article as a headline list shows it: its title, date and link."""

    title: str
    publish_at: datetime
    url: str

    def get_absolute_url(self):
        return self.url


def _headlines_of(article_ids, *, language, limit):
    """The newest `limit` of these (public) articles that are written in `language`, as headlines: one query."""
    rows = (Article._parler_meta.root_model.objects.filter(language_code=language, master_id__in=article_ids)
            .order_by("-master__publish_at", "-master_id").values_list("title", "slug", "master__publish_at")[:limit])
    with override(language):
        url = url_maker("news:article", kwarg="slug")
    return [Headline(title, publish_at, url(slug)) for title, slug, publish_at in rows]


def _headlines(articles, *, language, limit):
    """The first `limit` of `articles` (a queryset) as headlines in `language`: one query, no model instances."""
    translations = Article._parler_meta.root_model.objects
    rows = (translations.filter(language_code=language, master__in=articles.values("pk")[:limit])
            .order_by("-master__publish_at", "-master_id").values_list("title", "slug", "master__publish_at"))
    with override(language):
        url = url_maker("news:article", kwarg="slug")
    return [Headline(title, publish_at, url(slug)) for title, slug, publish_at in rows]


def article_list(*, language, category_ids=None, tag=None, year=None, month=None, company=None, categories=True):
    queryset = public_articles(language=language, categories=categories)
    if category_ids is not None:
        queryset = queryset.filter(category_id__in=category_ids)
    if tag is not None:
        queryset = queryset.filter(tags=tag)
    if company is not None:
        queryset = queryset.filter(companies=company)
    if year is not None:
        queryset = queryset.filter(publish_at__year=year)
    if month is not None:
        queryset = queryset.filter(publish_at__month=month)
    return queryset


def article_detail_queryset():
    """Articles with what the article page shows: tags, companies, translations (the category comes from the
    section's tree)."""
    return Article.objects.prefetch_related(
        "translations",
        Prefetch("tags", queryset=Tag.objects.prefetch_related("translations")),
        Prefetch("companies", queryset=Company.objects.prefetch_related("translations")),
    )


def article_by_slug(*, slug, language):
    """(article, found_language): the public article with this slug in `language`, else in another language."""
    published = article_detail_queryset().published()
    article = published.filter(translations__language_code=language, translations__slug=slug).first()
    if article is not None:
        return article, language
    other = published.filter(translations__slug=slug).first()
    if other is None:
        return None, None
    found = other.translations.filter(slug=slug).values_list("language_code", flat=True).first()
    return other, found


def article_for_preview(*, pk):
    """Any article in any state (editors' preview)."""
    return article_detail_queryset().filter(pk=pk).first()


def related_articles(*, article, language, limit=5):
    """Public articles sharing the category, a tag or a company with `article`, newest first."""
    match = Q(category_id=article.category_id) if article.category_id else Q(pk__in=[])
    tag_ids = [tag.pk for tag in article.tags.all()]
    company_ids = [company.pk for company in article.companies.all()]
    if tag_ids:
        match |= Q(pk__in=Article.tags.through.objects.filter(tag_id__in=tag_ids).values("article_id"))
    if company_ids:
        match |= Q(pk__in=Article.companies.through.objects.filter(company_id__in=company_ids).values("article_id"))
    return _headlines(_published_in(language).filter(match).exclude(pk=article.pk), language=language, limit=limit)


COMPANY_ARTICLES_SCANNED = 500  # a company's newest article links looked at for its page's headlines


def company_headlines(*, company, language, limit):
    """The newest public articles about `company` in `language`, as headlines. Its article ids are read first from
    the link table's company index (the newest COMPANY_ARTICLES_SCANNED), so the cost follows the company's
    articles, not the whole table (a planner would otherwise walk every article by date)."""
    links = Article.companies.through.objects.filter(company=company).order_by("-article_id")
    ids = links.values("article_id")[:COMPANY_ARTICLES_SCANNED]
    now = timezone.now()
    public = [article.pk for article in Article.objects.filter(pk__in=ids).only("state", "publish_at", "unpublish_at")
              if article.is_public(now)]  # looked up by id: without statistics SQLite would walk the date index
    return _headlines_of(public, language=language, limit=limit)


def instant_news(*, language, limit=8):
    """The newest headlines (the "instant news" block)."""
    return _headlines(_published_in(language), language=language, limit=limit)


def archive_months(*, language):
    """The months (as aware datetimes, newest first) that have public articles in `language`."""
    return list(Article.objects.published().in_language(language).datetimes("publish_at", "month", order="DESC"))


def latest_articles(*, language, category=None, count=5, tree=None):
    queryset = public_articles(language=language)
    if category is not None:
        tree = tree or category_tree()
        queryset = queryset.filter(category_id__in=tree.descendant_ids(tree.by_pk.get(category.pk, category)))
    return list(queryset[:count])


def featured_article(*, article_id, language):
    if article_id is None:
        return None
    return public_articles(language=language).filter(pk=article_id).first()


def tag_by_slug(slug):
    return Tag.objects.prefetch_related("translations").filter(slug=slug).first()


def feed_articles(*, language, category_ids=None, limit=30):
    return list(article_list(language=language, category_ids=category_ids)[:limit])


def sitemap_articles():
    return (Article.objects.published().prefetch_related("translations").order_by("-publish_at", "pk"))


def revisions_of(article):
    return ArticleRevision.objects.filter(article=article).select_related("created_by").order_by("-number")


def is_scheduled(article, now=None):
    return article.state == ArticleState.PUBLISHED and article.publish_at > (now or timezone.now())


def article_category_slugs(article):
    """The slugs of the article's category and of its parents (for the notification audience), nearest first."""
    tree = category_tree()
    category = tree.by_pk.get(article.category_id)
    return [c.slug for c in reversed(tree.ancestors(category))] if category else []
