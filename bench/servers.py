"""What a bench run starts and stops (Redis, PostgreSQL, gunicorn), and manage.py run in the same environment."""

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.gunicorn_ready import READY  # noqa: E402
from bench.load import fetch  # noqa: E402
from scripts import devservices  # noqa: E402
from scripts.devservices import free_port, say, stop, wait_for_port  # noqa: E402,F401

VAR = ROOT / "var" / "bench"
MANAGE_TIMEOUT = 1200  # seconds for one manage.py command (migrate, collectstatic, load_demo, a generator)
START_TIMEOUT = 60  # seconds for gunicorn to answer /ping


def bench_env(*, database_url, redis_url):
    """Production settings pointed at the throwaway servers, with TLS-only features off for plain-HTTP loopback."""
    env = {k: v for k, v in os.environ.items() if k not in ("EMAIL_URL", "DJANGO_SETTINGS_MODULE")}
    env.update({
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "bench-not-secret-" + "x" * 40,
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "CELERY_BROKER_URL": redis_url,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "False",
        "SECURE_COOKIES": "False",
        "SECURE_HSTS_SECONDS": "0",
        "DEBUG": "False",
        "STATIC_ROOT": str(VAR / "static"),
        "MEDIA_ROOT": str(VAR / "media"),
        "EMAIL_FILE_PATH": str(VAR / "mail"),
        "PYTHONUNBUFFERED": "1",
    })
    return env


class Manage:
    """Runs `manage.py <args>` in the bench environment; output goes to var/bench/manage.log."""

    def __init__(self, env):
        self.env = env
        self.log_path = VAR / "manage.log"

    def __call__(self, *args, check=True):
        with open(self.log_path, "a") as log:
            log.write(f"\n$ manage.py {' '.join(args)}\n")
            log.flush()
            result = subprocess.run([sys.executable, "manage.py", *args], check=False, cwd=ROOT, env=self.env,
                                    stdout=log,
                                    stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, timeout=MANAGE_TIMEOUT)
        if check and result.returncode != 0:
            command = " ".join(args)
            command = command if len(command) <= 80 else command[:77] + "..."
            raise RuntimeError(f"manage.py {command} failed (exit {result.returncode}); end of {self.log_path}:\n"
                               + tail(self.log_path, 40))
        return result.returncode


def start_redis(data_dir):
    port = free_port()
    process = devservices.start_redis(port=port, data_dir=data_dir)
    return process, f"redis://127.0.0.1:{port}/0"


def start_postgres():
    return devservices.Postgres(port=free_port()).start()


def start_gunicorn(*, env, workers, log_path, app="portal.wsgi:application", probe="/ping"):
    """gunicorn on a free loopback port, preloading the app as the Procfile does; returns (process, port) once
    every worker is ready and `probe` answers 200."""
    port = free_port()
    args = [sys.executable, "-m", "gunicorn", app, "--workers", str(workers), "--preload",
            "--bind", f"127.0.0.1:{port}", "--no-control-socket", "--error-logfile", "-",
            "--config", str(ROOT / "bench" / "gunicorn_ready.py")]
    log = open(log_path, "ab")
    process = subprocess.Popen(args, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                               stdin=subprocess.DEVNULL)
    log.close()
    try:
        wait_for_port(port, timeout=START_TIMEOUT, process=process, name="gunicorn")
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            ready = Path(log_path).read_text(errors="replace").count(READY) >= workers
            try:
                if ready and fetch(port, probe)[0] == 200:
                    return process, port
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"gunicorn did not get {workers} workers ready and answering 200 on {probe}:\n"
                                   + tail(log_path, 40))
            time.sleep(0.2)
    except BaseException:
        stop(process)
        raise


def tail(path, lines):
    try:
        text = Path(path).read_text(errors="replace")
    except OSError:
        return ""
    return "\n".join(text.splitlines()[-lines:])


def workers_rss_mib(process):
    """Resident memory of each of a gunicorn master's workers, in MiB."""
    import psutil

    try:
        children = psutil.Process(process.pid).children()
    except psutil.Error:
        return []
    return [round(child.memory_info().rss / 2**20, 1) for child in children]
