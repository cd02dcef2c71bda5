"""RSS per center and notice type, in the language of the URL."""

from django.http import Http404
from django.utils.translation import gettext as _

from apps.core.feeds import SiteFeed

from . import selectors
from .conf import FEED_SIZE
from .models import NoticeKind, trading_url


class NoticeTypeFeed(SiteFeed):
    def get_object(self, request, center, kind):
        found = selectors.center_get(slug=center)
        if found is None or kind not in NoticeKind.values:
            raise Http404
        return found, NoticeKind(kind)

    def title(self, obj):
        center, kind = obj
        return _("%(center)s: %(type)s") % {"center": center, "type": kind.label}

    def link_path(self, obj):
        center, kind = obj
        return trading_url("board", center=center.slug) + f"?type={kind.value}"

    def description(self, obj):
        center, kind = obj
        return _("The latest notices of type “%(type)s” published by %(center)s.") % {
            "type": kind.label, "center": center}

    def items(self, obj):
        center, kind = obj
        return selectors.feed_notices(center=center, kind=kind, limit=FEED_SIZE)

    def item_title(self, item):
        return f"{item.serial} {item.translation_shown().title}"

    def item_description(self, item):
        return item.translation_shown().body  # sanitized when saved (HTMLField)

    def item_pubdate(self, item):
        return item.published_at

    def item_categories(self, item):
        return [item.get_kind_display()]
