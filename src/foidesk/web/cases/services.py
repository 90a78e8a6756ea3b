"""Writes to cases: every change goes through a function here, inside a transaction, into the audit trail."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from foidesk.core import clock
from foidesk.core import workflow as wf
from foidesk.core.costs import AuthorityKind, InvalidCostItem, NoCostLimit
from foidesk.core.decision import (
    ClaimText,
    InvalidDecision,
    cost_estimate_for,
    cost_items_from,
    decision_check,
)
from foidesk.core.exemptions import UnknownExemption, exemption
from foidesk.core.notice import PartResponse
from foidesk.core.outcome import Outcome
from foidesk.core.parsing import InvalidRequestText, ParsedRequest, parse_request
from foidesk.core.regime import Regime
from foidesk.core.request_redaction import RedactedRequest, redact_request
from foidesk.core.workflow import Action, Event, State
from foidesk.render.letter_passages import DEFAULTS, Passage, passage_problems
from foidesk.web.audit.actions import AuditAction
from foidesk.web.audit.actors import Actor, acting_user
from foidesk.web.audit.services import audit_record
from foidesk.web.cases.errors import CaseError, Conflict
from foidesk.web.cases.models import (
    Channel,
    ClockEvent,
    Decision,
    DecisionExemption,
    LetterPassage,
    Part,
    PublicSubmission,
    ReferenceCounter,
    Request,
)
from foidesk.web.cases.permissions import action_check, roles_of
from foidesk.web.cases.related import request_fingerprint, request_links_find

__all__ = ["CaseError", "Conflict"]


@dataclass(frozen=True, slots=True)
class PartSpec:
    """One part as parsed or as corrected by an officer."""

    label: str
    text: str
    request_number: int | None = None
    question_number: int | None = None
    date_ranges: list[dict[str, str]] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    why: str = ""  # the parser's reason for splitting here; an officer's correction has none


# An exemption as the decision form gives it: core's ClaimText (its one home, with its conversion to a claim).
ExemptionSpec = ClaimText


def authority_kind() -> AuthorityKind:
    """Which FOIA cost limit is the authority's (reg 3 SI 2004/3244): FOIDESK_AUTHORITY_KIND."""
    return AuthorityKind(settings.FOIDESK_AUTHORITY_KIND)


def next_reference(received_on: dt.date) -> str:
    """The next reference in the authority's format (settings.FOIDESK_REFERENCE_FORMAT).

    The counter row of the reference's prefix is locked until the caller's transaction ends, so two
    requests arriving together never take the same number (on PostgreSQL as on SQLite). A new prefix
    starts after the highest reference already stored under it.
    """
    template: str = settings.FOIDESK_REFERENCE_FORMAT
    yy = f"{received_on.year % 100:02d}"
    prefix = template.split("{n", 1)[0].format(yy=yy, yyyy=received_on.year)
    with transaction.atomic():
        counter, _ = ReferenceCounter.objects.select_for_update().get_or_create(
            prefix=prefix, defaults={"last": _highest_number(prefix)}
        )
        counter.last += 1
        counter.save(update_fields=["last"])
        return template.format(yy=yy, yyyy=received_on.year, n=counter.last)


def _highest_number(prefix: str) -> int:
    numbers = [
        int(match.group(1))
        for ref in Request.objects.filter(reference__startswith=prefix).values_list("reference", flat=True)
        if (match := re.search(r"(\d+)$", ref))
    ]
    return max(numbers, default=0)


def request_open(
    *,
    text: str,
    requester_name: str,
    received_on: dt.date,
    requester_email: str = "",
    requester_address: str = "",
    regime: Regime = Regime.FOIA,
    channel: str = Channel.WEB,
    title: str = "",
    reference: str | None = None,
    actor: Actor = None,
    parse: bool = True,
    is_synthetic: bool = False,
    validity_flags: Sequence[str] = (),
) -> Request:
    """Open a case for a request received on ``received_on``: reference, clock and parts.

    A request with no name or no address for reply is opened all the same and flagged as possibly
    invalid under s.8(1) FOIA: an officer decides, nothing is dropped.
    """
    # NUL cannot be stored by PostgreSQL and means nothing in a request: drop it rather than the request.
    text, requester_name, requester_email, requester_address = (
        value.replace("\x00", "") for value in (text, requester_name, requester_email, requester_address)
    )
    text = text.strip()
    if not text:
        raise CaseError("The request has no text.")
    received_on_check(received_on)
    for attempt in range(5):
        try:
            with transaction.atomic():
                request = Request(
                    reference=reference or next_reference(received_on),
                    title=title or _title_from(text),
                    regime=regime.value,
                    channel=channel,
                    received_on=received_on,
                    text=text,
                    requester_name=requester_name.strip(),
                    requester_email=requester_email.strip(),
                    requester_address=requester_address.strip(),
                    due_on=received_on,
                    is_synthetic=is_synthetic,
                    validity_flags=s8_flags(
                        requester_name, requester_email, requester_address, validity_flags
                    ),
                )
                try:
                    _apply_deadlines(request, [])
                except clock.DateOutsideCalendar as error:
                    raise CaseError(f"The statutory clock cannot count from this date: {error}.") from error
                request.save()
                audit_record(
                    actor=actor,
                    action=AuditAction.REQUEST_OPENED,
                    obj=request,
                    details={"channel": channel, "regime": regime.value, "received_on": received_on},
                )
                if parse:
                    parts = parse_parts(text, received_on)
                    _parts_store(request, parts, actor)
                    if not title and parts and "unparsed" not in parts[0].flags:
                        # The first question reads better than a greeting ("Dear ...").
                        request.title = _title_from(parts[0].text)
                        request.save(update_fields=["title"])
                _find_related(request)
                if settings.FOIDESK_ACKNOWLEDGE and request.requester_email:
                    _fire(request, Event.ACKNOWLEDGE, actor=None)
                return request
        except IntegrityError:
            if reference is not None or attempt == 4:
                raise
    raise AssertionError("unreachable")


def received_on_check(received_on: dt.date) -> None:
    """A date of receipt the statutory clock can count from: inside the holiday calendar (its one home).

    Outside input (the API, the staff form) may say 1900 or year 1; the calendar covers the years FOI Desk
    counts working days in, and a date outside it is refused with this error rather than a crash.
    """
    calendar = clock.default_calendar()
    if not calendar.first <= received_on <= calendar.last:
        raise CaseError(
            f"The date received ({received_on.isoformat()}) is outside the dates FOI Desk counts working "
            f"days for ({calendar.first.isoformat()} to {calendar.last.isoformat()})."
        )


def public_request_submit(*, token: str, name: str, email: str, text: str) -> tuple[Request, bool]:
    """A request sent by the public form: a case, or the one this form's one-time token already opened.

    The token makes a double submit (two clicks, a re-posted page, two at once) one case: the second
    finds the first's claim and gets its case back with ``False``. Without a token, a case is opened.
    """
    fields = {
        "text": text,
        "requester_name": name,
        "requester_email": email,
        "received_on": timezone.localdate(),
        "channel": Channel.WEB,
        "actor": None,
    }
    if not token:
        return request_open(**fields), True  # type: ignore[arg-type]
    earlier = PublicSubmission.objects.filter(token=token).select_related("request").first()
    if earlier is not None:
        return earlier.request, False
    try:
        with transaction.atomic():
            case = request_open(**fields)  # type: ignore[arg-type]
            PublicSubmission.objects.create(token=token, request=case)
    except IntegrityError:  # the same token sent twice at once: the other one opened the case
        earlier = PublicSubmission.objects.filter(token=token).select_related("request").first()
        if earlier is None:
            raise
        return earlier.request, False
    return case, True


S8_NO_NAME = "s8_no_name"
S8_NO_ADDRESS = "s8_no_address"
VALIDITY_FLAG_TEXT = {
    S8_NO_NAME: "No name given: the request may not be valid (s.8(1)(b) FOIA).",
    S8_NO_ADDRESS: "No address for correspondence: the request may not be valid (s.8(1)(b) FOIA).",
}


def s8_flags(name: str, email: str, address: str, extra: Sequence[str] = ()) -> list[str]:
    """Why a request may not be valid under s.8(1) FOIA: a name and an address for correspondence."""
    flags = list(dict.fromkeys(extra))
    if not name.strip() and S8_NO_NAME not in flags:
        flags.append(S8_NO_NAME)
    if not email.strip() and not address.strip() and S8_NO_ADDRESS not in flags:
        flags.append(S8_NO_ADDRESS)
    return flags


def request_import_answered(
    *,
    text: str,
    received_on: dt.date,
    responded_after_due_days: int,
    today: dt.date,
    actor: Actor,
    requester_name: str = "Imported requester",
) -> Request:
    """A request answered before FOI Desk, brought in from a previous system for the statistics.

    It is created closed (it never travelled the workflow here), by an administrator, and audited.
    """
    if wf.Role.ADMINISTRATOR not in roles_of(actor):
        raise CaseError("Only an administrator can import answered requests.")
    with transaction.atomic():
        request = Request(
            reference=next_reference(received_on),
            title=_title_from(text),
            regime=Regime.FOIA.value,
            channel=Channel.POST,
            received_on=received_on,
            text=text,
            requester_name=requester_name,
            due_on=received_on,
            is_synthetic=True,
            status=State.CLOSED.value,
        )
        _apply_deadlines(request, [])
        request.responded_on = min(request.due_on + dt.timedelta(days=responded_after_due_days), today)
        request.ended_on = request.responded_on
        request.save()
        audit_record(
            actor=actor,
            action=AuditAction.REQUEST_IMPORTED,
            obj=request,
            details={"received_on": received_on, "responded_on": request.responded_on},
        )
        return request


def _find_related(request: Request) -> None:
    request.fingerprint = request_fingerprint(request)
    request.save(update_fields=["fingerprint"])
    request_links_find(request)


PARTS_CAPPED = "parts_capped"


def parts_capped(parts: list[PartSpec], limit: int) -> list[PartSpec]:
    """At most ``limit`` parts (FOIDESK_MAX_PARTS): the parts beyond the last but one are kept together.

    A 99,000-character request once became 2,400 parts whose page could not be saved. Nothing is
    dropped: the last part holds the text of every part from there on, flagged and explained, for an
    officer to split by hand if it matters.
    """
    if len(parts) <= limit:
        return parts
    kept, rest = parts[: limit - 1], parts[limit - 1 :]
    first = rest[0]
    return [
        *kept,
        PartSpec(
            label=f"{first.label} onwards"[:60],
            text="\n\n".join(p.text for p in rest),
            request_number=first.request_number,
            question_number=first.question_number,
            date_ranges=[r for p in rest for r in p.date_ranges],
            topics=list(dict.fromkeys(t for p in rest for t in p.topics)),
            flags=[PARTS_CAPPED],
            why=f"{len(rest)} more parts kept as one: a case has at most {limit} parts"[:120],
        ),
    ]


def parse_parts(text: str, received_on: dt.date) -> list[PartSpec]:
    """The request's parts as the parser reads them; the whole text as one part if it finds none."""

    try:
        parsed = parse_request(text, received_on)
    except InvalidRequestText:
        return [PartSpec(label="Q1", text=text[:5000], question_number=1, flags=["unparsed"])]
    return parts_capped(_parsed_specs(parsed), settings.FOIDESK_MAX_PARTS)


def _parsed_specs(parsed: ParsedRequest) -> list[PartSpec]:
    return [
        PartSpec(
            label=part.label,
            text=part.text,
            request_number=part.request,
            question_number=part.question,
            date_ranges=[{"start": r.start.isoformat(), "end": r.end.isoformat()} for r in part.date_ranges],
            topics=list(part.topics),
            flags=[str(flag) for flag in part.flags],
            why=part.why,
        )
        for part in parsed.parts
    ]


def request_parts_set(
    *, request: Request, parts: Sequence[PartSpec], actor: Actor, expected_version: int | None = None
) -> list[Part]:
    """An officer replaces the parts of a request that has no decisions yet."""
    with transaction.atomic():
        case = case_locked(request, expected_version)
        action_check(request=case, action=Action.EDIT_PARTS, actor=actor)
        created = _parts_store(case, parts, actor)
        _bump(case)
        request.version = case.version
        return created


def _parts_store(request: Request, parts: Sequence[PartSpec], actor: Actor) -> list[Part]:
    with transaction.atomic():
        if Decision.objects.filter(part__request=request).exclude(outcome=Outcome.UNDECIDED.value).exists():
            raise CaseError("Parts cannot be replaced once a decision has been recorded.")
        request.parts.all().delete()
        user = acting_user(actor)
        created = Part.objects.bulk_create(
            Part(
                request=request,
                position=position,
                request_number=spec.request_number,
                question_number=spec.question_number,
                label=spec.label,
                text=spec.text,
                date_ranges=spec.date_ranges,
                topics=spec.topics,
                flags=spec.flags,
                why=spec.why[:120],
                corrected_by=user,
            )
            for position, spec in enumerate(parts, start=1)
        )
        audit_record(
            actor=actor,
            action=AuditAction.REQUEST_PARTS_SET,
            obj=request,
            details={"parts": [spec.label for spec in parts]},
        )
        return created


def case_locked(request: Request, expected_version: int | None) -> Request:
    """The case row, locked until the transaction ends; a stale form (another version) is a `Conflict`."""
    case = Request.objects.select_for_update().get(pk=request.pk)
    if expected_version is not None and case.version != expected_version:
        raise Conflict(
            f"{case.reference} was changed by someone else after you opened this page "
            f"(it is now at version {case.version}, you had {expected_version}). "
            "Reload the page, check the changes, and try again."
        )
    return case


def _bump(case: Request) -> None:
    Request.objects.filter(pk=case.pk).update(version=F("version") + 1, updated_at=timezone.now())
    case.refresh_from_db(fields=["version", "updated_at"])


def _fire(case: Request, event: Event, *, actor: Actor) -> Request:
    """Fire a workflow event from another service (the workflow service imports this module)."""
    from foidesk.web.cases.workflow import case_transition

    return case_transition(request=case, event=event, actor=actor)


def clock_event_record(
    *, request: Request, kind: str, on: dt.date, actor: Actor, days: int | None = None, note: str = ""
) -> ClockEvent:
    """Record something that moves the clock, and recompute the due dates.

    Internal: the caller has checked the actor (a workflow event, or `clock_extension_record`).
    """
    with transaction.atomic():
        event = ClockEvent.objects.create(
            request=request,
            kind=kind,
            on=on,
            days=days,
            note=note,
            recorded_by=acting_user(actor),
        )
        try:
            # Not request.clock_events: a prefetched cache would miss the event just created.
            _apply_deadlines(request, list(ClockEvent.objects.filter(request=request)))
        except clock.ClockError as error:
            raise CaseError(str(error)) from error
        request.save(update_fields=["due_on", "extended_due_on", "calendar_version", "updated_at"])
        audit_record(
            actor=actor,
            action=AuditAction.CLOCK_EVENT,
            obj=request,
            details={"kind": kind, "on": on, "days": days, "due_on": request.due_on},
        )
        return event


EXTENSION_KINDS = (clock.EventKind.PIT_EXTENSION, clock.EventKind.EIR_EXTENSION)


def clock_extension_record(
    *,
    request: Request,
    kind: clock.EventKind,
    on: dt.date,
    actor: Actor,
    days: int | None = None,
    note: str = "",
    expected_version: int | None = None,
) -> ClockEvent:
    """An officer extends the time: the public interest test (s.10(3) FOIA) or reg 7 EIR.

    Clarification, fees and the answer itself move the clock through their workflow events.
    """
    if kind not in EXTENSION_KINDS:
        raise CaseError("Record clarification and fees with the case's actions, not here.")
    if on > timezone.localdate():
        raise CaseError("That date is in the future.")
    with transaction.atomic():
        case = case_locked(request, expected_version)
        action_check(request=case, action=Action.RECORD_CLOCK_EVENT, actor=actor)
        event = clock_event_record(request=case, kind=kind, on=on, actor=actor, days=days, note=note)
        _bump(case)
        return event


def _apply_deadlines(request: Request, events: Iterable[ClockEvent]) -> None:
    deadlines = request_deadlines(request, events)
    request.due_on = deadlines.due
    request.extended_due_on = deadlines.extended_due
    request.calendar_version = deadlines.calendar_version


def request_deadlines(
    request: Request, events: Iterable[ClockEvent], as_of: dt.date | None = None
) -> clock.CaseDeadlines:
    """What the statutory clock says about a case, from its regime, receipt and recorded events."""
    return clock.case_deadlines(
        Regime(request.regime),
        request.received_on,
        [
            clock.DeadlineEvent(
                kind=clock.EventKind(e.kind),
                on=e.on,
                extra_working_days=e.days if e.kind == clock.EventKind.PIT_EXTENSION else None,
            )
            for e in events
        ],
        clock.default_calendar(),
        as_of=as_of,
    )


def request_assign(
    *, request: Request, officer: User | None, actor: Actor, expected_version: int | None = None
) -> None:
    """Give the case to an officer (or to nobody); a new case starts when someone is assigned."""
    if officer is not None and not roles_of(officer) & wf.ACTIONS[Action.RECORD_DECISION].roles:
        raise CaseError(f"{officer.get_full_name() or officer.get_username()} does not do case work.")
    with transaction.atomic():
        case = case_locked(request, expected_version)
        action_check(request=case, action=Action.ASSIGN, actor=actor)
        case.assigned_to = officer
        case.save(update_fields=["assigned_to", "updated_at"])
        audit_record(
            actor=actor,
            action=AuditAction.REQUEST_ASSIGNED,
            obj=case,
            details={"officer": officer.get_username() if officer else None},
        )
        _bump(case)
        if officer is not None and case.state in (State.RECEIVED, State.ACKNOWLEDGED):
            case = _fire(case, Event.START, actor=actor)
        request.assigned_to, request.status, request.version = case.assigned_to, case.status, case.version


def decision_record(
    *,
    part: Part,
    outcome: Outcome,
    actor: Actor,
    answer: str = "",
    exemptions: Sequence[ExemptionSpec] = (),
    s21_publication_id: int | None = None,
    s21_url: str = "",
    s21_title: str = "",
    advice: str = "",
    cost_items: Sequence[Mapping[str, object]] = (),
    public_interest_decision_due: dt.date | None = None,
    expected_version: int | None = None,
) -> Decision:
    """Record the decision on one part, with the exemptions relied on and their reasons (s.17(1)).

    The decision must carry what its letter will need (``core.decision``): each exemption with its
    reasons (or the s.17(4) flag), the public interest factors and balance of a qualified one unless
    its test is still open with an estimated date (s.17(2)), NCND only under a provision that has it,
    a cost-limit refusal with its estimate item by item (``cost_items``, s.12) above the limit.

    Case officers record what is disclosed or not held; a refusal (s.17) is a decision maker's. The
    decision's version guards against two people saving the same part: ``expected_version`` is the
    version the form was opened at (0 for a part not yet decided).
    """
    for spec in exemptions:
        exemption(spec.code)  # raises UnknownExemption for a code that is not in the catalogue
        if not spec.reasons.strip() and not spec.reasons_would_disclose:
            raise CaseError(f"Give the reasons for relying on {spec.code} (s.17(1)(c) FOIA).")
    if outcome is Outcome.ALREADY_PUBLISHED and not (s21_publication_id or s21_url):
        raise CaseError(
            "Say where the information is already published (s.21): a disclosure-log entry or a link."
        )
    with transaction.atomic():
        case = case_locked(part.request, None)
        action_check(request=case, action=Action.RECORD_DECISION, actor=actor)
        if outcome.is_refusal or exemptions:
            action_check(request=case, action=Action.RECORD_REFUSAL, actor=actor)
        cost_rows = _cost_rows(cost_items) if outcome is Outcome.COST_LIMIT else []
        _decision_law_check(
            part=part,
            outcome=outcome,
            exemptions=exemptions,
            s21_pointer=s21_url or ("(disclosure log)" if s21_publication_id else ""),
            advice=advice,
            cost_rows=cost_rows,
            public_interest_decision_due=public_interest_decision_due,
        )
        current = Decision.objects.filter(part=part).select_related("decided_by").first()
        current_version = current.version if current else 0
        if expected_version is not None and expected_version != current_version:
            who = current.decided_by.get_username() if current and current.decided_by else "someone else"
            raise Conflict(
                f"The decision on {part.label} was changed by {who} after you opened this page. "
                "Reload the page to see their decision, then make your change again."
            )
        decision, _ = Decision.objects.update_or_create(
            part=part,
            defaults={
                "outcome": outcome.value,
                "answer": answer,
                "s21_publication_id": s21_publication_id,
                "s21_url": s21_url,
                "s21_title": s21_title,
                "advice": advice,
                "cost_items": cost_rows,
                "public_interest_decision_due": public_interest_decision_due,
                "decided_by": acting_user(actor),
                "decided_at": timezone.now(),
                "version": current_version + 1,
            },
        )
        decision.exemptions.all().delete()
        DecisionExemption.objects.bulk_create(
            DecisionExemption(
                decision=decision,
                code=exemption(spec.code).code,
                reasons=spec.reasons,
                public_interest_for=spec.public_interest_for,
                public_interest_against=spec.public_interest_against,
                public_interest_conclusion=spec.public_interest_conclusion,
                reasons_would_disclose=spec.reasons_would_disclose,
            )
            for spec in exemptions
        )
        audit_record(
            actor=actor,
            action=AuditAction.DECISION_RECORDED,
            obj=part,
            details={
                "request": case.reference,
                "outcome": outcome.value,
                "exemptions": [s.code for s in exemptions],
                "reasons_withheld_s17_4": [s.code for s in exemptions if s.reasons_would_disclose],
                "cost_items": cost_rows,
                "public_interest_decision_due": (
                    public_interest_decision_due.isoformat() if public_interest_decision_due else None
                ),
            },
        )
        _bump(case)
        if case.state in (State.RECEIVED, State.ACKNOWLEDGED):
            _fire(case, Event.START, actor=actor)
        return decision


def _cost_rows(items: Sequence[Mapping[str, object]]) -> list[dict[str, str]]:
    """The estimate's items as stored: hours as a decimal string, items of zero hours left out."""
    rows = []
    for item in items:
        row = {
            "activity": str(item.get("activity", "")),
            "hours": str(item.get("hours", "")),
            "description": str(item.get("description", "") or "").strip(),
        }
        rows.append(row)
    try:
        cost_items_from(rows)  # parses every row
    except InvalidCostItem as problem:
        raise CaseError(f"The cost estimate cannot be right: {problem}.") from problem
    return [row for row in rows if Decimal(row["hours"]) > 0]


def _decision_law_check(
    *,
    part: Part,
    outcome: Outcome,
    exemptions: Sequence[ExemptionSpec],
    s21_pointer: str,
    advice: str,
    cost_rows: list[dict[str, str]],
    public_interest_decision_due: dt.date | None,
) -> None:
    """Raise ``CaseError`` with every reason the decision cannot stand (``core.decision``)."""
    if outcome is Outcome.UNDECIDED:
        return
    regime = Regime(part.request.regime)
    try:
        claims = tuple(spec.claim() for spec in exemptions)
        estimate = cost_estimate_for(cost_rows, regime=regime, authority=authority_kind())
        decision_check(
            PartResponse(
                label=part.label,
                outcome=outcome,
                claims=claims,
                s21_pointer=s21_pointer,
                advice=advice,
                cost_estimate=estimate,
            ),
            regime=regime,
            public_interest_decision_due=public_interest_decision_due,
        )
    except InvalidDecision as invalid:
        raise CaseError(" ".join(f.message for f in invalid.findings)) from invalid
    except (UnknownExemption, InvalidCostItem, NoCostLimit) as problem:
        raise CaseError(str(problem)) from problem


def letter_passage_set(*, passage: Passage, text: str, actor: Actor) -> LetterPassage:
    """The authority words one passage of its letters its own way. A placeholder that cannot be filled
    is refused here, before any letter is made with it; an empty text goes back to the default."""
    if not (isinstance(actor, User) and actor.has_perm("cases.change_letterpassage")):
        raise CaseError("Only an administrator can change the wording of the letters.")
    text = text.replace("\x00", "").strip()
    problems = passage_problems(passage, text) if text else []
    if problems:
        raise CaseError(" ".join(problems))
    with transaction.atomic():
        row, _ = LetterPassage.objects.update_or_create(
            passage=passage.value, defaults={"text": text or DEFAULTS[passage], "changed_by": actor}
        )
        audit_record(
            actor=actor,
            action=AuditAction.LETTER_PASSAGE_CHANGED,
            obj=row,
            details={"passage": passage.value, "text": row.text},
        )
        return row


def public_text_review(
    *, request: Request, text: str, actor: Actor, expected_version: int | None = None
) -> None:
    """The publisher confirms the request text as it will be published (personal data removed)."""
    text = text.replace("\x00", "").strip()
    if not text:
        raise CaseError("The text to publish is empty.")
    with transaction.atomic():
        case = case_locked(request, expected_version)
        action_check(request=case, action=Action.REVIEW_PUBLIC_TEXT, actor=actor)
        case.public_text = text
        case.public_text_reviewed_by = acting_user(actor)
        case.public_text_reviewed_at = timezone.now()
        case.save(update_fields=["public_text", "public_text_reviewed_by", "public_text_reviewed_at"])
        audit_record(
            actor=actor,
            action=AuditAction.REQUEST_PUBLIC_TEXT_REVIEWED,
            obj=case,
            details={"sha256": sha256_of(text.encode("utf-8")), "characters": len(text)},
        )
        _bump(case)
        request.refresh_from_db()


def request_redacted(request: Request, text: str | None = None) -> RedactedRequest:
    """The request's text (or ``text``, e.g. one part) with the requester, their contacts and anyone
    else's personal data removed: what the disclosure log may carry (core/request_redaction.py)."""
    return redact_request(
        request.text if text is None else text,
        requester_names=[request.requester_name] if request.requester_name.strip() else [],
        requester_contacts=[c for c in (request.requester_email, request.requester_address) if c.strip()],
        authority_names=[
            name for name in (settings.FOIDESK_AUTHORITY_NAME, settings.FOIDESK_AUTHORITY_SHORT_NAME) if name
        ],
    )


def sha256_of(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def _title_from(text: str) -> str:
    first = " ".join(text.split())[:120]
    return first if len(first) < 120 else first.rsplit(" ", 1)[0] + "…"
