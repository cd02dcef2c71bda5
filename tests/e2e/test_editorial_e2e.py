"""End to end in Chromium: the editor's admin index with its queue, the completeness report and a styled workflow
button, in both languages at 1366 and 390 px wide, with no horizontal scrolling and no CSP violation."""

import pytest

from apps.accounts import roles
from tests.editorial.test_translation_status import edit
from tests.factories import ArticleFactory, UserFactory
from tests.factories.accounts import PASSWORD


@pytest.fixture
def desk(transactional_db):
    editor = UserFactory(username="desk-e2e", role=roles.EDITORS)
    review = ArticleFactory(state="review", number=41)
    edit(ArticleFactory(state="draft", number=42), "en", title="Changed in English only")
    ArticleFactory(state="draft", languages=("en",), number=43)
    return {"editor": editor, "review": review}


def overflow(page):
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


@pytest.mark.parametrize("width", [1366, 390])
@pytest.mark.parametrize(("language", "waiting", "review_title"), [("en", "Waiting for you", "Rubber article 41"),
                                                                   ("zh-hans", "等待您处理", "橡胶新闻41")])
def test_desk_pages(page, live_server, desk, screenshot, language, waiting, review_title, width):
    page.set_viewport_size({"width": width, "height": 900})
    violations = []
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text else None)
    page.goto(f"{live_server.url}/{language}/admin/login/")
    page.fill("#id_username", "desk-e2e")
    page.fill("#id_password", PASSWORD)
    page.locator("#login-form input[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/{language}/admin/")
    queue = page.locator(".editorial-queue")
    assert waiting in queue.locator("h2").inner_text()
    assert queue.get_by_role("link", name=review_title).is_visible()
    box = queue.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width + 1
    assert overflow(page) <= 0
    screenshot(f"index-{language}-{width}")
    queue.get_by_role("link", name=review_title).click()
    page.wait_for_url(f"{live_server.url}/{language}/admin/news/article/{desk['review'].pk}/change/")
    button = page.locator('.news-workflow button[value="publish"]')
    assert button.evaluate("b => getComputedStyle(b).borderStyle") == "none"  # drawn by admin.css, not the browser
    assert button.evaluate("b => getComputedStyle(b).cursor") == "pointer"
    assert overflow(page) <= 0
    screenshot(f"article-{language}-{width}")
    page.goto(f"{live_server.url}/{language}/admin/editorial/languageeditor/completeness/")
    assert page.locator(".editorial-report").get_by_text("Rubber article 43").is_visible()  # no Chinese title
    screenshot(f"completeness-{language}-{width}")
    assert overflow(page) <= 0
    assert violations == []
