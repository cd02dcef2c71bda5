"""Absolute links for places with no request (emails, inbox entries, tasks): built on settings.SITE_URL.

Pages, feeds and exports answer a request and build links from the request's own scheme and host instead.
"""

from urllib.parse import urlsplit

from django.conf import settings


def absolute(path):
    """`path` ("/en/news/...") as an absolute URL on the site's public address."""
    return settings.SITE_URL.rstrip("/") + path


def site_netloc():
    return urlsplit(settings.SITE_URL).netloc


def site_scheme():
    return urlsplit(settings.SITE_URL).scheme or "https"
