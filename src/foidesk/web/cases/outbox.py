"""The outbox: messages to requesters are handed to the mail server after the change they belong to
commits, at least once, always as the same message.

`web/cases/mail.py` records each message (`SentEmail`, status ``queued``) with the whole message bytes
and its own Message-ID, inside the transaction of the case's change. Nothing leaves before that commits,
so a change undone (a refusal, a crash, a lost database connection) sends nothing. Then:

1. **claim**: one conditional UPDATE moves the message from ``queued`` or ``failed`` to ``sending``
   (and counts the attempt), so two processes never send it at once, on SQLite as on PostgreSQL;
2. **send**, outside any transaction (a slow mail server holds no lock);
3. **record** in one transaction: ``sent`` (the bytes dropped: the documents keep them) and
   ``email.sent`` in the audit trail, or ``failed`` with the server's answer and ``email.failed``.

A worker killed between 2 and 3 leaves the message ``sending``; `foidesk send-mail` (cron, every few
minutes) takes such a claim back once it is older than any attempt can last, and sends the same bytes
again: the requester may get the message twice, with one Message-ID, which mail programs show once.
That is the only way a message is sent twice; never is a message lost or sent for a change that did
not happen. Refused messages are tried again by the same command, up to ``FOIDESK_MAIL_MAX_ATTEMPTS``;
the staff pages show every message's state, and "Try again" sends one at once.
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import logging
import smtplib
from dataclasses import asdict, dataclass, field
from email.message import EmailMessage as ParsedMessage
from email.utils import make_msgid
from functools import partial
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from foidesk.core.workflow import Action
from foidesk.web.audit.actions import AuditAction
from foidesk.web.audit.actors import Actor
from foidesk.web.audit.services import audit_record
from foidesk.web.cases.errors import CaseError
from foidesk.web.cases.models import Delivery, SentEmail
from foidesk.web.cases.permissions import action_check

logger = logging.getLogger(__name__)

# Longer than any one attempt can last (EMAIL_TIMEOUT for each SMTP step of a large message): a claim
# older than this was left by a worker that died, and is taken back.
CLAIM_EXPIRES_AFTER = dt.timedelta(minutes=15)
MAX_ERROR_CHARACTERS = 500


def message_id_new() -> str:
    """A Message-ID in the authority's own mail domain (the sender address's), not the host's name."""
    domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2].strip(" >") or "localhost"
    return make_msgid(domain=domain)


def deliver_after_commit(sent_id: int) -> None:
    """Send the message once the current transaction commits: by the task worker where one runs
    (its task row is written in this same transaction), else in this process right after the commit."""
    if settings.FOIDESK_RUN_TASKS_INLINE:
        transaction.on_commit(partial(email_deliver, sent_id=sent_id), robust=True)
        return
    from foidesk.web.cases.tasks import email_deliver_task

    email_deliver_task.enqueue(sent_id)


@dataclass(frozen=True, slots=True)
class Attempt:
    """What one attempt did: ``sent``, ``failed`` (with the server's answer), or ``skipped`` (another
    process holds the message, it was sent already, or it is not this process's to send)."""

    sent_id: int
    outcome: str
    error: str = ""


def email_deliver(*, sent_id: int, now: dt.datetime | None = None) -> Attempt:
    """Claim one message, hand it to the mail server, and record what happened. Never raises for the
    mail server's refusal: it is recorded, audited and tried again later."""
    now = now or timezone.now()
    if not _claim(sent_id, now):
        return Attempt(sent_id, "skipped")
    sent = SentEmail.objects.get(pk=sent_id)
    try:
        if not sent.message:
            raise ValueError("nothing to send: the message was erased before it could be sent")
        _message_rebuilt(bytes(sent.message)).send(fail_silently=False)
    except (smtplib.SMTPException, OSError, ValueError) as error:
        reason = f"{type(error).__name__}: {error}"[:MAX_ERROR_CHARACTERS]
        logger.warning("email %s to the requester of %s not sent: %s", sent_id, _reference(sent), reason)
        _record(sent, Delivery.FAILED, AuditAction.EMAIL_FAILED, now, error=reason)
        return Attempt(sent_id, "failed", reason)
    _record(sent, Delivery.SENT, AuditAction.EMAIL_SENT, now)
    return Attempt(sent_id, "sent")


def _claim(sent_id: int, now: dt.datetime) -> bool:
    """Move the message to ``sending`` if it is waiting, refused, or claimed by a worker that died."""
    waiting = Q(status__in=[Delivery.QUEUED, Delivery.FAILED])
    abandoned = Q(status=Delivery.SENDING, last_attempt_at__lt=now - CLAIM_EXPIRES_AFTER)
    claimed = SentEmail.objects.filter(waiting | abandoned, pk=sent_id).update(
        status=Delivery.SENDING, attempts=F("attempts") + 1, last_attempt_at=now
    )
    return claimed == 1


def _record(
    sent: SentEmail, status: Delivery, action: AuditAction, now: dt.datetime, *, error: str = ""
) -> None:
    with transaction.atomic():
        changes: dict[str, Any] = {"status": status, "last_error": error}
        if status == Delivery.SENT:
            changes.update(delivered_at=now, message=b"")
        SentEmail.objects.filter(pk=sent.pk, status=Delivery.SENDING).update(**changes)
        details: dict[str, Any] = {
            "request": _reference(sent),
            "kind": sent.kind,
            "message_id": sent.message_id,
            "attempt": sent.attempts,
        }
        if error:
            details["error"] = error
        audit_record(actor=None, actor_label="outbox", action=action, obj=sent, details=details)


def _reference(sent: SentEmail) -> str:
    return sent.request.reference if sent.request is not None else ""


def _message_rebuilt(raw: bytes) -> EmailMessage:
    """Django's message again from the stored bytes, with the same headers (Message-ID, Date) and files."""
    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(parsed, ParsedMessage)
    body_part = parsed.get_body(preferencelist=("plain",))
    body = body_part.get_content() if isinstance(body_part, ParsedMessage) else ""
    kept = ("Message-ID", "Date", "X-FOI-Reference")
    message = EmailMessage(
        subject=str(parsed["Subject"] or ""),
        body=body,
        from_email=str(parsed["From"]),
        to=[str(address) for address in parsed.get_all("To", [])],
        reply_to=[str(address) for address in parsed.get_all("Reply-To", [])] or None,
        headers={name: str(parsed[name]) for name in kept if parsed[name] is not None},
    )
    for part in parsed.iter_attachments():
        content = part.get_payload(decode=True)
        if not isinstance(content, bytes):
            raise ValueError("the stored message has an attachment that cannot be read")
        message.attach(part.get_filename() or "attachment", content, part.get_content_type())
    return message


@dataclass(slots=True)
class OutboxReport:
    """What one pass over the outbox did."""

    sent: int = 0
    failed: int = 0
    waiting: int = 0  # left for later: claimed by another process, or refused too often
    errors: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def outbox_flush(*, now: dt.datetime | None = None) -> OutboxReport:
    """Send every message waiting, refused fewer than ``FOIDESK_MAIL_MAX_ATTEMPTS`` times, or claimed
    by a worker that died; the oldest first. What `foidesk send-mail` runs."""
    now = now or timezone.now()
    report = OutboxReport()
    due = SentEmail.objects.filter(
        Q(status=Delivery.QUEUED)
        | Q(status=Delivery.FAILED, attempts__lt=settings.FOIDESK_MAIL_MAX_ATTEMPTS)
        | Q(status=Delivery.SENDING, last_attempt_at__lt=now - CLAIM_EXPIRES_AFTER)
    )
    for sent_id in due.order_by("id").values_list("pk", flat=True):
        attempt = email_deliver(sent_id=sent_id, now=now)
        if attempt.outcome == "sent":
            report.sent += 1
        elif attempt.outcome == "failed":
            report.failed += 1
            report.errors.append({"id": sent_id, "error": attempt.error})
    report.waiting = SentEmail.objects.exclude(status=Delivery.SENT).count()
    return report


def email_retry(*, sent: SentEmail, actor: Actor) -> Attempt:
    """Staff's "Try again" on a message the mail server refused: one attempt now, whatever the count."""
    if sent.request is None:
        raise CaseError("This message no longer belongs to a case: it cannot be sent again from here.")
    action_check(request=sent.request, action=Action.RESEND_EMAIL, actor=actor)
    if sent.status != Delivery.FAILED:
        return Attempt(sent.pk, "skipped")
    audit_record(
        actor=actor,
        action=AuditAction.EMAIL_RETRIED,
        obj=sent,
        details={"request": _reference(sent), "message_id": sent.message_id, "attempts": sent.attempts},
    )
    return email_deliver(sent_id=sent.pk)
