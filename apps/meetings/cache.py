"""The meetings namespace of the public page cache (apps.core.cache): the company page shows "Book a meeting"
while the company has open days to come, so a change of availability bumps it, and the version also ends by
itself at the end of the next open day (when a company's last day passes, its link goes)."""

import datetime

from django.db.models import Min

from apps.core.cache import PublicPageCache


def _next_boundary(now):
    from .models import ZONE, Availability

    today = now.astimezone(ZONE).date()
    first = Availability.objects.filter(is_open=True, day__gte=today).aggregate(first=Min("day"))["first"]
    if first is None:
        return None
    return datetime.datetime.combine(first + datetime.timedelta(days=1), datetime.time(), tzinfo=ZONE)


_pages = PublicPageCache("meetings", next_boundary=_next_boundary)
content_version = _pages.content_version
content_version_bump = _pages.bump
