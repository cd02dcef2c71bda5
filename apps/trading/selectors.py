"""Reads of the Trading Center: every queryset a view, feed or the admin uses, with what it prefetches.

"In effect" at a moment `now`: published, effective_from <= now < effective_until (no end: open), and not
superseded by a published correction that has itself taken effect.
"""

import re
from datetime import timedelta

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from apps.search.selectors import ids_matching

from .conf import BANNER_LIMIT
from .models import PUBLIC_STATUSES, Notice, NoticeAttachment, NoticeKind, NoticeStatus, TradingCenter

NoticeTranslation = Notice._parler_meta.root_model
SERIAL_PATTERN = re.compile(r"(\d{4})\D{1,12}?(\d{1,6})")  # "[2026] No. 15", "〔2026〕第15号", "2026-15"


def _superseded(now):
    """An expression: a published correction of the notice has taken effect at `now`."""
    return Exists(Notice.objects.filter(supersedes=OuterRef("pk"), status=NoticeStatus.PUBLISHED,
                                        effective_from__lte=now))


def center_list():
    return TradingCenter.objects.prefetch_related("translations").order_by("position", "slug")


def center_get(*, slug):
    """The center with this slug, or None."""
    return center_list().filter(slug=slug).first()


def notices_public(*, now=None):
    """Published and withdrawn notices (withdrawn ones keep their number and page), annotated with
    `is_superseded` and `attachment_count`, with translations and center prefetched."""
    now = now or timezone.now()
    return (
        Notice.objects.filter(status__in=PUBLIC_STATUSES)
        .select_related("center")
        .prefetch_related("translations")
        .annotate(is_superseded=_superseded(now), attachment_count=_attachment_count())
    )


def _attachment_count():
    """A subquery, not an aggregate: the paginator's COUNT then leaves it out (no GROUP BY over the board)."""
    counted = (NoticeAttachment.objects.filter(notice=OuterRef("pk")).order_by().values("notice")
               .annotate(count=Count("pk")).values("count"))
    return Coalesce(Subquery(counted), 0)


def notices_in_effect(*, now=None, kind=None):
    now = now or timezone.now()
    queryset = notices_public(now=now).prefetch_related("center__translations").filter(  # the centers are named
        Q(effective_until__isnull=True) | Q(effective_until__gt=now),
        status=NoticeStatus.PUBLISHED, effective_from__lte=now, is_superseded=False,
    )
    return queryset.filter(kind=kind) if kind else queryset


def board_notices(*, center, kind=None, year=None, query="", now=None):
    """The notice board of a center: pinned first, then newest first; filtered by type, year and a search for
    a serial number ("[2026] No. 15", "2026 15", "15") or words of the title in either language."""
    queryset = notices_public(now=now).filter(center=center)
    if kind:
        queryset = queryset.filter(kind=kind)
    if year:
        queryset = queryset.filter(year=year)
    if query:
        queryset = queryset.filter(_search(query))
    return queryset.order_by("-pinned", "-issue_date", "-published_at", "-pk")


def _search(query):
    """A serial number ("[2026] No. 15") is looked up by year and number (indexed); other words in the titles."""
    serial = SERIAL_PATTERN.search(query)
    if serial:
        return Q(year=int(serial.group(1)), number=int(serial.group(2)))
    matched = ids_matching(q=query, types=("notice",))  # the site-search index, withdrawn and expired too
    in_title = Q(pk__in=matched) if matched is not None else Q(pk__in=[])
    if query.strip().isdigit():
        return in_title | Q(number=int(query.strip()))
    return in_title


def center_years(*, center):
    """The years the center has published notices in, newest first, with how many: [(year, count)]."""
    rows = (Notice.objects.filter(center=center, status__in=PUBLIC_STATUSES).values("year")
            .annotate(count=Count("pk")).order_by("-year"))
    return [(row["year"], row["count"]) for row in rows]


def _notice_detail_queryset():
    return (
        Notice.objects.select_related("center", "supersedes__center")
        .prefetch_related(
            "translations", "center__translations", "supersedes__translations",
            Prefetch("attachments", queryset=NoticeAttachment.objects.order_by("position", "pk")),
            Prefetch("corrections", queryset=Notice.objects.filter(status=NoticeStatus.PUBLISHED)
                     .select_related("center").prefetch_related("translations").order_by("published_at")),
        )
    )


def notice_public_get(*, center_slug, year, kind, number):
    """A published or withdrawn notice by its serial, or None."""
    return _notice_detail_queryset().filter(
        center__slug=center_slug, year=year, kind=kind, number=number, status__in=PUBLIC_STATUSES,
    ).first()


def notice_get(*, pk):
    """Any notice by primary key, drafts included (for staff previews), or None."""
    return _notice_detail_queryset().filter(pk=pk).first()


def feed_notices(*, center, kind, limit):
    return list(
        Notice.objects.filter(center=center, kind=kind, status=NoticeStatus.PUBLISHED)
        .select_related("center").prefetch_related("translations")
        .order_by("-published_at", "-pk")[:limit]
    )


def banner_warnings(*, now=None, ahead_seconds=0, limit=BANNER_LIMIT):
    """Risk warnings in effect at `now` or taking effect within `ahead_seconds`, newest first (at most `limit`:
    a banner is for the few that matter now; the board lists them all)."""
    now = now or timezone.now()
    horizon = now + timedelta(seconds=ahead_seconds)
    return list(
        notices_public(now=now).filter(
            Q(effective_until__isnull=True) | Q(effective_until__gt=now),
            kind=NoticeKind.RISK, status=NoticeStatus.PUBLISHED, effective_from__lte=horizon, is_superseded=False,
        ).prefetch_related("center__translations").order_by("-effective_from", "-pk")[:limit]
    )


def attachment_get(*, pk):
    return NoticeAttachment.objects.select_related("notice").filter(pk=pk).first()


def supersedable_notices(*, center=None):
    """Published notices a correction may supersede (not already superseded by a published one)."""
    taken = Notice.objects.filter(supersedes=OuterRef("pk"), status=NoticeStatus.PUBLISHED)
    queryset = (Notice.objects.filter(status=NoticeStatus.PUBLISHED).exclude(Exists(taken))
                .select_related("center").prefetch_related("translations"))
    return queryset.filter(center=center) if center else queryset


def center_archive(*, center):
    """Per year (newest first): {"year", "total", "cells": [(kind, count) in NoticeKind order]}."""
    rows = (Notice.objects.filter(center=center, status__in=PUBLIC_STATUSES).values("year", "kind")
            .annotate(count=Count("pk")).order_by("-year", "kind"))
    years = {}
    for row in rows:
        entry = years.setdefault(row["year"], {"year": row["year"], "counts": {}, "total": 0})
        entry["counts"][row["kind"]] = row["count"]
        entry["total"] += row["count"]
    for entry in years.values():
        entry["cells"] = [(kind, entry["counts"].get(kind, 0)) for kind in NoticeKind.values]
    return list(years.values())


def home_notices(*, limit=5, now=None):
    """The home page's latest notices in effect (risk warnings among them), newest first: three queries (the
    notices, their translations, their centers' translations) whatever their number."""
    return list(notices_in_effect(now=now).order_by("-published_at", "-pk")[:limit])
