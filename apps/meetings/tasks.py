"""Celery tasks of meetings: the reminders of tomorrow's meetings (beat, hourly; safe to run twice)."""

from celery import shared_task

from . import services


@shared_task(name="meetings.send_reminders")
def send_reminders():
    return services.reminders_send()
