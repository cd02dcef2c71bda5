"""Project-wide checks: production settings, migrations, translation catalogue."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PO = Path("locale/zh_Hans/LC_MESSAGES/django.po")
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": "x9!f3kq-production-like-secret-key-for-the-deploy-check-0123456789abcdef",
    "DATABASE_URL": "postgres://valley@127.0.0.1:5432/valley",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "ALLOWED_HOSTS": "portal.example.com",
}


def manage(*args, env=None):
    clean = {k: v for k, v in os.environ.items() if k not in PRODUCTION_ENV and k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env={**clean, **(env or {})},
                          capture_output=True, text=True, timeout=120)


def test_deploy_check_on_production_settings_is_clean():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize("missing", ["SECRET_KEY", "DATABASE_URL", "REDIS_URL", "ALLOWED_HOSTS"])
def test_production_settings_refuse_to_start_without_secret(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert f"Production settings need the environment variable {missing}" in result.stderr


def test_no_missing_migrations():
    result = manage("makemigrations", "--check", "--dry-run", env={"DJANGO_SETTINGS_MODULE": "portal.settings.test",
                                                                  "REDIS_URL": os.environ["REDIS_URL"]})
    assert result.returncode == 0, result.stdout + result.stderr


def test_chinese_catalogue_is_complete():
    result = subprocess.run(["msgfmt", "--statistics", "-o", "/dev/null", str(ROOT / PO)], capture_output=True, text=True,
                            env={**os.environ, "LC_ALL": "C"})
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, result.stderr


def test_catalogue_covers_every_string_in_the_code(tmp_path):
    """makemessages, run on a copy of the source, finds no msgid that the committed catalogue lacks."""
    for name in ("apps", "portal", "locale"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "manage.py", tmp_path)
    result = subprocess.run([sys.executable, "manage.py", "makemessages", "-l", "zh_Hans", "-v", "0"], cwd=tmp_path,
                            env={**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.dev"},
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    extracted = msgids((tmp_path / PO).read_text())
    assert sorted(extracted - msgids((ROOT / PO).read_text())) == []


def msgids(text):
    ids = set()
    for block in re.findall(r'^msgid ((?:".*"\n)+)', text, re.M):
        value = "".join(re.findall(r'"(.*)"', block))
        if value:
            ids.add(value)
    return ids
