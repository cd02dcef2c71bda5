"""Test runs. `make test` starts Redis (and PostgreSQL) and passes their URLs in the environment.

Run directly (`.venv/bin/pytest tests/...`) without REDIS_URL, these settings start a throwaway Redis themselves,
so one test can be run without `make test`.
"""

import os
import sys
from pathlib import Path

# Set REDIS_URL before .base reads it.
if not os.environ.get("REDIS_URL"):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent / "scripts"))
    import atexit
    import tempfile

    import devservices

    _port = devservices.free_port()
    _redis = devservices.start_redis(port=_port, data_dir=tempfile.mkdtemp(prefix="valley-redis-"), appendonly=False)
    atexit.register(devservices.stop, _redis)
    os.environ["REDIS_URL"] = f"redis://127.0.0.1:{_port}/0"

# Each pytest-xdist worker gets its own Redis database: broker queues and cache never mix between workers.
_xdist_worker = os.environ.get("PYTEST_XDIST_WORKER")  # "gw0", "gw1", ... under pytest-xdist
_xdist_index = int(_xdist_worker[2:]) + 1 if _xdist_worker else 0
os.environ["REDIS_URL"] = os.environ["REDIS_URL"].rsplit("/", 1)[0] + f"/{_xdist_index}"

from .base import *  # noqa: E402,F401,F403
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
CELERY_BROKER_URL = os.environ["REDIS_URL"]
AXES_ENABLED = env.bool("AXES_ENABLED", default=True)

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not :memory:, so a real Celery worker process can open the same test database; one per process.
    import tempfile

    DATABASES["default"]["TEST"] = {"NAME": os.path.join(tempfile.gettempdir(), f"valley-test-{os.getpid()}.sqlite3")}
