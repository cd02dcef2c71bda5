from celery import shared_task
from celery.signals import worker_ready

from . import services


@shared_task(name="core.worker_heartbeat", bind=True, ignore_result=True)
def worker_heartbeat(self):
    services.worker_heartbeat_record(hostname=self.request.hostname)


@worker_ready.connect
def _heartbeat_on_start(sender, **kwargs):
    services.worker_heartbeat_record(hostname=sender.hostname)
