from django.utils import timezone

from .models import WorkerHeartbeat


def worker_heartbeat_record(*, hostname, at=None):
    """Note that a Celery worker is alive (called by the worker itself)."""
    heartbeat, _created = WorkerHeartbeat.objects.update_or_create(
        hostname=hostname, defaults={"last_seen": at or timezone.now()}
    )
    return heartbeat
