"""The release check of an uploaded document in the background: the upload stores the file as queued, the
real django-tasks database worker (``manage.py db_worker``) runs the gate and records its verdict once, and
the document's page shows how far it got; until then the file cannot be approved, sent or published. Over
real HTTP on the real database (SQLite, or PostgreSQL with DATABASE_URL).

The tests commit (``transaction=True``) because the worker reads the queue and the document outside the
test's own transaction, as a worker process would.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client, override_settings
from django_tasks_db.models import DBTaskResult

from foidesk.core.workflow import Event, Role
from foidesk.web.audit.models import AuditEvent
from foidesk.web.cases.documents import document_check_queued
from foidesk.web.cases.models import Document, Request
from foidesk.web.cases.services import CaseError
from foidesk.web.cases.tasks import document_check_task
from foidesk.web.cases.workflow import case_transition
from tests.factories import decided_case, staff
from tests.web.cases.test_release import _workbook

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]

REFRESH = '<meta http-equiv="refresh" content="3">'
DOCUMENT_PAGE = re.compile(r"^/staff/cases/[^/]+/documents/(\d+)/$")
BACKGROUND = override_settings(FOIDESK_RUN_TASKS_INLINE=False)


@pytest.fixture
def case() -> Request:
    return decided_case(officer=staff(Role.CASE_OFFICER))


def _signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _upload(client: Client, case: Request, content: bytes, name: str = "figures.xlsx") -> str:
    """Post the upload form; return the document's page it redirects to."""
    response = client.post(
        f"/staff/cases/{case.reference}/documents/",
        {"title": "Figures", "kind": "attachment", "file": SimpleUploadedFile(name, content)},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert DOCUMENT_PAGE.match(response["Location"]), response["Location"]
    return str(response["Location"])


def _run_worker() -> None:
    """The real worker of django-tasks' database backend, run until the queue is empty."""
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", "--interval", "0", verbosity=0)


def _checked_events(document: Document) -> list[dict[str, object]]:
    events = AuditEvent.objects.filter(action="document.checked", object_id=str(document.pk))
    return [e.details for e in events.order_by("id")]


@BACKGROUND
def test_an_upload_is_stored_as_queued_and_checked_by_the_worker_while_its_page_refreshes(
    case: Request,
) -> None:
    client = _signed_in(case.assigned_to)
    url = _upload(client, case, _workbook(hidden_sheet=True))
    document = Document.objects.get()
    assert document.check_status == Document.CheckStatus.QUEUED and document.checked_at is None
    assert DBTaskResult.objects.get(id=document.task_id).status == "READY"

    waiting = client.get(url).content.decode()
    assert REFRESH in waiting
    assert 'role="status"' in waiting and "Release check: waiting to be checked" in waiting
    assert "Blocks release" not in waiting and "Approve for release" not in waiting
    assert "Waiting to be checked" in client.get(f"/staff/cases/{case.reference}/").content.decode()

    _run_worker()

    done = client.get(url).content.decode()
    assert REFRESH not in done and 'role="status"' not in done
    assert "Blocks release" in done and "xlsx.hidden_sheet" in done
    document.refresh_from_db()
    assert document.check_status == Document.CheckStatus.BLOCK and document.checked_at is not None
    assert DBTaskResult.objects.get(id=document.task_id).status == "SUCCESSFUL"
    assert [e["status"] for e in _checked_events(document)] == ["block"]
    attached = AuditEvent.objects.get(action="document.attached", object_id=str(document.pk))
    assert attached.details["task"] == document.task_id


@BACKGROUND
def test_a_document_still_being_checked_cannot_be_approved_or_sent_until_its_verdict_is_in(
    case: Request,
) -> None:
    officer, decider = case.assigned_to, staff(Role.DECISION_MAKER)
    as_officer, as_decider = _signed_in(officer), _signed_in(decider)
    content = _workbook()
    url = _upload(as_officer, case, content)
    document = Document.objects.get()

    approve = as_decider.post(f"{url}approve", follow=True).content.decode()
    assert "figures.xlsx is still being checked; wait for the release check to finish." in approve
    submit = as_officer.post(
        f"/staff/cases/{case.reference}/events/submit-for-approval/", {"version": case.version}
    ).content.decode()
    assert "figures.xlsx is still being checked" in submit
    document.refresh_from_db()
    assert document.approved_by is None and document.check_pending
    assert Request.objects.get(pk=case.pk).status == case.status

    _run_worker()
    assert as_decider.post(f"{url}approve").status_code == 302
    document.refresh_from_db()
    assert document.check_status == Document.CheckStatus.CLEAN and document.approved_by == decider
    case_transition(request=case, event=Event.SUBMIT_FOR_APPROVAL, actor=officer)
    case_transition(request=case, event=Event.APPROVE, actor=decider, today=dt.date(2024, 2, 20))

    # Checked again just before sending: sending waits for the new verdict, and nothing leaves.
    assert as_officer.post(f"{url}check").status_code == 302
    document.refresh_from_db()
    assert document.check_status == Document.CheckStatus.QUEUED
    sent_before = len(mail.outbox)
    with pytest.raises(CaseError, match=r"figures\.xlsx is still being checked"):
        case_transition(request=case, event=Event.SEND, actor=officer, today=dt.date(2024, 2, 20))
    assert len(mail.outbox) == sent_before

    _run_worker()
    case_transition(request=case, event=Event.SEND, actor=officer, today=dt.date(2024, 2, 20))
    assert len(mail.outbox) == sent_before  # the email is queued for the worker with the change...
    _run_worker()
    assert mail.outbox[-1].attachments[-1][1] == content  # ...which sends it


@BACKGROUND
def test_the_check_run_twice_records_one_verdict(case: Request) -> None:
    _upload(_signed_in(case.assigned_to), case, _workbook())
    document = Document.objects.get()
    again = document_check_task.enqueue(document.pk)  # a retry queued beside the first run

    _run_worker()

    assert {r.status for r in DBTaskResult.objects.filter(id__in=[document.task_id, again.id])} == {
        "SUCCESSFUL"
    }
    assert [e["status"] for e in _checked_events(document)] == ["clean"]
    checked = Document.objects.get(pk=document.pk)
    assert document_check_queued(document_id=document.pk) == checked  # a third run changes nothing
    assert Document.objects.get(pk=document.pk).checked_at == checked.checked_at
    assert [e["status"] for e in _checked_events(document)] == ["clean"]


@BACKGROUND
def test_a_check_whose_worker_died_is_retried_by_checking_again_and_recorded_once(case: Request) -> None:
    client = _signed_in(case.assigned_to)
    url = _upload(client, case, _workbook())
    # The worker took the check and died in the middle: the document stays "being checked".
    Document.objects.update(check_status=Document.CheckStatus.CHECKING)
    DBTaskResult.objects.update(status="RUNNING")
    stuck = client.get(url).content.decode()
    assert REFRESH in stuck and "Release check: being checked" in stuck

    queued = client.post(f"{url}check", follow=True).content.decode()
    assert "figures.xlsx checked again: the release check is queued" in queued
    assert REFRESH in queued and "Release check: waiting to be checked" in queued
    document = Document.objects.get()
    assert document.check_status == Document.CheckStatus.QUEUED
    _run_worker()

    document.refresh_from_db()
    assert document.check_status == Document.CheckStatus.CLEAN
    assert [e["status"] for e in _checked_events(document)] == ["queued", "clean"]
    assert REFRESH not in client.get(url).content.decode()


@BACKGROUND
def test_a_file_changed_in_storage_before_its_check_is_not_passed_and_stays_unreleasable(
    case: Request,
) -> None:
    client = _signed_in(case.assigned_to)
    url = _upload(client, case, _workbook())
    document = Document.objects.get()
    with open(document.file.path, "wb") as stored:
        stored.write(_workbook(hidden_sheet=True))

    _run_worker()

    document.refresh_from_db()
    assert document.check_status == Document.CheckStatus.UNCHECKED
    assert [f["code"] for f in document.findings] == ["document.check_stopped"]
    page = client.get(url).content.decode()
    assert REFRESH not in page and "has changed since it was attached" in page
    decider = _signed_in(staff(Role.DECISION_MAKER))
    refused = decider.post(f"{url}approve", follow=True).content.decode()
    assert "has changed since it was attached" in refused
    assert Document.objects.get().approved_by is None


@BACKGROUND
def test_a_large_upload_is_stored_from_djangos_temporary_file_with_the_hash_of_its_bytes(
    case: Request,
) -> None:
    rows = "".join(f"E{n:07d},Borough {n % 32},{n % 97}\n" for n in range(150_000))
    content = ("reference,borough,officers\n" + rows).encode()
    assert len(content) > 2_621_440  # over FILE_UPLOAD_MAX_MEMORY_SIZE: Django keeps it on disk
    client = _signed_in(case.assigned_to)
    url = _upload(client, case, content, name="figures.csv")
    document = Document.objects.get()
    assert document.size == len(content) and document.sha256 == hashlib.sha256(content).hexdigest()
    with document.file.open("rb") as stored:
        assert stored.read() == content

    _run_worker()

    document.refresh_from_db()
    assert not document.check_pending, document.findings
    download = client.get(f"{url}download")
    assert b"".join(download.streaming_content) == content


def test_in_the_embedded_mode_the_check_runs_in_the_upload_request(case: Request) -> None:
    content = _workbook(hidden_sheet=True)
    # Every upload over 1 KB goes to a temporary file, as one over 2.5 MB does in production.
    with override_settings(FOIDESK_RUN_TASKS_INLINE=True, FILE_UPLOAD_MAX_MEMORY_SIZE=1024):
        client = _signed_in(case.assigned_to)
        page = client.get(_upload(client, case, content)).content.decode()
    assert REFRESH not in page and "Blocks release" in page
    assert not DBTaskResult.objects.exists()
    document = Document.objects.get()
    assert document.task_id == "" and document.check_status == Document.CheckStatus.BLOCK
    assert document.sha256 == hashlib.sha256(content).hexdigest() and document.size == len(content)
    with document.file.open("rb") as stored:
        assert stored.read() == content


@BACKGROUND
def test_the_case_page_counts_the_checks_finished_and_the_document_page_says_when_its_check_began(
    case: Request,
) -> None:
    client = _signed_in(case.assigned_to)
    _upload(client, case, _workbook())
    _run_worker()
    url = _upload(client, case, _workbook(), name="second.xlsx")
    case_page = f"/staff/cases/{case.reference}/"

    waiting = client.get(case_page).content.decode()
    assert "Release checks: 1 of 2 documents checked; 1 still waiting or being checked." in waiting

    second = Document.objects.get(filename="second.xlsx")
    began = dt.datetime(2024, 2, 20, 9, 41, tzinfo=dt.UTC)
    # The state a worker leaves while it reads the file (document_check_queued's first transaction).
    Document.objects.filter(pk=second.pk).update(
        check_status=Document.CheckStatus.CHECKING, check_started_at=began
    )
    assert "Started at 09:41" in client.get(url).content.decode()

    Document.objects.filter(pk=second.pk).update(check_status=Document.CheckStatus.QUEUED)
    _run_worker()
    second.refresh_from_db()
    assert second.check_started_at is not None and second.check_started_at > began
    assert second.checked_at is not None and second.check_started_at <= second.checked_at
    assert "Release checks:" not in client.get(case_page).content.decode()
