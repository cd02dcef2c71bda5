"""News Center records for tests, made through the news services."""

import datetime
import io
import itertools

from django.utils import timezone
from PIL import Image

from apps.accounts import roles
from apps.news import services
from apps.news.models import Category, Tag

from .accounts import make_user

_counter = itertools.count(1)


def make_category(*, slug, en, zh, parent=None, position=0):
    category = Category(slug=slug, parent=parent, position=position)
    category.set_current_language("en")
    category.name = en
    category.set_current_language("zh-hans")
    category.name = zh
    category.save()
    return category


def make_tag(*, slug, en, zh):
    tag = Tag(slug=slug)
    tag.set_current_language("en")
    tag.name = en
    tag.set_current_language("zh-hans")
    tag.name = zh
    tag.save()
    return tag


def news_editor():
    return make_user(role=roles.EDITORS, username=f"news-editor-{next(_counter)}")


def article_translations(number, languages=("en", "zh-hans")):
    texts = {
        "en": {"title": f"Rubber article {number}", "slug": f"rubber-article-{number}",
               "lead": f"Lead of article {number}.", "body": f"<p>Body of article {number}.</p>",
               "source_name": "Valley Daily", "source_url": "https://news.valley.example/a"},
        "zh-hans": {"title": f"橡胶新闻{number}", "slug": f"xiangjiao-xinwen-{number}",
                    "lead": f"第{number}篇文章的导语。", "body": f"<p>第{number}篇文章的正文。</p>",
                    "source_name": "橡胶谷日报"},
    }
    return {language: texts[language] for language in languages}


def make_article(*, author=None, state="published", publish_at=None, languages=("en", "zh-hans"), number=None,
                 publish_by=None, **fields):
    """An article by `author` (a new editor by default), taken through the workflow to `state`."""
    author = author or news_editor()
    number = number or next(_counter)
    translations = fields.pop("translations", None) or article_translations(number, languages)
    article = services.article_create(author=author, translations=translations, **fields)
    if state in ("review",):
        services.article_submit(article=article, user=author)
    if state in ("published", "archived"):
        when = publish_at or timezone.now() - datetime.timedelta(minutes=number)
        services.article_publish(article=article, user=publish_by or author, publish_at=when)
    if state == "archived":
        services.article_archive(article=article, user=publish_by or author)
    return article


def image_bytes(size=(800, 450), color="#0b6e4f", image_format="PNG"):
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format=image_format)
    return buffer.getvalue()
