"""Public caching of the forum pages (see apps.core.cache).

Anonymous pages read the current release only; schedule_release bumps the version after commit. The "now / next"
block changes by itself when a session starts or ends: the version also ends at the next such moment.
"""

import bisect

from apps.core.cache import PublicPageCache


def _next_boundary(now):
    from .selectors import programme, release_current

    release = release_current()
    if release is None:
        return None
    moments = programme(release=release, language="en").boundaries
    index = bisect.bisect_right(moments, now)
    return moments[index] if index < len(moments) else None


_pages = PublicPageCache("forums", next_boundary=_next_boundary)
content_version = _pages.content_version
content_version_bump = _pages.bump
cache_public_page = _pages.page
memo = _pages.memo  # a value computed once per release (and per "now / next" moment)
fragment = _pages.fragment  # a page's main column, rendered once per release (also for signed-in visitors)

