"""The toolbar's Create wizard offers "News article" to those who may write articles; it makes a draft with a slug
per language (pinyin for Chinese) and opens it in the article admin."""

import pytest
from cms.wizards.wizard_base import entry_choices

from apps.news.models import Article, ArticleState
from apps.news.wizards import article_wizard
from tests.factories import UserFactory

pytestmark = pytest.mark.usefixtures("news_pages")
def wizard_post(client, step, data, language="en"):
    return client.post(f"/{language}/cms_wizard/create/", {"wizard_create_view-current_step": step, **data})


def test_only_people_who_may_add_articles_see_the_entry(editor):
    visitor = UserFactory()

    assert article_wizard.id in [value for value, _label in entry_choices(editor, None)]
    assert article_wizard.id not in [value for value, _label in entry_choices(visitor, None)]


def test_the_wizard_creates_a_draft_in_both_languages_and_opens_the_admin(client, editor):
    client.force_login(editor)
    first = wizard_post(client, "0", {"0-entry": article_wizard.id, "0-language": "en", "0-page": ""})
    done = wizard_post(client, "1", {"1-title_en": "Tire exports rise", "1-title_zh": "轮胎出口增长", "1-category": ""})

    article = Article.objects.get()
    assert first.status_code == 200 and done.status_code == 200
    assert article.state == ArticleState.DRAFT and article.author == editor
    assert article.safe_translation_getter("slug", language_code="en") == "tire-exports-rise"
    assert article.safe_translation_getter("slug", language_code="zh-hans") == "lun-tai-chu-kou-zeng-zhang"
    assert f"/admin/news/article/{article.pk}/change/" in done.content.decode()


@pytest.mark.parametrize("language, message", [("en", "at least one language"), ("zh-hans", "至少")])
def test_a_wizard_without_any_title_says_so_in_the_editors_language(client, editor, language, message):
    client.force_login(editor)
    wizard_post(client, "0", {"0-entry": article_wizard.id, "0-language": language, "0-page": ""}, language)
    response = wizard_post(client, "1", {"1-title_en": "", "1-title_zh": "", "1-category": ""}, language)

    assert response.status_code == 200 and message in response.content.decode()
    assert not Article.objects.exists()
