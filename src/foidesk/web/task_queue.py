"""Background tasks a dead worker left running: found and put back in the queue.

django-tasks' database backend marks a task ``RUNNING`` when a worker claims it and never looks at it
again; a worker killed half-way (a deploy, the out-of-memory killer, a lost machine) leaves it so for
ever, and what it was doing (an upload's release check, an answer's disclosure check, the words of a
published file) never finishes. Every FOI Desk task is idempotent (it records its result once,
whatever ran before), so a task running for longer than any task takes is put back as ``READY`` and a
live worker runs it again. ``foidesk requeue-tasks`` (cron, every few minutes) does it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

from django.db import transaction
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from foidesk.web.audit.actions import AuditAction
from foidesk.web.audit.services import audit_record

# Longer than the slowest task: a 100 MB CSV's release check with LibreOffice's second opinion.
DEFAULT_STALE_AFTER = dt.timedelta(hours=1)


@dataclass(slots=True)
class RequeueReport:
    """The tasks put back in the queue (ids and task names), and how many are running within the limit."""

    requeued: list[dict[str, str]] = field(default_factory=list)
    still_running: int = 0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def stale_tasks_requeue(
    *, now: dt.datetime, stale_after: dt.timedelta = DEFAULT_STALE_AFTER
) -> RequeueReport:
    """Put every task claimed before ``now - stale_after`` and still running back in the queue, audited.

    A row is locked while it is changed, and only changed if it is still running (a worker that
    finishes meanwhile keeps its result).
    """
    report = RequeueReport()
    cutoff = now - stale_after
    running = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING)
    for task_id in running.filter(started_at__lt=cutoff).values_list("id", flat=True):
        with transaction.atomic():
            task = running.select_for_update().filter(id=task_id, started_at__lt=cutoff).first()
            if task is None:
                continue
            task.status = TaskResultStatus.READY
            task.save(update_fields=["status"])
            audit_record(
                actor=None,
                actor_label="task queue",
                action=AuditAction.TASK_REQUEUED,
                obj=task,
                details={
                    "task": task.task_path,
                    "claimed_at": task.started_at.isoformat() if task.started_at else "",
                },
            )
        report.requeued.append({"id": str(task.id), "task": task.task_path})
    report.still_running = running.count()
    return report
