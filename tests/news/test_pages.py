"""Public News Center pages in both languages: lists, archive, article, missing translations, preview, beacon."""

import datetime
import re

import pytest
from django.utils import timezone

from apps.news import services
from apps.news.models import Article
from tests.factories import ArticleFactory, NewsCategoryFactory, TagFactory
from tests.factories.news import article_translations

pytestmark = pytest.mark.usefixtures("news_pages")


@pytest.fixture
def categories(db):
    company = NewsCategoryFactory(slug="company-news", en="Company News", zh="企业新闻", position=1)
    industry = NewsCategoryFactory(slug="industry-news", en="Industry News", zh="行业动态", position=2)
    parks = NewsCategoryFactory(slug="clusters-parks", en="Clusters and Parks", zh="集群与园区", parent=industry)
    return {"company": company, "industry": industry, "parks": parks}


def text(response):
    return response.content.decode()


def titles(response):
    return re.findall(r'<h2><a href="[^"]+">([^<]+)</a></h2>', text(response))


@pytest.mark.parametrize("language, title", [("en", "Rubber article 7"), ("zh-hans", "橡胶新闻7")])
def test_list_shows_published_articles_in_language(client, editor, language, title):
    ArticleFactory(author=editor, number=7)
    ArticleFactory(author=editor, number=8, state="draft")

    response = client.get(f"/{language}/news/")

    assert response.status_code == 200
    assert titles(response) == [title]
    assert f'<html lang="{language}">' in text(response)


def test_list_is_paginated_newest_first_and_bad_page_is_404(client, editor):
    now = timezone.now()
    for number in range(1, 13):
        ArticleFactory(author=editor, number=number, publish_at=now - datetime.timedelta(hours=number))

    first, second = client.get("/en/news/"), client.get("/en/news/?page=2")

    assert titles(first) == [f"Rubber article {n}" for n in range(1, 11)]
    assert titles(second) == ["Rubber article 11", "Rubber article 12"]
    assert 'rel="next" href="?page=2"' in text(first)
    assert client.get("/en/news/?page=3").status_code == 404
    assert client.get("/en/news/?page=abc").status_code == 404


def test_category_list_includes_child_categories(client, editor, categories):
    ArticleFactory(author=editor, number=1, category=categories["industry"])
    ArticleFactory(author=editor, number=2, category=categories["parks"])
    ArticleFactory(author=editor, number=3, category=categories["company"])

    industry = client.get("/en/news/category/industry-news/")
    parks = client.get("/zh-hans/news/category/clusters-parks/")

    assert sorted(titles(industry)) == ["Rubber article 1", "Rubber article 2"]
    assert titles(parks) == ["橡胶新闻2"]
    assert '<span aria-current="page">Clusters and Parks</span>' not in text(parks)
    assert '<a href="/zh-hans/news/category/industry-news/">行业动态</a></li><li><span aria-current="page">集群与园区</span>' in text(parks)
    assert client.get("/en/news/category/no-such-thing/").status_code == 404


def test_tag_list_and_unknown_tag(client, editor):
    tag = TagFactory(slug="green-tires", en="Green tires", zh="绿色轮胎")
    ArticleFactory(author=editor, number=1, tags=[tag])
    ArticleFactory(author=editor, number=2)

    assert titles(client.get("/en/news/tag/green-tires/")) == ["Rubber article 1"]
    assert "Tag: Green tires" in text(client.get("/en/news/tag/green-tires/"))
    assert client.get("/en/news/tag/nothing/").status_code == 404


def test_archive_by_year_and_month(client, editor):
    shanghai = datetime.timezone(datetime.timedelta(hours=8))
    ArticleFactory(author=editor, number=1, publish_at=datetime.datetime(2025, 11, 22, 9, tzinfo=shanghai))
    ArticleFactory(author=editor, number=2, publish_at=datetime.datetime(2025, 12, 1, 0, 30, tzinfo=shanghai))
    ArticleFactory(author=editor, number=3, publish_at=datetime.datetime(2024, 5, 1, 12, tzinfo=shanghai))

    assert sorted(titles(client.get("/en/news/archive/2025/"))) == ["Rubber article 1", "Rubber article 2"]
    assert titles(client.get("/en/news/archive/2025/12/")) == ["Rubber article 2"]  # Shanghai time
    sidebar = text(client.get("/en/news/"))
    assert '<a href="/en/news/archive/2025/12/">2025-12</a>' in sidebar
    assert '<time datetime="2025-12-01T00:30:00+08:00">2025-12-01</time>' in sidebar
    assert client.get("/en/news/archive/2025/13/").status_code == 404


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_article_page_has_breadcrumbs_source_date_and_meta(client, editor, categories, language):
    shanghai = datetime.timezone(datetime.timedelta(hours=8))
    article = ArticleFactory(author=editor, number=5, category=categories["company"],
                             publish_at=datetime.datetime(2026, 11, 22, 8, 15, tzinfo=shanghai))
    article.set_current_language(language)

    response = client.get(article.get_absolute_url(language))
    html = text(response)

    assert response.status_code == 200
    home, news, category = ("Home", "News Center", "Company News") if language == "en" else ("首页", "新闻中心", "企业新闻")
    assert re.search(
        rf'<li><a href="/{language}/">{home}</a></li>\s*<li><a href="/{language}/news/">{news}</a></li>\s*'
        rf'<li><a href="/{language}/news/category/company-news/">{category}</a></li>'
        rf'<li><span aria-current="page">{article.title}</span></li>', html)
    assert '<time datetime="2026-11-22T08:15:00+08:00">2026-11-22 08:15</time>' in html
    source = html.split('<p class="news-source">')[1].split("</p>")[0]
    assert source.endswith(f"{article.source_name}</a>" if language == "en" else article.source_name)
    assert f'<meta property="og:title" content="{article.title}">' in html
    assert '<meta name="twitter:card" content="summary">' in html
    assert f'data-seen-url="/{language}/news/seen/{article.pk}/"' in html


def test_language_switcher_and_hreflang_keep_the_same_article(client, editor):
    article = ArticleFactory(author=editor, number=3)

    html = text(client.get("/en/news/rubber-article-3/"))

    assert '<a href="/zh-hans/news/xiangjiao-xinwen-3/" hreflang="zh-hans" lang="zh-hans">' in html
    assert '<link rel="alternate" hreflang="zh-hans" href="http://testserver/zh-hans/news/xiangjiao-xinwen-3/">' in html
    assert client.get(article.get_absolute_url("zh-hans")).status_code == 200


def test_slug_of_other_language_redirects_to_article_in_this_language(client, editor):
    ArticleFactory(author=editor, number=3)

    response = client.get("/zh-hans/news/rubber-article-3/")

    assert response.status_code == 301
    assert response["Location"] == "/zh-hans/news/xiangjiao-xinwen-3/"


def test_missing_translation_answers_404_with_link_to_existing_language(client, editor):
    ArticleFactory(author=editor, number=4, languages=("zh-hans",))

    response = client.get("/en/news/xiangjiao-xinwen-4/")
    html = text(response)

    assert response.status_code == 404
    assert "This article is not available in this language" in html
    assert '<a href="/zh-hans/news/xiangjiao-xinwen-4/" hreflang="zh-hans" lang="zh-hans">橡胶新闻4</a>' in html
    assert titles(client.get("/en/news/")) == []  # lists show only articles written in their language
    assert titles(client.get("/zh-hans/news/")) == ["橡胶新闻4"]
    assert client.get("/zh-hans/news/xiangjiao-xinwen-4/").status_code == 200


def test_switcher_on_article_without_other_translation_leads_to_missing_translation_page(client, editor):
    ArticleFactory(author=editor, number=4, languages=("zh-hans",))

    html = text(client.get("/zh-hans/news/xiangjiao-xinwen-4/"))

    assert '<a href="/en/news/xiangjiao-xinwen-4/" hreflang="en" lang="en">English</a>' in html


@pytest.mark.parametrize("state", ["draft", "review", "archived"])
def test_unpublished_article_is_404(client, editor, state):
    article = ArticleFactory(author=editor, number=9, state=state)

    assert client.get(article.get_absolute_url("en")).status_code == 404
    assert client.get("/en/news/no-such-article/").status_code == 404


def test_expired_article_is_404(client, editor):
    now = timezone.now()
    article = ArticleFactory(author=editor, number=9, publish_at=now - datetime.timedelta(days=2),
                             unpublish_at=now - datetime.timedelta(seconds=1))

    assert client.get(article.get_absolute_url("en")).status_code == 404


def test_related_reading_shares_category_tag_or_company(client, editor, categories):
    from tests.factories import CompanyFactory

    tag, company = TagFactory(slug="t", en="T", zh="标"), CompanyFactory()
    article = ArticleFactory(author=editor, number=1, category=categories["company"], tags=[tag], companies=[company])
    ArticleFactory(author=editor, number=2, category=categories["company"])
    ArticleFactory(author=editor, number=3, tags=[tag])
    ArticleFactory(author=editor, number=4, companies=[company])
    ArticleFactory(author=editor, number=5, category=categories["industry"])

    html = text(client.get(article.get_absolute_url("en")))
    related = html.split("Related reading</h2>")[1].split("</section>")[0]

    assert re.findall(r">(Rubber article \d)</a>", related) == ["Rubber article 2", "Rubber article 3",
                                                                  "Rubber article 4"]
    assert f">{company.safe_translation_getter('name', language_code='en')}<" in html or company.slug in html


def test_instant_news_and_recently_viewed_block_are_on_article_page(client, editor):
    article = ArticleFactory(author=editor, number=1)
    ArticleFactory(author=editor, number=2)

    html = text(client.get(article.get_absolute_url("en")))

    instant = html.split("Instant news</h2>")[1].split("</section>")[0]
    assert re.findall(r">(Rubber article \d)</a>", instant) == ["Rubber article 1", "Rubber article 2"]
    assert '<section class="news-box news-recent" id="news-recent" data-language="en" hidden>' in html
    assert '/static/js/news.js' in html


def test_view_beacon_counts_public_articles_only(client, editor):
    article = ArticleFactory(author=editor, number=1)
    draft = ArticleFactory(author=editor, number=2, state="draft")

    assert client.post(f"/en/news/seen/{article.pk}/").status_code == 204
    assert client.post(f"/en/news/seen/{draft.pk}/").status_code == 204
    assert client.get(f"/en/news/seen/{article.pk}/").status_code == 405

    assert Article.objects.get(pk=article.pk).view_count == 1
    assert Article.objects.get(pk=draft.pk).view_count == 0


def test_preview_is_for_editors_only_and_never_cached(client, editor, exhibitor, contributor):
    draft = services.article_create(author=contributor, translations=article_translations(9006))
    url = f"/en/news/preview/{draft.pk}/"

    anonymous = client.get(url)
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]
    for user in (exhibitor, contributor):
        client.force_login(user)
        assert client.get(url).status_code == 403
    client.force_login(editor)
    response = client.get(url)
    assert response.status_code == 200
    assert "Preview of an article that is not public (Draft)" in text(response)
    assert "no-cache" in response["Cache-Control"] and "X-Page-Cache" not in response
    assert client.get("/en/news/preview/999999/").status_code == 404


def test_article_page_shows_cover_renditions(client, editor):
    from tests.support.files import image_bytes

    article = services.article_create(author=editor, translations=article_translations(9001),
                                      cover_data=image_bytes((1600, 1000)))
    services.article_publish(article=article, user=editor)

    html = text(client.get(article.get_absolute_url("en")))
    listing = text(client.get("/en/news/"))

    assert f'<img src="{article.cover_detail.url}" alt="" width="1200" height="675">' in html
    assert f'<meta property="og:image" content="http://testserver{article.cover_social.url}">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert f'<img src="{article.cover_list.url}" alt="" width="480" height="270" loading="lazy">' in listing
