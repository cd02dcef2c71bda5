"""What the Trading Center adds to the site search: published notices in each language they are written in, with
their serial number. The site search shows a notice until its effect ends or it is withdrawn; the board's own
search (selectors.board_notices) also finds withdrawn and expired ones, as the board lists them."""

from django.urls import NoReverseMatch
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from apps.search.registry import Entry, Source, source_register

from .models import PUBLIC_STATUSES, Notice, NoticeKind, trading_url

TYPE = "notice"


def objects():
    return Notice.objects.filter(status__in=PUBLIC_STATUSES).values_list("pk", flat=True)


def _until(notice):
    ends = [moment for moment in (notice.effective_until, notice.withdrawn_at) if moment is not None]
    return min(ends) if ends else None


def documents(ids):
    found = {}
    notices = Notice.objects.filter(pk__in=ids, status__in=PUBLIC_STATUSES).select_related("center").prefetch_related(
        "translations")
    for notice in notices:
        entries = []
        for row in notice.translations.all():
            if not row.title:
                continue
            language = row.language_code
            try:
                url = trading_url("notice", language, center=notice.center.slug, year=notice.year, kind=notice.kind,
                                  number=notice.number)
            except NoReverseMatch:  # the Trading Center page is not hooked in
                continue
            with translation.override(language):
                kind = (notice.kind, str(NoticeKind(notice.kind).label))
            entries.append(Entry(language=language, title=row.title, url=url, body=row.body,
                                 also=(f"{notice.year} {notice.number}",), published_at=notice.published_at,
                                 public_from=notice.published_at, public_until=_until(notice), category=kind))
        found[notice.pk] = entries
    return found


def register():
    source_register(Source(type=TYPE, label=_("Trading notices"), objects=objects, documents=documents,
                           facets=("category",), recency=True, position=60))
