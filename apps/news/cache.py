"""Public caching of the News Center (see apps.core.cache).

Anonymous GETs of list, article and feed pages are cached per URL (which carries the language) under a key that
holds a content version. The publishing services bump the version after their transaction commits, so a change
shows at once. Scheduled publication needs no worker: the version also ends at the next publish_at/unpublish_at
boundary, so the first request after that boundary renders afresh. Drafts, previews and logged-in users are never
cached. The key also carries django CMS's page-cache version, so a renamed menu page is not served stale.
"""

from django.conf import settings
from django.db.models import Min, Q

from apps.core.cache import PublicPageCache


def _next_boundary(now):
    """The next moment a published article appears or disappears on its own (None: nothing scheduled)."""
    from .models import Article, ArticleState

    published = Article.objects.filter(state=ArticleState.PUBLISHED)
    found = published.aggregate(
        appear=Min("publish_at", filter=Q(publish_at__gt=now)),
        disappear=Min("unpublish_at", filter=Q(unpublish_at__gt=now)),
    )
    moments = [moment for moment in found.values() if moment is not None]
    return min(moments) if moments else None


def _cms_caches_clear():
    """CMS pages (the home page) may show the latest-articles plugins: drop their page and placeholder caches."""
    from cms.cache import invalidate_cms_page_cache
    from cms.cache.placeholder import clear_placeholder_cache
    from cms.models import CMSPlugin, Placeholder

    invalidate_cms_page_cache()
    rows = CMSPlugin.objects.filter(plugin_type__in=("LatestArticlesPlugin", "FeaturedArticlePlugin"))
    for placeholder_id, language in rows.values_list("placeholder_id", "language").distinct():
        clear_placeholder_cache(Placeholder(pk=placeholder_id), language, settings.SITE_ID)


_pages = PublicPageCache("news", next_boundary=_next_boundary, on_bump=_cms_caches_clear)
content_version = _pages.content_version
content_version_bump = _pages.bump
cache_public_page = _pages.page
memo = _pages.memo
fragment = _pages.fragment  # a page's main column, rendered once per content version (also for signed-in visitors)

