"""The Trading Center on the editors' desk (apps.editorial.registry): notices awaiting the second approval (not the
ones the editor wrote: four eyes), notices lacking a language, and the translation status of notices."""

from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from apps.editorial.registry import (
    QueueItem,
    QueueSource,
    admin_change_url,
    parler_completeness_register,
    queue_slice,
    queue_source_register,
    translated,
    translation_watch_register,
)

from .models import Notice, NoticeStatus, TradingCenter


def approval_slice(*, user, limit):
    language = get_language()
    rows = (Notice.objects.filter(status=NoticeStatus.SUBMITTED)
            .exclude(Q(created_by=user) | Q(updated_by=user))  # trading.approve_notice: never the author
            .annotate(label=translated(Notice, "title", language),
                      center_name=translated(TradingCenter, "name", language, outer="center_id"))
            .order_by("submitted_at", "pk").only("pk", "submitted_at"))
    return queue_slice(rows, limit=limit, item=lambda notice: QueueItem(
        what=notice.label or f"#{notice.pk}", company=notice.center_name or "", since=notice.submitted_at,
        url=admin_change_url(Notice, notice.pk)))


def register():
    queue_source_register(QueueSource(key="trading-approval", label=_("Notices awaiting the second approval"),
                                      position=30, allowed=lambda user: user.has_perm("trading.publish_notice"),
                                      rows=approval_slice))
    parler_completeness_register(key="notices", label=_("Trading notices"), model=Notice, fields=("title",),
                                 position=50)
    translation_watch_register(Notice, ("title", "body"))
