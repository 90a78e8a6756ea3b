"""A background task a dead worker left running is queued again and finished by a live worker, once."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from foidesk.web.audit.models import AuditEvent
from foidesk.web.cases.models import Document, Request
from foidesk.web.task_queue import stale_tasks_requeue
from tests.web.cases.test_release_tasks import BACKGROUND, _run_worker, _signed_in, _upload, _workbook, case

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]
__all__ = ["case"]  # the fixture, shared with the release-check task tests


def _claimed_by_a_worker_that_died(minutes_ago: int) -> DBTaskResult:
    """The queued task as a worker leaves it when it is killed after claiming it."""
    task = DBTaskResult.objects.get()
    task.claim("worker-that-died")
    DBTaskResult.objects.filter(pk=task.pk).update(
        started_at=timezone.now() - dt.timedelta(minutes=minutes_ago)
    )
    Document.objects.update(check_status=Document.CheckStatus.CHECKING)
    return task


@BACKGROUND
def test_a_task_left_running_by_a_dead_worker_is_queued_again_and_finished_once(case: Request) -> None:
    _upload(_signed_in(case.assigned_to), case, _workbook())
    task = _claimed_by_a_worker_that_died(minutes_ago=90)
    _run_worker()  # a live worker does not take a task another has claimed
    assert Document.objects.get().check_status == Document.CheckStatus.CHECKING

    report = stale_tasks_requeue(now=timezone.now())
    assert report.requeued == [{"id": str(task.pk), "task": task.task_path}]
    assert AuditEvent.objects.filter(action="task.requeued", object_id=str(task.pk)).count() == 1
    _run_worker()

    document = Document.objects.get()
    assert document.check_status == Document.CheckStatus.CLEAN
    checked = AuditEvent.objects.filter(action="document.checked", object_id=str(document.pk))
    assert [event.details["status"] for event in checked] == ["clean"]  # the verdict, recorded once
    task.refresh_from_db()
    assert task.status == "SUCCESSFUL" and task.worker_ids[0] == "worker-that-died"
    assert stale_tasks_requeue(now=timezone.now()).requeued == []  # nothing left to queue


@BACKGROUND
def test_a_task_running_within_the_limit_is_left_alone(case: Request) -> None:
    _upload(_signed_in(case.assigned_to), case, _workbook())
    task = _claimed_by_a_worker_that_died(minutes_ago=5)
    report = stale_tasks_requeue(now=timezone.now(), stale_after=dt.timedelta(minutes=30))
    assert report.requeued == [] and report.still_running == 1
    task.refresh_from_db()
    assert task.status == "RUNNING"
