"""Base classes for feeds and sitemaps whose links are on settings.SITE_URL, the site's public address.

Django's syndication and sitemap views take the host from the Site record, which nothing keeps in step with the
address the site really runs on (another port, a domain behind a proxy): these never read it.
"""

import copy

from django.contrib.sitemaps import Sitemap
from django.contrib.syndication.views import Feed

from .links import absolute, site_netloc, site_scheme


class SiteFeed(Feed):
    """A feed whose channel, self and item links are absolute on SITE_URL (Django leaves absolute links alone)."""

    def __call__(self, request, *args, **kwargs):
        bound = copy.copy(self)  # one instance serves every request: keep this request's path on a copy
        bound.request_path = request.path
        return Feed.__call__(bound, request, *args, **kwargs)

    def feed_url(self, obj):
        return absolute(self.request_path)

    def link(self, obj):
        return absolute(self.link_path(obj))

    def item_link(self, item):
        return absolute(item.get_absolute_url())

    def link_path(self, obj):
        raise NotImplementedError


class SiteSitemap(Sitemap):
    """A sitemap whose locations are on SITE_URL's scheme and host."""

    def get_domain(self, site=None):
        return site_netloc()

    def get_protocol(self, protocol=None):
        return site_scheme()
