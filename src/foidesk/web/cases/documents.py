"""Documents of a response and the release gate they must pass before they leave (core/release_check)."""

from __future__ import annotations

import mimetypes
import os
import tempfile

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
    """Store a document on a case and run the release gate on it (the letter as sent comes here too)."""
    if not content:
        raise CaseError("The file is empty.")
    if len(content) > MAX_DOCUMENT_BYTES:
        raise CaseError(TOO_LARGE)
    safe_name = os.path.basename(filename).replace("\x00", "")[:180] or "document"
    content_type = mimetypes.guess_type(safe_name)[0] or "application/octet-stream"
    with transaction.atomic():
        document = Document.objects.create(
            request=request,
            kind=kind,
            title=title.strip() or safe_name,
            file=stored_file(content, safe_name),
            filename=safe_name,
            content_type=content_type,
            size=len(content),
            sha256=sha256_of(content),
            uploaded_by=actor if isinstance(actor, User) else None,
        )
        audit_record(
            actor=actor,
            action=AuditAction.DOCUMENT_ATTACHED,
            obj=document,
            details={"request": request.reference, "sha256": document.sha256, "size": document.size},
        )
        document_check(document=document, actor=actor)
        return document


def release_limits() -> InspectionLimits:
    """The release gate's limits from the settings: the renderer's second opinion (FOIDESK_RENDER_*)."""
    return InspectionLimits(
        render=settings.FOIDESK_RENDER,
        render_required=settings.FOIDESK_RENDER_REQUIRED,
        render_max_bytes=settings.FOIDESK_RENDER_MAX_BYTES,
        render_timeout_seconds=settings.FOIDESK_RENDER_TIMEOUT_SECONDS,
        render_command=settings.FOIDESK_RENDER_COMMAND,
    )


def document_check(*, document: Document, actor: Actor) -> Document:
    """Run the release gate on the stored bytes; the findings and status are kept on the document."""

    with document.file.open("rb") as handle:
        content = handle.read()
    if sha256_of(content) != document.sha256:
        raise CaseError(f"{document.filename} has changed since it was attached; attach it again.")
    suffix = os.path.splitext(document.filename)[1]
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, f"document{suffix}")
        with open(path, "wb") as copy:
            copy.write(content)
        report = check_file(path, release_limits())
    findings = [finding.as_dict() for finding in report.findings]
    severities = {finding.severity for finding in report.findings}
    if Severity.BLOCK in severities:
        status = Document.CheckStatus.BLOCK
    elif severities:
        status = Document.CheckStatus.WARN
    else:
        status = Document.CheckStatus.CLEAN
    document.findings = findings
    document.check_status = status
    document.checked_at = timezone.now()
    if status != Document.CheckStatus.WARN:
        document.override_reason, document.override_by = "", None
    document.save(update_fields=["findings", "check_status", "checked_at", "override_reason", "override_by"])
    audit_record(
        actor=actor,
        action=AuditAction.DOCUMENT_CHECKED,
        obj=document,
        details={"status": status, "codes": [f["code"] for f in findings]},
    )
    return document


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
    with transaction.atomic():
        document_check(document=document, actor=actor)
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
