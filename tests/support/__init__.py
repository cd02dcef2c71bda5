"""Helpers shared by tests of several apps (plain functions; fixtures live in tests/fixtures/)."""

import time

from apps.notifications.services import messages_send, pending_batches


def deliver_all():
    """Send every pending outbox message now, in this process (what the Celery task does), into mail.outbox."""
    for batch in pending_batches():
        messages_send(ids=batch)


def wait_until(predicate, timeout=20.0, interval=0.1):
    """Poll `predicate` until it returns something true or `timeout` seconds pass; return its last result."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = predicate()
        if result:
            return result
        time.sleep(interval)
    return predicate()
