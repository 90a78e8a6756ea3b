"""Email to requesters: acknowledgements, letters and responses, through Django's email framework.

Every message is recorded as a `SentEmail` (what, to whom, which files with their checksums, the
whole message under its own Message-ID) in the transaction of the change it belongs to, and handed to
the mail server only after that commits (web/cases/outbox.py): a change undone sends nothing, and a
message the server refused is kept and sent again. Production sends by SMTP (settings ``EMAIL_*``);
the embedded mode writes each message to ``var/mail/`` instead, and the staff page "Sent mail" lists
them with where each one is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from email.utils import formatdate

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string

from foidesk.core import clock
from foidesk.core.regime import Regime
from foidesk.web.audit.actions import AuditAction
from foidesk.web.audit.actors import Actor, acting_user
from foidesk.web.audit.services import audit_record
from foidesk.web.cases import outbox
from foidesk.web.cases.models import Delivery, Request, SentEmail
from foidesk.web.cases.services import sha256_of


@dataclass(frozen=True, slots=True)
class MailAttachment:
    filename: str
    content: bytes
    content_type: str


def _common(case: Request) -> dict[str, object]:
    return {
        "case": case,
        "name": case.requester_name,
        "authority": settings.FOIDESK_AUTHORITY_NAME,
    }


def email_send(
    *,
    case: Request,
    kind: SentEmail.Kind,
    subject: str,
    body: str,
    actor: Actor,
    attachments: Sequence[MailAttachment] = (),
) -> SentEmail:
    """Record one message to the requester in the outbox; it is sent once the caller's change commits.

    Call inside the transaction of the change it belongs to. The message is built whole now, with its
    Message-ID and date, so that every attempt to send it sends the same message.
    """
    to = case.requester_email.strip()
    message = EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        reply_to=[settings.FOIDESK_REPLY_TO_EMAIL] if settings.FOIDESK_REPLY_TO_EMAIL else None,
        headers={
            "X-FOI-Reference": case.reference,
            "Message-ID": outbox.message_id_new(),
            "Date": formatdate(localtime=settings.EMAIL_USE_LOCALTIME),
        },
    )
    for attachment in attachments:
        message.attach(attachment.filename, attachment.content, attachment.content_type)
    sent = SentEmail.objects.create(
        request=case,
        kind=kind,
        to=to,
        subject=subject,
        body=body,
        attachments=[
            {"filename": a.filename, "size": len(a.content), "sha256": sha256_of(a.content)}
            for a in attachments
        ],
        sent_by=acting_user(actor),
        status=Delivery.QUEUED,
        message_id=message.extra_headers["Message-ID"],
        message=message.message().as_bytes(),
    )
    audit_record(
        actor=actor,
        action=AuditAction.EMAIL_QUEUED,
        obj=sent,
        details={
            "request": case.reference,
            "kind": kind.value,
            "message_id": sent.message_id,
            "attachments": [a["sha256"] for a in sent.attachments],
        },
    )
    outbox.deliver_after_commit(sent.pk)
    return sent


def _letter_send(
    *, case: Request, kind: SentEmail.Kind, subject: str, template: str, actor: Actor, **context: object
) -> SentEmail:
    body = render_to_string(f"email/{template}.txt", {**_common(case), **context})
    return email_send(case=case, kind=kind, subject=subject, body=body, actor=actor)


def acknowledgement_send(*, case: Request, actor: Actor) -> SentEmail:
    return _letter_send(
        case=case,
        kind=SentEmail.Kind.ACKNOWLEDGEMENT,
        subject=f"Your request for information: {case.reference}",
        template="acknowledgement",
        actor=actor,
        due=case.extended_due_on or case.due_on,
        law=clock.response_provision(Regime(case.regime)),
    )


def clarification_send(*, case: Request, message: str, lapses_on: dt.date, actor: Actor) -> SentEmail:
    return _letter_send(
        case=case,
        kind=SentEmail.Kind.CLARIFICATION,
        subject=f"Please clarify your request {case.reference}",
        template="clarification",
        actor=actor,
        message=message.strip(),
        lapses_on=lapses_on,
        law=clock.clarification_provision(Regime(case.regime)),
    )


def fee_notice_send(
    *, case: Request, amount: str, message: str, last_day: dt.date, actor: Actor
) -> SentEmail:
    return _letter_send(
        case=case,
        kind=SentEmail.Kind.FEE_NOTICE,
        subject=f"Fees notice for your request {case.reference}",
        template="fee_notice",
        actor=actor,
        amount=amount,
        message=message.strip(),
        last_day=last_day,
        law=clock.fee_provision(Regime(case.regime)),
    )


def response_send(
    *, case: Request, letter: MailAttachment, attachments: Sequence[MailAttachment], actor: Actor
) -> SentEmail:
    body = render_to_string(
        "email/response.txt", {**_common(case), "attachments": [a.filename for a in attachments]}
    )
    return email_send(
        case=case,
        kind=SentEmail.Kind.RESPONSE,
        subject=f"Response to your request for information: {case.reference}",
        body=body,
        actor=actor,
        attachments=[letter, *attachments],
    )
