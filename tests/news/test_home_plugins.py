"""The News Center's latest-articles plugin on the home page: covers in a box of fixed aspect ratio (no layout
shift), the page's language, a constant number of queries, and a fresh cached home page after a publication."""

import pytest
from cms.models import Page

from apps.news import services
from apps.news.models import Article
from tests.factories import ArticleFactory
from tests.support.home_plugins import home_html, home_plugin_place, plugin_html


@pytest.fixture
def placed(news_pages, editor):
    return home_plugin_place(Page.objects.get(is_home=True), editor, "LatestArticlesPlugin", slot="news", count=4)


def _article(editor, number, cover=True):
    article = ArticleFactory(author=editor, number=number)
    if cover:
        Article.objects.filter(pk=article.pk).update(cover_list=f"news/covers/cover-{number}.jpg")
    return article


@pytest.mark.parametrize("language, title, other, ui, foreign_ui", [
    ("en", "Rubber article {}", "橡胶新闻{}", ["Latest news", "More news"], ["最新", "更多"]),
    ("zh-hans", "橡胶新闻{}", "Rubber article {}", ["最新资讯", "更多资讯"], ["Latest news", "More news"]),
])
def test_home_lists_latest_articles_with_covers_in_its_language(client, placed, editor, language, title, other, ui,
                                                                foreign_ui):
    _article(editor, 1)
    _article(editor, 2, cover=False)

    html = home_html(client, language)

    block = html[html.index("news-plugin news-latest"):]
    block = block[:block.index("</section>")]
    assert title.format(1) in block and title.format(2) in block
    assert other.format(1) not in block
    for text in ui:
        assert text in block
    for text in foreign_ui:
        assert text not in block
    assert '<img src="/media/news/covers/cover-1.jpg" alt="" width="480" height="270" loading="lazy"' in block
    assert block.count('class="live-cover"') == 2  # the box without a cover keeps its 16:9 place too


@pytest.mark.parametrize("count", [1, 3])
def test_plugin_renders_in_a_constant_number_of_queries(placed, editor, count, django_assert_num_queries):
    for number in range(1, count + 1):
        _article(editor, number)
    plugin_html(placed["en"], "en")  # django CMS loads the apphooks' URLs once per process

    with django_assert_num_queries(2):  # the articles, their translations
        html = plugin_html(placed["en"], "en")

    assert html.count('<li class="live-article">') == count


def test_cached_home_shows_an_article_once_published(client, placed, editor, django_capture_on_commit_callbacks):
    _article(editor, 1)
    assert "Rubber article 1" in home_html(client, "en")
    assert client.get("/en/")["X-Page-Cache"] == "hit"
    draft = ArticleFactory(author=editor, number=2, state="draft")

    with django_capture_on_commit_callbacks(execute=True):
        services.article_publish(article=draft, user=editor)

    assert "Rubber article 2" in home_html(client, "en")
