"""Query counts of every News Center page and plugin: the same with 1 and with 3 articles.

Measured on an uncached anonymous request, in the steady state of a content version: another page of the section
was shown first, so the CMS menu and the section's shared parts (categories, instant news, archive months, computed
once per content version) are warm. The first page after a publish pays those once: COLD_EXTRA more queries.
"""

import pytest
from cms.api import add_plugin
from cms.models import PageContent
from django.core.cache import cache

from tests.factories import ArticleFactory, CompanyFactory, NewsCategoryFactory, TagFactory

pytestmark = pytest.mark.usefixtures("news_pages")

QUERIES = {
    # CMS page (1), the next publish boundary, count, articles and translations (the menu and breadcrumb are kept
    # per CMS version: apps/core/templatetags/portal_tags.py kept_menu)
    "list": 5,
    "category": 6,
    "tag": 8,
    "archive": 6,
    "article": 9,
    "feed": 8,  # not warmed up: also the trading warnings' next boundary (see COLD_EXTRA)
    "sitemap": 4,
    "home_plugins": 19,
}
# CMS menu (5) and its cache key, categories (2), instant news, archive months, and the next boundary of the
# trading warnings, whose banner is on every page (trading's content version is site-wide)
COLD_EXTRA = 11


def warm_up(client, path):
    """Show another page of the section in the same language first (its shared parts are then computed)."""
    language = "zh-hans" if path.startswith("/zh-hans/") else "en"
    assert client.get(f"/{language}/news/archive/1999/").status_code == 200


@pytest.fixture
def articles(editor):
    def make(count):
        category = NewsCategoryFactory(slug="company-news", en="Company News", zh="企业新闻")
        tag, company = TagFactory(slug="expo", en="Expo", zh="博览会"), CompanyFactory()
        made = [ArticleFactory(author=editor, number=n + 1, category=category, tags=[tag], companies=[company])
                for n in range(count)]
        cache.clear()
        return made

    return make


@pytest.mark.parametrize("count", [1, 3])
@pytest.mark.parametrize("name, path", [
    ("list", "/en/news/"), ("category", "/zh-hans/news/category/company-news/"), ("tag", "/en/news/tag/expo/"),
    ("archive", "/en/news/archive/{year}/"), ("feed", "/zh-hans/news/feed/atom/"), ("sitemap", "/sitemap.xml"),
])
def test_list_pages_query_count_does_not_grow(client, articles, django_assert_num_queries, count, name, path):
    made = articles(count)
    path = path.format(year=made[0].publish_at.astimezone().year)
    if "/news/" in path and "/feed/" not in path:
        warm_up(client, path)

    with django_assert_num_queries(QUERIES[name]):
        response = client.get(path)

    assert response.status_code == 200
    html = response.content.decode()
    if name == "sitemap":
        shown = [article.get_absolute_url("en") for article in made]
    else:
        language = "zh-hans" if path.startswith("/zh-hans/") else "en"
        shown = [article.safe_translation_getter("title", language_code=language) for article in made]
    assert all(text in html for text in shown), shown


@pytest.mark.parametrize("count", [1, 3])
def test_article_page_query_count_does_not_grow(client, articles, django_assert_num_queries, count):
    made = articles(count + 1)  # the article and `count` related articles (also in "instant news")
    warm_up(client, "/en/")

    with django_assert_num_queries(QUERIES["article"]):
        response = client.get(made[0].get_absolute_url("en"))

    assert response.status_code == 200
    assert response.content.decode().count('<li><a href="/en/news/rubber-article-') == count + (count + 1) + 1  # related, instant news, language switcher


@pytest.mark.parametrize("count", [1, 3])
def test_home_plugins_query_count_does_not_grow(client, news_pages, articles, editor, django_assert_num_queries,
                                                count):
    made = articles(count)
    home = news_pages["home"]
    from djangocms_versioning.models import Version

    content = PageContent.admin_manager.get(page=home, language="en")
    draft = Version.objects.get_for_content(content).copy(editor)
    placeholder = draft.content.get_placeholders().get(slot="news")
    add_plugin(placeholder, "LatestArticlesPlugin", "en", count=5)
    add_plugin(placeholder, "FeaturedArticlePlugin", "en", article=made[0])
    draft.publish(editor)
    cache.clear()

    with django_assert_num_queries(QUERIES["home_plugins"]):
        response = client.get("/en/")

    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('<div class="live-article-text"><a href="/en/news/rubber-article-') == count
    assert '<article class="news-plugin news-featured">' in html


@pytest.mark.parametrize("count", [1, 3])
def test_first_page_after_a_publish_pays_the_shared_parts_once(client, articles, django_assert_num_queries, count):
    articles(count)

    with django_assert_num_queries(QUERIES["list"] + COLD_EXTRA):
        first = client.get("/en/news/")
    with django_assert_num_queries(QUERIES["tag"]):
        then = client.get("/en/news/tag/expo/")

    assert first.status_code == then.status_code == 200
    assert "Rubber article 1" in first.content.decode() and "Rubber article 1" in then.content.decode()


def test_company_headlines_follow_the_company_not_the_whole_table(client, articles, django_assert_num_queries):
    """About a company: its newest public articles in the language, found from its own links (two queries, and
    outside a request one more for the apphook page behind the links)."""
    from apps.news.selectors import company_headlines

    made = articles(3)
    company = made[0].companies.get()

    with django_assert_num_queries(3):
        english = company_headlines(company=company, language="en", limit=2)
    chinese = company_headlines(company=company, language="zh-hans", limit=5)

    newest = sorted(made, key=lambda article: article.publish_at, reverse=True)[:2]
    assert [item.title for item in english] == [a.safe_translation_getter("title", language_code="en") for a in newest]
    assert len(chinese) == 3 and all(item.url.startswith("/zh-hans/news/") for item in chinese)


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_an_article_rendered_again_reads_no_article_until_the_next_publish(client, articles, editor, language,
                                                                          django_assert_num_queries,
                                                                          django_capture_on_commit_callbacks):
    """A visitor with a session gets a render, not the page cache: the head (title, meta tags, breadcrumb) and the
    main column are kept per content version, so the second render reads nothing of the article."""
    from apps.news import services

    made = articles(2)
    client.cookies["sessionid"] = "no-such-session"
    url = made[0].get_absolute_url(language)
    first = client.get(url)
    with django_assert_num_queries(0):
        again = client.get(url)
    title = made[0].safe_translation_getter("title", language_code=language)
    assert first.status_code == again.status_code == 200
    assert first.content.decode().count(title) == again.content.decode().count(title) >= 4  # title, meta, crumb, h1
    assert f'<meta property="og:url" content="http://testserver{url}">' in again.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        services.article_archive(article=made[0], user=editor)  # the content version is bumped after commit
    assert client.get(url).status_code == 404
