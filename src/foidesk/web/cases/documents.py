"""Documents of a response and the release gate they must pass before they leave (core/release_check)."""

from __future__ import annotations

import hashlib
import mimetypes
import os
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import BinaryIO

from django.conf import settings
from django.contrib.auth.models import User
from django.core.files.base import ContentFile, File
from django.db import transaction
from django.utils import timezone

from foidesk.core.release_check import check_file
from foidesk.core.release_check.findings import InspectionLimits, Severity
from foidesk.core.release_check.fingerprint import gate_fingerprint
from foidesk.core.workflow import Action
from foidesk.web.audit.actions import AuditAction
from foidesk.web.audit.actors import Actor, acting_user
from foidesk.web.audit.services import audit_record
from foidesk.web.cases.models import Document, Request
from foidesk.web.cases.permissions import action_check
from foidesk.web.cases.services import CaseError

MAX_DOCUMENT_MB = 200  # the largest file a case takes, in the upload form and from the services
MAX_DOCUMENT_BYTES = MAX_DOCUMENT_MB * 1024 * 1024
TOO_LARGE = f"The file is larger than {MAX_DOCUMENT_MB} MB."
CHANGED = "{filename} has changed since it was attached; attach it again."
PENDING = "{filename} is still being checked; wait for the release check to finish."
CHECK_STOPPED = "The release check stopped before it finished ({error}). Check it again."


def document_attach(
    *,
    request: Request,
    title: str,
    filename: str,
    content: bytes | File[bytes],
    actor: Actor,
    kind: str = Document.Kind.ATTACHMENT,
    background: bool = False,
) -> Document:
    """An officer attaches a document to a response being drafted; the release gate runs at once, or,
    with ``background``, is queued for the worker (`document_check_task`)."""
    action_check(request=request, action=Action.ATTACH_DOCUMENT, actor=actor)
    return document_store(
        request=request,
        title=title,
        filename=filename,
        content=content,
        actor=actor,
        kind=kind,
        background=background,
    )


def document_store(
    *,
    request: Request,
    title: str,
    filename: str,
    content: bytes | File[bytes],
    actor: Actor,
    kind: str = Document.Kind.ATTACHMENT,
    background: bool = False,
) -> Document:
    """Store a document on a case with the release gate's verdict (the letter as sent comes here too).

    ``content``: bytes, or a file (an upload Django keeps in a temporary file): it is read in chunks,
    never whole, and a temporary upload is moved into storage rather than copied.

    The gate reads the file before anything is written: a large file's check may take minutes, and
    inside a write transaction it would hold SQLite's only write lock for all that time, so that every
    other write (a request from the public form) would fail. The document, its audit events and its
    verdict are then written together, in one short transaction. With ``background`` the document is
    stored as queued and its check queued for the worker in the same transaction, so that neither
    exists without the other; the request that uploads it does not wait for the check.
    """
    upload: File[bytes] = content if isinstance(content, File) else ContentFile(content)
    if not upload.size:
        raise CaseError("The file is empty.")
    if upload.size > MAX_DOCUMENT_BYTES:
        raise CaseError(TOO_LARGE)
    safe_name = os.path.basename(filename).replace("\x00", "")[:180] or "document"
    content_type = mimetypes.guess_type(safe_name)[0] or "application/octet-stream"
    verdict = None if background else gate_verdict(upload, safe_name)
    sha256 = verdict.sha256 if verdict is not None else _sha256_streamed(upload)
    upload.name = safe_name
    with transaction.atomic():
        document = Document.objects.create(
            request=request,
            kind=kind,
            title=title.strip() or safe_name,
            file=upload,
            filename=safe_name,
            content_type=content_type,
            size=upload.size,
            sha256=sha256,
            uploaded_by=acting_user(actor),
        )
        if verdict is None:
            _check_queue(document)
        audit_record(
            actor=actor,
            action=AuditAction.DOCUMENT_ATTACHED,
            obj=document,
            details={
                "request": request.reference,
                "sha256": document.sha256,
                "size": document.size,
                **({"task": document.task_id} if document.task_id else {}),
            },
        )
        if verdict is None:
            return document
        return _verdict_record(document, verdict, actor=actor)  # on the bytes just stored


def document_recheck(*, document: Document, actor: Actor, background: bool) -> Document:
    """Check a document again ("Check again"): at once, or queued for the worker with ``background``.

    Queueing again is also how a check whose worker died is retried: a verdict is recorded once.
    """
    if not background:
        return document_check(document=document, actor=actor)
    with transaction.atomic():
        _check_queue(document)
        audit_record(
            actor=actor,
            action=AuditAction.DOCUMENT_CHECKED,
            obj=document,
            details={"status": document.check_status, "task": document.task_id},
        )
    return document


def _check_queue(document: Document) -> None:
    """Mark the document queued and queue its check; call inside the transaction that stores it."""
    # The task module imports this one (through answers); importing it here keeps the dependency one way.
    from foidesk.web.cases.tasks import document_check_task

    document.check_status = Document.CheckStatus.QUEUED
    document.task_id = str(document_check_task.enqueue(document.pk).id)
    document.save(update_fields=["check_status", "task_id"])


def document_check_queued(*, document_id: int) -> Document | None:
    """The queued check of one document (run by `document_check_task`): record the gate's verdict once.

    The document is marked as being checked in a short transaction; the file is read outside any;
    the verdict is recorded only if the document is still being checked when it is reached, so that
    running the task twice, or a retry beside a late first run, records one verdict. A document that
    is gone, or already has its verdict, is returned as it is. A check that stops leaves the document
    not checked, with the reason, which blocks its release (fail closed).
    """
    with transaction.atomic():
        document = Document.objects.select_for_update().filter(pk=document_id).first()
        if document is None or not document.check_pending:
            return document
        document.check_status = Document.CheckStatus.CHECKING
        document.check_started_at = timezone.now()
        document.save(update_fields=["check_status", "check_started_at"])
    try:
        verdict = _stored_verdict(document)
    except CaseError as changed:
        return _check_stopped(document_id, str(changed))
    except Exception as error:
        _check_stopped(document_id, CHECK_STOPPED.format(error=error))
        raise  # the task fails too, with the error, for the operator
    with transaction.atomic():
        current = Document.objects.select_for_update().filter(pk=document_id).first()
        if current is None or current.check_status != Document.CheckStatus.CHECKING:
            return current
        return _verdict_record(current, verdict, actor=None)


def _check_stopped(document_id: int, message: str) -> Document | None:
    with transaction.atomic():
        document = Document.objects.select_for_update().filter(pk=document_id).first()
        if document is None or document.check_status != Document.CheckStatus.CHECKING:
            return document
        finding = {"code": "document.check_stopped", "severity": "block", "where": "", "message": message}
        return _verdict_record(
            document,
            GateVerdict(document.sha256, (finding,), Document.CheckStatus.UNCHECKED),
            actor=None,
        )


def release_limits() -> InspectionLimits:
    """The release gate's limits from the settings: the renderer's second opinion (FOIDESK_RENDER_*)."""
    return InspectionLimits(
        render=settings.FOIDESK_RENDER,
        render_required=settings.FOIDESK_RENDER_REQUIRED,
        render_max_bytes=settings.FOIDESK_RENDER_MAX_BYTES,
        render_timeout_seconds=settings.FOIDESK_RENDER_TIMEOUT_SECONDS,
        render_command=settings.FOIDESK_RENDER_COMMAND,
    )


@dataclass(frozen=True, slots=True)
class GateVerdict:
    """The release gate's findings on some bytes (identified by their SHA-256), before they are recorded."""

    sha256: str
    findings: tuple[dict[str, str], ...]
    status: str
    fingerprint: str = ""
    """What it was reached with (core/release_check/fingerprint.py); empty when it is not the gate's own."""
    recorded: bool = False
    """Read back from the document's record (``reusable_verdict``), not reached by the gate just now."""


def gate_verdict(source: File[bytes], filename: str) -> GateVerdict:
    """Run the release gate on the file ``source``; writes nothing, so call it outside any transaction.

    The file is copied in chunks into a private folder (the gate and its renderer work on a path there)
    and hashed on the way: the verdict is about exactly the bytes hashed.
    """
    suffix = os.path.splitext(filename)[1]
    limits = release_limits()
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, f"document{suffix}")
        with open(path, "wb") as copy:
            sha256 = _sha256_streamed(source, copy)
        report = check_file(path, limits)
    severities = {finding.severity for finding in report.findings}
    if Severity.BLOCK in severities:
        status = Document.CheckStatus.BLOCK
    elif severities:
        status = Document.CheckStatus.WARN
    else:
        status = Document.CheckStatus.CLEAN
    findings = tuple(finding.as_dict() for finding in report.findings)
    return GateVerdict(sha256, findings, status, gate_fingerprint(limits))


def _sha256_streamed(source: File[bytes], copy: BinaryIO | None = None) -> str:
    """The SHA-256 of ``source``, read in chunks (and written to ``copy`` on the way)."""
    digest = hashlib.sha256()
    for chunk in source.chunks():
        digest.update(chunk)
        if copy is not None:
            copy.write(chunk)
    return digest.hexdigest()


def documents_gated(documents: Iterable[Document]) -> dict[str, GateVerdict]:
    """The gate's verdict on each document's stored bytes, by SHA-256: run before a transaction that
    records them (approving, sending, publishing), so that no write lock is held while files are read.

    A document whose check is still queued or running is refused first (fail closed). The verdict
    recorded when it was checked is relied on if its stored bytes still hash to what was checked and
    the gate's rules, readers and limits are still those it was reached with (``reusable_verdict``):
    the file is not read here then, only hashed when ``document_check`` records the verdict, as every
    verdict handed to it is. Otherwise the gate runs afresh.
    """
    documents = list(documents)
    for document in documents:
        _refuse_pending(document)
    verdicts: dict[str, GateVerdict] = {}
    for document in documents:
        if document.sha256 not in verdicts:
            verdicts[document.sha256] = reusable_verdict(document) or _stored_verdict(document)
    return verdicts


def reusable_verdict(document: Document) -> GateVerdict | None:
    """The verdict recorded on the document, if it may still be relied on: reached by the gate (not a
    check that stopped) with the rules, readers and limits in force now. ``document_check`` hashes the
    stored bytes before it records it, so a file changed since is refused."""
    reached = {Document.CheckStatus.CLEAN, Document.CheckStatus.WARN, Document.CheckStatus.BLOCK}
    if document.check_status not in reached or not document.checked_with:
        return None
    if document.checked_with != gate_fingerprint(release_limits()):
        return None
    findings = tuple(dict(finding) for finding in document.findings)
    return GateVerdict(document.sha256, findings, document.check_status, document.checked_with, recorded=True)


def document_check(
    *, document: Document, actor: Actor, verdicts: Mapping[str, GateVerdict] | None = None
) -> Document:
    """Record the release gate's verdict on the stored bytes, with an audit event.

    ``verdicts``: verdicts already reached (``documents_gated``) by SHA-256; a document whose bytes are
    not among them is checked afresh, never passed unseen, and one whose stored bytes have changed
    since it was attached is refused.
    """
    verdict = (verdicts or {}).get(document.sha256)
    if verdict is None:
        verdict = _stored_verdict(document)
    else:
        _stored_unchanged(document)
    return _verdict_record(document, verdict, actor=actor)


def _verdict_record(document: Document, verdict: GateVerdict, *, actor: Actor) -> Document:
    relied_on = verdict.recorded
    document.findings = list(verdict.findings)
    document.check_status = verdict.status
    document.checked_with = verdict.fingerprint
    if not relied_on:
        document.checked_at = timezone.now()
    if verdict.status != Document.CheckStatus.WARN:
        document.override_reason, document.override_by = "", None
    with transaction.atomic():
        document.save(
            update_fields=[
                "findings",
                "check_status",
                "checked_at",
                "checked_with",
                "override_reason",
                "override_by",
            ]
        )
        details: dict[str, object] = {
            "status": verdict.status,
            "codes": [f["code"] for f in verdict.findings],
        }
        if relied_on:
            details["verdict"] = "recorded"  # the bytes hashed again; the gate's rules unchanged since
        audit_record(actor=actor, action=AuditAction.DOCUMENT_CHECKED, obj=document, details=details)
    return document


def _stored_verdict(document: Document) -> GateVerdict:
    """The gate's verdict on the document's stored bytes, read in chunks; refused if they are not the
    bytes that were attached."""
    with document.file.open("rb") as stored:
        verdict = gate_verdict(stored, document.filename)
    if verdict.sha256 != document.sha256:
        raise CaseError(CHANGED.format(filename=document.filename))
    return verdict


def _stored_unchanged(document: Document) -> None:
    with document.file.open("rb") as stored:
        if _sha256_streamed(stored) != document.sha256:
            raise CaseError(CHANGED.format(filename=document.filename))


def _refuse_pending(document: Document) -> None:
    if document.check_pending:
        raise CaseError(PENDING.format(filename=document.filename))


def document_override_warnings(*, document: Document, reason: str, actor: User) -> Document:
    """A decision maker accepts a document's warnings, with a reason; a block can never be overridden."""
    action_check(request=document.request, action=Action.APPROVE_DOCUMENT, actor=actor)
    if document.check_status == Document.CheckStatus.BLOCK:
        raise CaseError("A blocking finding cannot be overridden: replace the file with a clean copy.")
    if document.check_status != Document.CheckStatus.WARN:
        raise CaseError("This document has no warnings to accept.")
    if len(reason.strip()) < 10:
        raise CaseError("Give a reason for accepting the warnings.")
    with transaction.atomic():
        document.override_reason = reason.strip()
        document.override_by = actor
        document.save(update_fields=["override_reason", "override_by"])
        audit_record(
            actor=actor,
            action=AuditAction.DOCUMENT_WARNINGS_ACCEPTED,
            obj=document,
            details={"reason": reason.strip(), "codes": [f["code"] for f in document.findings]},
        )
    return document


def document_approve(*, document: Document, actor: User) -> Document:
    """The second pair of eyes: someone other than the uploader approves the file for release."""
    action_check(request=document.request, action=Action.APPROVE_DOCUMENT, actor=actor)
    if document.uploaded_by_id is not None and document.uploaded_by_id == actor.pk:
        raise CaseError("A document must be approved by someone other than the person who attached it.")
    verdicts = documents_gated([document])  # before the transaction: no write lock while the file is read
    # Recorded whether or not the approval follows: a verdict that refuses it is kept and shown.
    document_check(document=document, actor=actor, verdicts=verdicts)
    with transaction.atomic():
        release_blocker(document)
        document.approved_by = actor
        document.approved_at = timezone.now()
        document.save(update_fields=["approved_by", "approved_at"])
        audit_record(
            actor=actor,
            action=AuditAction.DOCUMENT_APPROVED,
            obj=document,
            details={"sha256": document.sha256},
        )
    return document


def release_blocker(document: Document) -> None:
    """Raise CaseError if the document may not leave as it is (the one gate for outgoing files)."""
    _refuse_pending(document)
    if document.check_status == Document.CheckStatus.BLOCK:
        codes = ", ".join(sorted({f["code"] for f in document.findings}))
        raise CaseError(f"{document.filename} did not pass the release check ({codes}).")
    if document.check_status == Document.CheckStatus.UNCHECKED:
        raise CaseError(f"{document.filename} has not been through the release check.")
    if document.check_status == Document.CheckStatus.WARN and not document.override_reason:
        codes = ", ".join(sorted({f["code"] for f in document.findings}))
        raise CaseError(f"{document.filename} has warnings that a decision maker has not accepted ({codes}).")
