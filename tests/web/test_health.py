"""`/healthz` (web/health.py) over HTTP: the database, the file store, the task queue and the outbox, each
checked for real; 503 only when this server cannot serve; never a name, address or reference."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from foidesk.core.workflow import Role
from foidesk.web.cases.models import Delivery, SentEmail
from foidesk.web.cases.tasks import mailbox_poll
from foidesk.web.health import LATE_AFTER, PROBE_FOLDER
from tests.factories import decided_case, staff

pytestmark = pytest.mark.django_db


def _health(client: Client) -> tuple[int, dict[str, Any]]:
    response = client.get("/healthz")
    assert response["Content-Type"] == "application/json" and response["Cache-Control"] == "no-store"
    return response.status_code, response.json()


def test_a_healthy_server_answers_ok_and_leaves_no_probe_file(client: Client) -> None:
    status, body = _health(client)
    assert status == 200 and body["status"] == "ok"
    assert {name: check["status"] for name, check in body["checks"].items()} == {
        "database": "ok",
        "storage": "ok",
        "tasks": "ok",
        "mail": "ok",
    }
    probes = Path(django_settings.MEDIA_ROOT) / PROBE_FOLDER
    assert not probes.exists() or not any(probes.iterdir())


def test_a_store_that_is_not_a_folder_takes_the_server_out_of_the_pool(client: Client, settings: Any) -> None:
    # A file where the store should be (a mount gone wrong, a full or read-only disk fails the same way).
    blocked = Path(settings.MEDIA_ROOT) / "not-a-folder"
    blocked.parent.mkdir(parents=True, exist_ok=True)
    blocked.write_bytes(b"")
    settings.MEDIA_ROOT = str(blocked)
    status, body = _health(client)
    assert status == 503 and body["checks"]["storage"]["status"] == "failed"
    assert body["checks"]["database"]["status"] == "ok"


def test_refused_mail_makes_the_server_late_but_still_serving_and_names_nobody(client: Client) -> None:
    case = decided_case(officer=staff(Role.CASE_OFFICER))
    SentEmail.objects.filter(request=case).update(status=Delivery.FAILED, last_error="550 no such user")
    status, body = _health(client)
    assert status == 200 and body["status"] == "late"
    assert body["checks"]["mail"] == {"status": "late", "not_sent": 1, "refused": 1, "oldest_minutes": 0}
    text = str(body)
    assert case.reference not in text and case.requester_email not in text and "550" not in text


def test_mail_waiting_longer_than_a_few_minutes_is_late(client: Client) -> None:
    case = decided_case(officer=staff(Role.CASE_OFFICER))
    SentEmail.objects.filter(request=case).update(
        status=Delivery.QUEUED, sent_at=timezone.now() - LATE_AFTER - dt.timedelta(minutes=1)
    )
    assert _health(client)[1]["checks"]["mail"]["status"] == "late"
    SentEmail.objects.filter(request=case).update(sent_at=timezone.now())
    assert _health(client)[1]["checks"]["mail"]["status"] == "ok"


def test_with_a_worker_a_task_nobody_takes_makes_the_server_late(client: Client, settings: Any) -> None:
    settings.FOIDESK_RUN_TASKS_INLINE = False
    assert _health(client)[1]["checks"]["tasks"] == {
        "status": "ok",
        "worker": True,
        "waiting": 0,
        "oldest_waiting_minutes": 0,
        "running_too_long": 0,
    }
    result = mailbox_poll.enqueue()
    assert _health(client)[1]["checks"]["tasks"]["status"] == "ok"  # just queued
    DBTaskResult.objects.filter(id=result.id).update(
        enqueued_at=timezone.now() - LATE_AFTER - dt.timedelta(minutes=5)
    )
    status, body = _health(client)
    assert status == 200 and body["status"] == "late"
    assert body["checks"]["tasks"]["waiting"] == 1 and body["checks"]["tasks"]["oldest_waiting_minutes"] >= 20
