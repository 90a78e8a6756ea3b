"""The outbox (web/cases/outbox.py): a message to the requester is recorded with its change and handed to
the mail server after the commit, at least once, always as the same message; one the server refuses is
kept, shown to staff and sent again.

Django's real SMTP backend talks to a real SMTP server on 127.0.0.1 (aiosmtpd) that accepts, or refuses
every recipient, or is not there at all. The tests commit (``transaction=True``): the email is sent
after the commit, as in production.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import email
import email.policy
import io
import json
import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session
from django.contrib.auth.models import User
from django.core import mail
from django.db import transaction
from django.test import Client, override_settings
from django.utils import timezone

from foidesk.cli import main as foidesk
from foidesk.core.workflow import Event, Role
from foidesk.web.audit.models import AuditEvent
from foidesk.web.audit.services import audit_verify
from foidesk.web.cases import mail as case_mail
from foidesk.web.cases.models import Delivery, Request, SentEmail
from foidesk.web.cases.outbox import CLAIM_EXPIRES_AFTER, email_deliver, email_retry, outbox_flush
from foidesk.web.cases.permissions import NotPermitted
from foidesk.web.cases.workflow import case_transition
from tests.factories import decided_case, staff

pytestmark = pytest.mark.django_db(transaction=True)


@dataclass
class Handler:
    """An SMTP server's answers: accept and keep every message, or refuse every recipient."""

    refuse: bool = False
    received: list[bytes] = field(default_factory=list)

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: list[str]
    ) -> str:
        if self.refuse:
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        assert isinstance(envelope.original_content, bytes)
        self.received.append(envelope.original_content)
        return "250 Message accepted for delivery"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def smtp_server(handler: Handler | None) -> Iterator[Handler | None]:
    """Django's SMTP backend pointed at a real server on 127.0.0.1, or at a port nobody listens on."""
    port = _free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port) if handler else None
    if controller:
        controller.start()
    try:
        with override_settings(
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=port,
            EMAIL_USE_TLS=False,
            EMAIL_TIMEOUT=10,
        ):
            yield handler
    finally:
        if controller:
            controller.stop()


def _approved(officer: User) -> Request:
    case = decided_case(officer=officer)
    decider = staff(Role.DECISION_MAKER)
    case_transition(request=case, event=Event.SUBMIT_FOR_APPROVAL, actor=officer, today=dt.date(2024, 3, 1))
    case_transition(request=case, event=Event.APPROVE, actor=decider, today=dt.date(2024, 3, 1))
    return case


def _send(case: Request, officer: User) -> SentEmail:
    case_transition(request=case, event=Event.SEND, actor=officer, today=dt.date(2024, 3, 1))
    return SentEmail.objects.get(request=case, kind=SentEmail.Kind.RESPONSE)


def _parsed(raw: bytes) -> email.message.EmailMessage:
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(message, email.message.EmailMessage)
    return message


def _actions(sent: SentEmail) -> list[str]:
    events = AuditEvent.objects.filter(object_type="cases.SentEmail", object_id=str(sent.pk))
    return list(events.order_by("id").values_list("action", flat=True))


def _cli(argv: list[str]) -> tuple[int, dict[str, Any]]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = foidesk(argv)
    return code, json.loads(out.getvalue())


@pytest.fixture
def officer() -> User:
    return staff(Role.CASE_OFFICER)


def test_the_response_is_sent_after_the_commit_by_smtp_with_the_files_and_message_id_it_was_written_with(
    officer: User,
) -> None:
    case = _approved(officer)
    with smtp_server(Handler()) as server:
        sent = _send(case, officer)
    assert server is not None and len(server.received) == 1
    received = _parsed(server.received[0])
    sent.refresh_from_db()
    assert sent.status == Delivery.SENT and sent.delivered_at is not None and sent.attempts == 1
    assert received["Message-ID"] == sent.message_id and sent.message_id.endswith("@example.org>")
    assert received["X-FOI-Reference"] == case.reference
    files = [(part.get_filename(), part.get_payload(decode=True)) for part in received.iter_attachments()]
    assert [name for name, _ in files] == [a["filename"] for a in sent.attachments]
    assert files[0][1] is not None and files[0][1].startswith(b"%PDF")
    assert bytes(sent.message) == b""  # the letter is kept as the case's document, not twice
    assert _actions(sent) == ["email.queued", "email.sent"]
    assert audit_verify()["ok"]


def test_a_change_undone_sends_nothing(officer: User) -> None:
    case = decided_case(officer=officer)
    acknowledged = list(SentEmail.objects.filter(request=case).values_list("pk", flat=True))
    with smtp_server(Handler()) as server, pytest.raises(RuntimeError), transaction.atomic():
        case_mail.acknowledgement_send(case=case, actor=officer)
        raise RuntimeError("the change fails after its email was written")
    assert server is not None and server.received == []
    assert not SentEmail.objects.filter(request=case).exclude(pk__in=acknowledged).exists()


@pytest.mark.parametrize("refusing", [True, False], ids=["recipient-refused", "server-unreachable"])
def test_a_refused_message_leaves_the_case_sent_is_shown_to_staff_and_is_sent_by_send_mail_later(
    officer: User, refusing: bool
) -> None:
    case = _approved(officer)
    with smtp_server(Handler(refuse=True) if refusing else None):
        sent = _send(case, officer)
    case.refresh_from_db()
    assert case.status == "sent" and case.responded_on == dt.date(2024, 3, 1)
    sent.refresh_from_db()
    assert sent.status == Delivery.FAILED and sent.attempts == 1 and sent.delivered_at is None
    assert ("SMTPRecipientsRefused" if refusing else "ConnectionRefusedError") in sent.last_error
    assert _actions(sent) == ["email.queued", "email.failed"]

    client = Client()
    client.force_login(officer)
    listing = client.get("/staff/mail/").content.decode()
    assert "1 message could not be sent yet" in listing and "Not sent yet" in listing
    page = client.get(f"/staff/mail/{sent.pk}/").content.decode()
    assert "Try again now" in page and "Tried 1 time" in page
    assert "Not sent yet" in client.get(case.get_absolute_url()).content.decode()

    with smtp_server(Handler()) as server:
        code, report = _cli(["send-mail", "--json"])
        assert (code, report["sent"], report["failed"], report["waiting"]) == (0, 1, 0, 0)
        assert _cli(["send-mail", "--json"])[1]["sent"] == 0  # sent once, never again
    assert server is not None and len(server.received) == 1
    assert _parsed(server.received[0])["Message-ID"] == sent.message_id
    sent.refresh_from_db()
    assert sent.status == Delivery.SENT and sent.attempts == 2 and sent.last_error == ""
    assert _actions(sent) == ["email.queued", "email.failed", "email.sent"]


def test_send_mail_stops_after_the_most_attempts_and_staff_can_still_try_again(
    officer: User, settings: Any
) -> None:
    settings.FOIDESK_MAIL_MAX_ATTEMPTS = 2
    case = _approved(officer)
    with smtp_server(Handler(refuse=True)):
        sent = _send(case, officer)
        code, report = _cli(["send-mail", "--json"])
        assert code == 1 and report["failed"] == 1 and "550" in report["errors"][0]["error"]
        assert _cli(["send-mail", "--json"])[1]["failed"] == 0  # two attempts made: it stops
    sent.refresh_from_db()
    assert sent.status == Delivery.FAILED and sent.attempts == 2

    client = Client()
    client.force_login(officer)
    assert "it has stopped: it tried 2 times" in client.get(f"/staff/mail/{sent.pk}/").content.decode()
    assert client.get(f"/staff/mail/{sent.pk}/retry/").status_code == 405
    with smtp_server(Handler()) as server:
        response = client.post(f"/staff/mail/{sent.pk}/retry/", follow=True)
    assert "The mail server accepted the message." in response.content.decode()
    assert server is not None and len(server.received) == 1
    sent.refresh_from_db()
    assert sent.status == Delivery.SENT and sent.attempts == 3
    assert _actions(sent)[-2:] == ["email.retried", "email.sent"]
    with smtp_server(Handler()) as server:  # sent already: "try again" does nothing
        response = client.post(f"/staff/mail/{sent.pk}/retry/", follow=True)
    assert "nothing was done" in response.content.decode() and server is not None and not server.received


def test_only_case_staff_may_send_a_message_again(officer: User) -> None:
    case = _approved(officer)
    with smtp_server(None):
        sent = _send(case, officer)
    with pytest.raises(NotPermitted):
        email_retry(sent=SentEmail.objects.get(pk=sent.pk), actor=staff(Role.PUBLISHER))
    client = Client()
    client.force_login(staff(Role.PUBLISHER))
    assert client.post(f"/staff/mail/{sent.pk}/retry/").status_code in (403, 404)
    assert SentEmail.objects.get(pk=sent.pk).attempts == 1


def test_a_claim_left_by_a_dead_sender_is_taken_back_only_once_it_has_expired(officer: User) -> None:
    case = _approved(officer)
    with smtp_server(None):
        sent = _send(case, officer)
    claimed_at = timezone.now()
    SentEmail.objects.filter(pk=sent.pk).update(status=Delivery.SENDING, last_attempt_at=claimed_at)
    with smtp_server(Handler()) as server:
        assert email_deliver(sent_id=sent.pk, now=claimed_at).outcome == "skipped"  # another holds it
        assert outbox_flush(now=claimed_at + CLAIM_EXPIRES_AFTER / 2).sent == 0
        assert outbox_flush(now=claimed_at + CLAIM_EXPIRES_AFTER * 2).sent == 1
    assert server is not None and len(server.received) == 1
    assert _parsed(server.received[0])["Message-ID"] == sent.message_id


def test_two_senders_at_once_send_the_message_once(officer: User) -> None:
    case = _approved(officer)
    with smtp_server(None):
        sent = _send(case, officer)
    SentEmail.objects.filter(pk=sent.pk).update(status=Delivery.QUEUED)
    with smtp_server(Handler()) as server:
        now = timezone.now()
        outcomes = sorted(email_deliver(sent_id=sent.pk, now=now).outcome for _ in range(2))
    assert outcomes == ["sent", "skipped"]
    assert server is not None and len(server.received) == 1


def test_an_erased_requester_s_waiting_message_is_never_sent(officer: User) -> None:
    case = _approved(officer)
    with smtp_server(None):
        sent = _send(case, officer)
    SentEmail.objects.filter(pk=sent.pk).update(message=b"")  # what erasure leaves (retention.py)
    with smtp_server(Handler()) as server:
        attempt = outbox_flush()
    assert attempt.sent == 0 and attempt.failed == 1 and "erased" in attempt.errors[0]["error"]
    assert server is not None and server.received == []


def test_in_the_embedded_mode_the_message_is_written_to_the_mail_folder_after_the_commit(
    officer: User, tmp_path: Any
) -> None:
    case = _approved(officer)
    mail.outbox.clear()
    with override_settings(
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend", EMAIL_FILE_PATH=tmp_path
    ):
        sent = _send(case, officer)
    written = list(tmp_path.iterdir())
    assert len(written) == 1
    assert _parsed(written[0].read_bytes())["Message-ID"] == sent.message_id
    assert mail.outbox == []  # nothing went anywhere else
