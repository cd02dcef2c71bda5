"""Public caching of the expo pages (see apps.core.cache).

Anonymous GETs of the expo root, directories, floor plans and company pages are cached per URL (which carries the
language) under a key holding a content version. The services that change companies, participations, booths or
products bump it after their transaction commits (`expo_cache.bump()`; the companies services through the
`company_changed` signal), so a change shows at once. An edition's shown status follows its dates: the version
also ends at the next midnight an edition opens or closes. Searches are not cached (there is no end to them);
logged-in users are never served a stored copy.
"""

import datetime

from django.db.models import Min, Q
from django.utils import timezone

from apps.companies.signals import company_page_sections
from apps.core.cache import PublicPageCache


def _next_boundary(now):
    """The next local midnight at which a public edition opens or closes (its shown status follows its dates)."""
    from .models import Edition, EditionStatus

    today = timezone.localdate(now)
    found = Edition.objects.exclude(status=EditionStatus.DRAFT).aggregate(
        opens=Min("starts_on", filter=Q(starts_on__gt=today)), last=Min("ends_on", filter=Q(ends_on__gte=today)))
    days = [day for day in (found["opens"], found["last"] and found["last"] + datetime.timedelta(days=1)) if day]
    if not days:
        return None
    return timezone.make_aware(datetime.datetime.combine(min(days), datetime.time.min))


expo_cache = PublicPageCache("expo", next_boundary=_next_boundary)
SHOWN_TOO = ("catalogue",)  # every expo page names product categories (apps.companies.cache)


def cache_public_page(view=None, **options):
    return expo_cache.page(view, also=SHOWN_TOO, **options)


def company_page_caches():
    """The other namespaces a company page shows: the catalogue and the registered sections' caches."""
    return [*SHOWN_TOO, *(section.cache for section in company_page_sections() if section.cache)]


# A company page shows the sections other apps add (news, forum sessions): it goes stale when their content does.
cache_company_page = expo_cache.page(also=company_page_caches)


def company_changed_receiver(sender, company, **kwargs):
    """apps.companies.signals.company_changed: a company's record shows on the expo pages."""
    expo_cache.bump()
