"""Celery tasks: take ids, call a service. The outbox rows are the truth; a lost task only delays delivery."""

from celery import shared_task

from . import services


@shared_task(name="notifications.dispatch_event", ignore_result=True)
def dispatch_event(event_id):
    for batch in services.pending_batches(event_id=event_id):
        send_batch.delay(batch)


@shared_task(name="notifications.send_batch", bind=True, ignore_result=True)
def send_batch(self, ids):
    result = services.messages_send(ids=ids)
    if result["retry"]:  # transient failures: back off 30 s, 60 s, 120 s ...; rows fail for good after 5 tries
        raise self.retry(args=(result["retry"],), countdown=min(30 * 2 ** self.request.retries, 3600),
                         max_retries=services.MAX_ATTEMPTS)


@shared_task(name="notifications.requeue_stale", ignore_result=True)
def requeue_stale():
    for batch in services.stale_requeue():
        send_batch.delay(batch)


@shared_task(name="notifications.send_digests", ignore_result=True)
def send_digests():
    services.digests_build()
