"""RSS of the newest public requirements, all of them or per product category (with its sub-categories), in the
language of the URL."""

from django.http import Http404
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from apps.companies.selectors import product_category_tree
from apps.core.feeds import SiteFeed

from . import selectors
from .conf import FEED_SIZE
from .models import docking_url


class RequirementFeed(SiteFeed):
    def get_object(self, request, slug=None):
        if slug is None:
            return None
        tree = product_category_tree()
        category = tree.by_slug.get(slug)
        if category is None:
            raise Http404
        category.descendants = tuple(tree.descendant_ids(category))
        return category

    def title(self, obj):
        if obj is None:
            return _("Supply & Demand: new requirements")
        return _("Supply & Demand: %(category)s") % {"category": obj}

    def link_path(self, obj):
        return docking_url("board") + (f"?category={obj.slug}" if obj is not None else "")

    def description(self, obj):
        if obj is None:
            return _("The newest requirements lead companies published on the platform.")
        return _("The newest requirements for %(category)s and the categories below it.") % {"category": obj}

    def items(self, obj):
        ids = obj.descendants if obj is not None else ()
        return selectors.feed_requirements(category_ids=ids, language=get_language(), limit=FEED_SIZE)

    def item_title(self, item):
        return f"{item.shown_title} · {item.company_name}"

    def item_description(self, item):
        shown = item.translation_shown()
        return shown.description if shown else ""

    def item_pubdate(self, item):
        return item.published_at
