from celery import shared_task

from . import services


@shared_task(name="news.publish_due_notifications", ignore_result=True)
def publish_due_notifications():
    """Beat: announce the scheduled articles whose publication time has come (each exactly once)."""
    return len(services.publish_due_notifications())
