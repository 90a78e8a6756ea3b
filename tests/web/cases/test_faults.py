"""Faults half-way through a multi-step write: the worker killed (SIGKILL) or its database connection
broken (pg_terminate_backend) while publishing, sending and importing a register.

The hook is in the database, not in FOI Desk's code: the test installs a trigger that makes the next
INSERT into a chosen table wait on an advisory lock the test holds (`insert_waits`), runs the write in a
real child process (`foidesk import-register`, or a workflow event as a worker fires it:
`fault_child.py`), waits until PostgreSQL shows the child waiting, then kills the child or terminates
its connection. A FileField writes its file before its row's INSERT, so a wait on the row is a kill
after the file. Afterwards: nothing half-done in the database, the files the child wrote removed by the
next `foidesk clean-files`, and the same write done again succeeds once. PostgreSQL only (the child and
the test share the test database).
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.core import mail
from django.db import connection
from django.utils import timezone

from foidesk.cli import main as foidesk
from foidesk.core.workflow import Event, Role
from foidesk.web.audit.models import AuditEvent
from foidesk.web.cases.documents import document_approve, document_attach
from foidesk.web.cases.models import Delivery, Request, SentEmail
from foidesk.web.cases.outbox import CLAIM_EXPIRES_AFTER, outbox_flush
from foidesk.web.cases.workflow import EventInput, PublicationSpec, case_transition
from foidesk.web.publication.models import Publication, PublishedAttachment
from foidesk.web.records.selectors import register_size
from tests.factories import decided_case, sent_case, staff

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        "postgresql" not in settings.DATABASES["default"]["ENGINE"], reason="needs PostgreSQL (DATABASE_URL)"
    ),
]

ROOT = Path(__file__).parents[3]
STOP_SEARCH = ROOT / "tests" / "data" / "stop_search" / "metropolitan-stop-and-search-sample.csv"
HOW = ["sigkill", "connection-terminated"]
FAULT_LOCK = 184_218


def _connect(*, autocommit: bool) -> psycopg.Connection:
    db = connection.settings_dict
    return psycopg.connect(
        host=db["HOST"] or "127.0.0.1",
        port=int(db["PORT"] or 5432),
        user=db["USER"],
        password=db["PASSWORD"] or None,
        dbname=db["NAME"],
        autocommit=autocommit,
    )


@contextmanager
def insert_waits(table: str, when: str = "true") -> Iterator[None]:
    """Make the next INSERT into ``table`` (of a row for which the SQL condition ``when`` holds) wait
    until the block ends: a trigger (installed by the test, dropped after) takes an advisory lock this
    connection holds. The row's file, if it has one, is already written then (a FileField writes its
    file before the INSERT)."""
    with _connect(autocommit=True) as admin:
        admin.execute(
            "CREATE OR REPLACE FUNCTION foidesk_fault_wait() RETURNS trigger LANGUAGE plpgsql AS "
            f"$$ BEGIN PERFORM pg_advisory_xact_lock({FAULT_LOCK}); RETURN NEW; END $$"
        )
        admin.execute(
            f"CREATE TRIGGER foidesk_fault BEFORE INSERT ON {table} "
            f"FOR EACH ROW WHEN ({when}) EXECUTE FUNCTION foidesk_fault_wait()"
        )
        admin.execute("SELECT pg_advisory_lock(%s)", [FAULT_LOCK])
        try:
            yield
        finally:
            admin.execute("SELECT pg_advisory_unlock(%s)", [FAULT_LOCK])
            admin.execute(f"DROP TRIGGER foidesk_fault ON {table}")
            admin.execute("DROP FUNCTION foidesk_fault_wait()")


def _child_env(var: Path) -> dict[str, str]:
    db = connection.settings_dict
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "foidesk.web.settings",
        "DATABASE_URL": (
            f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
        ),
        "FOIDESK_MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "FOIDESK_VAR_DIR": str(var),  # the child's mail (the file backend) is written here
        "FOIDESK_RENDER": "0",
        "FOIDESK_STATIC_MANIFEST": "0",
    }


def _start(argv: list[str], var: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        argv, cwd=ROOT, env=_child_env(var), stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )


def _waiting_backend(child: subprocess.Popen[bytes], timeout: float = 120) -> int:
    """The child's PostgreSQL backend once it waits on a lock (the half-way point)."""
    deadline = time.monotonic() + timeout
    with _connect(autocommit=True) as watcher:
        while time.monotonic() < deadline:
            row = watcher.execute(
                "SELECT pid FROM pg_stat_activity WHERE datname = %s AND wait_event_type = 'Lock'",
                [connection.settings_dict["NAME"]],
            ).fetchone()
            if row:
                return int(row[0])
            if child.poll() is not None:
                out, err = child.communicate()
                pytest.fail(f"the child ended before waiting: {child.returncode} {out!r} {err!r}")
            time.sleep(0.1)
    child.kill()
    pytest.fail("the child never reached the lock")


def _break(how: str, child: subprocess.Popen[bytes], backend: int) -> None:
    """SIGKILL the worker, or terminate its connection from another one (the database "restarting")."""
    if how == "sigkill":
        os.kill(child.pid, signal.SIGKILL)
    else:
        with _connect(autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", [backend])
    child.wait(timeout=60)
    assert child.returncode != 0


def _backend_gone(backend: int, timeout: float = 60) -> None:
    """A killed client's backend rolls its transaction back once it notices; wait for that."""
    deadline = time.monotonic() + timeout
    with _connect(autocommit=True) as watcher:
        while time.monotonic() < deadline:
            if not watcher.execute("SELECT 1 FROM pg_stat_activity WHERE pid = %s", [backend]).fetchone():
                return
            time.sleep(0.1)
    pytest.fail(f"backend {backend} still there")


def _files() -> set[Path]:
    return {p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()}


def _next_days_clean_up(orphans: set[Path]) -> dict[str, object]:
    """`foidesk clean-files` as the daily cron runs it, the orphans being older than its grace period."""
    past = time.time() - 3 * 3600
    for path in orphans:
        os.utime(path, (past, past))
    return dict(json.loads(_run_cli(["clean-files", "--json"])))


def _run_cli(argv: list[str]) -> str:
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert foidesk(argv) == 0
    return out.getvalue()


def _approved_case_with_a_file() -> tuple[Request, object, object]:
    officer, decider = staff(Role.CASE_OFFICER), staff(Role.DECISION_MAKER)
    case = decided_case(officer=officer)
    document = document_attach(
        request=case, title="T", filename="t.csv", content=b"a,b\n1,2\n", actor=officer
    )
    document_approve(document=document, actor=decider)
    return case, officer, decider


@pytest.mark.parametrize("how", HOW)
def test_publishing_killed_half_way_leaves_no_entry_and_its_files_are_cleaned_up(
    how: str, tmp_path: Path
) -> None:
    case, officer, decider = _approved_case_with_a_file()
    sent_case(case, officer=officer, decider=decider, on=dt.date(2024, 3, 1))
    publisher = staff(Role.PUBLISHER)
    from foidesk.web.cases import services

    services.public_text_review(request=case, text=services.request_redacted(case).text, actor=publisher)
    before, events = _files(), AuditEvent.objects.count()
    argv = [sys.executable, "-m", "tests.web.cases.fault_child", "publish", str(case.pk), str(publisher.pk)]
    with insert_waits("publication_publishedattachment"):
        child = _start(argv, tmp_path)
        backend = _waiting_backend(child)
        written = _files() - before
        assert written, "the published copy is written before the audit event: the child is half-way"
        _break(how, child, backend)
    _backend_gone(backend)

    case.refresh_from_db()
    assert case.status == "sent"
    assert not Publication.objects.filter(reference=case.reference).exists()
    assert not PublishedAttachment.objects.exists()
    assert AuditEvent.objects.count() == events
    assert all(path.exists() for path in written)  # orphans until the next clean-up...
    report = _next_days_clean_up(written)
    assert not any(path.exists() for path in written), report  # ...which removes them
    assert all(path.exists() for path in before)  # and nothing anybody names

    case_transition(  # done again, it succeeds once
        request=case,
        event=Event.PUBLISH,
        actor=publisher,
        data=EventInput(publication=PublicationSpec("Officers", "S", "R", dt.date(2024, 3, 2))),
        today=dt.date(2024, 3, 2),
    )
    publication = Publication.objects.get(reference=case.reference)
    assert publication.is_published and publication.attachments.count() == 1
    assert (Path(settings.MEDIA_ROOT) / publication.attachments.get().file.name).exists()


def _send_killed_at(table: str, how: str, tmp_path: Path) -> tuple[Request, object, int, int, set[Path]]:
    """Send a case in a child killed at the next INSERT into ``table``; what it left behind."""
    case, officer, decider = _approved_case_with_a_file()
    case_transition(request=case, event=Event.SUBMIT_FOR_APPROVAL, actor=officer, today=dt.date(2024, 3, 1))
    case_transition(request=case, event=Event.APPROVE, actor=decider, today=dt.date(2024, 3, 1))
    mail.outbox.clear()
    emails, before = SentEmail.objects.count(), _files()  # the acknowledgement; the case's files
    child_mail = tmp_path / "mail"
    argv = [sys.executable, "-m", "tests.web.cases.fault_child", "send", str(case.pk), str(officer.pk)]
    with insert_waits(table):
        child = _start(argv, tmp_path)
        backend = _waiting_backend(child)
        delivered = len(list(child_mail.glob("*"))) if child_mail.exists() else 0
        _break(how, child, backend)
    _backend_gone(backend)
    case.refresh_from_db()
    assert case.status == "approved"
    assert SentEmail.objects.count() == emails
    return case, officer, emails, delivered, _files() - before


@pytest.mark.parametrize("how", HOW)
def test_sending_killed_before_the_mail_leaves_sends_nothing_and_sending_again_sends_once(
    how: str, tmp_path: Path
) -> None:
    # The response letter is stored (its PDF written, its row next) before the email goes.
    case, officer, emails, delivered, written = _send_killed_at("cases_document", how, tmp_path)
    assert delivered == 0
    assert written, "the letter's PDF was written before the kill"
    _next_days_clean_up(written)
    assert not any(path.exists() for path in written)

    sent = case_transition(request=case, event=Event.SEND, actor=officer, today=dt.date(2024, 3, 1))
    assert sent.status == "sent"
    assert len(mail.outbox) == 1 and SentEmail.objects.count() == emails + 1


@pytest.mark.parametrize("how", HOW)
def test_sending_killed_as_its_email_is_recorded_sends_nothing_and_sending_again_sends_once(
    how: str, tmp_path: Path
) -> None:
    # The email is recorded in the outbox inside the change's transaction, and leaves after the commit.
    case, officer, _, delivered, _ = _send_killed_at("cases_sentemail", how, tmp_path)
    assert delivered == 0
    case_transition(request=case, event=Event.SEND, actor=officer, today=dt.date(2024, 3, 1))
    assert len(mail.outbox) == 1


@pytest.mark.parametrize("how", HOW)
def test_sending_killed_after_the_mail_server_took_the_email_sends_it_again_once_as_the_same_message(
    how: str, tmp_path: Path
) -> None:
    case, officer, decider = _approved_case_with_a_file()
    case_transition(request=case, event=Event.SUBMIT_FOR_APPROVAL, actor=officer, today=dt.date(2024, 3, 1))
    case_transition(request=case, event=Event.APPROVE, actor=decider, today=dt.date(2024, 3, 1))
    mail.outbox.clear()
    argv = [sys.executable, "-m", "tests.web.cases.fault_child", "send", str(case.pk), str(officer.pk)]
    with insert_waits("audit_auditevent", when="NEW.action = 'email.sent'"):
        child = _start(argv, tmp_path)
        backend = _waiting_backend(child)  # the mail server has the message; "sent" is being recorded
        delivered = sorted((tmp_path / "mail").glob("*"))
        _break(how, child, backend)
    _backend_gone(backend)
    case.refresh_from_db()
    assert case.status == "sent"  # the change committed before its email left
    sent = SentEmail.objects.get(request=case, kind=SentEmail.Kind.RESPONSE)
    assert sent.status == Delivery.SENDING and len(delivered) == 1
    first = email.message_from_bytes(delivered[0].read_bytes(), policy=email.policy.default)
    assert first["Message-ID"] == sent.message_id

    later = timezone.now() + CLAIM_EXPIRES_AFTER * 2  # `foidesk send-mail` after the claim expired
    assert outbox_flush(now=timezone.now()).sent == 0  # not while the dead sender's claim holds
    assert outbox_flush(now=later).sent == 1
    assert outbox_flush(now=later).sent == 0
    assert [m.extra_headers["Message-ID"] for m in mail.outbox] == [sent.message_id]  # one Message-ID
    sent.refresh_from_db()
    assert sent.status == Delivery.SENT


@pytest.mark.parametrize("how", HOW)
def test_an_import_killed_half_way_imports_nothing_and_importing_again_imports_every_row_once(
    how: str, tmp_path: Path
) -> None:
    foidesk_bin = str(Path(sys.executable).with_name("foidesk"))
    argv = [foidesk_bin, "import-register", str(STOP_SEARCH), "--register", "stop_search", "--json"]
    events = AuditEvent.objects.count()
    with insert_waits("audit_auditevent"):
        child = _start(argv, tmp_path)
        backend = _waiting_backend(child)  # every row inserted, the audit event next
        _break(how, child, backend)
    _backend_gone(backend)
    assert register_size("stop_search") == 0
    assert AuditEvent.objects.count() == events

    assert (
        json.loads(_run_cli(["import-register", str(STOP_SEARCH), "--register", "stop_search", "--json"]))[
            "imported"
        ]
        == 12
    )
    assert register_size("stop_search") == 12
    assert AuditEvent.objects.count() == events + 1
