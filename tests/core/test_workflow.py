"""The workflow table: whole, and each guard refusing just outside what it allows."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from foidesk.core import workflow as wf
from foidesk.core.workflow import CaseFacts, Event, RefusalKind, Role, State

TODAY = dt.date(2026, 12, 7)
STAFF = [Role.CASE_OFFICER, Role.DECISION_MAKER, Role.PUBLISHER, Role.ADMINISTRATOR]


def test_the_table_is_whole() -> None:
    wf.check_table()


def test_every_state_but_the_ends_has_a_way_out() -> None:
    ends = {State.WITHDRAWN, State.LAPSED, State.CLOSED}
    for state in set(State) - ends:
        assert wf.events_from(state), state


def test_nothing_leaves_the_final_states() -> None:
    for state in (State.WITHDRAWN, State.LAPSED, State.CLOSED):
        assert wf.events_from(state) == []


@pytest.mark.parametrize(
    ("event", "state", "role"), list(itertools.product(Event, State, [*STAFF, Role.SYSTEM]))
)
def test_every_cell_answers_by_the_table(event: Event, state: State, role: Role) -> None:
    transition = wf.TRANSITIONS[event]
    verdict = wf.may_fire(event, state, frozenset({role}), CaseFacts(today=TODAY))
    kinds = {r.kind for r in verdict.refusals}
    assert (RefusalKind.STATE in kinds) == (state not in transition.sources)
    assert (RefusalKind.ROLE in kinds) == (role not in transition.roles)
    if state in transition.sources and role in transition.roles:
        assert kinds <= {RefusalKind.GUARD}
    assert verdict.allowed == (not verdict.refusals)


def test_a_case_officer_cannot_approve_or_record_a_refusal() -> None:
    officer = frozenset({Role.CASE_OFFICER})
    verdict = wf.may_fire(Event.APPROVE, State.AWAITING_APPROVAL, officer, CaseFacts(today=TODAY))
    assert not verdict.allowed and "decision maker" in verdict.message
    assert not wf.may_do(wf.Action.RECORD_REFUSAL, State.IN_PROGRESS, officer).allowed
    assert wf.may_do(wf.Action.RECORD_DECISION, State.IN_PROGRESS, officer).allowed


def test_the_drafter_cannot_approve_their_own_response() -> None:
    decider = frozenset({Role.DECISION_MAKER})
    own = CaseFacts(today=TODAY, actor_id=7, drafter_id=7)
    other = CaseFacts(today=TODAY, actor_id=8, drafter_id=7)
    refused = wf.may_fire(Event.APPROVE, State.AWAITING_APPROVAL, decider, own)
    assert [r.guard for r in refused.refusals] == ["approver_is_not_drafter"]
    assert wf.may_fire(Event.APPROVE, State.AWAITING_APPROVAL, decider, other).allowed


def test_a_response_failing_s17_cannot_be_submitted_approved_or_sent() -> None:
    facts = CaseFacts(today=TODAY, actor_id=2, drafter_id=1, s17_findings=("Part 1 names no exemption.",))
    for event, state in (
        (Event.SUBMIT_FOR_APPROVAL, State.IN_PROGRESS),
        (Event.APPROVE, State.AWAITING_APPROVAL),
        (Event.SEND, State.APPROVED),
    ):
        verdict = wf.may_fire(event, state, frozenset({Role.ADMINISTRATOR}), facts)
        assert "response_passes_s17" in [r.guard for r in verdict.refusals]


def test_a_blocked_file_stops_sending_and_publishing() -> None:
    facts = CaseFacts(today=TODAY, blocked_documents=("staff.xlsx",), published_text_reviewed=True)
    assert not wf.may_fire(Event.SEND, State.APPROVED, frozenset({Role.CASE_OFFICER}), facts).allowed
    assert not wf.may_fire(Event.PUBLISH, State.SENT, frozenset({Role.PUBLISHER}), facts).allowed


def test_fee_paid_on_the_last_day_is_in_time_and_the_day_after_is_not() -> None:
    last = dt.date(2026, 3, 9)
    role = frozenset({Role.CASE_OFFICER})
    on_time = CaseFacts(today=TODAY, fee_last_day=last, on=last)
    late = CaseFacts(today=TODAY, fee_last_day=last, on=last + dt.timedelta(days=1))
    assert wf.may_fire(Event.RECORD_FEE_PAID, State.AWAITING_FEE, role, on_time).allowed
    assert not wf.may_fire(Event.RECORD_FEE_PAID, State.AWAITING_FEE, role, late).allowed


def test_a_request_lapses_only_after_the_fee_period() -> None:
    role = frozenset({Role.SYSTEM})
    last = dt.date(2026, 3, 9)
    assert not wf.may_fire(
        Event.LAPSE, State.AWAITING_FEE, role, CaseFacts(today=last, fee_last_day=last)
    ).allowed
    assert wf.may_fire(
        Event.LAPSE, State.AWAITING_FEE, role, CaseFacts(today=last + dt.timedelta(days=1), fee_last_day=last)
    ).allowed


def test_publishing_needs_the_reviewed_text_and_declining_needs_a_reason() -> None:
    publisher = frozenset({Role.PUBLISHER})
    assert not wf.may_fire(Event.PUBLISH, State.SENT, publisher, CaseFacts(today=TODAY)).allowed
    assert wf.may_fire(
        Event.PUBLISH, State.SENT, publisher, CaseFacts(today=TODAY, published_text_reviewed=True)
    ).allowed
    assert not wf.may_fire(
        Event.DECLINE_PUBLICATION, State.SENT, publisher, CaseFacts(today=TODAY, reason="no")
    ).allowed
    assert wf.may_fire(
        Event.REPUBLISH,
        State.NOT_FOR_PUBLICATION,
        publisher,
        CaseFacts(
            today=TODAY, reason="Withdrawn in error; the file was clean.", published_text_reviewed=True
        ),
    ).allowed


def test_event_dates_cannot_be_in_the_future_or_before_receipt() -> None:
    role = frozenset({Role.CASE_OFFICER})
    received = dt.date(2026, 11, 2)
    for on, allowed in ((TODAY, True), (TODAY + dt.timedelta(days=1), False), (dt.date(2026, 11, 1), False)):
        facts = CaseFacts(today=TODAY, on=on, received_on=received)
        assert wf.may_fire(Event.SEEK_CLARIFICATION, State.IN_PROGRESS, role, facts).allowed is allowed


def test_open_and_responded_states_do_not_overlap() -> None:
    assert not (wf.OPEN_STATES & wf.RESPONDED_STATES)
    assert all(state.label for state in State)


def test_input_guards_are_guards() -> None:
    assert set(wf.GUARDS) >= wf.INPUT_GUARDS
