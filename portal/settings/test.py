"""Test runs. `make test` starts Redis (and PostgreSQL) and passes their URLs in the environment; a bare
`.venv/bin/pytest tests/...` gets its Redis from the plugin tests/plugin_services.py. Importing these settings
starts nothing."""

import os

from django.core.exceptions import ImproperlyConfigured

if not os.environ.get("REDIS_URL"):  # started by `make test` or by the pytest plugin tests/plugin_services.py
    raise ImproperlyConfigured("The test settings need REDIS_URL: run `make test`, or pytest from the repository.")

# Each pytest-xdist worker gets its own two Redis databases (broker 2n, cache 2n+1): nothing mixes between workers.
_xdist_worker = os.environ.get("PYTEST_XDIST_WORKER")  # "gw0", "gw1", ... under pytest-xdist
_xdist_index = int(_xdist_worker[2:]) + 1 if _xdist_worker else 0
_redis_server = os.environ["REDIS_URL"].rsplit("/", 1)[0]
os.environ["REDIS_URL"] = f"{_redis_server}/{2 * _xdist_index}"
os.environ["CACHE_REDIS_URL"] = f"{_redis_server}/{2 * _xdist_index + 1}"

from .base import *  # noqa: E402
from .base import BASE_DIR, CACHES, DATABASES, STORAGES, env  # noqa: E402

DEBUG = False
SECRET_KEY = "test-only-key-0123456789abcdefghijklmnopqrstuvwxyz-0123456789"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
if not env("EMAIL_URL", default=""):  # a test's worker process may be given a real SMTP server on loopback
    EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ALLOWED_HOSTS = ["*"]
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
CACHES["default"]["KEY_PREFIX"] = "vp-test"
MEDIA_ROOT = BASE_DIR / "var" / "test-media"
SERVE_MEDIA = True  # apps.core.media serves /media/ in tests
CELERY_BROKER_URL = os.environ["REDIS_URL"]
AXES_ENABLED = env.bool("AXES_ENABLED", default=True)

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not :memory:, so a real Celery worker process can open the same test database; one per process.
    import tempfile

    DATABASES["default"]["TEST"] = {"NAME": os.path.join(tempfile.gettempdir(), f"valley-test-{os.getpid()}.sqlite3")}
