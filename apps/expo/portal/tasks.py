"""Celery tasks of the exhibitor portal (scheduled by beat, see CELERY_BEAT_SCHEDULE)."""

from celery import shared_task

from . import reminders


@shared_task(name="expo.profile_reminders", ignore_result=True)
def profile_reminders():
    reminders.profile_reminders_send()
