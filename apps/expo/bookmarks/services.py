"""Writes of the bookmarks: the account's starred exhibitors replaced by the browser's list."""

from django.db import transaction

from ..models import StarredExhibitor


@transaction.atomic
def bookmarks_replace(*, user, company_ids):
    """Make the user's stars exactly `company_ids` (ids of existing companies); others' stars are never touched."""
    wanted = list(dict.fromkeys(company_ids))
    StarredExhibitor.objects.filter(user=user).exclude(company_id__in=wanted).delete()
    have = set(StarredExhibitor.objects.filter(user=user).values_list("company_id", flat=True))
    StarredExhibitor.objects.bulk_create([StarredExhibitor(user=user, company_id=pk) for pk in wanted
                                          if pk not in have], ignore_conflicts=True)
