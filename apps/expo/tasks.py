"""The expo's Celery tasks (autodiscovered here): the portal's reminders live in apps.expo.portal.tasks,
the flush of the view counters in apps.expo.figures.tasks."""

from .figures.tasks import figures_flush  # noqa: F401
from .portal.tasks import profile_reminders  # noqa: F401
