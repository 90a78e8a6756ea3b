"""`/healthz`: can this application server serve, and is the work behind it moving?

For a load balancer and for monitoring. Four checks, each ``ok``, ``late`` or ``failed``:

- **database**: one query;
- **storage**: a small file written to and read back from the file store (uploads, published files),
  then removed; a full or read-only disk fails here before an officer's upload does;
- **tasks**: with a task worker (``FOIDESK_TASK_WORKER``), the oldest task waiting and tasks claimed
  longer ago than any task takes (a dead worker: `foidesk requeue-tasks`); without one, tasks run in
  the request and there is nothing to wait for;
- **mail**: the outbox (web/cases/outbox.py): messages the mail server refused, and the oldest waiting.

The answer is 503 when the database or the storage failed (this server cannot serve: take it out of
the pool), and 200 otherwise, with ``"status": "late"`` when tasks or mail are behind (the server
serves; someone should look). It holds counts and ages only: no names, no addresses, no references.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.http import require_safe

# Work waiting longer than this is late: a worker takes a task within seconds, and `foidesk send-mail`
# runs every few minutes.
LATE_AFTER = dt.timedelta(minutes=15)
PROBE_FOLDER = "healthz"

OK, LATE, FAILED = "ok", "late", "failed"
_SEVERITY = {OK: 0, LATE: 1, FAILED: 2}


@dataclass(slots=True)
class Check:
    status: str
    detail: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"status": self.status, **self.detail}


def _database() -> Check:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return Check(OK)


def _storage() -> Check:
    content = secrets.token_bytes(16)
    name = default_storage.save(f"{PROBE_FOLDER}/{secrets.token_hex(8)}.probe", ContentFile(content))
    try:
        with default_storage.open(name, "rb") as handle:
            if handle.read() != content:
                return Check(FAILED, {"error": "a file written to the store did not read back the same"})
    finally:
        default_storage.delete(name)
    return Check(OK)


def _age_minutes(since: dt.datetime | None, now: dt.datetime) -> int:
    return int((now - since).total_seconds() // 60) if since else 0


def _tasks(now: dt.datetime) -> Check:
    if settings.FOIDESK_RUN_TASKS_INLINE:
        return Check(OK, {"worker": False})
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from foidesk.web.task_queue import DEFAULT_STALE_AFTER

    waiting = DBTaskResult.objects.filter(status=TaskResultStatus.READY)
    oldest = waiting.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    stale = DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, started_at__lt=now - DEFAULT_STALE_AFTER
    ).count()
    late = bool(oldest and now - oldest > LATE_AFTER) or stale > 0
    detail = {
        "worker": True,
        "waiting": waiting.count(),
        "oldest_waiting_minutes": _age_minutes(oldest, now),
        "running_too_long": stale,
    }
    return Check(LATE if late else OK, detail)


def _mail(now: dt.datetime) -> Check:
    from foidesk.web.cases.models import Delivery, SentEmail

    unsent = SentEmail.objects.exclude(status=Delivery.SENT)
    refused = unsent.filter(status=Delivery.FAILED).count()
    oldest = unsent.order_by("sent_at").values_list("sent_at", flat=True).first()
    late = refused > 0 or bool(oldest and now - oldest > LATE_AFTER)
    detail = {"not_sent": unsent.count(), "refused": refused, "oldest_minutes": _age_minutes(oldest, now)}
    return Check(LATE if late else OK, detail)


def _guarded(check: Callable[[], Check]) -> Check:
    """A check that raises is failed, with the kind of error only (its text may name a path or host)."""
    try:
        return check()
    except (DatabaseError, OSError) as error:
        return Check(FAILED, {"error": type(error).__name__})


def health_report(now: dt.datetime | None = None) -> tuple[int, dict[str, Any]]:
    """The HTTP status and the JSON body of `/healthz`."""
    now = now or timezone.now()
    checks = {"database": _guarded(_database), "storage": _guarded(_storage)}
    if checks["database"].status == OK:  # the queue and the outbox live in the database
        checks["tasks"] = _guarded(lambda: _tasks(now))
        checks["mail"] = _guarded(lambda: _mail(now))
    status = max((c.status for c in checks.values()), key=_SEVERITY.__getitem__)
    serving = checks["database"].status == OK and checks["storage"].status == OK
    body = {"status": status, "checks": {name: c.as_dict() for name, c in checks.items()}}
    return (200 if serving else 503), body


@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    """The view: 503 when this server cannot serve, the checks as JSON, never cached."""
    status, body = health_report()
    response = JsonResponse(body, status=status)
    response["Cache-Control"] = "no-store"
    return response
