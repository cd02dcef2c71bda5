"""Production smoke test: the Procfile's processes (gunicorn, a Celery worker, beat) with the production settings
on a throwaway PostgreSQL database and Redis, the demo site loaded, mail through a real SMTP server on loopback.

In Chromium a visitor subscribes to company news and confirms by the emailed link; the demo editor publishes an
article in the admin; the visitor's notification arrives, and its links (the article, unsubscribe) work.
`make test` runs it once, in the PostgreSQL pass.
"""

import os
import re
import signal
import subprocess
import sys
import tempfile
import urllib.request
import uuid
from pathlib import Path

import psycopg
import pytest
from aiosmtpd.controller import Controller

from scripts import devservices
from tests.fixtures.smtp import RecordingHandler
from tests.support import wait_until

ROOT = Path(__file__).resolve().parent.parent.parent
TITLE = "Smoke test: a new mixing line opens"


def _database():
    """(url, drop) of a fresh PostgreSQL database: on the suite's server when it runs on PostgreSQL, else on a
    throwaway cluster of its own."""
    suite_url = os.environ.get("DATABASE_URL", "")
    if suite_url.startswith("postgres"):
        name = f"valley_smoke_{uuid.uuid4().hex[:8]}"
        admin = suite_url.rsplit("/", 1)[0] + "/postgres"
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')

        def drop():
            with psycopg.connect(admin, autocommit=True) as connection:
                connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

        return suite_url.rsplit("/", 1)[0] + f"/{name}", drop
    cluster = devservices.Postgres(port=devservices.free_port()).start()
    return cluster.url, cluster.stop


def _get(url):
    """(status, text) of a GET; (0, the error) while the server is not answering yet."""
    try:
        with urllib.request.urlopen(url, timeout=20) as response:
            return response.status, response.read().decode()
    except OSError as exc:
        return 0, str(exc)


@pytest.fixture(scope="module")
def production():
    """The site as production runs it; yields (base url, the SMTP server's recording handler)."""
    database_url, drop = _database()
    smtp = RecordingHandler()
    smtp.port = devservices.free_port()
    controller = Controller(smtp, hostname="127.0.0.1", port=smtp.port)
    controller.start()
    redis_port = devservices.free_port()
    var = Path(tempfile.mkdtemp(prefix="valley-smoke-"))
    redis = devservices.start_redis(port=redis_port, data_dir=var / "redis", appendonly=True, maxmemory="64mb")
    port = devservices.free_port()
    base = f"http://127.0.0.1:{port}"
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("DJANGO_", "PYTEST_", "CACHE_REDIS")) and key not in ("DATABASE_URL", "EMAIL_URL")}
    env.update({
        "PATH": f"{Path(sys.executable).parent}:{env.get('PATH', '')}", "DJANGO_SETTINGS_MODULE": "",
        "SECRET_KEY": uuid.uuid4().hex * 2, "DATABASE_URL": database_url, "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
        "ALLOWED_HOSTS": "127.0.0.1", "SITE_URL": base, "EMAIL_URL": f"smtp://127.0.0.1:{smtp.port}",
        "SECURE_SSL_REDIRECT": "false", "SECURE_COOKIES": "false", "SECURE_HSTS_SECONDS": "0",
        "STATIC_ROOT": str(var / "static"), "MEDIA_ROOT": str(var / "media"), "PORT": str(port),
        "BIND_ADDRESS": "127.0.0.1", "WEB_CONCURRENCY": "2", "CELERY_CONCURRENCY": "1",
        "CELERY_BEAT_SCHEDULE_FILE": str(var / "celerybeat-schedule"), "PYTHONUNBUFFERED": "1",
    })
    env.pop("DJANGO_SETTINGS_MODULE")  # the Procfile names the settings; manage.py is given them below
    manage_env = {**env, "DJANGO_SETTINGS_MODULE": "portal.settings.production"}
    log = open(var / "setup.log", "wb")
    for command in (["migrate", "--noinput"], ["collectstatic", "--noinput"], ["load_demo"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=manage_env, check=True, stdout=log,
                       stderr=subprocess.STDOUT, timeout=300)
    processes = []
    for line in (ROOT / "Procfile").read_text().splitlines():
        name, command = line.split(":", 1)
        out = open(var / f"{name}.log", "wb")
        processes.append(subprocess.Popen(["sh", "-c", command.strip()], cwd=ROOT, env=env, stdout=out,
                                          stderr=subprocess.STDOUT, start_new_session=True))
    try:
        devservices.wait_for_port(port, timeout=60, name="gunicorn")
        # beat's heartbeat task, run by the worker, reaches the database: all three processes are up
        assert wait_until(lambda: '"worker": {"ok": true' in _get(f"{base}/healthz")[1], timeout=90, interval=1), \
            _get(f"{base}/healthz")[1]
        yield base, smtp
    finally:
        for process in processes:
            try:
                os.killpg(process.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
        controller.stop()
        devservices.stop(redis)
        drop()


def _link(smtp, address, pattern):
    """The first link matching `pattern` in the newest email to `address`."""
    for recipients, email in reversed(smtp.messages):
        if address in recipients:
            text = email.get_payload()[0].get_payload(decode=True).decode()
            found = re.search(pattern, text)
            if found:
                return found.group(0)
    return None


def test_subscribe_confirm_publish_and_receive_with_working_links(production, browser):
    base, smtp = production
    status, health = _get(f"{base}/healthz")
    assert status == 200 and '"status": "ok"' in health
    visitor = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US").new_page()
    visitor.goto(f"{base}/en/notifications/subscribe/")
    visitor.fill("input[name=email]", "reader@example.org")
    visitor.check("input[name=topics][value='news.category.company-news']")
    visitor.check("input[name=frequency][value=immediate]")
    visitor.click("form.form-card button[type=submit]")
    visitor.wait_for_load_state()
    confirm_pattern = rf"{re.escape(base)}/en/notifications/confirm/[^\s]+"
    assert wait_until(lambda: _link(smtp, "reader@example.org", confirm_pattern), timeout=60, interval=0.5)
    visitor.goto(_link(smtp, "reader@example.org", confirm_pattern))
    visitor.click("main form button[type=submit]")
    visitor.wait_for_load_state()
    assert visitor.locator("h1").count() == 1

    editor = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US").new_page()
    editor.goto(f"{base}/en/admin/login/")
    editor.fill("#id_username", "editor")
    editor.fill("#id_password", "editor-demo-2026")
    editor.click("input[type=submit]")
    editor.wait_for_url(f"{base}/en/admin/")
    editor.goto(f"{base}/en/admin/news/article/add/?language=en")
    editor.fill("input[name=title]", TITLE)
    editor.fill("input[name=lead]", "A tire maker starts a new mixing line at its Qingdao plant.")
    body = editor.locator(".field-body [contenteditable=true]").first
    if body.count():
        body.click()
        body.type("Four mixers feed the curing hall directly.")
    else:
        editor.fill("textarea[name=body]", "Four mixers feed the curing hall directly.")
    editor.select_option("select[name=category]", label="Company News")
    editor.fill("input[name=slug]", "smoke-test-mixing-line")
    editor.click("input[name=_continue]")
    editor.wait_for_selector(".messagelist .success")
    editor.click("button[name=_workflow][value=publish]")
    editor.wait_for_selector(".messagelist .success")

    article_pattern = rf"{re.escape(base)}/en/news/smoke-test-mixing-line/"
    assert wait_until(lambda: _link(smtp, "reader@example.org", article_pattern), timeout=90, interval=0.5)
    visitor.goto(_link(smtp, "reader@example.org", article_pattern))
    assert visitor.locator("h1").inner_text() == TITLE
    unsubscribe = _link(smtp, "reader@example.org", rf"{re.escape(base)}/en/notifications/unsubscribe/[^\s]+")
    assert unsubscribe and _get(unsubscribe)[0] == 200
