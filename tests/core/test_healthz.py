from datetime import timedelta

from django.utils import timezone

from apps.core.services import worker_heartbeat_record
from portal.celery import app
from tests.support import wait_until


def test_healthz_reports_each_dependency(client, db):
    response = client.get("/healthz")
    body = response.json()
    assert response.status_code == 200
    assert body["checks"]["database"] == {"ok": True}
    assert body["checks"]["cache"] == {"ok": True}
    assert body["checks"]["broker"] == {"ok": True}
    assert body["checks"]["worker"] == {"ok": False, "last_seen_seconds_ago": None}
    assert body["status"] == "degraded"
    assert "no-cache" in response["Cache-Control"]


def test_healthz_worker_ok_after_recent_heartbeat(client, db):
    worker_heartbeat_record(hostname="w1@host", at=timezone.now() - timedelta(seconds=30))
    body = client.get("/healthz").json()
    assert body["checks"]["worker"]["ok"] is True
    assert 29 <= body["checks"]["worker"]["last_seen_seconds_ago"] <= 40
    assert body["status"] == "ok"


def test_healthz_worker_silent_after_stale_heartbeat(client, db, settings):
    worker_heartbeat_record(hostname="w1@host", at=timezone.now() - timedelta(seconds=settings.WORKER_HEARTBEAT_MAX_AGE + 5))
    assert client.get("/healthz").json()["checks"]["worker"]["ok"] is False


def test_healthz_with_running_worker_is_ok(client, celery_worker):
    body = wait_until(lambda: (b := client.get("/healthz").json())["status"] == "ok" and b)
    assert body["checks"]["worker"]["ok"] is True


def test_healthz_fails_with_503_when_cache_and_broker_are_unreachable(client, db, settings):
    settings.CACHES = {"default": {**settings.CACHES["default"], "LOCATION": "redis://127.0.0.1:1/0"}}

    app.conf.broker_url = "redis://127.0.0.1:1/0"
    try:
        response = client.get("/healthz")
    finally:
        app.conf.broker_url = settings.CELERY_BROKER_URL
    body = response.json()
    assert response.status_code == 503
    assert body["status"] == "failing"
    assert body["checks"]["cache"]["ok"] is False
    assert body["checks"]["broker"]["ok"] is False
    assert body["checks"]["database"] == {"ok": True}


def test_ping_is_bare(client, db):
    response = client.get("/ping")
    assert response.status_code == 200
    assert response.content == b"ok"
