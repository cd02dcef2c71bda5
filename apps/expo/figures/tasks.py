"""The beat task of the figures (registered in apps.expo.tasks for autodiscovery)."""

from celery import shared_task

from .services import figures_flush as _flush


@shared_task(name="expo.figures_flush", ignore_result=True)
def figures_flush():
    """Move the Redis view counters into the daily table; safe to run twice or concurrently."""
    return _flush()
