"""The CMS toolbar on News Center pages and the home-page plugins."""

import pytest
from cms.api import add_plugin
from cms.models import PageContent
from djangocms_versioning.models import Version

from apps.news import services
from tests.factories import ArticleFactory, NewsCategoryFactory

pytestmark = pytest.mark.usefixtures("news_pages")


def test_editor_toolbar_offers_add_and_edit_this_article(client, editor):
    article = ArticleFactory(author=editor)
    client.force_login(editor)

    html = client.get(article.get_absolute_url("en")).content.decode()

    assert "Add article" in html
    assert "Edit this article" in html
    assert f"/en/admin/news/article/{article.pk}/change/" in html


def test_contributor_toolbar_offers_add_but_not_edit_of_published_article(client, editor, contributor):
    article = ArticleFactory(author=editor)
    client.force_login(contributor)

    html = client.get(article.get_absolute_url("en")).content.decode()

    assert "Add article" in html
    assert "Edit this article" not in html


def test_anonymous_page_has_no_toolbar_entries(client, editor):
    article = ArticleFactory(author=editor)

    html = client.get(article.get_absolute_url("en")).content.decode()

    assert "Add article" not in html and "Edit this article" not in html


def publish_plugins(page, user, language, plugins):
    content = PageContent.admin_manager.get(page=page, language=language)
    draft = Version.objects.get_for_content(content).copy(user)
    placeholder = draft.content.get_placeholders().get(slot="news")
    for plugin_type, fields in plugins:
        add_plugin(placeholder, plugin_type, language, **fields)
    draft.publish(user)


@pytest.mark.parametrize("language, heading", [("en", "Company News"), ("zh-hans", "企业新闻")])
def test_latest_articles_plugin_shows_category_articles_in_language(client, news_pages, editor, language, heading):
    category = NewsCategoryFactory(slug="company-news", en="Company News", zh="企业新闻")
    ArticleFactory(author=editor, number=1, category=category)
    ArticleFactory(author=editor, number=2, category=category)
    ArticleFactory(author=editor, number=3, category=category)
    ArticleFactory(author=editor, number=4)
    publish_plugins(news_pages["home"], editor, language,
                    [("LatestArticlesPlugin", {"category": category, "count": 2})])

    html = client.get(f"/{language}/").content.decode()

    assert f"<h2>{heading}</h2>" in html
    title = "Rubber article {}" if language == "en" else "橡胶新闻{}"
    assert title.format(1) in html and title.format(2) in html
    assert title.format(3) not in html and title.format(4) not in html


def test_home_plugins_show_new_publication_at_once(client, news_pages, editor, django_capture_on_commit_callbacks):
    featured = ArticleFactory(author=editor, number=1)
    publish_plugins(news_pages["home"], editor, "en", [("LatestArticlesPlugin", {"count": 5}),
                                                       ("FeaturedArticlePlugin", {"article": featured})])
    first = client.get("/en/").content.decode()
    assert "Rubber article 1" in first
    draft = ArticleFactory(author=editor, number=2, state="draft")

    with django_capture_on_commit_callbacks(execute=True):
        services.article_publish(article=draft, user=editor)
        services.article_archive(article=featured, user=editor)

    html = client.get("/en/").content.decode()
    assert "Rubber article 2" in html
    assert '<article class="news-plugin news-featured">' not in html  # the featured article was archived
