"""pytest plugin (pytest.ini: `-p tests.plugin_services`): a throwaway Redis for a run started without one.

`make test` starts Redis (and PostgreSQL) itself and passes REDIS_URL; a bare `.venv/bin/pytest tests/...` gets a
Redis server here, before pytest-django loads the settings, and pytest-xdist's workers inherit its URL. The test
settings themselves start nothing.
"""

import atexit
import os
import tempfile

import pytest


@pytest.hookimpl(tryfirst=True)
def pytest_load_initial_conftests(early_config, parser, args):
    if os.environ.get("REDIS_URL"):
        return
    from scripts import devservices

    port = devservices.free_port()
    redis = devservices.start_redis(port=port, data_dir=tempfile.mkdtemp(prefix="valley-redis-"), appendonly=False)
    atexit.register(devservices.stop, redis)
    os.environ["REDIS_URL"] = f"redis://127.0.0.1:{port}/0"
