"""Celery application: Redis broker, tasks autodiscovered from apps/*/tasks.py.

Like portal/wsgi.py, it defaults to the production settings, which refuse to start without SECRET_KEY and the
other required variables: a worker or beat never runs with DEBUG on or signs links with the public development key
by accident. `make run` and the tests name their settings explicitly.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

app = Celery("portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
