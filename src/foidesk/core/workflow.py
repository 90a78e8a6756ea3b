"""The case's workflow: its states, the events that move it, who may fire each, and the named guards.

One declarative table (``TRANSITIONS``) says everything: an event may be fired from some states, by
some roles, when every one of its guards holds. The table is pure data over plain values; the web
layer's one service (``case_transition``) asks `may_fire` and then does the work, in one transaction,
with the audit event. Nothing else sets a case's state.

The guards read a `CaseFacts`: plain values the service gathers from the case (who drafted it, what
the s.17 check found, which documents failed the release gate, when a fee was paid...). A guard
answers with the reason it fails, in words an officer understands, or None when it holds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class State(StrEnum):
    """Where a case is on its road (DESIGN.md, "The journey of a request")."""

    RECEIVED = "received"
    ACKNOWLEDGED = "acknowledged"
    IN_PROGRESS = "in_progress"
    AWAITING_CLARIFICATION = "awaiting_clarification"  # s.1(3) FOIA: the clock restarts on the answer
    AWAITING_FEE = "awaiting_fee"  # s.9 FOIA: the clock is paused
    AWAITING_APPROVAL = "awaiting_approval"
    APPROVED = "approved"
    SENT = "sent"  # the response reached the requester: the date the clock and statistics count
    PUBLISHED = "published"
    NOT_FOR_PUBLICATION = "not_for_publication"
    WITHDRAWN = "withdrawn"  # by the requester
    LAPSED = "lapsed"  # fee unpaid for three months (s.9(2) FOIA), or no clarification
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return _STATE_LABELS[self]

    @property
    def is_open(self) -> bool:
        """Open cases still owe the requester a response: they count against the clock."""
        return self in OPEN_STATES

    @property
    def is_responded(self) -> bool:
        return self in RESPONDED_STATES


_STATE_LABELS: Mapping[State, str] = {
    State.RECEIVED: "Received",
    State.ACKNOWLEDGED: "Acknowledged",
    State.IN_PROGRESS: "In progress",
    State.AWAITING_CLARIFICATION: "Awaiting clarification",
    State.AWAITING_FEE: "Awaiting fee",
    State.AWAITING_APPROVAL: "Awaiting approval",
    State.APPROVED: "Approved, not yet sent",
    State.SENT: "Sent",
    State.PUBLISHED: "Published",
    State.NOT_FOR_PUBLICATION: "Not for publication",
    State.WITHDRAWN: "Withdrawn by the requester",
    State.LAPSED: "Lapsed",
    State.CLOSED: "Closed",
}

OPEN_STATES = frozenset(
    {
        State.RECEIVED,
        State.ACKNOWLEDGED,
        State.IN_PROGRESS,
        State.AWAITING_CLARIFICATION,
        State.AWAITING_FEE,
        State.AWAITING_APPROVAL,
        State.APPROVED,
    }
)
RESPONDED_STATES = frozenset({State.SENT, State.PUBLISHED, State.NOT_FOR_PUBLICATION, State.CLOSED})
# Where the response is still being drafted: decisions, parts, answers and documents may change.
DRAFTING_STATES = frozenset({State.RECEIVED, State.ACKNOWLEDGED, State.IN_PROGRESS})


class Role(StrEnum):
    """Who acts. The first four are staff roles (groups); SYSTEM is FOI Desk itself (intake, tasks)."""

    CASE_OFFICER = "Case officer"
    DECISION_MAKER = "Decision maker"
    PUBLISHER = "Publisher"
    ADMINISTRATOR = "Administrator"
    SYSTEM = "System"


class Event(StrEnum):
    """Everything that moves a case from one state to another."""

    ACKNOWLEDGE = "acknowledge"
    START = "start"
    SEEK_CLARIFICATION = "seek_clarification"
    RECEIVE_CLARIFICATION = "receive_clarification"
    ISSUE_FEE_NOTICE = "issue_fee_notice"
    RECORD_FEE_PAID = "record_fee_paid"
    LAPSE = "lapse"
    SUBMIT_FOR_APPROVAL = "submit_for_approval"
    RETURN_FOR_CHANGES = "return_for_changes"
    APPROVE = "approve"
    SEND = "send"
    PUBLISH = "publish"
    DECLINE_PUBLICATION = "decline_publication"
    WITHDRAW_PUBLICATION = "withdraw_publication"
    REPUBLISH = "republish"
    WITHDRAW = "withdraw"
    CLOSE = "close"

    @property
    def label(self) -> str:
        return _EVENT_LABELS[self]


_EVENT_LABELS: Mapping[Event, str] = {
    Event.ACKNOWLEDGE: "Acknowledge receipt",
    Event.START: "Start work",
    Event.SEEK_CLARIFICATION: "Ask the requester to clarify",
    Event.RECEIVE_CLARIFICATION: "Record the clarification received",
    Event.ISSUE_FEE_NOTICE: "Issue a fees notice",
    Event.RECORD_FEE_PAID: "Record the fee paid",
    Event.LAPSE: "Close as lapsed",
    Event.SUBMIT_FOR_APPROVAL: "Submit for approval",
    Event.RETURN_FOR_CHANGES: "Return for changes",
    Event.APPROVE: "Approve the response",
    Event.SEND: "Send the response",
    Event.PUBLISH: "Publish to the disclosure log",
    Event.DECLINE_PUBLICATION: "Do not publish",
    Event.WITHDRAW_PUBLICATION: "Withdraw from the disclosure log",
    Event.REPUBLISH: "Publish again",
    Event.WITHDRAW: "Record withdrawal by the requester",
    Event.CLOSE: "Close the case",
}


class Action(StrEnum):
    """Work on a case that does not move its state, allowed in some states to some roles."""

    ASSIGN = "assign"
    EDIT_PARTS = "edit_parts"
    RECORD_DECISION = "record_decision"
    RECORD_REFUSAL = "record_refusal"  # a decision that refuses (s.17): decision makers only
    ANSWER_FROM_RECORDS = "answer_from_records"
    ATTACH_DOCUMENT = "attach_document"
    APPROVE_DOCUMENT = "approve_document"
    RECORD_CLOCK_EVENT = "record_clock_event"
    OPEN_REVIEW = "open_review"
    DECIDE_REVIEW = "decide_review"
    RECORD_APPEAL = "record_appeal"
    CONFIRM_LINK = "confirm_link"
    REVIEW_PUBLIC_TEXT = "review_public_text"  # the request text as it will be published
    ERASE_REQUESTER_DATA = "erase_requester_data"  # retention (UK GDPR Art. 5(1)(e))
    RESEND_EMAIL = "resend_email"  # try again at once to send a message the mail server refused


# --- the facts a guard reads -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CaseFacts:
    """Plain values about one case and one attempt to move it, gathered by the service."""

    today: dt.date
    actor_id: int | None = None
    drafter_id: int | None = None  # who submitted the response for approval
    undecided_parts: tuple[str, ...] = ()
    s17_findings: tuple[str, ...] = ()  # errors of the s.17 check (core/notice.py), in words
    blocked_documents: tuple[str, ...] = ()  # files the release gate blocks, or with unaccepted warnings
    unapproved_documents: tuple[str, ...] = ()  # attachments nobody other than their uploader approved
    requester_reachable: bool = True  # an email or postal address to send the response to
    fee_last_day: dt.date | None = None  # s.9(2) FOIA: three months from the fees notice
    fee_paid_on: dt.date | None = None
    clarification_lapses_on: dt.date | None = None
    reason: str = ""  # given by the actor where the event needs one
    published_text_reviewed: bool = False  # the publisher saw the request text with removals marked
    on: dt.date | None = None  # the date the event happened (clarification received, fee paid)
    received_on: dt.date | None = None
    stated_small_counts: tuple[
        str, ...
    ] = ()  # counts in the answers' text that disclose (core/sdc/stated_counts.py)
    unchecked_answers: tuple[str, ...] = ()  # parts whose table's disclosure check has not finished


Guard = Callable[[CaseFacts], str | None]

MIN_REASON_CHARACTERS = 10


def all_parts_decided(facts: CaseFacts) -> str | None:
    if facts.undecided_parts:
        return f"Decide every part first: {', '.join(facts.undecided_parts)}."
    return None


def response_passes_s17(facts: CaseFacts) -> str | None:
    """s.17(1) FOIA: a refusal names its exemption, says why it applies, and gives review and ICO rights."""
    if facts.s17_findings:
        return "The response does not yet meet s.17: " + " ".join(facts.s17_findings)
    return None


def no_block_findings(facts: CaseFacts) -> str | None:
    if facts.blocked_documents:
        return "These files may not leave as they are: " + ", ".join(facts.blocked_documents) + "."
    return None


def documents_approved(facts: CaseFacts) -> str | None:
    if facts.unapproved_documents:
        return (
            "A second person must approve these files for release: "
            + ", ".join(facts.unapproved_documents)
            + "."
        )
    return None


def answer_text_discloses_no_small_count(facts: CaseFacts) -> str | None:
    """s.40(2) FOIA: a small count written in the letter, or one that differs by a small amount from a
    released count, identifies people as surely as one in a table."""
    if facts.stated_small_counts:
        return "The answers' text discloses a small count: " + " ".join(facts.stated_small_counts)
    return None


def answers_checked(facts: CaseFacts) -> str | None:
    """s.40(2) FOIA: a table from the records leaves only once its disclosure check (run in the
    background, with the tables already released) has finished."""
    if facts.unchecked_answers:
        return (
            "The disclosure check of these tables has not finished; wait for it: "
            + ", ".join(facts.unchecked_answers)
            + "."
        )
    return None


def approver_is_not_drafter(facts: CaseFacts) -> str | None:
    """The two-person rule: whoever drafted and submitted the response does not approve it."""
    if facts.actor_id is not None and facts.actor_id == facts.drafter_id:
        return "You submitted this response: a different decision maker must approve it."
    return None


def requester_is_reachable(facts: CaseFacts) -> str | None:
    if not facts.requester_reachable:
        return "The case has no email or postal address to send the response to."
    return None


def fee_paid_in_time(facts: CaseFacts) -> str | None:
    """s.9(2) FOIA: a fee paid after three months does not revive the request."""
    paid = facts.on or facts.today
    if facts.fee_last_day is not None and paid > facts.fee_last_day:
        return (
            f"The fee had to be paid by {facts.fee_last_day:%-d %B %Y} (s.9(2) FOIA): "
            "the request has lapsed instead."
        )
    return None


def fee_period_over(facts: CaseFacts) -> str | None:
    if facts.fee_last_day is not None and facts.today > facts.fee_last_day:
        return None
    if facts.clarification_lapses_on is not None and facts.today >= facts.clarification_lapses_on:
        return None
    if facts.fee_last_day is not None:
        return f"The fee can still be paid until {facts.fee_last_day:%-d %B %Y} (s.9(2) FOIA)."
    if facts.clarification_lapses_on is not None:
        return f"The requester can still clarify until {facts.clarification_lapses_on:%-d %B %Y}."
    return "Nothing is outstanding that could lapse."


def reason_given(facts: CaseFacts) -> str | None:
    if len(facts.reason.strip()) < MIN_REASON_CHARACTERS:
        return "Give a reason (a sentence or more): it is kept in the audit trail."
    return None


def published_text_reviewed(facts: CaseFacts) -> str | None:
    if not facts.published_text_reviewed:
        return "Review the request text as it will be published, with the requester's details removed."
    return None


def event_date_valid(facts: CaseFacts) -> str | None:
    """An event cannot happen in the future or before the request arrived."""
    if facts.on is None:
        return None
    if facts.on > facts.today:
        return "That date is in the future."
    if facts.received_on is not None and facts.on < facts.received_on:
        return "That date is before the request was received."
    return None


# Guards that read what the actor gives on the event's own page (a reason, a date, the reviewed text):
# a case page listing what stands in the way leaves them out.
INPUT_GUARDS = frozenset({"reason_given", "event_date_valid", "published_text_reviewed"})

GUARDS: Mapping[str, Guard] = {
    guard.__name__: guard
    for guard in (
        all_parts_decided,
        response_passes_s17,
        no_block_findings,
        answer_text_discloses_no_small_count,
        answers_checked,
        documents_approved,
        approver_is_not_drafter,
        requester_is_reachable,
        fee_paid_in_time,
        fee_period_over,
        reason_given,
        published_text_reviewed,
        event_date_valid,
    )
}


# --- the table -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Transition:
    event: Event
    sources: frozenset[State]
    target: State
    roles: frozenset[Role]
    guards: tuple[str, ...] = ()


_CASE_WORKERS = frozenset({Role.CASE_OFFICER, Role.DECISION_MAKER, Role.ADMINISTRATOR})
_DECIDERS = frozenset({Role.DECISION_MAKER, Role.ADMINISTRATOR})
_PUBLISHERS = frozenset({Role.PUBLISHER, Role.ADMINISTRATOR})
_PRE_RESPONSE = frozenset(OPEN_STATES)


def _t(
    event: Event,
    sources: frozenset[State] | set[State],
    target: State,
    roles: frozenset[Role] | set[Role],
    *guards: Guard,
) -> Transition:
    return Transition(event, frozenset(sources), target, frozenset(roles), tuple(g.__name__ for g in guards))


TRANSITIONS: Mapping[Event, Transition] = {
    t.event: t
    for t in (
        _t(Event.ACKNOWLEDGE, {State.RECEIVED}, State.ACKNOWLEDGED, _CASE_WORKERS | {Role.SYSTEM}),
        _t(Event.START, {State.RECEIVED, State.ACKNOWLEDGED}, State.IN_PROGRESS, _CASE_WORKERS),
        _t(
            Event.SEEK_CLARIFICATION,
            {State.RECEIVED, State.ACKNOWLEDGED, State.IN_PROGRESS},
            State.AWAITING_CLARIFICATION,
            _CASE_WORKERS,
            event_date_valid,
        ),
        _t(
            Event.RECEIVE_CLARIFICATION,
            {State.AWAITING_CLARIFICATION},
            State.IN_PROGRESS,
            _CASE_WORKERS,
            event_date_valid,
        ),
        _t(
            Event.ISSUE_FEE_NOTICE,
            {State.ACKNOWLEDGED, State.IN_PROGRESS},
            State.AWAITING_FEE,
            _DECIDERS,
            event_date_valid,
        ),
        _t(
            Event.RECORD_FEE_PAID,
            {State.AWAITING_FEE},
            State.IN_PROGRESS,
            _CASE_WORKERS,
            event_date_valid,
            fee_paid_in_time,
        ),
        _t(
            Event.LAPSE,
            {State.AWAITING_FEE, State.AWAITING_CLARIFICATION},
            State.LAPSED,
            _CASE_WORKERS | {Role.SYSTEM},
            fee_period_over,
        ),
        _t(
            Event.SUBMIT_FOR_APPROVAL,
            {State.IN_PROGRESS},
            State.AWAITING_APPROVAL,
            _CASE_WORKERS,
            all_parts_decided,
            response_passes_s17,
            no_block_findings,
            answer_text_discloses_no_small_count,
            answers_checked,
        ),
        _t(Event.RETURN_FOR_CHANGES, {State.AWAITING_APPROVAL, State.APPROVED}, State.IN_PROGRESS, _DECIDERS),
        _t(
            Event.APPROVE,
            {State.AWAITING_APPROVAL},
            State.APPROVED,
            _DECIDERS,
            approver_is_not_drafter,
            all_parts_decided,
            response_passes_s17,
            no_block_findings,
            answer_text_discloses_no_small_count,
            answers_checked,
            documents_approved,
        ),
        _t(
            Event.SEND,
            {State.APPROVED},
            State.SENT,
            _CASE_WORKERS,
            requester_is_reachable,
            all_parts_decided,
            response_passes_s17,
            no_block_findings,
            answer_text_discloses_no_small_count,
            answers_checked,
            documents_approved,
        ),
        _t(
            Event.PUBLISH,
            {State.SENT},
            State.PUBLISHED,
            _PUBLISHERS,
            published_text_reviewed,
            no_block_findings,
        ),
        _t(Event.DECLINE_PUBLICATION, {State.SENT}, State.NOT_FOR_PUBLICATION, _PUBLISHERS, reason_given),
        _t(
            Event.WITHDRAW_PUBLICATION,
            {State.PUBLISHED},
            State.NOT_FOR_PUBLICATION,
            _PUBLISHERS,
            reason_given,
        ),
        _t(
            Event.REPUBLISH,
            {State.NOT_FOR_PUBLICATION},
            State.PUBLISHED,
            _PUBLISHERS,
            reason_given,
            published_text_reviewed,
            no_block_findings,
        ),
        _t(Event.WITHDRAW, _PRE_RESPONSE, State.WITHDRAWN, _CASE_WORKERS, reason_given),
        _t(
            Event.CLOSE,
            {State.SENT, State.PUBLISHED, State.NOT_FOR_PUBLICATION},
            State.CLOSED,
            _CASE_WORKERS,
        ),
    )
}


@dataclass(frozen=True, slots=True)
class ActionRule:
    action: Action
    states: frozenset[State]
    roles: frozenset[Role]


_AFTER_RESPONSE = frozenset(RESPONDED_STATES)
_ALL_STATES = frozenset(State)

ACTIONS: Mapping[Action, ActionRule] = {
    rule.action: rule
    for rule in (
        ActionRule(Action.ASSIGN, _PRE_RESPONSE, _CASE_WORKERS),
        ActionRule(Action.EDIT_PARTS, DRAFTING_STATES, _CASE_WORKERS),
        ActionRule(Action.RECORD_DECISION, DRAFTING_STATES, _CASE_WORKERS),
        ActionRule(Action.RECORD_REFUSAL, DRAFTING_STATES, _DECIDERS),
        ActionRule(Action.ANSWER_FROM_RECORDS, DRAFTING_STATES, _CASE_WORKERS),
        ActionRule(Action.ATTACH_DOCUMENT, DRAFTING_STATES, _CASE_WORKERS),
        ActionRule(Action.APPROVE_DOCUMENT, DRAFTING_STATES | {State.AWAITING_APPROVAL}, _DECIDERS),
        ActionRule(
            Action.RECORD_CLOCK_EVENT,
            frozenset({State.RECEIVED, State.ACKNOWLEDGED, State.IN_PROGRESS, State.AWAITING_APPROVAL}),
            _CASE_WORKERS,
        ),
        ActionRule(Action.OPEN_REVIEW, _AFTER_RESPONSE, _CASE_WORKERS),
        ActionRule(Action.DECIDE_REVIEW, _AFTER_RESPONSE, _DECIDERS),
        ActionRule(Action.RECORD_APPEAL, _AFTER_RESPONSE, _DECIDERS),
        ActionRule(Action.CONFIRM_LINK, _ALL_STATES, _CASE_WORKERS),
        ActionRule(Action.RESEND_EMAIL, _ALL_STATES, _CASE_WORKERS),
        ActionRule(
            Action.ERASE_REQUESTER_DATA,
            _ALL_STATES,  # which cases are finished is retention's own rule (web/cases/retention.py)
            frozenset({Role.ADMINISTRATOR, Role.SYSTEM}),
        ),
        ActionRule(
            Action.REVIEW_PUBLIC_TEXT,
            frozenset({State.SENT, State.NOT_FOR_PUBLICATION, State.PUBLISHED}),
            _PUBLISHERS,
        ),
    )
}


# --- asking the table ------------------------------------------------------------------------------


class RefusalKind(StrEnum):
    STATE = "state"
    ROLE = "role"
    GUARD = "guard"


@dataclass(frozen=True, slots=True)
class Refusal:
    kind: RefusalKind
    message: str
    guard: str | None = None


@dataclass(frozen=True, slots=True)
class Verdict:
    """Whether an actor may fire an event (or do an action) now, and if not, every reason why."""

    allowed: bool
    target: State | None = None
    refusals: tuple[Refusal, ...] = field(default=())

    @property
    def message(self) -> str:
        return " ".join(r.message for r in self.refusals)


def _role_refusal(roles: frozenset[Role], what: str, allowed: frozenset[Role]) -> Refusal | None:
    if roles & allowed:
        return None
    names = [r.value.lower() for r in Role if r in allowed and r is not Role.SYSTEM]
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
    article = "an" if listed[0] in "aeiou" else "a"
    return Refusal(RefusalKind.ROLE, f"Only {article} {listed} can {what}.")


def may_fire(event: Event, state: State, roles: frozenset[Role], facts: CaseFacts) -> Verdict:
    """May an actor with ``roles`` fire ``event`` on a case in ``state``, given ``facts``?

    The state and role are checked first; the guards only when both allow the event, so a refusal
    says first what the actor could never do here, then what is missing.
    """
    transition = TRANSITIONS[event]
    refusals: list[Refusal] = []
    if state not in transition.sources:
        refusals.append(
            Refusal(
                RefusalKind.STATE,
                f"A case that is {state.label.lower()} cannot be moved by “{event.label.lower()}”.",
            )
        )
    role = _role_refusal(roles, event.label.lower(), transition.roles)
    if role is not None:
        refusals.append(role)
    if not refusals:
        for name in transition.guards:
            message = GUARDS[name](facts)
            if message is not None:
                refusals.append(Refusal(RefusalKind.GUARD, message, guard=name))
    return Verdict(allowed=not refusals, target=transition.target, refusals=tuple(refusals))


_ACTION_WORDS: Mapping[Action, str] = {
    Action.ASSIGN: "assign this case",
    Action.EDIT_PARTS: "change the parts",
    Action.RECORD_DECISION: "record a decision",
    Action.RECORD_REFUSAL: "record a refusal (s.17)",
    Action.ANSWER_FROM_RECORDS: "answer from the records",
    Action.ATTACH_DOCUMENT: "attach a document",
    Action.APPROVE_DOCUMENT: "approve a document for release",
    Action.RECORD_CLOCK_EVENT: "record a clock event",
    Action.OPEN_REVIEW: "open an internal review",
    Action.DECIDE_REVIEW: "decide an internal review",
    Action.RECORD_APPEAL: "record a complaint or appeal",
    Action.CONFIRM_LINK: "confirm a related request",
    Action.REVIEW_PUBLIC_TEXT: "review the text to be published",
    Action.ERASE_REQUESTER_DATA: "erase a requester's personal data",
    Action.RESEND_EMAIL: "send again a message the mail server refused",
}


def may_do(action: Action, state: State, roles: frozenset[Role]) -> Verdict:
    """May an actor with ``roles`` do ``action`` on a case in ``state``?"""
    rule = ACTIONS[action]
    refusals: list[Refusal] = []
    if state not in rule.states:
        refusals.append(
            Refusal(
                RefusalKind.STATE,
                f"You cannot {_ACTION_WORDS[action]} while the case is {state.label.lower()}.",
            )
        )
    role = _role_refusal(roles, _ACTION_WORDS[action], rule.roles)
    if role is not None:
        refusals.append(role)
    return Verdict(allowed=not refusals, refusals=tuple(refusals))


def events_from(state: State) -> list[Event]:
    """Events the table allows from ``state`` (for any role), in the table's order."""
    return [event for event, t in TRANSITIONS.items() if state in t.sources]


def check_table() -> None:
    """The table is whole: every guard named exists, every state is reachable, every event has roles.

    Called by the tests and once when the web app starts, so a broken table never serves.
    """
    for transition in TRANSITIONS.values():
        for name in transition.guards:
            if name not in GUARDS:
                raise AssertionError(f"{transition.event}: unknown guard {name}")
        if not transition.roles or not transition.sources:
            raise AssertionError(f"{transition.event}: no roles or no source states")
    reached = {State.RECEIVED} | {t.target for t in TRANSITIONS.values()}
    missing = set(State) - reached
    if missing:
        raise AssertionError(f"states no event reaches: {sorted(missing)}")
    if set(ACTIONS) != set(Action) or set(_ACTION_WORDS) != set(Action):
        raise AssertionError("every action needs a rule and words")
    if set(TRANSITIONS) != set(Event):
        raise AssertionError("every event needs a transition")
