"""Readiness: can this site do its work? The database, the cache, the outbox and the worker.

`/healthz` only says the process answers (liveness). `/readyz` runs these checks; the public
sees ok / not ok, staff and monitoring (READINESS_TOKEN) the details.
"""

import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import timezone

from outbox.models import OutgoingMail
from outbox.worker import heartbeat_age


def _database() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return {"ok": True}


def _cache() -> dict:
    key, value = f"readiness:{uuid.uuid4().hex}", uuid.uuid4().hex
    cache.set(key, value, 10)
    ok = cache.get(key) == value
    cache.delete(key)
    return {"ok": ok}


def _outbox() -> dict:
    oldest = (
        OutgoingMail.objects.filter(sent_at__isnull=True)
        .order_by("created_at")
        .values_list("created_at", flat=True)
        .first()
    )
    limit = settings.READINESS_MAIL_MAX_AGE
    if oldest is None:
        return {"ok": True, "oldest_unsent_seconds": None, "limit_seconds": limit}
    age = (timezone.now() - oldest).total_seconds()
    return {"ok": age <= limit, "oldest_unsent_seconds": round(age), "limit_seconds": limit}


def _worker() -> dict:
    age = heartbeat_age()
    limit = settings.READINESS_HEARTBEAT_MAX_AGE
    if age is None:
        return {"ok": False, "heartbeat_age_seconds": None, "limit_seconds": limit}
    seconds = age.total_seconds()
    return {"ok": seconds <= limit, "heartbeat_age_seconds": round(seconds), "limit_seconds": limit}


CHECKS = {"database": _database, "cache": _cache, "outbox": _outbox, "worker": _worker}


def readiness() -> dict:
    """{"ready": bool, "checks": {name: {"ok": bool, …}}}; a check that raises is not ok."""
    checks = {}
    for name, check in CHECKS.items():
        try:
            checks[name] = check()
        except Exception as error:
            checks[name] = {"ok": False, "error": type(error).__name__}
    return {"ready": all(check["ok"] for check in checks.values()), "checks": checks}
