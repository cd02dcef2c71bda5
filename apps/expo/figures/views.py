"""The beacon the company page's script asks (GET only, no session, no database): 204, counted or not."""

import logging

import redis
from django.http import HttpResponse, HttpResponseBadRequest
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from apps.core.ratelimits import client_ip

from . import beacon as rules
from . import counters

logger = logging.getLogger(__name__)


def _no_content():
    response = HttpResponse(status=204)
    add_never_cache_headers(response)
    return response


@require_GET
def beacon(request):
    """?v=<signed item>: count a profile or product view of the item's company once per visitor and day."""
    try:
        company_id, kind, item = rules.item_read(request.GET.get("v", "")[:200])
    except ValueError:
        response = HttpResponseBadRequest(_("This address is not valid."), content_type="text/plain; charset=utf-8")
        add_never_cache_headers(response)
        return response
    if rules.is_person(request):
        try:
            counters.view_record(company_id=company_id, kind=kind, item=item, address=client_ip(request),
                                 user_agent=request.headers.get("User-Agent", ""))
        except redis.RedisError:  # a view not counted is no reason to bother the visitor's page
            logger.warning("figures beacon: Redis unavailable, view not counted", exc_info=True)
    return _no_content()
