"""Delivery through a real Celery worker on real Redis into a real SMTP server on loopback."""

import signal
import tempfile
from collections import Counter

import pytest
from django.conf import settings
from django.db import transaction

from apps.notifications.models import Message, State
from apps.notifications.tasks import requeue_stale
from portal.celery import app
from scripts import devservices
from tests.factories import SubscriptionFactory
from tests.factories.notifications import TOPIC, announce
from tests.support import wait_until


def use_broker(url):
    """Point this process's Celery app at another broker (its connection pools are rebuilt lazily)."""
    app.conf.broker_url = url
    app._pool = None
    app.amqp._producer_pool = None


def all_sent(count):
    return Message.objects.filter(state=State.SENT).count() == count


def test_worker_delivers_each_subscriber_exactly_once(start_celery_worker, smtp_server):
    SubscriptionFactory.create_bulk(40)
    start_celery_worker(EMAIL_URL=smtp_server.url)
    with transaction.atomic():
        announce(topics=[TOPIC])
        announce(topics=[TOPIC])  # the same event again: nothing more
    assert wait_until(lambda: all_sent(40), timeout=60)
    assert Counter(smtp_server.recipients()) == Counter({f"reader{n}@example.com": 1 for n in range(40)})


def test_kill_9_in_the_middle_of_a_send_still_delivers_exactly_once(start_celery_worker, smtp_server):
    """2,000 recipients; the worker is killed while sending; a second worker and the requeue finish the job."""
    total = 2000
    SubscriptionFactory.create_bulk(total)
    worker_env = {"EMAIL_URL": smtp_server.url, "NOTIFICATIONS_BATCH_SIZE": "250",
                  "NOTIFICATIONS_LEASE_SECONDS": "3", "NOTIFICATIONS_PENDING_GRACE_SECONDS": "3"}
    smtp_server.hold = "reader1100@example.com"  # the worker will be in the middle of this one's transaction
    first = start_celery_worker(**worker_env)
    announce(topics=[TOPIC])
    assert wait_until(smtp_server.held.is_set, timeout=120)
    first.kill()
    smtp_server.release.set()
    delivered_before_restart = len(smtp_server.messages)
    assert 0 < delivered_before_restart < total
    assert Message.objects.filter(state=State.SENDING).count() > 0
    start_celery_worker(**worker_env)

    def finished():
        requeue_stale.delay()  # what beat does every minute
        return all_sent(total)

    assert wait_until(finished, timeout=180, interval=4)
    counts = Counter(smtp_server.recipients())
    assert len(counts) == total
    assert set(counts.values()) == {1}, [address for address, n in counts.items() if n > 1][:5]


@pytest.mark.parametrize("appendonly", [False, True], ids=["without-aof", "with-aof"])
def test_redis_killed_with_work_queued_then_everything_is_delivered_once(start_celery_worker, smtp_server,
                                                                        appendonly):
    """kill -9 of the broker while the send is queued. With AOF the queue survives the restart; without it the
    queue is gone and the requeue (what beat runs every minute) finds the pending rows. Either way: once each."""
    port = devservices.free_port()
    data_dir = tempfile.mkdtemp(prefix="valley-redis-crash-")
    database = settings.CELERY_BROKER_URL.rsplit("/", 1)[1]
    url = f"redis://127.0.0.1:{port}/{database}"
    redis = devservices.start_redis(port=port, data_dir=data_dir, appendonly=appendonly)
    saved = app.conf.broker_url
    use_broker(url)
    try:
        SubscriptionFactory.create_bulk(30)
        announce(topics=[TOPIC])  # queued in this Redis; no worker runs yet
        redis.send_signal(signal.SIGKILL)
        redis.wait()
        redis = devservices.start_redis(port=port, data_dir=data_dir, appendonly=appendonly)
        worker_url = url.rsplit("/", 1)[0] + "/0"  # the test settings add this process's database number
        grace = "3600" if appendonly else "0"  # with AOF the queued task itself must do the work
        start_celery_worker(EMAIL_URL=smtp_server.url, REDIS_URL=worker_url, NOTIFICATIONS_PENDING_GRACE_SECONDS=grace)

        def finished():
            if not appendonly:
                requeue_stale.delay()
            return all_sent(30)

        assert wait_until(finished, timeout=150, interval=2)  # a bound, not a timing: a loaded CI machine is slow
        assert Counter(smtp_server.recipients()) == Counter({f"reader{n}@example.com": 1 for n in range(30)})
    finally:
        use_broker(saved)
        devservices.stop(redis)


# where the worker is killed -> (copies the victim receives, its unconfirmed attempts)
KILL_POINTS = {
    # The server stopped receiving in the middle of the DATA; the worker still wrote the rest and its "." into the
    # socket and was killed waiting for the reply. The server drops the unfinished DATA: one copy, but from the
    # outbox's side that attempt is unconfirmed (its "." went out unanswered).
    "hold_mid_data": (1, 1),
    "hold_after_dot": (2, 1),  # the "." reached the server: it has the email; resent with the same Message-ID
}


@pytest.mark.parametrize("point", list(KILL_POINTS))
def test_kill_9_during_data_or_after_the_dot_loses_nothing(start_celery_worker, smtp_server, fault_proxy, point):
    total, victim = 300, "reader150@example.com"
    SubscriptionFactory.create_bulk(total)
    worker_env = {"EMAIL_URL": fault_proxy.url, "NOTIFICATIONS_BATCH_SIZE": "100",
                  "NOTIFICATIONS_LEASE_SECONDS": "3", "NOTIFICATIONS_PENDING_GRACE_SECONDS": "3"}
    fault_proxy.arm(victim, point)
    first = start_celery_worker(**worker_env)
    announce(topics=[TOPIC])
    assert wait_until(fault_proxy.held.is_set, timeout=120)
    first.kill()
    fault_proxy.release.set()
    assert Message.objects.get(email=victim).state == State.SENDING
    start_celery_worker(**worker_env)

    def finished():
        requeue_stale.delay()
        return all_sent(total)

    assert wait_until(finished, timeout=180, interval=4)
    copies, unconfirmed = KILL_POINTS[point]
    counts = Counter(smtp_server.recipients())
    assert counts == Counter({f"reader{n}@example.com": copies if n == 150 else 1 for n in range(total)})
    assert len(set(smtp_server.message_ids(victim))) == 1
    assert Message.objects.get(email=victim).unconfirmed == unconfirmed
    assert Message.objects.filter(unconfirmed__gt=0).count() == unconfirmed


def test_rolled_back_event_sends_nothing_with_a_running_worker(celery_worker, smtp_server):
    SubscriptionFactory.create_bulk(5)
    try:
        with transaction.atomic():
            announce(topics=[TOPIC])
            raise RuntimeError("publishing failed")
    except RuntimeError:
        pass
    requeue_stale.delay()
    worker_done = wait_until(lambda: app.control.inspect(destination=[celery_worker.hostname]).active() == {
        celery_worker.hostname: []}, timeout=10)
    assert worker_done
    assert (Message.objects.count(), smtp_server.messages) == (0, [])


def test_kill_9_at_an_unplanned_moment_loses_nothing_and_every_duplicate_is_counted(start_celery_worker,
                                                                                     smtp_server):
    """Killed wherever it happens to be once a third was delivered: every email arrives; a second copy exists only
    for a row counted unconfirmed, and carries the first copy's Message-ID."""
    total = 600
    SubscriptionFactory.create_bulk(total)
    worker_env = {"EMAIL_URL": smtp_server.url, "NOTIFICATIONS_BATCH_SIZE": "200",
                  "NOTIFICATIONS_LEASE_SECONDS": "3", "NOTIFICATIONS_PENDING_GRACE_SECONDS": "3"}
    first = start_celery_worker(**worker_env)
    announce(topics=[TOPIC])
    assert wait_until(lambda: len(smtp_server.messages) >= total // 3, timeout=120, interval=0.01)
    first.kill()
    start_celery_worker(**worker_env)

    def finished():
        requeue_stale.delay()
        return all_sent(total)

    assert wait_until(finished, timeout=180, interval=4)
    counts = Counter(smtp_server.recipients())
    assert set(counts) == {f"reader{n}@example.com" for n in range(total)}  # nothing lost
    twice = {address for address, n in counts.items() if n > 1}
    unconfirmed = set(Message.objects.filter(unconfirmed__gt=0).values_list("email", flat=True))
    assert twice <= unconfirmed and len(unconfirmed) <= 1  # one worker killed once: at most one row in doubt
    for address in twice:
        assert len(set(smtp_server.message_ids(address))) == 1
