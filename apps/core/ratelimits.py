"""Rate limits of the writes anyone may send (forms, confirmation links, beacons), with django-ratelimit.

A view declares its limit by name, `@limit("subscribe")`; the rates live in one place, settings.RATELIMITS, as
{name: {key: rate}} with a rate such as "10/h". Each key counts requests by one thing:

    "ip"       the client's address (client_ip below; IPv6 by /64)
    "address"  the email address in the POSTed form, lower-cased (a request without one is not counted)
    "link"     the secret token in the URL of a confirmation or manage link
    "user"     the logged-in account (anonymous requests are not counted)

Only writes count (POST, PUT, PATCH, DELETE); GET and HEAD pages are never limited. Counters live in the cache
named by RATELIMIT_USE_CACHE (Redis). Past any of its rates a request is refused before the view runs, with Limited
(django-ratelimit's Ratelimited, a PermissionDenied): `permission_denied`, the project's handler403, answers it with
429 and the page 429.html in the request's language.
"""

import ipaddress
import math
from functools import wraps

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views import defaults
from django_ratelimit import UNSAFE
from django_ratelimit.core import get_usage
from django_ratelimit.exceptions import Ratelimited


class Limited(Ratelimited):
    """A request over one of its rates; `retry_after` in seconds (until the counter's window ends)."""

    def __init__(self, retry_after=None):
        super().__init__()
        self.retry_after = retry_after


def client_ip(request):
    """The client's address. REMOTE_ADDR by default; behind a reverse proxy, the header named by
    RATELIMIT_CLIENT_IP_HEADER (e.g. "X-Real-IP"), which that proxy must always overwrite. For a list such as
    X-Forwarded-For, its last entry: the one the proxy nearest to us added. Also django-ratelimit's own "ip" key
    (RATELIMIT_IP_META_KEY points here)."""
    header = getattr(settings, "RATELIMIT_CLIENT_IP_HEADER", "")
    forwarded = request.headers.get(header, "").split(",")[-1].strip() if header else ""
    for value in (forwarded, request.META.get("REMOTE_ADDR", "")):
        try:
            address = ipaddress.ip_address(value)
        except ValueError:
            continue
        if address.version == 6:  # one subscriber usually holds a whole /64
            return str(ipaddress.ip_network(f"{address}/64", strict=False).network_address)
        return str(address)
    raise ImproperlyConfigured("No client address: REMOTE_ADDR is empty (a proxy on a Unix socket?). Set "
                               "RATELIMIT_CLIENT_IP_HEADER to the header the reverse proxy sets.")


def posted_address(request):
    return request.POST.get("email", "").strip().lower()[:254]


KEYS = {
    "ip": lambda request, kwargs: client_ip(request),
    "address": lambda request, kwargs: posted_address(request),
    "link": lambda request, kwargs: str(kwargs.get("token", ""))[:200],
    "user": lambda request, kwargs: str(request.user.pk) if request.user.is_authenticated else "",
}


def rates(name):
    try:
        configured = settings.RATELIMITS[name]
    except (AttributeError, KeyError):
        raise ImproperlyConfigured(f"settings.RATELIMITS has no rates for {name!r}") from None
    unknown = set(configured) - set(KEYS)
    if unknown:
        raise ImproperlyConfigured(f"settings.RATELIMITS[{name!r}]: unknown keys {sorted(unknown)}")
    return configured


def check(request, name, kwargs=None):
    """Count this request against the rates of `name`; raise Limited when one is exceeded."""
    for key, rate in rates(name).items():
        value = KEYS[key](request, kwargs or {})
        if not value:
            continue
        usage = get_usage(request, group=f"{name}:{key}", key=lambda _group, _request, v=value: v, rate=rate,
                          increment=True)
        if usage is not None and usage["should_limit"]:
            raise Limited(retry_after=max(1, usage["time_left"]))


def limit(name):
    """Decorator of a view function: its writes count against settings.RATELIMITS[name]."""
    rates(name)  # a misspelt name fails when the view is imported, not on the first POST

    def decorator(view):
        @wraps(view)
        def limited_view(request, *args, **kwargs):
            if request.method in UNSAFE:
                check(request, name, kwargs)
            return view(request, *args, **kwargs)

        limited_view.ratelimit = name
        return limited_view

    return decorator


def ratelimited(request, exception):
    """429 in the request's language: JSON for script clients, else the page 429.html. Never cached."""
    message = _("Too many requests in a short time. Please wait a while and try again.")
    retry_after = getattr(exception, "retry_after", None)
    wants_json = request.content_type == "application/json" or not request.accepts("text/html")
    if wants_json:
        response = JsonResponse({"error": message}, status=429)
    else:
        minutes = math.ceil(retry_after / 60) if retry_after else None
        hours = math.ceil(minutes / 60) if minutes and minutes > 60 else None
        response = render(request, "429.html", {"message": message, "minutes": minutes, "hours": hours},
                          status=429)
    if retry_after:
        response["Retry-After"] = str(retry_after)
    add_never_cache_headers(response)
    return response


def permission_denied(request, exception):
    """handler403: rate limits answer 429, any other refusal Django's usual 403."""
    if isinstance(exception, Ratelimited):
        return ratelimited(request, exception)
    return defaults.permission_denied(request, exception)
