"""The admin's finish: the site's name as its brand in both languages, the workflow buttons drawn as buttons by a
static style sheet, the Chinese admin opening the Chinese tab, and slugs made from Chinese titles in pinyin."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.utils.html import escape

from apps.core.slugs import pinyin_slug
from apps.forums.models import Forum, Speaker
from apps.news.models import Article
from tests.factories import ArticleFactory, NoticeFactory
from tests.forums.test_admin import forum_data
from tests.news.test_admin import form_data

pytestmark = pytest.mark.django_db
TEMPLATES = Path(__file__).resolve().parents[2] / "apps" / "editorial" / "templates" / "admin" / "editorial"


@pytest.mark.parametrize(("language", "name", "desk"), [("en", "Rubber Valley Industry Portal", "Editors' desk"),
                                                        ("zh-hans", "橡胶谷产业门户", "编辑工作台")])
def test_admin_is_branded_with_the_site_name(client, editor, language, name, desk, settings):
    settings.SITE_NAME = ""
    client.force_login(editor)
    html = client.get(f"/{language}/admin/").content.decode()
    assert f'<div id="site-name"><a href="/{language}/admin/">{name}</a></div>' in html
    assert f"<title>{escape(desk)} | {name}</title>" in html
    assert "Django" not in re.search(r"<title>.*?</title>", html).group(0)
    client.logout()
    login = client.get(f"/{language}/admin/login/")
    assert f"| {name}</title>" in login.content.decode()


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_workflow_buttons_are_styled_by_the_static_sheet(client, editor, language):
    article = ArticleFactory(state="review")
    notice = NoticeFactory(publish=False)
    client.force_login(editor)
    for url in (f"/{language}/admin/news/article/{article.pk}/change/?language=en",
                f"/{language}/admin/trading/notice/{notice.pk}/change/", f"/{language}/admin/"):
        html = client.get(url).content.decode()
        assert '<link rel="stylesheet" href="/static/editorial/admin.css' in html, url
    html = client.get(f"/{language}/admin/news/article/{article.pk}/change/?language=en").content.decode()
    assert re.search(r'<div class="submit-row news-workflow">.*?<button type="submit" name="_workflow" '
                     r'value="publish">', html, re.S)
    sheet = Path(finders.find("editorial/admin.css")).read_text(encoding="utf-8")
    for selector in (".news-workflow button", ".trading-workflow button", '.news-workflow button[value="publish"]'):
        assert selector in sheet
    for name in ("queue.html", "completeness.html", "translation_status.html"):  # CSP: no inline styles
        assert "style=" not in (TEMPLATES / name).read_text(encoding="utf-8")


@pytest.mark.parametrize(("language", "current"), [("en", "English"), ("zh-hans", "简体中文")])
def test_language_tab_follows_the_admin_language(client, editor, language, current):
    article = ArticleFactory(state="draft")
    client.force_login(editor)
    for url in (f"/{language}/admin/news/article/{article.pk}/change/", f"/{language}/admin/news/article/add/"):
        html = client.get(url).content.decode()
        assert f'<span class="current">{current}' in html, url
    html = client.get(f"/{language}/admin/news/article/{article.pk}/change/").content.decode()
    expected = {"en": "Rubber article", "zh-hans": "橡胶新闻"}[language]
    assert re.search(rf'name="title"[^>]*value="{expected}', html)
    other = client.get(f"/{language}/admin/news/article/{article.pk}/change/?language=en").content.decode()
    assert '<span class="current">简体中文' not in other and re.search(r'name="title"[^>]*value="Rubber article', other)


def test_pinyin_slug_function():
    assert pinyin_slug("天然橡胶价格") == "tian-ran-xiang-jiao-jia-ge"
    assert pinyin_slug("2026 轮胎论坛 Summit") == "2026-lun-tai-lun-tan-summit"
    assert pinyin_slug("Tyre Forum") == "tyre-forum"


def test_chinese_article_title_gives_a_pinyin_slug(client, editor):
    client.force_login(editor)
    page = client.get("/zh-hans/admin/news/article/add/").content.decode()
    assert "&quot;#id_slug&quot;" not in page  # no Latin-only prepopulating script on Chinese tabs
    assert "中文字符转为拼音" in page  # the help text says what happens
    response = client.post("/zh-hans/admin/news/article/add/?language=zh-hans",
                           form_data(title="天然橡胶价格上涨", slug="", source_name="橡胶谷日报"))
    assert response.status_code == 302
    article = Article.objects.language("zh-hans").get()
    assert article.slug == "tian-ran-xiang-jiao-jia-ge-shang-zhang"


def test_english_article_keeps_the_typed_slug_and_fills_an_empty_one(client, editor):
    client.force_login(editor)
    page = client.get("/en/admin/news/article/add/").content.decode()
    assert "&quot;#id_slug&quot;" in page  # django's prepopulating script on the English tab
    assert client.post("/en/admin/news/article/add/?language=en", form_data(slug="my-own")).status_code == 302
    assert Article.objects.language("en").get().slug == "my-own"
    assert client.post("/en/admin/news/article/add/?language=en",
                       form_data(title="Plant opens", slug="")).status_code == 302
    assert Article.objects.language("en").filter(translations__slug="plant-opens").exists()


def test_forum_and_speaker_slugs_from_chinese(client, editor):
    client.force_login(editor)
    response = client.post("/zh-hans/admin/forums/forum/add/?language=zh-hans",
                           forum_data(title="轮胎论坛", slug=""))
    assert response.status_code == 302
    assert Forum.objects.get().slug == "lun-tai-lun-tan"
    response = client.post("/zh-hans/admin/forums/speaker/add/?language=zh-hans",
                           {"name": "李伟", "slug": "", "position": "", "company": "", "bio": ""})
    assert response.status_code == 302
    assert Speaker.objects.get().slug == "li-wei"


def test_a_title_without_letters_asks_for_a_slug(client, editor):
    client.force_login(editor)
    response = client.post("/zh-hans/admin/forums/forum/add/?language=zh-hans", forum_data(title="！！", slug=""))
    assert response.status_code == 200
    assert "无法从这个标题生成" in response.content.decode()
