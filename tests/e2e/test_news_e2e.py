"""End to end in Chromium: an editor writes and publishes a bilingual article in the admin; a visitor reads it
in both languages, and the browser remembers it as recently viewed."""

import re

import pytest

from apps.accounts import roles
from apps.news.models import Article, ArticleState
from tests.e2e.conftest import ARTIFACTS
from tests.factories import PASSWORD, ArticleFactory, NewsCategoryFactory, UserFactory
from tests.support import wait_until


@pytest.fixture
def company_news(news_pages):
    return NewsCategoryFactory(slug="company-news", en="Company News", zh="企业新闻")


def editor_login(page, live_server):
    UserFactory(role=roles.EDITORS, username="news-editor-e2e")
    page.goto(f"{live_server.url}/en/admin/login/")
    page.fill("#id_username", "news-editor-e2e")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/en/admin/")


def write_body(page, text):
    """Type into the rich-text editor of the body (djangocms-text), or its textarea without JavaScript."""
    editor = page.locator(".field-body [contenteditable=true]").first
    if editor.count():
        editor.click()
        editor.type(text)
    else:
        page.fill("textarea[name=body]", text)


def set_slug(page, slug):
    """Type the slug last: the admin's prepopulate script rewrites it while the title is being typed."""
    page.fill("input[name=slug]", slug)
    assert page.input_value("input[name=slug]") == slug


def test_editor_publishes_bilingual_article_and_visitor_reads_both(page, browser, live_server, company_news,
                                                                   screenshot):
    editor_login(page, live_server)
    page.goto(f"{live_server.url}/en/admin/news/article/add/?language=en")
    page.fill("input[name=title]", "Longyuan opens a smart tire plant")
    page.fill("input[name=lead]", "The Qingdao tire maker starts a connected production line.")
    write_body(page, "Every curing press reports its temperature to the quality system.")
    page.fill("input[name=source_name]", "Rubber Valley News Desk")
    page.select_option("select[name=category]", label="Company News")
    set_slug(page, "longyuan-smart-tire-plant")
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")
    article = Article.objects.get()
    assert article.state == ArticleState.DRAFT

    page.goto(f"{live_server.url}/en/admin/news/article/{article.pk}/change/?language=zh-hans")
    page.fill("input[name=title]", "隆远智能轮胎工厂投产")
    page.fill("input[name=lead]", "这家青岛轮胎企业启用互联生产线。")
    write_body(page, "每台硫化机都向质量系统报告温度。")
    page.fill("input[name=source_name]", "橡胶谷新闻中心")
    set_slug(page, "longyuan-zhineng-luntai-gongchang")  # a Chinese title gives no slug by itself
    screenshot("admin-zh")
    page.click("button[name=_workflow][value=publish]")
    page.wait_for_selector(".messagelist .success")
    article.refresh_from_db()
    assert article.state == ArticleState.PUBLISHED
    assert sorted(article.get_available_languages()) == ["en", "zh-hans"]

    visitor = browser.new_context(viewport={"width": 390, "height": 844}, locale="en-US").new_page()
    visitor.goto(f"{live_server.url}/en/news/")
    visitor.get_by_role("link", name="Longyuan opens a smart tire plant").first.click()
    visitor.wait_for_url(f"{live_server.url}/en/news/longyuan-smart-tire-plant/")
    assert visitor.locator("h1").inner_text() == "Longyuan opens a smart tire plant"
    assert "Every curing press reports its temperature" in visitor.locator(".news-body").inner_text()
    assert re.search(r"Article source:\s+Rubber Valley News Desk", visitor.locator(".news-source").inner_text())
    crumbs = visitor.locator(".breadcrumbs li").all_inner_texts()
    assert crumbs == ["Home", "News Center", "Company News", "Longyuan opens a smart tire plant"]
    visitor.screenshot(path=str(ARTIFACTS / "news-article-phone-en.png"), full_page=True)

    visitor.get_by_role("link", name="简体中文").click()
    visitor.wait_for_url(f"{live_server.url}/zh-hans/news/longyuan-zhineng-luntai-gongchang/")
    assert visitor.locator("h1").inner_text() == "隆远智能轮胎工厂投产"
    assert "每台硫化机都向质量系统报告温度" in visitor.locator(".news-body").inner_text()
    visitor.screenshot(path=str(ARTIFACTS / "news-article-phone-zh-hans.png"), full_page=True)
    visitor.context.close()


def test_recently_viewed_is_kept_in_the_browser(page, live_server, news_pages, screenshot):
    editor = UserFactory(role=roles.EDITORS, username="author-e2e")
    first = ArticleFactory(author=editor, number=1)
    second = ArticleFactory(author=editor, number=2)

    page.goto(f"{live_server.url}{first.get_absolute_url('en')}")
    assert page.locator("#news-recent").is_hidden()  # nothing seen before
    page.goto(f"{live_server.url}{second.get_absolute_url('en')}")

    recent = page.locator("#news-recent")
    recent.wait_for(state="visible")
    assert recent.locator("li").all_inner_texts() == ["Rubber article 1"]
    screenshot("article-en")
    assert wait_until(lambda: Article.objects.get(pk=first.pk).view_count == 1)  # the beacon counted it
