import time

from django.core.cache import cache

WORKER_HEARTBEAT_KEY = "core:worker-heartbeat"


def worker_heartbeat_record(*, at=None):
    """Note that a Celery worker is alive (called by the worker itself)."""
    cache.set(WORKER_HEARTBEAT_KEY, at if at is not None else time.time(), timeout=None)
