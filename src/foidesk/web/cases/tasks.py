"""Background work of the staff side: fetching requests from the authority's mailbox (IMAP), the
disclosure check of an answer from the records (its joint audit may outlast a web request), and the
release check of an uploaded document (a large file's may take minutes).

A message is marked seen only once its raw bytes are stored (web/cases/intake.py): if storing
fails, it stays unseen on the server and the next poll fetches it again, so nothing is lost. It is
fetched with ``BODY.PEEK[]``, which leaves the server's \\Seen flag alone until then.
"""

from __future__ import annotations

import imaplib
import logging
import re
from dataclasses import asdict, dataclass, field
from typing import Any

from django.conf import settings
from django.db import DatabaseError
from django_tasks import task

from foidesk.core.sdc.suppression import Method
from foidesk.web.cases.answers import answer_check
from foidesk.web.cases.documents import document_check_queued
from foidesk.web.cases.intake import inbound_email_receive
from foidesk.web.cases.models import InboundEmail
from foidesk.web.cases.outbox import email_deliver
from foidesk.web.cases.publishing import publication_files_index

logger = logging.getLogger(__name__)

_LITERAL_SIZE = re.compile(rb"\{(\d+)\}$")


class MailboxError(Exception):
    """The mailbox could not be reached, or refused to sign in or open the folder."""


@dataclass(slots=True)
class PollReport:
    """What one poll did; ``left_unseen`` messages will be fetched again next time."""

    configured: bool = True
    fetched: int = 0
    opened: int = 0
    failed: int = 0
    duplicates: int = 0
    left_unseen: int = 0
    messages: list[int] = field(default_factory=list)  # InboundEmail ids stored by this poll
    errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@task()
def mailbox_poll() -> dict[str, Any]:
    """The background task (django-tasks): one poll. Queue it with ``mailbox_poll.enqueue()``."""
    return mailbox_poll_now().as_dict()


def mailbox_poll_now() -> PollReport:
    """Fetch every unseen message, keep it and open a case from it; mark it seen once it is stored.

    Raise ``MailboxError`` if the mailbox cannot be reached or opened at all. A connection lost part
    way stops the poll: what was stored is kept and seen, the rest stays unseen for the next poll.
    """
    if not settings.FOIDESK_IMAP_HOST:
        return PollReport(configured=False)
    imap = _open_mailbox()
    report = PollReport()
    try:
        for number in _unseen(imap):
            _receive_one(imap, number, report)
    except (imaplib.IMAP4.error, OSError) as error:
        report.errors.append(f"The mailbox stopped answering: {error}")
    finally:
        _close(imap)
    return report


def _open_mailbox() -> imaplib.IMAP4:
    host: str = settings.FOIDESK_IMAP_HOST
    port: int = settings.FOIDESK_IMAP_PORT
    timeout: float = settings.FOIDESK_IMAP_TIMEOUT_SECONDS
    try:
        imap = (
            imaplib.IMAP4_SSL(host, port, timeout=timeout)
            if settings.FOIDESK_IMAP_SSL
            else imaplib.IMAP4(host, port, timeout=timeout)
        )
    except (imaplib.IMAP4.error, OSError) as error:
        raise MailboxError(f"Cannot reach the mailbox at {host}:{port}: {error}") from error
    try:
        imap.login(settings.FOIDESK_IMAP_USER, settings.FOIDESK_IMAP_PASSWORD)
        status, _ = imap.select(settings.FOIDESK_IMAP_FOLDER)
        if status != "OK":
            raise MailboxError(f"The mailbox has no folder {settings.FOIDESK_IMAP_FOLDER!r}.")
    except (imaplib.IMAP4.error, OSError) as error:
        _close(imap)
        raise MailboxError(f"The mailbox at {host}:{port} refused: {error}") from error
    return imap


def _unseen(imap: imaplib.IMAP4) -> list[bytes]:
    status, data = imap.search(None, "UNSEEN")
    if status != "OK" or not data or not isinstance(data[0], bytes):
        raise imaplib.IMAP4.error(f"SEARCH UNSEEN answered {status}")
    return data[0].split()


def _receive_one(imap: imaplib.IMAP4, number: bytes, report: PollReport) -> None:
    raw = _fetch(imap, number)
    report.fetched += 1
    try:
        inbound = inbound_email_receive(raw=raw, source=InboundEmail.Source.IMAP, actor=None)
    except (DatabaseError, OSError) as error:
        # Not stored: leave it unseen so that the next poll tries again.
        logger.error("Message %s not stored, left unseen: %s", number.decode(), error)
        report.left_unseen += 1
        report.errors.append(f"Message {number.decode()} was not stored ({error}); it is left unseen.")
        return
    report.messages.append(inbound.pk)
    if inbound.status == InboundEmail.ParseStatus.OPENED:
        report.opened += 1
    elif inbound.status == InboundEmail.ParseStatus.IGNORED:
        report.duplicates += 1
    else:
        report.failed += 1
    imap.store(number.decode(), "+FLAGS", "\\Seen")


def _fetch(imap: imaplib.IMAP4, number: bytes) -> bytes:
    status, data = imap.fetch(number.decode(), "(BODY.PEEK[])")
    for item in data:
        if isinstance(item, tuple) and _LITERAL_SIZE.search(item[0]):
            return item[1]
    raise imaplib.IMAP4.error(f"FETCH {number.decode()} answered {status} without the message")


def _close(imap: imaplib.IMAP4) -> None:
    try:
        imap.logout()
    except (imaplib.IMAP4.error, OSError) as error:
        logger.warning("Signing out of the mailbox failed: %s", error)


@task()
def answer_check_task(answer_id: int, method: str) -> dict[str, Any]:
    """The background task (django-tasks): the disclosure check of one answer (web/cases/answers.py).

    Queued by `answer_begin` in the transaction that stores the answer; ``manage.py db_worker`` runs
    it. The joint audit with the ledger may take up to ``FOIDESK_LEDGER_AUDIT_SECONDS``, too long for
    a web request. Returns the answer's status, or ``replaced`` when the officer asked again first.
    """
    answer = answer_check(answer_id=answer_id, method=Method(method))
    return {"answer": answer_id, "status": answer.status if answer is not None else "replaced"}


@task()
def document_check_task(document_id: int) -> dict[str, Any]:
    """The background task (django-tasks): the release check of one uploaded document.

    Queued by `document_store` (or "Check again") in the transaction that marks the document queued;
    ``manage.py db_worker`` runs it. Idempotent: a document that already has its verdict is left as
    it is. Returns the document's check status, or ``gone`` when it was deleted first.
    """
    document = document_check_queued(document_id=document_id)
    return {"document": document_id, "status": document.check_status if document is not None else "gone"}


@task()
def publication_files_index_task(publication_id: int) -> dict[str, Any]:
    """The background task (django-tasks): the words of a published entry's files, for search.

    Queued when the publishing transaction commits (web/cases/publishing.py); idempotent.
    """
    publication = publication_files_index(publication_id=publication_id)
    characters = len(publication.attachments_text) if publication is not None else 0
    return {"publication": publication_id, "characters": characters}


@task()
def email_deliver_task(sent_id: int) -> dict[str, Any]:
    """Send one message from the outbox (queued in the transaction of its change: web/cases/outbox.py).
    Idempotent: a message sent already, or being sent by another worker, is left alone."""
    attempt = email_deliver(sent_id=sent_id)
    return {"id": attempt.sent_id, "outcome": attempt.outcome, "error": attempt.error}
