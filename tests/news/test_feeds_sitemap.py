"""RSS and Atom feeds per language and category, and /sitemap.xml with hreflang alternates (parsed as XML)."""

import xml.etree.ElementTree as ET

import pytest

from tests.factories import ArticleFactory, NewsCategoryFactory

pytestmark = pytest.mark.usefixtures("news_pages")
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture(autouse=True)
def _public_address(settings):
    """Links are on SITE_URL, never on the Site record's domain (example.com here, stale as in real life)."""
    settings.SITE_URL = "https://portal.example.org"


@pytest.fixture
def published(editor):
    company = NewsCategoryFactory(slug="company-news", en="Company News", zh="企业新闻")
    policy = NewsCategoryFactory(slug="policy", en="Policy", zh="政策法规")
    return [ArticleFactory(author=editor, number=1, category=company),
            ArticleFactory(author=editor, number=2, category=policy),
            ArticleFactory(author=editor, number=3, category=company, languages=("zh-hans",)),
            ArticleFactory(author=editor, number=4, state="draft")]


def test_rss_feed_lists_articles_of_its_language(client, published):
    response = client.get("/en/news/feed/rss/")
    channel = ET.fromstring(response.content).find("channel")

    assert response["Content-Type"].startswith("application/rss+xml")
    assert channel.findtext("language") == "en"
    assert channel.findtext("link") == "https://portal.example.org/en/news/"
    assert [item.findtext("title") for item in channel.findall("item")] == ["Rubber article 1", "Rubber article 2"]
    first = channel.find("item")
    assert first.findtext("link") == "https://portal.example.org/en/news/rubber-article-1/"
    assert first.findtext("description") == "Lead of article 1."
    assert first.findtext("category") == "Company News"


def test_atom_feed_in_chinese_per_category(client, published):
    response = client.get("/zh-hans/news/category/company-news/feed/atom/")
    feed = ET.fromstring(response.content)

    assert response["Content-Type"].startswith("application/atom+xml")
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "zh-hans"
    assert [entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")] == ["橡胶新闻1", "橡胶新闻3"]
    assert feed.find(f"{ATOM}entry/{ATOM}link").get("href") == "https://portal.example.org/zh-hans/news/xiangjiao-xinwen-1/"
    assert client.get("/en/news/category/nothing/feed/rss/").status_code == 404


def test_sitemap_lists_pages_and_articles_with_hreflang_alternates(client, published):
    response = client.get("/sitemap.xml")
    root = ET.fromstring(response.content)
    entries = {url.findtext(f"{SITEMAP}loc"): {link.get("hreflang"): link.get("href")
                                               for link in url.findall(f"{XHTML}link")}
               for url in root.findall(f"{SITEMAP}url")}

    both = {"en": "https://portal.example.org/en/news/rubber-article-1/",
            "zh-hans": "https://portal.example.org/zh-hans/news/xiangjiao-xinwen-1/"}
    assert entries["https://portal.example.org/en/news/rubber-article-1/"] == both
    assert entries["https://portal.example.org/zh-hans/news/xiangjiao-xinwen-1/"] == both
    assert entries["https://portal.example.org/zh-hans/news/xiangjiao-xinwen-3/"] == {
        "zh-hans": "https://portal.example.org/zh-hans/news/xiangjiao-xinwen-3/"}
    assert "https://portal.example.org/en/news/xiangjiao-xinwen-3/" not in entries
    assert entries["https://portal.example.org/en/news/"] == {"en": "https://portal.example.org/en/news/",
                                                      "zh-hans": "https://portal.example.org/zh-hans/news/"}
    assert "https://portal.example.org/zh-hans/" in entries
    article_urls = [loc for loc in entries if "/news/" in loc and not loc.endswith("/news/")]
    assert len(article_urls) == 5  # 2 bilingual articles x 2 + 1 Chinese-only; no draft
