from celery import shared_task
from celery.signals import worker_ready

from . import services


@shared_task(name="core.worker_heartbeat", ignore_result=True)
def worker_heartbeat():
    services.worker_heartbeat_record()


@worker_ready.connect
def _heartbeat_on_start(**kwargs):
    services.worker_heartbeat_record()
