"""Celery beat: the daily summary of translations to update (safe to run twice: one email per editor a day)."""

from celery import shared_task

from . import services


@shared_task(name="editorial.translation_summaries")
def translation_summaries():
    return services.translation_summaries_send()
