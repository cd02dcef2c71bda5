"""Public caching of Supply & Demand (see apps.core.cache).

Anonymous GETs of the board, requirement pages, event pages and feeds are cached per URL under a content version
that the services bump after commit. A requirement also closes on its own at its deadline: the version ends at
the next such moment, so the first request after it renders afresh (no worker needed). Requirements for verified
companies only, drafts, portal pages and logged-in users are never cached.
"""

from django.db.models import Min
from django.utils import timezone

from apps.core.cache import PublicPageCache


def _next_boundary(now):
    """The next moment an open requirement stops taking responses (None: none is open)."""
    from .models import Requirement, Status, closes_at

    deadline = Requirement.objects.filter(status=Status.OPEN, deadline__gte=timezone.localdate(now)).aggregate(
        first=Min("deadline"))["first"]
    return closes_at(deadline) if deadline else None


_pages = PublicPageCache("docking", next_boundary=_next_boundary)
content_version = _pages.content_version
content_version_bump = _pages.bump


def fragment(request, build, **options):
    """`PublicPageCache.fragment` for docking: category names show in it, so the catalogue is a dependency."""
    return _pages.fragment(request, build, also=("catalogue",), **options)


def cache_public_page(view=None, **options):
    """`PublicPageCache.page` for docking's pages; they show category names, so a change of the catalogue
    (apps.companies.cache) makes them stale too."""
    return _pages.page(view, also=("catalogue",), **options)


def company_changed_receiver(sender, company, **kwargs):
    """apps.companies.signals.company_changed: company names show on the board and the requirement pages."""
    content_version_bump()
