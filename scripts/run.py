"""`make run`: prepare the database and the demo, then run Redis, the web server, a Celery worker and beat.

One Ctrl-C stops them all. Settings: portal.settings.dev; data under var/.
"""

import os
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path

import devservices
from devservices import say

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var"
PYTHON = sys.executable
ADMIN_PASSWORD_FILE = VAR / "admin-password.txt"


def manage(*args, env):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def admin_password():
    if ADMIN_PASSWORD_FILE.exists():
        return ADMIN_PASSWORD_FILE.read_text().strip()
    password = secrets.token_urlsafe(12)
    ADMIN_PASSWORD_FILE.write_text(password + "\n")
    ADMIN_PASSWORD_FILE.chmod(0o600)
    return password


def prepare(env):
    say("migrating the database (var/db.sqlite3 unless DATABASE_URL is set)")
    manage("migrate", "--noinput", "-v", "0", env=env)
    manage("compilemessages", "-v", "0", "--ignore=.venv", "--ignore=var", env=env)
    manage("collectstatic", "--noinput", "-v", "0", env=env)
    say("loading the demo site")
    manage("load_demo", env=env)
    manage("ensure_admin", "--username", "admin", "--password", admin_password(), env=env)


def start_all(env, port):
    common = {"cwd": ROOT, "env": env, "start_new_session": True}
    return {
        "web": subprocess.Popen([PYTHON, "manage.py", "runserver", f"127.0.0.1:{port}"], **common),
        "worker": subprocess.Popen([PYTHON, "-m", "celery", "-A", "portal", "worker", "--loglevel=INFO",
                                    "--concurrency=2", "--hostname=worker@%h"], **common),
        "beat": subprocess.Popen([PYTHON, "-m", "celery", "-A", "portal", "beat", "--loglevel=INFO",
                                  f"--schedule={VAR / 'celerybeat-schedule'}"], **common),
    }


def run_env(port, environ):
    """The environment of every process `make run` starts: dev settings, and links (emails, the inbox, feeds)
    on the port the site really runs on unless SITE_URL says otherwise."""
    env = {**environ, "DJANGO_SETTINGS_MODULE": "portal.settings.dev", "PYTHONUNBUFFERED": "1"}
    env.setdefault("SITE_URL", f"http://127.0.0.1:{port}")
    return env


def banner(port):
    lines = [
        "",
        f"  Valley Portal is running: http://127.0.0.1:{port}/  (English /en/, 中文 /zh-hans/)",
        f"  Admin:     http://127.0.0.1:{port}/en/admin/   user admin, password {admin_password()}",
        "  Editor:    user editor, password editor-demo-2026",
        "  Exhibitor: user exhibitor, password exhibitor-demo-2026",
        "  Supplier:  user supplier, password supplier-demo-2026 (answers requirements at /en/docking/)",
        f"  Mail sent by the site is written to {VAR / 'mail'}/",
        "  Press Ctrl-C to stop everything.",
        "",
    ]
    print("\n".join(lines), flush=True)


def main():
    VAR.mkdir(exist_ok=True)
    port = int(os.environ.get("PORT", "8000"))
    env = run_env(port, os.environ)
    redis = None
    if "REDIS_URL" not in os.environ:
        redis_port = 6379 if devservices.port_is_free(6379) else devservices.free_port()
        say(f"starting Redis on 127.0.0.1:{redis_port} ({devservices.redis_server_binary()})")
        redis = devservices.start_redis(port=redis_port, data_dir=VAR / "redis", maxmemory="256mb")
        env["REDIS_URL"] = f"redis://127.0.0.1:{redis_port}/0"
    children = {}
    stopping = False

    def stop_everything(*_):
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, stop_everything)
    signal.signal(signal.SIGTERM, stop_everything)
    try:
        prepare(env)
        children = start_all(env, port)
        banner(port)
        while not stopping:
            for name, process in children.items():
                if process.poll() is not None:
                    say(f"{name} stopped with code {process.returncode}; stopping the rest")
                    stopping = True
            time.sleep(0.5)
    finally:
        say("stopping")
        for process in children.values():
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in children.values():
            devservices.stop(process)
        devservices.stop(redis)
    return 0


if __name__ == "__main__":
    sys.exit(main())
