"""RSS 2.0 and Atom feeds per language (the URL's), of all articles or of one category and its children."""

from django.http import Http404
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from apps.core.branding import site_name
from apps.core.feeds import SiteFeed

from . import selectors
from .models import news_url


class ArticleRssFeed(SiteFeed):
    feed_type = Rss201rev2Feed

    def get_object(self, request, slug=None):
        tree = selectors.category_tree()
        if slug is None:
            return {"tree": tree, "category": None}
        category = tree.by_slug.get(slug)
        if category is None:
            raise Http404(_("There is no such category."))
        return {"tree": tree, "category": category}

    def title(self, obj):
        if obj["category"] is None:
            return _("News Center · %(site)s") % {"site": site_name()}
        return _("%(category)s · News Center · %(site)s") % {"category": obj["category"], "site": site_name()}

    def link_path(self, obj):
        if obj["category"] is None:
            return news_url("list")
        return obj["category"].get_absolute_url()

    def description(self, obj):
        return _("The latest articles of the News Center.")

    def items(self, obj):
        category = obj["category"]
        ids = obj["tree"].descendant_ids(category) if category is not None else None
        articles = selectors.feed_articles(language=get_language(), category_ids=ids)
        for article in articles:
            article.set_current_language(get_language())
        return articles

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_pubdate(self, item):
        return item.publish_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [str(item.category)] if item.category_id else []


class ArticleAtomFeed(ArticleRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj):
        return self.description(obj)
