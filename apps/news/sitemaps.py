"""/sitemap.xml: django CMS pages and public articles, each with hreflang alternates for its languages."""

from cms.sitemaps import CMSSitemap
from django.utils.translation import get_language

from apps.core.feeds import SiteSitemap

from . import selectors


class PageEntry:
    def __init__(self, page):
        self.page = page
        self.urls = {}  # language -> path
        self.lastmod = None


class PagesSitemap(SiteSitemap):
    """Published, public CMS pages (as django CMS's own sitemap selects them), one entry per page and language."""

    i18n = True
    alternates = True
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        entries = {}
        for page_url in CMSSitemap().items():
            entry = entries.setdefault(page_url.page_id, PageEntry(page_url.page))
            entry.urls[page_url.language] = page_url.get_absolute_url(page_url.language)
            if entry.lastmod is None or page_url.content_changed_date > entry.lastmod:
                entry.lastmod = page_url.content_changed_date
        return list(entries.values())

    def get_languages_for_item(self, item):
        return [code for code in self._languages() if code in item.urls]

    def location(self, item):
        return item.urls[get_language()]

    def lastmod(self, item):
        return item.lastmod


class ArticleSitemap(SiteSitemap):
    """Public articles in each language they are written in."""

    i18n = True
    alternates = True
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return list(selectors.sitemap_articles())

    def get_languages_for_item(self, item):
        available = set(item.get_available_languages())
        return [code for code in self._languages() if code in available]

    def location(self, item):
        return item.get_absolute_url(get_language())

    def lastmod(self, item):
        return item.updated_at


SITEMAPS = {"pages": PagesSitemap, "articles": ArticleSitemap}
