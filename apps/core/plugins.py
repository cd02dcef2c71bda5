"""CMS plugins that show a feature app's content on CMS pages (the home page), and how those pages go stale.

A plugin built on `LiveContentPlugin` names the page-cache namespace its content comes from
(`page_cache_namespace`). django CMS keeps the rendered page and placeholders for as long as the shortest plugin
expiry: here, until the namespace's next boundary (a scheduled article, a session starting). When a service bumps
the namespace (apps.core.cache.page_cache_bumped), `cms_caches_clear` drops django CMS's page cache and the
placeholder caches holding such plugins, so a new article, notice, session, exhibitor or requirement shows at once.
A site-wide namespace (PublicPageCache(..., site_wide=True): the trading risk banner) clears them on every bump.
"""

from cms.plugin_base import CMSPluginBase
from django.conf import settings

from .cache import page_cache_get


class LiveContentPlugin(CMSPluginBase):
    """Base of plugins that read one app's public content (set `page_cache_namespace`)."""

    page_cache_namespace = None

    def get_cache_expiration(self, request, instance, placeholder):
        return page_cache_get(self.page_cache_namespace).content_version()[1]


def _plugin_types(namespace):
    from cms.plugin_pool import plugin_pool

    return [plugin.__name__ for plugin in plugin_pool.get_all_plugins()
            if getattr(plugin, "page_cache_namespace", None) == namespace]


def cms_caches_clear(sender=None, *, namespace, **kwargs):
    """Receiver of page_cache_bumped: CMS pages showing the namespace's plugins (or any page, for a site-wide
    namespace) are rendered afresh."""
    from cms.cache import invalidate_cms_page_cache
    from cms.cache.placeholder import clear_placeholder_cache
    from cms.models import CMSPlugin, Placeholder

    types = _plugin_types(namespace)
    rows = list(CMSPlugin.objects.filter(plugin_type__in=types).values_list("placeholder_id", "language")
                .distinct()) if types else []
    if not rows and not page_cache_get(namespace).site_wide:
        return
    invalidate_cms_page_cache()
    for placeholder_id, language in rows:
        clear_placeholder_cache(Placeholder(pk=placeholder_id), language, settings.SITE_ID)
