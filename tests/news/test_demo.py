"""The News Center's demo data (the only news test that loads the demo fixtures)."""

import io

import pytest
from django.core.management import call_command

from apps.news.demo import cover_png
from apps.news.models import Article, ArticleState, Category, Tag
from tests.factories.cms_pages import apphook_detach
from tests.factories.demo import demo_parts_only

PARTS = ("accounts", "companies", "news")  # articles are linked to the demo's companies


@pytest.fixture
def load_demo(db, settings, tmp_path, django_capture_on_commit_callbacks, monkeypatch):
    """`manage.py load_demo` (or another demo command) building the pages and the parts the news demo reads."""
    settings.MEDIA_ROOT = tmp_path / "media"
    demo_parts_only(monkeypatch, PARTS)

    def run(command="load_demo"):
        with django_capture_on_commit_callbacks(execute=True):
            call_command(command, stdout=io.StringIO(), stderr=io.StringIO())

    yield run
    from cms.models import Page

    page = Page.objects.filter(reverse_id="news").first()
    if page is not None:
        apphook_detach(page)


def test_load_demo_publishes_bilingual_articles_with_covers(load_demo, client):
    load_demo()
    from tests.factories.cms_pages import urls_reload

    urls_reload()  # as a server started after load_demo would

    articles = list(Article.objects.prefetch_related("translations"))
    assert len(articles) == 34
    assert {article.state for article in articles} == {ArticleState.PUBLISHED}
    assert Category.objects.count() == 8 and Tag.objects.count() == 12
    for article in articles:
        assert sorted(article.get_available_languages()) == ["en", "zh-hans"]
        assert article.cover_list.name.endswith("-list.jpg")
        assert article.cover_list.storage.exists(article.cover_list.name)
        assert article.revisions.count() == 2  # created, published
    assert Article.objects.filter(companies__slug="longyuan-tire").count() == 4

    english = client.get("/en/news/")
    chinese = client.get("/zh-hans/news/category/expo-news/")
    assert english.status_code == chinese.status_code == 200
    assert "Second Rubber Industry Expo announced, with a matchmaking day" in english.content.decode()
    assert "首届中国（青岛）橡胶工业博览会闭幕 签约合作逾30项" in chinese.content.decode()
    article = client.get("/zh-hans/news/shoujie-xiangjiao-bolanhui-bimu/")
    assert article.status_code == 200
    assert "橡胶谷新闻中心</p>" in article.content.decode()  # the source attribution


def test_load_demo_twice_creates_no_more_articles_and_reset_rebuilds(load_demo):
    load_demo()
    load_demo()
    assert Article.objects.count() == 34

    load_demo("reset_demo")

    assert Article.objects.count() == 34
    assert Category.objects.count() == 8


def test_cover_png_same_input_gives_same_bytes():
    assert cover_png(color="#0b6e4f", seed=3) == cover_png(color="#0b6e4f", seed=3)
    assert cover_png(color="#0b6e4f", seed=3) != cover_png(color="#0b6e4f", seed=4)
