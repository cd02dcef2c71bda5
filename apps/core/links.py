"""Links: absolute ones for places with no request (emails, inbox entries, tasks), built on settings.SITE_URL, and
`url_maker`, the reverse-once trick for long lists.

Pages, feeds and exports answer a request and build links from the request's own scheme and host instead.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.urls import NoReverseMatch, reverse

_STAND_IN = "9876543210"


def absolute(path):
    """`path` ("/en/news/...") as an absolute URL on the site's public address."""
    return settings.SITE_URL.rstrip("/") + path


def site_netloc():
    return urlsplit(settings.SITE_URL).netloc


def site_scheme():
    return urlsplit(settings.SITE_URL).scheme or "https"


def url_maker(name, *, absolute=None, kwarg=None):
    """A function id_or_slug -> URL of view `name` in the active language ("" when the view is not reachable):
    reversed once with a stand-in, then filled in, so a list of 2,000 links costs one reverse. The value is the
    view's only argument (positional, or the keyword `kwarg`); `absolute(path)` makes the URL absolute."""
    try:
        path = reverse(name, kwargs={kwarg: _STAND_IN}) if kwarg else reverse(name, args=[_STAND_IN])
    except NoReverseMatch:
        return lambda value: ""
    if absolute:
        path = absolute(path)
    before, after = path.split(_STAND_IN, 1)
    return lambda value: f"{before}{value}{after}"
