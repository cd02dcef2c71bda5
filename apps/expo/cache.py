"""Public caching of the expo pages (see apps.core.cache).

Anonymous GETs of the expo root, directories, floor plans and company pages are cached per URL (which carries the
language) under a key holding a content version. The services that change companies, participations, booths or
products bump it after their transaction commits (`expo_cache.bump()`), so a change shows at once. Searches are
not cached (there is no end to them); logged-in users are never served a stored copy.
"""

from apps.core.cache import PublicPageCache

expo_cache = PublicPageCache("expo")
cache_public_page = expo_cache.page


def _news_and_forums():
    from apps.forums.cache import page_cache as forums
    from apps.news.cache import page_cache as news

    return (news, forums)


# A company page lists the company's articles and forum sessions: it goes stale when either changes too.
cache_company_page = expo_cache.page(also=_news_and_forums)
