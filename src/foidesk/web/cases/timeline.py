"""A case's history in words, newest first, read from the audit trail.

The trail records each event against the object it changed (the request, a part, a document, a
publication...). The timeline gathers the events of the request and of everything that belongs to it,
by (object_type, object_id), so the lookup uses the trail's ``audit_object_idx`` index instead of
reading every event's details.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import Q

from foidesk.core.outcome import Outcome
from foidesk.core.workflow import Event
from foidesk.web.audit.actions import AuditAction, workflow_action
from foidesk.web.audit.models import AuditEvent
from foidesk.web.cases.models import (
    Answer,
    Appeal,
    Decision,
    Document,
    InboundEmail,
    Part,
    Request,
    Review,
    SentEmail,
)

SYSTEM_ACTOR = "system"


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One thing that happened to a case: when, who, and what in words (``action`` keeps the code)."""

    at: dt.datetime
    who: str
    what: str
    action: str


Details = Mapping[str, Any]  # JSON from the audit trail: values are whatever the service recorded


def _outcome(value: object) -> str:
    try:
        return Outcome(str(value)).label.lower()
    except ValueError:
        return str(value)


def _opened(d: Details) -> str:
    channel = {"web": "web form", "email": "email", "post": "post", "api": "the API"}.get(
        str(d.get("channel", "")), str(d.get("channel", "")) or "an unknown channel"
    )
    received = _uk_date(d.get("received_on"))
    return f"Request opened (received by {channel}{f' on {received}' if received else ''})"


def _assigned(d: Details) -> str:
    officer = d.get("officer")
    return f"Assigned to {officer}" if officer else "Unassigned"


def _decision(d: Details) -> str:
    exemptions = d.get("exemptions") or []
    relied = f", relying on {', '.join(str(e) for e in exemptions)}" if exemptions else ""
    return f"Decision recorded: {_outcome(d.get('outcome', ''))}{relied}"


def _clock(d: Details) -> str:
    kind = str(d.get("kind", "")).replace("_", " ")
    due = _uk_date(d.get("due_on"))
    return f"Clock event recorded: {kind}{f'; now due {due}' if due else ''}"


def _parts(d: Details) -> str:
    parts = d.get("parts") or []
    return f"Parts set: {', '.join(str(p) for p in parts)}" if parts else "Parts set"


def _checked(d: Details) -> str:
    status = d.get("status")
    return (
        f"Document checked by the release gate: {status}"
        if status
        else "Document checked by the release gate"
    )


def _fixed(text: str) -> Callable[[Details], str]:
    return lambda _details: text


SENTENCES: Mapping[str, Callable[[Details], str]] = {
    AuditAction.REQUEST_OPENED: _opened,
    AuditAction.REQUEST_IMPORTED: _fixed("Answered request brought in from the previous system"),
    AuditAction.REQUEST_PARTS_SET: _parts,
    AuditAction.REQUEST_ASSIGNED: _assigned,
    AuditAction.REQUEST_PUBLIC_TEXT_REVIEWED: _fixed("Request text reviewed for publication"),
    AuditAction.REQUEST_LINK_CONFIRMED: _fixed("Related request confirmed"),
    AuditAction.REQUEST_ERASED: _fixed("Requester's personal data erased"),
    AuditAction.CLOCK_EVENT: _clock,
    AuditAction.DECISION_RECORDED: _decision,
    AuditAction.ANSWER_CREATED: _fixed("Part answered from the records (table protected)"),
    AuditAction.ANSWER_CHECKED: _fixed("Disclosure check of a table finished"),
    AuditAction.RECORD_LIST_PRODUCED: _fixed(
        "Record list produced (k-anonymous, checked by the release gate)"
    ),
    AuditAction.DOCUMENT_ATTACHED: _fixed("Document attached"),
    AuditAction.DOCUMENT_CHECKED: _checked,
    AuditAction.DOCUMENT_WARNINGS_ACCEPTED: _fixed("Release-gate warnings on a document accepted"),
    AuditAction.DOCUMENT_APPROVED: _fixed("Document approved for release"),
    AuditAction.EMAIL_RECEIVED: _fixed("Email received"),
    AuditAction.EMAIL_QUEUED: _fixed("Email written, to be sent"),
    AuditAction.EMAIL_SENT: _fixed("Email sent"),
    AuditAction.EMAIL_FAILED: _fixed("Email not sent yet: the mail server refused it or was not reached"),
    AuditAction.EMAIL_RETRIED: _fixed("Email sent again at staff's request"),
    AuditAction.LETTER_PASSAGE_CHANGED: _fixed("Wording of a letter passage changed"),
    AuditAction.RESPONSE_PUBLISHED: _fixed("Response published in the disclosure log"),
    AuditAction.RESPONSE_WITHDRAWN: _fixed("Response withdrawn from the disclosure log"),
    AuditAction.PUBLICATION_FILES_INDEXED: _fixed("Published files' words added to the log's search"),
    AuditAction.TASK_REQUEUED: _fixed("Background task queued again after its worker stopped"),
    AuditAction.REVIEW_OPENED: _fixed("Internal review opened"),
    AuditAction.REVIEW_DECIDED: _fixed("Internal review decided"),
    AuditAction.APPEAL_RECORDED: _fixed("Complaint or appeal recorded"),
    AuditAction.APPEAL_UPDATED: _fixed("Complaint or appeal updated"),
    AuditAction.SIGN_IN: _fixed("Signed in"),
    AuditAction.SIGN_IN_FAILED: _fixed("Sign-in failed"),
    AuditAction.SIGN_OUT: _fixed("Signed out"),
    AuditAction.ACCOUNT_LOCKED: _fixed("Account locked"),
    AuditAction.PASSWORD_CHANGED: _fixed("Password changed"),
    AuditAction.TWO_FACTOR_ENROLLED: _fixed("Two-factor authentication set up"),
    AuditAction.TWO_FACTOR_RESET: _fixed("Two-factor sign-in reset by an administrator"),
    AuditAction.RECOVERY_CODES_ISSUED: _fixed("Recovery codes issued"),
    AuditAction.USER_CHANGED: _fixed("User account changed"),
    AuditAction.API_TOKEN_ISSUED: _fixed("API token issued"),
    AuditAction.API_TOKEN_REVOKED: _fixed("API token revoked"),
    AuditAction.REGISTER_IMPORTED: _fixed("Records imported"),
}

# Workflow events (``case.<event>``), in the past tense.
EVENT_SENTENCES: Mapping[Event, str] = {
    Event.ACKNOWLEDGE: "Receipt acknowledged",
    Event.START: "Work started",
    Event.SEEK_CLARIFICATION: "Requester asked to clarify",
    Event.RECEIVE_CLARIFICATION: "Clarification received",
    Event.ISSUE_FEE_NOTICE: "Fees notice issued",
    Event.RECORD_FEE_PAID: "Fee paid",
    Event.LAPSE: "Closed as lapsed",
    Event.SUBMIT_FOR_APPROVAL: "Submitted for approval",
    Event.RETURN_FOR_CHANGES: "Returned for changes",
    Event.APPROVE: "Response approved",
    Event.SEND: "Response sent to the requester",
    Event.PUBLISH: "Published to the disclosure log",
    Event.DECLINE_PUBLICATION: "Not to be published",
    Event.WITHDRAW_PUBLICATION: "Withdrawn from the disclosure log",
    Event.REPUBLISH: "Published again",
    Event.WITHDRAW: "Withdrawn by the requester",
    Event.CLOSE: "Case closed",
}


def describe(action: str, details: Details) -> str:
    """The event in words; an action with no sentence yet shows its code rather than nothing."""
    sentence = SENTENCES.get(action)
    if sentence is not None:
        return sentence(details)
    for event, text in EVENT_SENTENCES.items():
        if workflow_action(event) == action:
            reason = str(details.get("reason", "")).strip()
            return f"{text}: {reason}" if reason else text
    return action


def _uk_date(value: object) -> str:
    try:
        day = dt.date.fromisoformat(str(value))
    except ValueError:
        return ""
    return f"{day.day} {day:%B %Y}"


def _objects_of(request: Request) -> Q:
    """The (object_type, object_id) pairs of the request and everything of it the trail may name."""
    part_ids = list(Part.objects.filter(request=request).values_list("pk", flat=True))
    owned: list[tuple[str, list[object]]] = [
        (Request._meta.label, [request.pk]),
        (Part._meta.label, list(part_ids)),
        (
            Decision._meta.label,
            list(Decision.objects.filter(part_id__in=part_ids).values_list("pk", flat=True)),
        ),
        (Answer._meta.label, list(Answer.objects.filter(part_id__in=part_ids).values_list("pk", flat=True))),
        (Document._meta.label, list(Document.objects.filter(request=request).values_list("pk", flat=True))),
        (Review._meta.label, list(Review.objects.filter(request=request).values_list("pk", flat=True))),
        (Appeal._meta.label, list(Appeal.objects.filter(request=request).values_list("pk", flat=True))),
        (SentEmail._meta.label, list(SentEmail.objects.filter(request=request).values_list("pk", flat=True))),
        (
            InboundEmail._meta.label,
            list(InboundEmail.objects.filter(request=request).values_list("pk", flat=True)),
        ),
    ]
    if request.publication_id is not None:
        owned.append(("publication.Publication", [request.publication_id]))
    query = Q(pk__in=[])
    for object_type, ids in owned:
        if ids:
            query |= Q(object_type=object_type, object_id__in=[str(i) for i in ids])
    return query


def case_timeline(request: Request) -> list[TimelineEntry]:
    """Everything the audit trail holds about ``request``, newest first, in words."""
    events = AuditEvent.objects.filter(_objects_of(request)).select_related("actor").order_by("-at", "-id")
    return [
        TimelineEntry(
            at=event.at, who=_who(event), what=describe(event.action, event.details), action=event.action
        )
        for event in events
    ]


def _who(event: AuditEvent) -> str:
    if event.actor is not None:
        return event.actor.get_full_name() or event.actor_label
    return "FOI Desk" if event.actor_label == SYSTEM_ACTOR else event.actor_label
