"""Supply & Demand on the editors' desk (apps.editorial.registry): requirements awaiting moderation and
requirements lacking a language."""

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from apps.companies.models import Company
from apps.editorial.registry import (
    QueueItem,
    QueueSource,
    admin_change_url,
    parler_completeness_register,
    queue_slice,
    queue_source_register,
    translated,
)

from .models import Requirement, Status


def review_slice(*, user, limit):
    language = get_language()
    rows = (Requirement.objects.filter(status=Status.REVIEW)
            .annotate(label=translated(Requirement, "title", language),
                      company_name=translated(Company, "name", language, outer="company_id"))
            .order_by("submitted_at", "pk").only("pk", "submitted_at"))
    return queue_slice(rows, limit=limit, item=lambda requirement: QueueItem(
        what=requirement.label or f"#{requirement.pk}", company=requirement.company_name or "",
        since=requirement.submitted_at, url=admin_change_url(Requirement, requirement.pk)))


def register():
    queue_source_register(QueueSource(key="docking-review", label=_("Requirements awaiting moderation"),
                                      position=40, allowed=lambda user: user.has_perm("docking.review_requirement"),
                                      rows=review_slice))
    parler_completeness_register(
        key="requirements", label=_("Requirements"), model=Requirement, fields=("title", "description"), position=60,
        objects=lambda: Requirement.objects.exclude(status=Status.DRAFT), permission="docking.view_requirement")
