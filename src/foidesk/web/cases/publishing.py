"""Publishing a response to the disclosure log: a snapshot, taken only when every file passes the gate.

A step of the case's workflow (``cases.workflow``), so it lives with the cases: the publication app is
the disclosure log itself (the snapshot's model, its search and the public pages) and imports nothing
of the cases, so the two apps do not import each other.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.db.models import FileField

from foidesk.core.document_text import MAX_SEARCH_CHARACTERS, document_words
from foidesk.core.outcome import Outcome
from foidesk.core.release_check.findings import CannotInspect
from foidesk.datasets.disclosure_log import reference_slug
from foidesk.web.audit.actions import AuditAction
from foidesk.web.audit.actors import Actor
from foidesk.web.audit.services import audit_record
from foidesk.web.cases.answers import answers_release
from foidesk.web.cases.documents import GateVerdict, document_check, release_blocker
from foidesk.web.cases.models import Document, Part, Request
from foidesk.web.cases.services import CaseError, request_redacted
from foidesk.web.publication.models import Publication, PublishedAttachment
from foidesk.web.publication.selectors import related_references

logger = logging.getLogger(__name__)


def response_publish(
    *,
    request: Request,
    title: str,
    summary: str,
    response_text: str,
    published_on: dt.date,
    actor: Actor,
    require_approval: bool = True,
    verdicts: Mapping[str, GateVerdict] | None = None,
) -> Publication:
    """Publish a decided response: every part decided, every document clean (checked again now), approved.

    Internal: fired by the workflow's publish event (web/cases/workflow.py), which checks the actor and
    the state. The request text published is the one the publisher reviewed (``Request.public_text``),
    never the text as received. ``verdicts``: the gate's verdicts on the files, reached before the
    transaction (``documents_gated``); a file not among them is checked here.
    """
    if not request.public_text.strip() or request.public_text_reviewed_by_id is None:
        raise CaseError("Review the request text as it will be published before publishing.")
    parts = list(request.parts.select_related("decision").prefetch_related("decision__exemptions"))
    undecided = [
        p.label for p in parts if not hasattr(p, "decision") or p.decision.outcome == Outcome.UNDECIDED
    ]
    if undecided:
        raise CaseError(f"Decide every part before publishing: {', '.join(undecided)}.")
    documents = list(request.documents.filter(kind=Document.Kind.ATTACHMENT))
    with transaction.atomic():
        for document in documents:
            document_check(document=document, actor=actor, verdicts=verdicts)
            release_blocker(document)
            if require_approval and document.approved_by_id is None:
                raise CaseError(f"{document.filename} has not been approved for release by a second person.")
        answers_release(
            answers=[a for part in parts for a in part.answers.all()],
            reference=request.reference,
            released_on=published_on,
        )
        snapshot = [_part_snapshot(part, request) for part in parts]
        _refuse_requester_details(
            request,
            {
                "title": title,
                "summary": summary,
                "response text": response_text,
                "request text": request.public_text,
                **{str(p["label"]): str(p["text"]) + " " + str(p["answer"]) for p in snapshot},
            },
        )
        publication, _ = Publication.objects.update_or_create(
            reference=request.reference,
            defaults={
                "slug": reference_slug(request.reference),
                "title": title.strip(),
                "summary": summary.strip(),
                "regime": request.regime,
                "request_text": request.public_text.strip(),
                "response_text": response_text.strip(),
                "parts": snapshot,
                "topics": sorted({t for part in parts for t in part.topics}),
                "outcomes": sorted({part.decision.outcome for part in parts}),
                "exemptions": sorted({e.code for part in parts for e in part.decision.exemptions.all()}),
                "received_on": request.received_on,
                "responded_on": request.responded_on,
                "published_on": published_on,
                "is_published": True,
                "is_synthetic": request.is_synthetic,
                "attachments_text": "",  # the files' words are read again once this commits
            },
        )
        publication.related = related_references(publication)
        publication.save(update_fields=["related"])
        publication.points_to.set(
            [p.decision.s21_publication_id for p in parts if p.decision.s21_publication_id]
        )
        _attachments_remove(publication)
        for position, document in enumerate(documents):
            with document.file.open("rb") as handle:  # copied in chunks, never whole in memory
                PublishedAttachment.objects.create(
                    publication=publication,
                    title=document.title,
                    filename=document.filename,
                    file=File(handle, name=document.filename),
                    content_type=document.content_type,
                    size=document.size,
                    sha256=document.sha256,
                    position=position,
                )
        request.publication = publication
        request.save(update_fields=["publication", "updated_at"])
        audit_record(
            actor=actor,
            action=AuditAction.RESPONSE_PUBLISHED,
            obj=publication,
            details={"request": request.reference, "attachments": [d.sha256 for d in documents]},
        )
        if documents:
            transaction.on_commit(lambda: _files_index_later(publication.pk))
    return publication


def _files_index_later(publication_id: int) -> None:
    """Read the published files' words after the publishing transaction commits: by the task worker
    where one runs (``FOIDESK_TASK_WORKER``), else at once."""
    if settings.FOIDESK_RUN_TASKS_INLINE:
        publication_files_index(publication_id=publication_id)
        return
    from foidesk.web.cases.tasks import publication_files_index_task

    publication_files_index_task.enqueue(publication_id)


def publication_files_index(*, publication_id: int) -> Publication | None:
    """Put the words of a published entry's files into its search text (``attachments_text``).

    Idempotent: it reads the files as they are now, so running it again (a retried task, a second
    publication) gives the same text. Nothing is done for an entry withdrawn meanwhile. A file whose
    words cannot be read is logged and left out: the entry stays findable by its own text.
    """
    publication = Publication.objects.filter(pk=publication_id, is_published=True).first()
    if publication is None:
        return None
    texts = [_file_words(attachment) for attachment in publication.attachments.order_by("position")]
    text = "\n".join(t for t in texts if t)[:MAX_SEARCH_CHARACTERS]
    with transaction.atomic():
        still_published = Publication.objects.filter(pk=publication_id, is_published=True)
        changed = still_published.update(attachments_text=text)
        if changed:
            audit_record(
                actor=None,
                actor_label="search index",
                action=AuditAction.PUBLICATION_FILES_INDEXED,
                obj=publication,
                details={"files": len(texts), "characters": len(text)},
            )
    publication.attachments_text = text
    return publication


def _file_words(attachment: PublishedAttachment) -> str:
    """The words of one published file, read from a local copy (storage may be remote)."""
    try:
        suffix = Path(attachment.filename).suffix
        with attachment.file.open("rb") as source, tempfile.NamedTemporaryFile(suffix=suffix) as copy:
            shutil.copyfileobj(source, copy)
            copy.flush()
            return document_words(copy.name)
    except (CannotInspect, OSError) as error:
        logger.warning("The words of published file %s could not be read: %s", attachment.pk, error)
        return ""


def publication_withdraw(*, publication: Publication, reason: str, actor: Actor) -> None:
    if not reason.strip():
        raise CaseError("Say why the entry is withdrawn.")
    with transaction.atomic():
        publication.is_published = False
        publication.withdrawn_reason = reason.strip()
        publication.attachments_text = ""  # its files are removed below, and their words with them
        publication.save(update_fields=["is_published", "withdrawn_reason", "attachments_text", "updated_at"])
        removed = _attachments_remove(publication)
        audit_record(
            actor=actor,
            action=AuditAction.RESPONSE_WITHDRAWN,
            obj=publication,
            details={"reason": reason, "files_removed": removed},
        )


def _attachments_remove(publication: Publication) -> list[str]:
    """Delete the entry's published copies: the rows now, the files once the transaction commits (a
    rollback keeps both). The case keeps its own documents, so publishing again copies them afresh;
    a withdrawn entry leaves no public copy behind."""
    names = [a.file.name for a in publication.attachments.all() if a.file.name]
    publication.attachments.all().delete()
    field = PublishedAttachment._meta.get_field("file")
    assert isinstance(field, FileField)
    storage = field.storage

    def delete_files() -> None:
        for name in names:
            storage.delete(name)

    transaction.on_commit(delete_files)
    return names


def _requester_details(request: Request) -> tuple[list[str], list[str]]:
    names = [request.requester_name] if request.requester_name.strip() else []
    contacts = [c for c in (request.requester_email, request.requester_address) if c.strip()]
    return names, contacts


def _refuse_requester_details(request: Request, fields: dict[str, str]) -> None:
    """Fail closed: no published field may carry the requester's name or contact details.

    Each field is read by the same recogniser that proposed the public text: a removal it would make
    that holds the requester's full name, a word of it, or one of their contacts is a leak.
    """
    names, contacts = _requester_details(request)
    words = {w.lower() for name in names for w in re.findall(r"[^\W\d_][\w'’-]{2,}", name)}
    needles = {c.strip().lower() for c in contacts} | {n.strip().lower() for n in names}
    leaking = []
    for field, value in fields.items():
        for removal in request_redacted(request, value).removals:
            removed = value.replace("\r\n", "\n")[removal.start : removal.end].lower()
            removed_words = set(re.findall(r"[^\W\d_][\w'’-]{2,}", removed))
            if removed_words & words or any(n and n in removed for n in needles):
                leaking.append(field)
                break
    if leaking:
        raise CaseError(
            "The requester's name or contact details would be published in: "
            + ", ".join(leaking)
            + ". Remove them and publish again."
        )


def _part_snapshot(part: Part, request: Request) -> dict[str, object]:
    """One part as published: its text with the requester's and others' personal data removed."""
    decision = part.decision
    text = request_redacted(request, part.text).text
    return {
        "label": part.label,
        "request": part.request_number,
        "question": part.question_number,
        "text": text,
        "outcome": decision.outcome,
        "answer": decision.answer,
        "exemptions": [e.code for e in decision.exemptions.all()],
        "s21_title": decision.s21_title,
        "s21_url": decision.s21_url,
    }
