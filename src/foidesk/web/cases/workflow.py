"""The one service that moves a case: `case_transition` fires a workflow event (core/workflow.py).

It locks the case, refuses a stale form (the case's version), gathers the facts the event's guards
read, asks the table whether the actor may fire the event, does the event's work (the clock, letters,
email, the disclosure log) and records the new state with an audit event, all in one transaction.
Nothing else sets ``Request.status``.
"""

from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from foidesk.core import clock
from foidesk.core import workflow as wf
from foidesk.core.notice import Severity
from foidesk.core.outcome import Outcome
from foidesk.core.regime import Regime
from foidesk.core.workflow import CaseFacts, Event, State
from foidesk.datasets.disclosure_log import reference_slug
from foidesk.web.accounts.roles import roles_of
from foidesk.web.audit.actions import AuditAction, workflow_action
from foidesk.web.audit.actors import Actor, acting_user
from foidesk.web.audit.services import audit_record
from foidesk.web.cases import mail
from foidesk.web.cases.answers import answers_release
from foidesk.web.cases.documents import (
    GateVerdict,
    document_check,
    document_store,
    documents_gated,
    release_blocker,
)
from foidesk.web.cases.errors import CaseError
from foidesk.web.cases.ledger import stated_count_findings
from foidesk.web.cases.letters import letter_for_case, letter_problems
from foidesk.web.cases.models import Answer, ClockEvent, Document, Request
from foidesk.web.cases.permissions import Refused, raise_refusal
from foidesk.web.cases.publishing import publication_withdraw, response_publish
from foidesk.web.cases.services import case_locked, clock_event_record, request_deadlines


@dataclass(frozen=True, slots=True)
class PublicationSpec:
    """What the publisher writes for the disclosure-log entry."""

    title: str
    summary: str
    response_text: str
    published_on: dt.date


@dataclass(frozen=True, slots=True)
class EventInput:
    """What the actor gives with an event: a reason, a date, a message for a letter, a fee."""

    reason: str = ""
    on: dt.date | None = None
    message: str = ""
    amount: str = ""
    publication: PublicationSpec | None = None
    # Filled by `case_transition`, not by the actor: the release gate's verdicts on the attachments,
    # reached before the transaction (documents_gated) so that no write lock is held while files are read.
    verdicts: Mapping[str, GateVerdict] = field(default_factory=dict)


def case_transition(
    *,
    request: Request,
    event: Event,
    actor: Actor,
    data: EventInput | None = None,
    expected_version: int | None = None,
    today: dt.date | None = None,
) -> Request:
    """Fire ``event`` on the case, or raise `Refused`/`NotPermitted`/`WrongState`/`Conflict`/`CaseError`.

    Returns the case as saved (a fresh object: the caller's may be stale).
    """
    data = data or EventInput()
    today = today or timezone.localdate()
    if event in (Event.SEND, Event.PUBLISH):
        attachments = request.documents.filter(kind=Document.Kind.ATTACHMENT)
        data = replace(data, verdicts=documents_gated(attachments))
    with transaction.atomic():
        case = case_locked(request, expected_version)
        source = case.state
        if event is Event.SEND:
            _recheck_attachments(case, actor, data.verdicts)
        facts = case_facts(case, event=event, actor=actor, today=today, data=data)
        raise_refusal(wf.may_fire(event, source, roles_of(actor), facts))
        details = _EFFECTS[event](case, actor, data, today)
        target = wf.TRANSITIONS[event].target
        case.status = target.value
        case.version += 1
        case.save()
        audit_record(
            actor=actor,
            action=workflow_action(event),
            obj=case,
            details={"from": source.value, "to": target.value, "reason": data.reason.strip(), **details},
        )
    request.refresh_from_db()
    return case


def case_facts(
    case: Request, *, event: Event, actor: Actor, today: dt.date, data: EventInput | None = None
) -> CaseFacts:
    """The plain values the guards of ``event`` read, gathered from the case."""
    data = data or EventInput()
    guards = set(wf.TRANSITIONS[event].guards)
    parts = list(case.parts.select_related("decision").order_by("position"))
    attachments = list(case.documents.filter(kind=Document.Kind.ATTACHMENT))
    deadlines = request_deadlines(case, ClockEvent.objects.filter(request=case), as_of=today)
    reviewed = bool(case.public_text.strip()) and case.public_text_reviewed_by_id is not None
    user = acting_user(actor)
    return CaseFacts(
        today=today,
        actor_id=user.pk if user is not None else None,
        drafter_id=case.submitted_by_id,
        undecided_parts=tuple(p.label for p in parts if _undecided(p)),
        s17_findings=_s17_findings(case) if "response_passes_s17" in guards else (),
        blocked_documents=tuple(_blocked(attachments)),
        unapproved_documents=tuple(d.filename for d in attachments if d.approved_by_id is None),
        requester_reachable=bool(case.requester_email.strip() or case.requester_address.strip()),
        fee_last_day=deadlines.fee_last_day,
        clarification_lapses_on=_clarification_lapses_on(case),
        reason=data.reason,
        published_text_reviewed=reviewed,
        on=data.on,
        received_on=case.received_on,
        stated_small_counts=stated_count_findings(case)
        if "answer_text_discloses_no_small_count" in guards
        else (),
        unchecked_answers=_unchecked_answers(case) if "answers_checked" in guards else (),
    )


def available_events(
    case: Request, actor: Actor, today: dt.date | None = None
) -> list[tuple[Event, wf.Verdict]]:
    """Events this actor could fire from the case's state, each with what stands in the way now."""
    today = today or timezone.localdate()
    roles = roles_of(actor)
    offered = []
    for event in wf.events_from(case.state):
        if not roles & wf.TRANSITIONS[event].roles:
            continue
        verdict = wf.may_fire(
            event, case.state, roles, case_facts(case, event=event, actor=actor, today=today)
        )
        standing = tuple(r for r in verdict.refusals if r.guard not in wf.INPUT_GUARDS)
        offered.append((event, wf.Verdict(allowed=not standing, target=verdict.target, refusals=standing)))
    return offered


def _undecided(part: object) -> bool:
    decision = getattr(part, "decision", None)
    return decision is None or decision.outcome == Outcome.UNDECIDED.value


def _s17_findings(case: Request) -> tuple[str, ...]:
    """What stops the letter: s.17 (``check_response``) and the authority's particulars."""
    return tuple(f"{f.where}: {f.message}" for f in letter_problems(case) if f.severity is Severity.ERROR)


def _unchecked_answers(case: Request) -> tuple[str, ...]:
    """Parts whose answer from the records is still queued or being checked in the background."""
    unfinished = (Answer.Status.QUEUED, Answer.Status.CHECKING)
    answers = Answer.objects.filter(part__request=case, status__in=unfinished).select_related("part")
    return tuple(a.part.label for a in answers.order_by("part__position", "id"))


def _blocked(attachments: list[Document]) -> list[str]:
    blocked = []
    for document in attachments:
        try:
            release_blocker(document)
        except CaseError as error:
            blocked.append(str(error))
    return blocked


def _recheck_attachments(case: Request, actor: Actor, verdicts: Mapping[str, GateVerdict]) -> None:
    """The release gate runs again on every attachment at send time: rules change, files must not."""
    for document in case.documents.filter(kind=Document.Kind.ATTACHMENT):
        document_check(document=document, actor=actor, verdicts=verdicts)


def _clarification_lapses_on(case: Request) -> dt.date | None:
    if case.state is not State.AWAITING_CLARIFICATION:
        return None
    sought = (
        ClockEvent.objects.filter(request=case, kind=clock.EventKind.CLARIFICATION_SOUGHT)
        .order_by("-on")
        .values_list("on", flat=True)
        .first()
    )
    if sought is None:
        return None
    return clock.add_months(sought, settings.FOIDESK_CLARIFICATION_LAPSE_MONTHS)


# --- what each event does --------------------------------------------------------------------------

_Effect = Callable[[Request, Actor, EventInput, dt.date], dict[str, object]]


def _nothing(case: Request, actor: Actor, data: EventInput, today: dt.date) -> dict[str, object]:
    return {}


def _acknowledge(case: Request, actor: Actor, data: EventInput, today: dt.date) -> dict[str, object]:
    if not case.requester_email.strip():
        return {"emailed": False}
    mail.acknowledgement_send(case=case, actor=actor)
    return {"emailed": True}


def _clock(case: Request, actor: Actor, kind: clock.EventKind, on: dt.date, note: str = "") -> None:
    clock_event_record(request=case, kind=kind, on=on, actor=actor, note=note)


def _seek_clarification(case: Request, actor: Actor, data: EventInput, today: dt.date) -> dict[str, object]:
    if len(data.message.strip()) < wf.MIN_REASON_CHARACTERS:
        raise CaseError("Say what the requester needs to clarify: it is the body of the letter.")
    on = data.on or today
    _clock(case, actor, clock.EventKind.CLARIFICATION_SOUGHT, on, data.message.strip())
    lapses_on = clock.add_months(on, settings.FOIDESK_CLARIFICATION_LAPSE_MONTHS)
    emailed = bool(case.requester_email.strip())
    if emailed:
        mail.clarification_send(case=case, message=data.message, lapses_on=lapses_on, actor=actor)
    return {"on": on, "emailed": emailed}


def _receive_clarification(
    case: Request, actor: Actor, data: EventInput, today: dt.date
) -> dict[str, object]:
    on = data.on or today
    _clock(case, actor, clock.EventKind.CLARIFICATION_RECEIVED, on, data.message.strip())
    return {"on": on}


def _issue_fee_notice(case: Request, actor: Actor, data: EventInput, today: dt.date) -> dict[str, object]:
    try:
        amount = decimal.Decimal(data.amount.strip().lstrip("£").replace(",", ""))
    except decimal.InvalidOperation:
        raise CaseError("Give the fee as an amount in pounds, for example 25.00.") from None
    if not amount.is_finite() or amount <= 0 or amount > 100_000:
        raise CaseError("Give the fee as an amount in pounds, for example 25.00.")
    on = data.on or today
    _clock(case, actor, clock.EventKind.FEE_NOTICE_GIVEN, on, f"£{amount:.2f}")
    last_day = clock.fee_payment_last_day(Regime(case.regime), on, clock.default_calendar())
    emailed = bool(case.requester_email.strip())
    if emailed:
        mail.fee_notice_send(
            case=case, amount=f"{amount:.2f}", message=data.message, last_day=last_day, actor=actor
        )
    return {"on": on, "amount": f"{amount:.2f}", "last_day": last_day, "emailed": emailed}


def _record_fee_paid(case: Request, actor: Actor, data: EventInput, today: dt.date) -> dict[str, object]:
    on = data.on or today
    _clock(case, actor, clock.EventKind.FEE_PAID, on)
    return {"on": on}


def _end(case: Request, actor: Actor, data: EventInput, today: dt.date) -> dict[str, object]:
    case.ended_on = today
    return {}


def _submit(case: Request, actor: Actor, data: EventInput, today: dt.date) -> dict[str, object]:
    case.submitted_by = acting_user(actor)
    case.approved_by, case.approved_at = None, None
    return {}


def _return(case: Request, actor: Actor, data: EventInput, today: dt.date) -> dict[str, object]:
    case.approved_by, case.approved_at = None, None
    return {}


def _approve(case: Request, actor: Actor, data: EventInput, today: dt.date) -> dict[str, object]:
    case.approved_by = acting_user(actor)
    case.approved_at = timezone.now()
    return {"drafted_by": case.submitted_by.get_username() if case.submitted_by else None}


def _send(case: Request, actor: Actor, data: EventInput, today: dt.date) -> dict[str, object]:
    """The letter (tagged PDF) and every attachment, through the gate again, to the requester."""
    case.responded_on = today
    letter_bytes = letter_for_case(case, "pdf", issued=today)
    letter = document_store(
        request=case,
        title=f"Response letter, {case.reference}",
        filename=f"response-{reference_slug(case.reference)}.pdf",
        content=letter_bytes,
        kind=Document.Kind.LETTER,
        actor=actor,
    )
    _accept_letter_metadata(letter, actor)
    release_blocker(letter)
    attachments = []
    for document in case.documents.filter(kind=Document.Kind.ATTACHMENT).order_by("id"):
        release_blocker(document)
        with document.file.open("rb") as handle:
            attachments.append(mail.MailAttachment(document.filename, handle.read(), document.content_type))
    # Every table leaving with the response enters the ledger now, before the email goes, so that
    # the next answer from the same records is audited with it (publication will not record it twice).
    answers_release(
        answers=list(Answer.objects.filter(part__request=case).select_related("part").order_by("id")),
        reference=case.reference,
        released_on=today,
    )
    _clock(case, actor, clock.EventKind.ANSWERED, today)
    if not case.requester_email.strip():
        return {"by": "post", "letter": letter.sha256}
    mail.response_send(
        case=case,
        letter=mail.MailAttachment(letter.filename, letter_bytes, "application/pdf"),
        attachments=attachments,
        actor=actor,
    )
    return {"by": "email", "letter": letter.sha256, "attachments": [a.filename for a in attachments]}


LETTER_METADATA_NOTE = (
    "FOI Desk's own letter: a tagged PDF (PDF/UA-1) must carry its title, and names the authority as "
    "its author; nothing else is in its metadata."
)


def _accept_letter_metadata(letter: Document, actor: Actor) -> None:
    """The letter's only expected warning is the title and author that PDF/UA requires; anything else
    the gate finds still stops it."""
    codes = {finding["code"] for finding in letter.findings}
    if letter.check_status == Document.CheckStatus.WARN and codes == {"pdf.metadata"}:
        letter.override_reason = LETTER_METADATA_NOTE
        letter.save(update_fields=["override_reason"])
        audit_record(
            actor=actor,
            action=AuditAction.DOCUMENT_WARNINGS_ACCEPTED,
            obj=letter,
            details={"reason": LETTER_METADATA_NOTE, "codes": sorted(codes)},
        )


def _publish(case: Request, actor: Actor, data: EventInput, today: dt.date) -> dict[str, object]:
    spec = data.publication
    if spec is None:
        raise CaseError("Give the entry's title, summary and response text.")
    publication = response_publish(
        request=case,
        title=spec.title,
        summary=spec.summary,
        response_text=spec.response_text,
        published_on=spec.published_on,
        actor=actor,
        verdicts=data.verdicts,
    )
    case.publication = publication
    case.publication_note = data.reason.strip()
    return {"publication": publication.get_absolute_url()}


def _decline_publication(case: Request, actor: Actor, data: EventInput, today: dt.date) -> dict[str, object]:
    case.publication_note = data.reason.strip()
    return {}


def _withdraw_publication(case: Request, actor: Actor, data: EventInput, today: dt.date) -> dict[str, object]:
    if case.publication is not None:
        publication_withdraw(publication=case.publication, reason=data.reason, actor=actor)
    case.publication_note = data.reason.strip()
    return {}


_EFFECTS: Mapping[Event, _Effect] = {
    Event.ACKNOWLEDGE: _acknowledge,
    Event.START: _nothing,
    Event.SEEK_CLARIFICATION: _seek_clarification,
    Event.RECEIVE_CLARIFICATION: _receive_clarification,
    Event.ISSUE_FEE_NOTICE: _issue_fee_notice,
    Event.RECORD_FEE_PAID: _record_fee_paid,
    Event.LAPSE: _end,
    Event.SUBMIT_FOR_APPROVAL: _submit,
    Event.RETURN_FOR_CHANGES: _return,
    Event.APPROVE: _approve,
    Event.SEND: _send,
    Event.PUBLISH: _publish,
    Event.DECLINE_PUBLICATION: _decline_publication,
    Event.WITHDRAW_PUBLICATION: _withdraw_publication,
    Event.REPUBLISH: _publish,
    Event.WITHDRAW: _end,
    Event.CLOSE: _end,
}
assert set(_EFFECTS) == set(Event), "every workflow event needs its effect"


def lapse_sweep(*, today: dt.date) -> list[str]:
    """Close as lapsed every case whose fee went unpaid for three months (s.9(2) FOIA) or whose
    clarification never came; FOI Desk fires the event itself. Returns the references lapsed."""
    lapsed = []
    waiting = Request.objects.filter(
        status__in=[State.AWAITING_FEE.value, State.AWAITING_CLARIFICATION.value]
    )
    for case in waiting.order_by("id"):
        try:
            case_transition(request=case, event=Event.LAPSE, actor=None, today=today)
        except Refused:
            continue
        lapsed.append(case.reference)
    return lapsed
