"""CMS plugins for the home page: the latest articles (of a category) and one featured article.

Their output may be cached by django CMS with the page: the publishing services clear those caches
(cache.content_version_bump), and the expiry ends at the next scheduled publication.
"""

from cms.plugin_base import CMSPluginBase
from cms.plugin_pool import plugin_pool
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from . import selectors
from .cache import content_version
from .models import FeaturedArticlePluginModel, LatestArticlesPluginModel


class NewsPluginBase(CMSPluginBase):
    module = _("News Center")

    def get_cache_expiration(self, request, instance, placeholder):
        return content_version()[1]


@plugin_pool.register_plugin
class LatestArticlesPlugin(NewsPluginBase):
    model = LatestArticlesPluginModel
    name = _("Latest articles")
    render_template = "news/plugins/latest_articles.html"

    def render(self, context, instance, placeholder):
        context = super().render(context, instance, placeholder)
        context["articles"] = selectors.latest_articles(language=get_language(), category=instance.category,
                                                        count=instance.count)
        return context


@plugin_pool.register_plugin
class FeaturedArticlePlugin(NewsPluginBase):
    model = FeaturedArticlePluginModel
    name = _("Featured article")
    render_template = "news/plugins/featured_article.html"
    raw_id_fields = ("article",)

    def render(self, context, instance, placeholder):
        context = super().render(context, instance, placeholder)
        context["article"] = selectors.featured_article(article_id=instance.article_id, language=get_language())
        return context
