"""Writes of the figures: the flush of the Redis counters into ExhibitorDayFigures, exactly once per batch.

A flush seals the live counters into a batch (an atomic RENAME), then adds every pending batch to the daily rows
in one transaction per batch that also records the batch's name (FiguresFlush, unique). Only after that commit is
the batch deleted from Redis. A flush killed in between leaves the batch pending: the next flush finds its name
recorded and only deletes it. So running it twice, or concurrently, adds nothing twice, and a batch sealed before
a Redis restart is flushed after it (as far as the server persisted it).
"""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from apps.companies.models import Company

from ..models import ExhibitorDayFigures, FiguresFlush
from . import counters

FLUSH_RECORDS_KEPT = datetime.timedelta(days=30)  # a batch pending longer than this would be added again
COLUMNS = {counters.PROFILE: "profile_views", counters.PRODUCT: "product_views"}


def _rows(counts):
    """{(company id, day): {column: count}} of a batch, for companies that still exist."""
    known = set(Company.objects.filter(pk__in={company_id for company_id, _day, _kind in counts})
                .values_list("pk", flat=True))
    rows = {}
    for (company_id, day, kind), count in counts.items():
        if company_id in known:
            row = rows.setdefault((company_id, day), dict.fromkeys(COLUMNS.values(), 0))
            row[COLUMNS[kind]] += count
    return rows


def _add(company_id, day, values):
    increments = {column: F(column) + count for column, count in values.items() if count}
    if ExhibitorDayFigures.objects.filter(company_id=company_id, day=day).update(**increments):
        return
    try:
        with transaction.atomic():
            ExhibitorDayFigures.objects.create(company_id=company_id, day=day, **values)
    except IntegrityError:  # made meanwhile by a concurrent flush of another batch
        ExhibitorDayFigures.objects.filter(company_id=company_id, day=day).update(**increments)


def batch_apply(batch):
    """Add a sealed batch to the daily rows unless it was added before; True when it was added now."""
    counts = counters.batch_counts(batch)
    with transaction.atomic():
        try:
            with transaction.atomic():
                FiguresFlush.objects.create(batch=batch)
        except IntegrityError:
            applied = False
        else:
            for (company_id, day), values in sorted(_rows(counts).items()):
                _add(company_id, day, values)
            applied = True
        transaction.on_commit(lambda: counters.batch_forget(batch))  # only once the rows are safe
    return applied


def figures_flush():
    """Seal the live counters and add every pending batch; returns how many batches were added."""
    counters.batch_seal()
    added = sum(batch_apply(batch) for batch in counters.batches_pending())
    FiguresFlush.objects.filter(flushed_at__lt=timezone.now() - FLUSH_RECORDS_KEPT).delete()
    return added
