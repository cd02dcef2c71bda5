"""The expo on the editors' desk (apps.editorial.registry): exhibitors' profile changes to review, company
profiles and products lacking a language, and the translation status of company profiles."""

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from apps.companies.models import Company, Product
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

from .models import ProfileChange, ProfileChangeState


def changes_slice(*, user, limit):
    rows = (ProfileChange.objects.filter(state=ProfileChangeState.PENDING)
            .annotate(company_name=translated(Company, "name", get_language(), outer="company_id"))
            .order_by("submitted_at", "pk").only("pk", "submitted_at"))
    return queue_slice(rows, limit=limit, item=lambda change: QueueItem(
        what=str(_("Profile change")), company=change.company_name or "", since=change.submitted_at,
        url=admin_change_url(ProfileChange, change.pk)))


def register():
    queue_source_register(QueueSource(key="expo-profile-changes", label=_("Exhibitor profile changes to review"),
                                      position=20, allowed=lambda user: user.has_perm("expo.review_change"),
                                      rows=changes_slice))
    parler_completeness_register(key="companies", label=_("Company profiles"), model=Company,
                                 fields=("name", "summary"), position=20)
    parler_completeness_register(key="products", label=_("Products"), model=Product, fields=("name",), position=25)
    translation_watch_register(Company, ("name", "short_name", "summary", "profile"))
