"""`make run`: prepare the database and the demo, then run Redis, the web server, a Celery worker and beat.

One Ctrl-C stops them all. Settings: portal.settings.dev; data under var/ (VALLEY_VAR_DIR elsewhere). The web
server's, the worker's and beat's output goes to var/log/ (web.log, worker.log, beat.log): once the site answers,
the banner with its addresses and accounts is the last thing printed, and stays on screen.
"""

import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import devservices
from devservices import say

ROOT = Path(__file__).resolve().parent.parent
VAR = Path(os.environ.get("VALLEY_VAR_DIR") or ROOT / "var")
LOG_DIR = VAR / "log"
PYTHON = sys.executable
ADMIN_PASSWORD_FILE = VAR / "admin-password.txt"
READY_TIMEOUT = 120  # seconds the web server may take to answer its first request


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
    manage("public_summary", env=env)  # counted as the pages show them, whatever this run created
    manage("ensure_admin", "--username", "admin", f"--password={admin_password()}", env=env)  # may start with "-"


COMMANDS = {
    "web": lambda port: ["manage.py", "runserver", f"127.0.0.1:{port}"],
    "worker": lambda port: ["-m", "celery", "-A", "portal", "worker", "--loglevel=INFO", "--concurrency=2",
                            "--hostname=worker@%h"],
    "beat": lambda port: ["-m", "celery", "-A", "portal", "beat", "--loglevel=INFO",
                          f"--schedule={VAR / 'celerybeat-schedule'}"],
}


def log_path(name):
    return LOG_DIR / f"{name}.log"


def start_all(env, port):
    """The three processes, each writing its output (stdout and stderr) to var/log/<name>.log."""
    LOG_DIR.mkdir(parents=True, exist_ok=True)
    children = {}
    for name, command in COMMANDS.items():
        with open(log_path(name), "ab") as log:  # the child keeps its own copy of the descriptor
            children[name] = subprocess.Popen([PYTHON, *command(port)], cwd=ROOT, env=env, start_new_session=True,
                                              stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
    return children


def wait_until_answering(port, children, timeout=READY_TIMEOUT, stopped=lambda: False):
    """Wait until the web server answers /ping (True), or a process stops, we are stopped or the time runs out
    (False)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if stopped() or any(process.poll() is not None for process in children.values()):
            return False
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/ping", timeout=2) as response:
                if response.status == 200:
                    return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


def log_tail(name, lines=20):
    path = log_path(name)
    if not path.exists():
        return ""
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])


def announce_when_ready(port, children, stopped):
    """The banner once the site answers (True); else what went wrong, from the web server's log (False)."""
    if wait_until_answering(port, children, stopped=stopped):
        banner(port)
        return True
    if not stopped() and all(process.poll() is None for process in children.values()):
        say(f"the web server did not answer within {READY_TIMEOUT} s; the end of {log_path('web')}:")
        print(log_tail("web"), flush=True)
    return False


def report_stopped(children):
    """For each process that stopped by itself (not by our SIGTERM): its exit code and the end of its log."""
    for name, process in children.items():
        if process.poll() is not None and process.returncode not in (0, -signal.SIGTERM):
            say(f"{name} stopped with code {process.returncode}; the end of {log_path(name)}:")
            print(log_tail(name), flush=True)


def run_env(port, environ):
    """The environment of every process `make run` starts: dev settings, and links (emails, the inbox, feeds)
    on the port the site really runs on unless SITE_URL says otherwise."""
    env = {**environ, "DJANGO_SETTINGS_MODULE": "portal.settings.dev", "PYTHONUNBUFFERED": "1"}
    env.setdefault("SITE_URL", f"http://127.0.0.1:{port}")
    if VAR != ROOT / "var":  # VALLEY_VAR_DIR: the database, files and mail of this run live there too
        env.setdefault("DATABASE_URL", f"sqlite:///{VAR / 'db.sqlite3'}")
        for name, folder in (("STATIC_ROOT", "static"), ("MEDIA_ROOT", "media"), ("EMAIL_FILE_PATH", "mail")):
            env.setdefault(name, str(VAR / folder))
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
        f"  Logs of the web server, the worker and beat: {LOG_DIR}/ (web.log, worker.log, beat.log)",
        "  Press Ctrl-C to stop everything.",
        "",
    ]
    print("\n".join(lines), flush=True)


def main():
    VAR.mkdir(parents=True, exist_ok=True)
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
        say(f"starting the web server, a Celery worker and beat (their output: {LOG_DIR}/)")
        children = start_all(env, port)
        if announce_when_ready(port, children, stopped=lambda: stopping):
            while not stopping and all(process.poll() is None for process in children.values()):
                time.sleep(0.5)
        report_stopped(children)
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
