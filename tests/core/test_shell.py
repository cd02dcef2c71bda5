"""The site shell: pages in both languages, hreflang, switcher, cookie-free anonymous responses."""

import re

import pytest

SECTION_PATHS = ["", "about/", "expo/", "forums/", "news/", "trading/"]
TITLES = {"en": ["Home", "About", "Expo", "Forums", "News Center", "Trading Center"],
          "zh-hans": ["首页", "关于我们", "博览会", "论坛", "新闻中心", "交易中心"]}


@pytest.mark.parametrize("language", ["en", "zh-hans"])
@pytest.mark.parametrize("index", range(len(SECTION_PATHS)))
def test_shell_page_renders_in_language_with_alternates(client, shell_pages, language, index):
    path = f"/{language}/{SECTION_PATHS[index]}"
    response = client.get(path)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}">' in html
    assert f"<title>{TITLES[language][index]} · " in html
    for code in ("en", "zh-hans"):
        assert f'<link rel="alternate" hreflang="{code}" href="http://testserver/{code}/{SECTION_PATHS[index]}">' in html


@pytest.mark.parametrize("path", ["/en/", "/zh-hans/about/", "/en/accounts/password-reset/sent/"])
def test_anonymous_response_sets_no_cookie_and_does_not_vary_on_cookie(client, shell_pages, path):
    for _ in range(2):  # first render, then the page cache
        response = client.get(path)
        assert response.status_code == 200
        assert not response.cookies
        assert "cookie" not in response.headers.get("Vary", "").lower()


def test_logged_in_response_varies_on_cookie(client, shell_pages, editor):
    client.force_login(editor)
    response = client.get("/en/about/")
    assert "Cookie" in response.headers["Vary"]


def test_switcher_links_to_same_page_in_other_language(client, shell_pages):
    html = client.get("/zh-hans/trading/").content.decode()
    switcher = re.search(r'<nav class="lang-switch".*?</nav>', html, re.S).group(0)
    assert 'href="/en/trading/"' in switcher
    assert 'href="/zh-hans/trading/" hreflang="zh-hans" lang="zh-hans" aria-current="true"' in switcher


def test_switcher_keeps_non_cms_view(client, shell_pages):
    html = client.get("/en/accounts/password-reset/sent/").content.decode()
    assert 'href="/zh-hans/accounts/password-reset/sent/"' in html


@pytest.mark.parametrize("language, home", [("en", "Home"), ("zh-hans", "首页")])
def test_breadcrumbs_show_path_from_home(client, shell_pages, language, home):
    html = client.get(f"/{language}/expo/").content.decode()
    crumbs = re.search(r'<nav class="breadcrumbs.*?</nav>', html, re.S).group(0)
    assert f'<a href="/{language}/">{home}</a>' in crumbs
    assert 'aria-current="page"' in crumbs


def test_navigation_lists_sections_in_language(client, shell_pages):
    html = client.get("/zh-hans/").content.decode()
    nav = re.search(r'<nav class="main-nav".*?</nav>', html, re.S).group(0)
    assert [t for t in TITLES["zh-hans"] if t in nav] == TITLES["zh-hans"]


@pytest.mark.parametrize("header, target", [
    ("zh-CN,zh;q=0.9,en;q=0.8", "/zh-hans/"), ("zh", "/zh-hans/"), ("en-US,en;q=0.9", "/en/"),
    ("fr-FR", "/en/"), ("", "/en/"),
])
def test_root_redirects_by_accept_language(client, db, header, target):
    response = client.get("/", headers={"Accept-Language": header} if header else {})
    assert response.status_code == 302
    assert response["Location"] == target
    assert "Accept-Language" in response["Vary"]
    assert not response.cookies


def test_root_ignores_language_cookie(client, db):
    client.cookies["django_language"] = "zh-hans"
    response = client.get("/", headers={"Accept-Language": "en"})
    assert response["Location"] == "/en/"


@pytest.mark.parametrize("language, text", [("en", "Page not found"), ("zh-hans", "页面不存在")])
def test_unknown_page_is_404_in_language(client, shell_pages, language, text):
    response = client.get(f"/{language}/no-such-page/")
    assert response.status_code == 404
    assert text in response.content.decode()


def test_footer_shows_filing_numbers_when_configured(client, shell_pages, settings):
    settings.ICP_FILING = "鲁ICP备2026000001号-1"
    settings.PUBLIC_SECURITY_FILING = "鲁公网安备37020202000001号"
    html = client.get("/zh-hans/about/").content.decode()
    assert '<a href="https://beian.miit.gov.cn/" rel="noopener">鲁ICP备2026000001号-1</a>' in html
    assert "鲁公网安备37020202000001号" in html


def test_shell_uses_no_external_assets(client, shell_pages):
    html = client.get("/en/").content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert [s for s in sources if s.startswith(("http://", "https://", "//")) and "testserver" not in s
            and "beian" not in s] == []


@pytest.mark.parametrize("extra_pages", [0, 2])
def test_home_query_count_does_not_grow_with_pages(client, shell_pages, django_assert_num_queries, extra_pages):
    from cms.appresolver import get_app_patterns

    from tests.factories import PageFactory

    for n in range(extra_pages):
        PageFactory(title_en=f"Extra {n}", title_zh=f"附加 {n}", slug=f"extra-{n}")
    get_app_patterns()  # the apphooks' URLs, read once per process (the home page's blocks link into the apps)
    with django_assert_num_queries(QUERIES_HOME_FIRST_RENDER):
        first = client.get("/en/")
    with django_assert_num_queries(0):  # anonymous page cache
        second = client.get("/en/")

    assert first.status_code == second.status_code == 200
    html = first.content.decode()
    assert all(f">{title}<" in html for title in ["News Center", "Trading Center"] + [f"Extra {n}" for n in
                                                                                     range(extra_pages)])
    assert second.content == first.content


QUERIES_HOME_FIRST_RENDER = 9  # with the next boundary of the trading warnings, whose banner is on every page


@pytest.mark.parametrize("language, texts", [("en", ["Disable toolbar", "Logout"]), ("zh-hans", ["禁用工具栏", "退出"])])
def test_cms_toolbar_in_language_for_staff(client, shell_pages, language, texts):
    from tests.factories import UserFactory

    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    html = client.get(f"/{language}/about/?toolbar_on").content.decode()
    assert 'class="cms-toolbar' in html
    for text in texts:
        assert text in html
