"""Documents of a response and the release gate they must pass before they leave (core/release_check)."""

from __future__ import annotations

import mimetypes
import os
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from foidesk.core.release_check import check_file
from foidesk.core.release_check.findings import InspectionLimits, Severity
from foidesk.core.workflow import Action
from foidesk.web.audit.actions import AuditAction
from foidesk.web.audit.services import audit_record
from foidesk.web.cases.models import Document, Request
from foidesk.web.cases.permissions import action_check
from foidesk.web.cases.services import Actor, CaseError, sha256_of, stored_file

MAX_DOCUMENT_MB = 200  # the largest file a case takes, in the upload form and from the services
MAX_DOCUMENT_BYTES = MAX_DOCUMENT_MB * 1024 * 1024
TOO_LARGE = f"The file is larger than {MAX_DOCUMENT_MB} MB."


def document_attach(
    *,
    request: Request,
    title: str,
    filename: str,
    content: bytes,
    actor: Actor,
    kind: str = Document.Kind.ATTACHMENT,
) -> Document:
    """An officer attaches a document to a response being drafted; the release gate runs at once."""
    action_check(request=request, action=Action.ATTACH_DOCUMENT, actor=actor)
    return document_store(
        request=request, title=title, filename=filename, content=content, actor=actor, kind=kind
    )


def document_store(
    *,
    request: Request,
    title: str,
    filename: str,
    content: bytes,
    actor: Actor,
    kind: str = Document.Kind.ATTACHMENT,
) -> Document:
    """Store a document on a case with the release gate's verdict (the letter as sent comes here too).

    The gate reads the bytes before anything is written: a large file's check may take a minute, and
    inside a write transaction it would hold SQLite's only write lock for all that time, so that every
    other write (a request from the public form) would fail. The document, its audit events and its
    verdict are then written together, in one short transaction.
    """
    if not content:
        raise CaseError("The file is empty.")
    if len(content) > MAX_DOCUMENT_BYTES:
        raise CaseError(TOO_LARGE)
    safe_name = os.path.basename(filename).replace("\x00", "")[:180] or "document"
    content_type = mimetypes.guess_type(safe_name)[0] or "application/octet-stream"
    verdict = gate_verdict(content, safe_name)
    with transaction.atomic():
        document = Document.objects.create(
            request=request,
            kind=kind,
            title=title.strip() or safe_name,
            file=stored_file(content, safe_name),
            filename=safe_name,
            content_type=content_type,
            size=len(content),
            sha256=verdict.sha256,
            uploaded_by=actor if isinstance(actor, User) else None,
        )
        audit_record(
            actor=actor,
            action=AuditAction.DOCUMENT_ATTACHED,
            obj=document,
            details={"request": request.reference, "sha256": document.sha256, "size": document.size},
        )
        return document_check(document=document, actor=actor, verdicts={verdict.sha256: verdict})


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


def gate_verdict(content: bytes, filename: str) -> GateVerdict:
    """Run the release gate on ``content``; writes nothing, so call it outside any transaction."""
    suffix = os.path.splitext(filename)[1]
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, f"document{suffix}")
        with open(path, "wb") as copy:
            copy.write(content)
        report = check_file(path, release_limits())
    severities = {finding.severity for finding in report.findings}
    if Severity.BLOCK in severities:
        status = Document.CheckStatus.BLOCK
    elif severities:
        status = Document.CheckStatus.WARN
    else:
        status = Document.CheckStatus.CLEAN
    findings = tuple(finding.as_dict() for finding in report.findings)
    return GateVerdict(sha256_of(content), findings, status)


def documents_gated(documents: Iterable[Document]) -> dict[str, GateVerdict]:
    """The gate's verdict on each document's stored bytes, by SHA-256: run before a transaction that
    records them (sending, publishing), so that no write lock is held while files are read."""
    verdicts: dict[str, GateVerdict] = {}
    for document in documents:
        if document.sha256 not in verdicts:
            verdicts[document.sha256] = gate_verdict(_stored_bytes(document), document.filename)
    return verdicts


def document_check(
    *, document: Document, actor: Actor, verdicts: Mapping[str, GateVerdict] | None = None
) -> Document:
    """Record the release gate's verdict on the stored bytes, with an audit event.

    ``verdicts``: verdicts already reached (``documents_gated``) by SHA-256; a document whose bytes are
    not among them (or have changed since it was attached) is checked afresh, never passed unseen.
    """
    content = _stored_bytes(document)
    verdict = (verdicts or {}).get(document.sha256)
    if verdict is None:
        verdict = gate_verdict(content, document.filename)
    document.findings = list(verdict.findings)
    document.check_status = verdict.status
    document.checked_at = timezone.now()
    if verdict.status != Document.CheckStatus.WARN:
        document.override_reason, document.override_by = "", None
    with transaction.atomic():
        document.save(
            update_fields=["findings", "check_status", "checked_at", "override_reason", "override_by"]
        )
        audit_record(
            actor=actor,
            action=AuditAction.DOCUMENT_CHECKED,
            obj=document,
            details={"status": verdict.status, "codes": [f["code"] for f in verdict.findings]},
        )
    return document


def _stored_bytes(document: Document) -> bytes:
    """The document's bytes as stored; refused if they are not the bytes that were attached."""
    with document.file.open("rb") as handle:
        content: bytes = handle.read()
    if sha256_of(content) != document.sha256:
        raise CaseError(f"{document.filename} has changed since it was attached; attach it again.")
    return content


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
    with transaction.atomic():
        document_check(document=document, actor=actor, verdicts=verdicts)
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
    if document.check_status == Document.CheckStatus.BLOCK:
        codes = ", ".join(sorted({f["code"] for f in document.findings}))
        raise CaseError(f"{document.filename} did not pass the release check ({codes}).")
    if document.check_status == Document.CheckStatus.UNCHECKED:
        raise CaseError(f"{document.filename} has not been through the release check.")
    if document.check_status == Document.CheckStatus.WARN and not document.override_reason:
        codes = ", ".join(sorted({f["code"] for f in document.findings}))
        raise CaseError(f"{document.filename} has warnings that a decision maker has not accepted ({codes}).")
