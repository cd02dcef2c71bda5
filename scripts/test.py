"""`make test`: the whole suite in parallel, against SQLite and then PostgreSQL (the browser tests on PostgreSQL only),
with real Redis and Chromium.

Starts a throwaway PostgreSQL cluster and Redis server on free loopback ports and stops them afterwards.
Extra arguments go to pytest (`make test ARGS="tests/core -k shell"`); DB=sqlite or DB=postgresql runs one.
"""

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import devservices
from devservices import say

ROOT = Path(__file__).resolve().parent.parent
# Three workers on the two cores of the CI machine: a third of a worker's time goes to waiting (Celery workers and
# Chromium starting, real timeouts, PostgreSQL), which the third fills.
WORKERS = os.environ.get("TEST_WORKERS", "3")
BROWSER = "tests/e2e"


def pytest(args, env, label):
    say(f"running the suite on {label}")
    started = time.monotonic()
    code = subprocess.call([sys.executable, "-m", "pytest", "-n", WORKERS, "--durations=15", *args], cwd=ROOT,
                           env=env)
    say(f"{label}: {'passed' if code == 0 else f'FAILED (exit {code})'} in {time.monotonic() - started:.0f} s")
    return code


def main(args):
    (ROOT / "var").mkdir(exist_ok=True)
    base_env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.test"}
    base_env.pop("DATABASE_URL", None)
    subprocess.run([sys.executable, "manage.py", "compilemessages", "-v", "0", "--ignore=.venv", "--ignore=var"],
                   cwd=ROOT, env={**base_env, "DJANGO_SETTINGS_MODULE": "portal.settings.dev"}, check=True)
    wanted = os.environ.get("DB", "sqlite,postgresql").split(",")
    redis_port = devservices.free_port()
    redis = devservices.start_redis(port=redis_port, data_dir=tempfile.mkdtemp(prefix="valley-redis-"),
                                    appendonly=False)
    base_env["REDIS_URL"] = f"redis://127.0.0.1:{redis_port}/0"
    postgres = None
    results = {}
    try:
        if "sqlite" in wanted:
            # The browser tests (tests/e2e, the production smoke test among them) run on PostgreSQL, as production
            # does: once, in the second pass. What differs between the databases is below the pages they drive.
            browser = [f"--ignore={BROWSER}"] if "postgresql" in wanted and not args else []
            results["SQLite"] = pytest([*args, *browser], base_env, "SQLite")
        if "postgresql" in wanted:
            postgres = devservices.Postgres(port=devservices.free_port()).start()
            results["PostgreSQL"] = pytest(args, {**base_env, "DATABASE_URL": postgres.url}, "PostgreSQL")
    finally:
        devservices.stop(redis)
        if postgres:
            postgres.stop()
    failed = [label for label, code in results.items() if code != 0]
    say("all suites passed" if not failed else f"failed on: {', '.join(failed)}")
    return 1 if failed or not results else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
