"""Intake by email: a message as it arrived (uploaded .eml or the mailbox) becomes a case, or says why not.

The raw bytes are kept first and whatever happens next: a message that cannot be read, or cannot be
opened as a case, is still there for an officer to read and download, with the reason. A request
made by email is "in writing" (s.8(2) FOIA) and is received when it arrives: the statutory clock
starts from that day (s.10(1)), whether or not anyone has read it yet.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from foidesk.core.email_intake import EmailLimits, IncomingEmail, MalformedEmail, parse_email
from foidesk.core.workflow import Refusal, RefusalKind, Role, Verdict
from foidesk.web.accounts.roles import roles_of
from foidesk.web.audit.actions import AuditAction
from foidesk.web.audit.actors import Actor, acting_user
from foidesk.web.audit.services import audit_record
from foidesk.web.cases import services
from foidesk.web.cases.models import Channel, InboundEmail, Request
from foidesk.web.cases.permissions import NotPermitted

UK = ZoneInfo("Europe/London")
# FOIA s.1 and the EIR came into force on 1 January 2005: a Date header before it is not a request's date.
FOIA_IN_FORCE = dt.date(2005, 1, 1)
INTAKE_ROLES = frozenset({Role.CASE_OFFICER, Role.DECISION_MAKER, Role.ADMINISTRATOR, Role.SYSTEM})
NOT_YET_READ = "Received and kept; not yet read."


def intake_check(actor: Actor) -> None:
    """Raise ``NotPermitted`` unless ``actor`` may receive email into cases: case work, or FOI Desk itself."""
    if roles_of(actor) & INTAKE_ROLES:
        return
    message = "Only a case officer, decision maker or administrator can receive requests by email."
    raise NotPermitted(Verdict(allowed=False, refusals=(Refusal(RefusalKind.ROLE, message),)))


def intake_allowed(actor: Actor) -> bool:
    return bool(roles_of(actor) & INTAKE_ROLES)


def email_limits() -> EmailLimits:
    return EmailLimits(
        max_message_bytes=settings.FOIDESK_MAX_EMAIL_BYTES,
        max_attachment_bytes=settings.FOIDESK_MAX_ATTACHMENT_BYTES,
        max_attachments=settings.FOIDESK_MAX_EMAIL_ATTACHMENTS,
    )


def inbound_email_receive(
    *, raw: bytes, source: InboundEmail.Source, actor: Actor, now: dt.datetime | None = None
) -> InboundEmail:
    """Keep a message as it arrived and open a case from it, unless it cannot be read or is a duplicate.

    The returned message says what happened: ``status`` OPENED (``request`` is the new case),
    FAILED (``error`` says why; the raw message is kept) or IGNORED (a duplicate of a message that
    already opened ``request``: no second case). ``actor`` None is the mailbox task.
    """
    intake_check(actor)
    now = now or timezone.now()
    inbound = _raw_keep(raw=raw, source=source, actor=actor, now=now)
    try:
        parsed = parse_email(raw, email_limits())
    except MalformedEmail as error:
        return _finish(inbound, InboundEmail.ParseStatus.FAILED, actor, error=str(error))
    _parsed_keep(inbound, parsed)
    original = _duplicate_of(inbound)
    if original is not None:
        return _finish(
            inbound,
            InboundEmail.ParseStatus.IGNORED,
            actor,
            error=_duplicate_note(inbound, original),
            request=original.request,
        )
    try:
        with transaction.atomic():
            case = services.request_open(
                text=parsed.body,
                requester_name=parsed.requester_name,
                requester_email=parsed.reply_address,
                received_on=received_on(parsed.date, now),
                channel=Channel.EMAIL,
                actor=actor,
            )
            return _finish(inbound, InboundEmail.ParseStatus.OPENED, actor, request=case)
    except services.CaseError as error:
        return _finish(inbound, InboundEmail.ParseStatus.FAILED, actor, error=f"No case was opened: {error}")


def received_on(sent: dt.datetime | None, now: dt.datetime) -> dt.date:
    """The day the request was received (s.10(1) FOIA), in the UK: the Date header if it can be believed.

    A Date header that is missing, in the future, or before FOIA came into force is not believed:
    the day it reached us is used instead.
    """
    today = now.astimezone(UK).date()
    if sent is None or sent > now:
        return today
    day = sent.astimezone(UK).date()
    return day if day >= FOIA_IN_FORCE else today


def _raw_keep(*, raw: bytes, source: InboundEmail.Source, actor: Actor, now: dt.datetime) -> InboundEmail:
    """Store the bytes as they arrived, in a transaction of their own: kept whatever happens next."""
    digest = hashlib.sha256(raw).hexdigest()
    with transaction.atomic():
        return InboundEmail.objects.create(
            source=source,
            raw=ContentFile(raw, name=f"{digest[:16]}.eml"),
            sha256=digest,
            size=len(raw),
            received_at=now,
            status=InboundEmail.ParseStatus.FAILED,
            error=NOT_YET_READ,
            uploaded_by=acting_user(actor),
        )


def _parsed_keep(inbound: InboundEmail, parsed: IncomingEmail) -> None:
    """Copy what was read onto the message, and store its attachments for download."""
    inbound.message_id = parsed.message_id
    inbound.from_name = parsed.from_name[:200]
    inbound.from_address = parsed.from_address[:254]
    inbound.subject = parsed.subject
    inbound.body = parsed.body
    inbound.headers = parsed.headers
    folder = f"inbound/{inbound.received_at:%Y/%m}/{inbound.pk}"
    inbound.attachments = [
        {
            "filename": attachment.filename,
            "content_type": attachment.content_type,
            "size": attachment.size,
            "sha256": attachment.sha256,
            "path": default_storage.save(
                f"{folder}/{attachment.filename}", ContentFile(attachment.content, name=attachment.filename)
            ),
        }
        for attachment in parsed.attachments
    ]
    inbound.save(
        update_fields=["message_id", "from_name", "from_address", "subject", "body", "headers", "attachments"]
    )


def _duplicate_of(inbound: InboundEmail) -> InboundEmail | None:
    """An earlier message with the same Message-ID or the same bytes that already opened a case."""
    same = Q(sha256=inbound.sha256)
    if inbound.message_id:
        same |= Q(message_id=inbound.message_id)
    return (
        InboundEmail.objects.filter(same, status=InboundEmail.ParseStatus.OPENED)
        .exclude(pk=inbound.pk)
        .select_related("request")
        .order_by("received_at", "id")
        .first()
    )


def _duplicate_note(inbound: InboundEmail, original: InboundEmail) -> str:
    same = "Message-ID" if inbound.message_id and original.message_id == inbound.message_id else "content"
    case = original.request.reference if original.request else "(since removed)"
    return (
        f"A duplicate (same {same}) of message {original.pk}, already case {case}: no second case was opened."
    )


def _finish(
    inbound: InboundEmail,
    status: InboundEmail.ParseStatus,
    actor: Actor,
    *,
    error: str = "",
    request: Request | None = None,
) -> InboundEmail:
    with transaction.atomic():
        inbound.status = status
        inbound.error = error
        inbound.request = request
        inbound.save(update_fields=["status", "error", "request"])
        details: dict[str, Any] = {
            "source": inbound.source,
            "sha256": inbound.sha256,
            "size": inbound.size,
            "message_id": inbound.message_id,
            "status": status.value,
            "request": request.reference if request else None,
            "attachments": len(inbound.attachments),
        }
        if error:
            details["error"] = error
        audit_record(actor=actor, action=AuditAction.EMAIL_RECEIVED, obj=inbound, details=details)
    return inbound
