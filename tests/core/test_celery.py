from apps.core.models import WorkerHeartbeat
from apps.core.tasks import worker_heartbeat
from tests.support import wait_until


def test_worker_records_heartbeat_in_database_when_it_starts(celery_worker):
    heartbeat = wait_until(lambda: WorkerHeartbeat.objects.filter(hostname=celery_worker.hostname).first())
    assert heartbeat is not None


def test_worker_runs_queued_task_that_writes_to_database(celery_worker):
    first = wait_until(lambda: WorkerHeartbeat.objects.filter(hostname=celery_worker.hostname).first())
    worker_heartbeat.delay()
    later = wait_until(
        lambda: WorkerHeartbeat.objects.filter(hostname=celery_worker.hostname, last_seen__gt=first.last_seen).first()
    )
    assert later is not None
    assert WorkerHeartbeat.objects.count() == 1
