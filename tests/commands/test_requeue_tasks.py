"""`foidesk requeue-tasks`: the stale tasks queued again, as JSON; a nonsense limit refused."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from foidesk.cli import main
from foidesk.web.cases.tasks import publication_files_index_task

pytestmark = pytest.mark.django_db


def test_the_command_queues_a_stale_task_again_and_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    stale = DBTaskResult.objects.get(id=publication_files_index_task.enqueue(1).id)
    stale.claim("worker-that-died")
    DBTaskResult.objects.filter(pk=stale.pk).update(started_at=timezone.now() - dt.timedelta(hours=2))
    fresh = DBTaskResult.objects.get(id=publication_files_index_task.enqueue(2).id)
    fresh.claim("worker-alive")

    assert main(["requeue-tasks", "--stale-minutes", "60", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert [task["id"] for task in report["requeued"]] == [str(stale.pk)]
    assert report["still_running"] == 1
    stale.refresh_from_db()
    fresh.refresh_from_db()
    assert (stale.status, fresh.status) == ("READY", "RUNNING")


def test_a_limit_under_a_minute_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["requeue-tasks", "--stale-minutes", "0"]) != 0
    assert "at least 1" in capsys.readouterr().err
