"""Public caching of the expo pages (see apps.core.cache).

Anonymous GETs of the expo root, directories, floor plans and company pages are cached per URL (which carries the
language) under a key holding a content version. The services that change companies, participations, booths or
products bump it after their transaction commits (`expo_cache.bump()`; the companies services through the
`company_changed` signal), so a change shows at once. Searches are not cached (there is no end to them);
logged-in users are never served a stored copy.
"""

from apps.companies.signals import company_page_sections
from apps.core.cache import PublicPageCache

expo_cache = PublicPageCache("expo")
SHOWN_TOO = ("catalogue",)  # every expo page names product categories (apps.companies.cache)


def cache_public_page(view=None, **options):
    return expo_cache.page(view, also=SHOWN_TOO, **options)


def _section_caches():
    return [*SHOWN_TOO, *(section.cache for section in company_page_sections() if section.cache)]


# A company page shows the sections other apps add (news, forum sessions): it goes stale when their content does.
cache_company_page = expo_cache.page(also=_section_caches)


def company_changed_receiver(sender, company, **kwargs):
    """apps.companies.signals.company_changed: a company's record shows on the expo pages."""
    expo_cache.bump()
