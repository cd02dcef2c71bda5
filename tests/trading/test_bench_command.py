"""The benchmark data generator: many published notices with unique serials and consistent counters."""

import datetime
import io

from django.core.management import call_command
from django.db.models import Count, Max

from apps.trading.models import Notice, NoticeCounter, NoticeKind
from tests.factories import NoticeFactory


def test_bench_command_creates_published_bilingual_notices_after_existing_ones(client, trading_pages, center):
    existing = NoticeFactory(center=center, kind=NoticeKind.RISK, issue_date=datetime.date(2026, 1, 5))

    call_command("bench_trading_notices", "--count", "100", "--center", "nr-spot", stdout=io.StringIO())

    assert Notice.objects.filter(center=center).count() == 101
    duplicates = (Notice.objects.values("center", "year", "kind", "number").annotate(n=Count("pk"))
                  .filter(n__gt=1))
    assert list(duplicates) == []
    assert Notice.objects.filter(kind=NoticeKind.RISK, year=2026).exclude(pk=existing.pk).aggregate(
        low=Max("number"))["low"] > existing.number
    for counter in NoticeCounter.objects.all():
        top = Notice.objects.filter(center=counter.center, year=counter.year, kind=counter.kind).aggregate(
            top=Max("number"))["top"]
        assert counter.last_number == top
    assert Notice._parler_meta.root_model.objects.count() == 202
    response = client.get("/zh-hans/trading/nr-spot/?type=fees&year=2025")
    assert response.status_code == 200
    assert "的费用调整（2025年第" in response.content.decode()
