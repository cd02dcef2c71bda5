"""Every production process runs with the production settings, and links follow the address the site runs on."""

import os
import subprocess
import sys
from pathlib import Path

from django.core import mail

from apps.notifications.services import subscription_request
from tests.support import deliver_all

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT / "scripts"))  # scripts/run.py imports its sibling modules as a script does
from run import run_env  # noqa: E402  (found through the path above)

SETTINGS_PROBE = "import portal.celery; from django.conf import settings; print(settings.SETTINGS_MODULE, settings.DEBUG)"


def python(code, **env):
    base = {key: value for key, value in os.environ.items()
            if key not in ("DJANGO_SETTINGS_MODULE", "SECRET_KEY", "DATABASE_URL", "ALLOWED_HOSTS")}
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env={**base, **env}, capture_output=True,
                          text=True, timeout=60)


def test_a_celery_process_without_settings_named_uses_production_and_refuses_without_its_secret():
    result = python(SETTINGS_PROBE, DATABASE_URL="sqlite:////tmp/x.sqlite3", ALLOWED_HOSTS="portal.example.org")
    assert result.returncode != 0
    assert "Production settings need the environment variable SECRET_KEY" in result.stderr


def test_a_celery_process_with_its_secrets_runs_production_settings_without_debug():
    result = python(SETTINGS_PROBE, SECRET_KEY="s" * 50, DATABASE_URL="sqlite:////tmp/x.sqlite3",
                    ALLOWED_HOSTS="portal.example.org")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["portal.settings.production", "False"]


def test_every_procfile_process_names_the_production_settings():
    lines = [line for line in (ROOT / "Procfile").read_text().splitlines() if line.strip()]
    assert {line.split(":", 1)[0] for line in lines} == {"web", "worker", "beat"}
    for line in lines:
        assert "DJANGO_SETTINGS_MODULE=portal.settings.production" in line, line


def test_importing_the_test_settings_starts_no_server():
    result = python("import portal.settings.test", REDIS_URL="")
    assert result.returncode != 0 and "need REDIS_URL" in result.stderr
    started = python("import subprocess, portal.settings.test; print(len(subprocess._active))",
                     REDIS_URL="redis://127.0.0.1:1/0")
    assert started.returncode == 0, started.stderr
    assert started.stdout.strip() == "0"


def test_make_run_puts_links_on_its_own_port():
    assert run_env(8100, {})["SITE_URL"] == "http://127.0.0.1:8100"
    assert run_env(8100, {"SITE_URL": "https://portal.example.org"})["SITE_URL"] == "https://portal.example.org"
    assert run_env(8100, {})["DJANGO_SETTINGS_MODULE"] == "portal.settings.dev"


def test_email_links_follow_site_url(db, settings):
    settings.SITE_URL = "http://127.0.0.1:8100"
    subscription_request(email="reader@example.com", language="en", topics=["platform.announcements"],
                         frequency="immediate")
    deliver_all()
    body = mail.outbox[0].body
    assert "http://127.0.0.1:8100/en/notifications/confirm/" in body and ":8000" not in body
