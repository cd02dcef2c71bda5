"""The expo's Celery tasks (autodiscovered here): the portal's reminders live in apps.expo.portal.tasks."""

from .portal.tasks import profile_reminders  # noqa: F401
