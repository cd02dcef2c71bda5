"""News Center records for tests: categories and tags, and articles made through the news services."""

import datetime

import factory
from django.utils import timezone

from apps.accounts import roles
from apps.news import services
from apps.news.models import Article, Category, Tag

from .accounts import UserFactory
from .translations import TranslatedFactory


class NewsCategoryFactory(TranslatedFactory):
    """NewsCategoryFactory(slug="industry", en="Industry News", zh="行业动态", parent=None)."""

    class Meta:
        model = Category

    class Params:
        en = factory.Sequence(lambda n: f"News category {n}")
        zh = factory.Sequence(lambda n: f"新闻类别{n}")

    slug = factory.Sequence(lambda n: f"news-category-{n}")
    parent = None
    position = 0
    translations = factory.LazyAttribute(lambda o: {"en": {"name": o.en}, "zh-hans": {"name": o.zh}})


class TagFactory(TranslatedFactory):
    class Meta:
        model = Tag

    class Params:
        en = factory.Sequence(lambda n: f"Tag {n}")
        zh = factory.Sequence(lambda n: f"标签{n}")

    slug = factory.Sequence(lambda n: f"tag-{n}")
    translations = factory.LazyAttribute(lambda o: {"en": {"name": o.en}, "zh-hans": {"name": o.zh}})


def article_translations(number, languages=("en", "zh-hans")):
    """The texts of article `number` in `languages` (the argument `translations` of article_create)."""
    texts = {
        "en": {"title": f"Rubber article {number}", "slug": f"rubber-article-{number}",
               "lead": f"Lead of article {number}.", "body": f"<p>Body of article {number}.</p>",
               "source_name": "Valley Daily", "source_url": "https://news.valley.example/a"},
        "zh-hans": {"title": f"橡胶新闻{number}", "slug": f"xiangjiao-xinwen-{number}",
                    "lead": f"第{number}篇文章的导语。", "body": f"<p>第{number}篇文章的正文。</p>",
                    "source_name": "橡胶谷日报"},
    }
    return {language: texts[language] for language in languages}


class ArticleFactory(factory.django.DjangoModelFactory):
    """An article by `author` (a new editor by default), made by article_create and taken through the workflow to
    `state` ("draft", "review", "published" — `number` minutes ago unless `publish_at` — or "archived").
    Other keywords (category, tags, companies, unpublish_at, cover_data) go to article_create."""

    class Meta:
        model = Article

    class Params:
        languages = ("en", "zh-hans")

    number = factory.Sequence(lambda n: n + 1)
    author = factory.SubFactory(UserFactory, role=roles.EDITORS,
                                username=factory.Sequence(lambda n: f"news-editor-{n}"))
    state = "published"
    publish_at = None
    publish_by = None
    translations = factory.LazyAttribute(lambda o: article_translations(o.number, o.languages))

    @classmethod
    def _create(cls, model_class, *, number, author, state, publish_at, publish_by, translations, **fields):
        article = services.article_create(author=author, translations=translations, **fields)
        if state == "review":
            services.article_submit(article=article, user=author)
        if state in ("published", "archived"):
            when = publish_at or timezone.now() - datetime.timedelta(minutes=number)
            services.article_publish(article=article, user=publish_by or author, publish_at=when)
        if state == "archived":
            services.article_archive(article=article, user=publish_by or author)
        return article
