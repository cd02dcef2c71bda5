"""The flush of the Redis view counters into ExhibitorDayFigures (real Redis): run twice nothing is added twice,
a flush interrupted after its commit adds nothing again, views counted meanwhile wait for the next flush, and
counters (live or sealed) survive a kill -9 of a Redis server with AOF."""

import datetime
import signal
import tempfile

import pytest
import redis
from django.utils import timezone

from apps.expo.figures import counters, services
from apps.expo.figures.counters import PRODUCT, PROFILE
from apps.expo.figures.selectors import product_views_per_day, profile_views_per_day
from apps.expo.models import ExhibitorDayFigures, FiguresFlush
from scripts import devservices
from tests.factories import CompanyFactory
from tests.support import wait_until

AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"


def views(company, kind, visitors, now=None):
    for number in range(visitors):
        counters.view_record(company_id=company.pk, kind=kind, item=f"c{company.pk}" if kind == PROFILE else
                             f"c{company.pk}p{number % 3}", address=f"203.0.113.{number}", user_agent=AGENT,
                             now=now)


def loaded(server):
    try:
        return server.info("persistence")["loading"] == 0
    except redis.BusyLoadingError:
        return False


def table():
    return {(row.company_id, row.day): (row.profile_views, row.product_views)
            for row in ExhibitorDayFigures.objects.all()}


def flush(capture):
    with capture(execute=True):  # after-commit work (forgetting the batch in Redis) runs as in production
        return services.figures_flush()


@pytest.fixture
def companies(db):
    return CompanyFactory(slug="flush-a"), CompanyFactory(slug="flush-b")


def test_flush_moves_the_counts_and_a_second_run_adds_nothing(companies, django_capture_on_commit_callbacks):
    a, b = companies
    day = timezone.localdate()
    yesterday = timezone.now() - datetime.timedelta(days=1)
    views(a, PROFILE, 3)
    views(a, PRODUCT, 5)
    views(b, PROFILE, 2, now=yesterday)

    assert flush(django_capture_on_commit_callbacks) == 1
    expected = {(a.pk, day): (3, 5), (b.pk, timezone.localdate(yesterday)): (2, 0)}
    assert table() == expected
    assert counters.live_counts() == {} and counters.batches_pending() == []

    assert flush(django_capture_on_commit_callbacks) == 0
    assert table() == expected
    assert profile_views_per_day(company_id=a.pk, start=day, end=day) == {day: 3}
    assert product_views_per_day(company_id=b.pk, start=day - datetime.timedelta(days=3), end=day) == {}


def test_views_after_a_flush_are_added_to_the_same_day(companies, django_capture_on_commit_callbacks):
    a, _b = companies
    views(a, PROFILE, 2)
    flush(django_capture_on_commit_callbacks)
    counters.view_record(company_id=a.pk, kind=PROFILE, item=f"c{a.pk}", address="198.51.100.1", user_agent=AGENT)
    views(a, PROFILE, 2)  # the same two visitors as before: counted once today already

    flush(django_capture_on_commit_callbacks)

    assert table() == {(a.pk, timezone.localdate()): (3, 0)}


def test_a_flush_killed_after_its_commit_does_not_add_its_batch_twice(companies,
                                                                      django_capture_on_commit_callbacks):
    a, _b = companies
    views(a, PROFILE, 4)
    batch = counters.batch_seal()
    with django_capture_on_commit_callbacks(execute=False):  # committed, then killed before Redis forgot the batch
        assert services.batch_apply(batch) is True
    assert counters.batches_pending() == [batch]
    views(a, PRODUCT, 2)  # counted meanwhile

    assert flush(django_capture_on_commit_callbacks) == 1  # the new views only; the old batch is just forgotten

    assert table() == {(a.pk, timezone.localdate()): (4, 2)}
    assert counters.batches_pending() == []
    assert FiguresFlush.objects.count() == 2


def test_a_batch_sealed_but_never_applied_is_applied_by_the_next_flush(companies,
                                                                       django_capture_on_commit_callbacks):
    a, _b = companies
    views(a, PROFILE, 2)
    counters.batch_seal()  # a flush died right after sealing
    views(a, PROFILE, 1, now=timezone.now() + datetime.timedelta(days=1))

    flush(django_capture_on_commit_callbacks)

    today = timezone.localdate()
    assert table() == {(a.pk, today): (2, 0), (a.pk, today + datetime.timedelta(days=1)): (1, 0)}


def test_counts_of_a_deleted_company_are_dropped(companies, django_capture_on_commit_callbacks):
    a, b = companies
    views(a, PROFILE, 1)
    views(b, PROFILE, 2)
    a.delete()

    flush(django_capture_on_commit_callbacks)

    assert table() == {(b.pk, timezone.localdate()): (2, 0)}


def test_old_flush_records_are_pruned(companies, django_capture_on_commit_callbacks):
    old = FiguresFlush.objects.create(batch="old")
    FiguresFlush.objects.filter(pk=old.pk).update(flushed_at=timezone.now() - datetime.timedelta(days=31))
    recent = FiguresFlush.objects.create(batch="recent")

    flush(django_capture_on_commit_callbacks)

    assert list(FiguresFlush.objects.values_list("pk", flat=True)) == [recent.pk]


@pytest.mark.parametrize("stage", ["live", "sealed"])
def test_counters_survive_a_redis_kill_with_aof(companies, settings, django_capture_on_commit_callbacks, stage):
    """kill -9 of a Redis server run with AOF (as devservices starts production's), with views counted (and, in
    "sealed", a flush interrupted after sealing them): after the restart the flush finds every view."""
    a, _b = companies
    port = devservices.free_port()
    data_dir = tempfile.mkdtemp(prefix="valley-redis-figures-")
    server = devservices.start_redis(port=port, data_dir=data_dir, appendonly=True)
    settings.REDIS_URL = f"redis://127.0.0.1:{port}/0"
    try:
        views(a, PROFILE, 3)
        views(a, PRODUCT, 2)
        if stage == "sealed":
            counters.batch_seal()
        server.send_signal(signal.SIGKILL)
        server.wait()
        server = devservices.start_redis(port=port, data_dir=data_dir, appendonly=True)
        counters._client.cache_clear()  # a fresh connection (the old pool's sockets died with the server)
        assert wait_until(lambda: loaded(counters.client()), timeout=30)  # replaying its AOF takes a moment

        flush(django_capture_on_commit_callbacks)

        assert table() == {(a.pk, timezone.localdate()): (3, 2)}
        views(a, PROFILE, 3)  # the once-a-day keys survived too: the same visitors are not counted again
        assert counters.live_counts() == {}
    finally:
        counters._client.cache_clear()
        devservices.stop(server)


def test_beat_runs_the_flush_task_every_ten_minutes(companies, settings, django_capture_on_commit_callbacks):
    from apps.expo import tasks  # what Celery autodiscovers

    entry = settings.CELERY_BEAT_SCHEDULE["expo-figures-flush"]
    assert entry == {"task": "expo.figures_flush", "schedule": 600.0}
    assert tasks.figures_flush.name == "expo.figures_flush"
    a, _b = companies
    views(a, PRODUCT, 2)
    with django_capture_on_commit_callbacks(execute=True):
        tasks.figures_flush.apply()
    assert table() == {(a.pk, timezone.localdate()): (0, 2)}
