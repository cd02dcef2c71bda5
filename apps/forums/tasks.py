from celery import shared_task

from .agenda.services import release_alerts_record


@shared_task(name="forums.release_alerts", ignore_result=True)
def release_alerts(release_id):
    """After a release: alert the agendas whose starred sessions it moved, cancelled or removed (idempotent)."""
    return release_alerts_record(release_id=release_id)
