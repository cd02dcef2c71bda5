"""Health of the parts the site depends on, for /healthz."""

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import timezone

from .models import WorkerHeartbeat
from .registries import health_details


def _check(probe):
    try:
        probe()
    except Exception as exc:  # report any failure of a dependency, never raise from a health check
        return {"ok": False, "error": f"{type(exc).__name__}: {exc}"[:200]}
    return {"ok": True}


def _database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _cache():
    cache.set("core:healthz", 1, timeout=10)
    if cache.get("core:healthz") != 1:
        raise RuntimeError("cache did not return what was stored")


def _broker():
    from portal.celery import app

    with app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=2)


def worker_status(*, now=None):
    """Whether any Celery worker sent a heartbeat within WORKER_HEARTBEAT_MAX_AGE seconds."""
    try:
        last_seen = WorkerHeartbeat.objects.values_list("last_seen", flat=True).order_by("-last_seen").first()
    except Exception:  # the database check reports the failure itself
        last_seen = None
    if last_seen is None:
        return {"ok": False, "last_seen_seconds_ago": None}
    age = max(0.0, round(((now or timezone.now()) - last_seen).total_seconds(), 1))
    return {"ok": age <= settings.WORKER_HEARTBEAT_MAX_AGE, "last_seen_seconds_ago": age}


def health_report():
    checks = {"database": _check(_database), "cache": _check(_cache), "broker": _check(_broker)}
    checks["worker"] = worker_status()
    serving = all(checks[name]["ok"] for name in ("database", "cache", "broker"))
    status = "ok" if serving and checks["worker"]["ok"] else ("degraded" if serving else "failing")
    details = {}
    for name, provider in health_details.items():
        try:
            details[name] = provider()
        except Exception as exc:  # a detail never breaks the health check
            details[name] = {"error": f"{type(exc).__name__}: {exc}"[:200]}
    return {"status": status, "checks": checks, "details": details}
