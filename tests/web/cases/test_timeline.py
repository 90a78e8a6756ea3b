"""A case's timeline from the audit trail: every action in words, newest first, in MOJ markup."""

from __future__ import annotations

import datetime as dt

import pytest
from django.template.loader import render_to_string

from foidesk.core.outcome import Outcome
from foidesk.core.workflow import Event
from foidesk.web.accounts.roles import Role
from foidesk.web.audit.actions import AuditAction, workflow_action
from foidesk.web.audit.services import audit_record
from foidesk.web.cases import services
from foidesk.web.cases.timeline import case_timeline, describe
from tests.factories import UserFactory


def test_every_registered_action_and_workflow_event_has_words() -> None:
    for action in AuditAction:
        assert describe(action.value, {}) != action.value, action
    for event in Event:
        assert describe(workflow_action(event), {}) != workflow_action(event), event


def test_an_unknown_action_still_shows_its_code() -> None:
    assert describe("case.teleport", {"x": 1}) == "case.teleport"


@pytest.mark.django_db
def test_timeline_lists_opening_assignment_and_a_decision_in_words_newest_first() -> None:
    officer = UserFactory(first_name="Olu", last_name="Officer", role=Role.CASE_OFFICER)
    decider = UserFactory(first_name="Dana", last_name="Decider", role=Role.DECISION_MAKER)
    case = services.request_open(
        text="Please tell me the number of Taser discharges in 2024.",
        requester_name="A. Person",
        received_on=dt.date(2024, 3, 1),
        channel="email",
        actor=None,
    )
    other = services.request_open(
        text="Please send the vetting policy.",
        requester_name="B",
        received_on=dt.date(2024, 3, 1),
        actor=None,
    )
    services.request_assign(request=case, officer=officer, actor=decider)
    services.request_assign(request=other, officer=decider, actor=decider)
    services.decision_record(
        part=case.parts.get(position=1),
        outcome=Outcome.WITHHELD,
        actor=decider,
        exemptions=[
            services.ExemptionSpec(
                code="s.31",
                reasons="Prejudice to law enforcement.",
                public_interest_for="Transparency.",
                public_interest_against="Offenders would adapt.",
                public_interest_conclusion="Withholding.",
            )
        ],
    )
    audit_record(actor=decider, action=workflow_action(Event.SUBMIT_FOR_APPROVAL), obj=case)

    entries = case_timeline(case)
    whats = [e.what for e in entries]
    assert whats[0] == "Submitted for approval"
    assert whats[1].startswith("Decision recorded: withheld, relying on s.31")
    assert whats[2] == "Work started"  # assigning a new case starts it
    assert whats[3] == f"Assigned to {officer.username}"
    assert whats[-1] == "Request opened (received by email on 1 March 2024)"
    assert "Assigned to " + decider.username not in whats  # the other case's event is not here
    assert entries[1].who == "Dana Decider" and entries[-1].who == "FOI Desk"
    assert [e.at for e in entries] == sorted((e.at for e in entries), reverse=True)

    html = render_to_string("staff/components/timeline.html", {"timeline": entries})
    assert html.count('class="moj-timeline__item"') == len(entries)
    assert "Decision recorded: withheld" in html and "by Dana Decider" in html
    assert 'datetime="' in html
