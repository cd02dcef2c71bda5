"""Fixtures of every test: a fresh cache, the users of each role, real Celery workers; the shared fixture modules
of tests/fixtures/ are registered here (pytest_plugins), so no test imports a fixture from another conftest."""

import contextlib
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import redis
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.sites.models import Site
from django.core.cache import cache
from django.db import connection
from django.db.models.signals import post_migrate
from django.dispatch import receiver
from django.utils import translation

from apps.accounts import roles
from tests.factories import UserFactory

pytest_plugins = ["tests.fixtures.media", "tests.fixtures.pages", "tests.fixtures.portal", "tests.fixtures.site",
                  "tests.fixtures.smtp", "tests.ratelimit_support"]

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache and broker (this xdist worker's own Redis database) and with empty
    in-process caches, so query counts do not depend on which test ran before."""
    cache.clear()
    redis.Redis.from_url(settings.CELERY_BROKER_URL).flushdb()
    Site.objects.clear_cache()
    ContentType.objects.clear_cache()
    translation.activate(settings.LANGUAGE_CODE)  # a request of the test before may have left Chinese active
    yield


@pytest.fixture
def editor(db):
    return UserFactory(role=roles.EDITORS, username="editor")


@pytest.fixture
def exhibitor(db):
    return UserFactory(role=roles.EXHIBITORS, username="exhibitor")


@pytest.fixture
def trading_staff(db):
    return UserFactory(role=roles.TRADING_STAFF, username="trader")


def database_url_for_subprocess():
    """The URL of the test database this process uses, for a worker process started by a test."""
    settings = connection.settings_dict
    if settings["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{settings['NAME']}"
    auth = settings["USER"] + (f":{settings['PASSWORD']}" if settings["PASSWORD"] else "")
    return f"postgres://{auth}@{settings['HOST']}:{settings['PORT']}/{settings['NAME']}"


WORKER_LOG_KEPT = 24 * 3600  # seconds a test worker's log stays in var/ (to read after a failure)


def _old_worker_logs_remove():
    cutoff = time.time() - WORKER_LOG_KEPT
    for log in (ROOT / "var").glob("celery-test-*.log"):
        with contextlib.suppress(FileNotFoundError):  # another test process may remove it first
            if log.stat().st_mtime < cutoff:
                log.unlink()


class CeleryWorker:
    def __init__(self, process, hostname, log):
        self.process, self.hostname, self.log = process, hostname, log

    @classmethod
    def start(cls, extra_env):
        from portal.celery import app

        _old_worker_logs_remove()
        hostname = f"test-{uuid.uuid4().hex[:8]}@localhost"
        env = {**os.environ, "DATABASE_URL": database_url_for_subprocess(),
               "DJANGO_SETTINGS_MODULE": "portal.settings.test", **extra_env}
        log = open(ROOT / "var" / f"celery-{hostname.split('@', maxsplit=1)[0]}.log", "wb")
        process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "portal", "worker", "--pool=solo", "--loglevel=INFO",
             "--without-gossip", "--without-mingle", "--without-heartbeat", f"--hostname={hostname}"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while not app.control.ping(destination=[hostname], timeout=0.5):
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise RuntimeError(f"Celery worker did not start; see {log.name}")
        return cls(process, hostname, log)

    def kill(self):
        """kill -9: no warm shutdown, no acknowledgement, no cleanup."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.log.close()


@receiver(post_migrate, dispatch_uid="tests.forget_content_type_ids")
def _forget_content_type_ids(sender, **kwargs):
    """A transactional test ends with a flush that recreates content types with new ids: django CMS versioning
    caches the old ids for the life of the process, so forget them."""
    from djangocms_versioning import versionables

    for versionable in versionables._cms_extension().versionables:
        versionable.__dict__.pop("content_types", None)


@pytest.fixture
def start_celery_worker(transactional_db):
    """Start real Celery worker processes on the test Redis and the test database: start(**env) -> worker."""
    workers = []

    def start(**extra_env):
        worker = CeleryWorker.start(extra_env)
        workers.append(worker)
        return worker

    yield start
    for worker in workers:
        worker.stop()


@pytest.fixture
def celery_worker(start_celery_worker):
    """A real Celery worker process on the test Redis and the test database."""
    return start_celery_worker()
