"""Public caching of the Trading Center (see apps.core.cache).

Anonymous GETs of the boards, notice pages, archives, feeds and the banner data are cached per URL (which carries
the language) under a key holding a content version. The trading services bump the version after their
transaction commits, so a change shows at once. A notice also changes on its own when it takes effect or expires:
the version ends at the next such boundary, so the first request after it renders afresh (no worker needed).
Drafts, previews, searches and logged-in users are never cached.
"""

from django.db.models import Min, Q

from apps.core.cache import PublicPageCache


def _next_boundary(now):
    """The next moment a published notice takes effect or expires (None: nothing ahead)."""
    from .models import Notice, NoticeStatus

    found = Notice.objects.filter(status=NoticeStatus.PUBLISHED).aggregate(
        starts=Min("effective_from", filter=Q(effective_from__gt=now)),
        ends=Min("effective_until", filter=Q(effective_until__gt=now)),
    )
    moments = [moment for moment in found.values() if moment is not None]
    return min(moments) if moments else None


# Site-wide: every page shows the risk warnings in effect (trading/templatetags/trading_banner.py).
_pages = PublicPageCache("trading", next_boundary=_next_boundary, site_wide=True)
content_version = _pages.content_version
content_version_bump = _pages.bump
cache_public_page = _pages.page
memo = _pages.memo
fragment = _pages.fragment  # a page's main column, rendered once per content version (also for signed-in visitors)
