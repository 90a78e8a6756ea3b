"""The case's road over real HTTP and through the one transition service (web/cases/workflow.py)."""

from __future__ import annotations

import datetime as dt
import itertools
import json

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client

from foidesk.core import workflow as wf
from foidesk.core.outcome import Outcome
from foidesk.core.workflow import Event, RefusalKind, Role, State
from foidesk.web.accounts.roles import STAFF_ROLES
from foidesk.web.audit.models import AuditEvent
from foidesk.web.audit.services import audit_verify
from foidesk.web.cases import services
from foidesk.web.cases.models import Request
from foidesk.web.cases.permissions import NotPermitted, Refused, WrongState
from foidesk.web.cases.workflow import EventInput, case_transition
from foidesk.web.publication.models import Publication
from tests.factories import decided_case, published_case, sent_case, staff

pytestmark = pytest.mark.django_db

SIGNED = (
    "Dear Metropolitan Police Service,\n\nPlease tell me how many Taser discharges were recorded in "
    "Lambeth in 2024.\n\nYours faithfully,\nRosalind Pemberton-Okoye\n07700 900456"
)
NAME = "Rosalind Pemberton-Okoye"


@pytest.fixture
def officer() -> User:
    return staff(Role.CASE_OFFICER, username="olu")


@pytest.fixture
def decider() -> User:
    return staff(Role.DECISION_MAKER, username="dana")


@pytest.fixture
def publisher() -> User:
    return staff(Role.PUBLISHER, username="sam")


def _signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.django_db(transaction=True)  # the email goes after the commit (web/cases/outbox.py)
def test_public_request_to_published_answer_over_http(
    client: Client, officer: User, decider: User, publisher: User
) -> None:
    received = client.post(
        "/make-a-request/", {"name": NAME, "email": "rosalind@example.org", "request": SIGNED}
    )
    assert received.status_code == 302
    case = Request.objects.get(requester_name=NAME)
    assert case.state is State.ACKNOWLEDGED
    acknowledgement = mail.outbox[-1]
    assert acknowledgement.to == ["rosalind@example.org"] and case.reference in acknowledgement.body
    assert f"{case.due_on.day} {case.due_on:%B %Y}" in acknowledgement.body

    as_officer, as_decider, as_publisher = _signed_in(officer), _signed_in(decider), _signed_in(publisher)
    base = f"/staff/cases/{case.reference}/"
    assert as_decider.post(f"{base}events/start/", {"version": case.version}).status_code == 302
    part = case.parts.get()
    assert (
        as_officer.post(
            f"{base}parts/{part.position}/decision/",
            {"version": 0, "outcome": "disclosed", "answer": "There were 41 discharges."},
        ).status_code
        == 302
    )
    case.refresh_from_db()
    assert as_officer.post(f"{base}events/submit-for-approval/", {"version": case.version}).status_code == 302

    refused = as_officer.post(f"{base}events/approve/", {"version": case.version + 1})
    assert refused.status_code == 403
    assert "Only a decision maker or administrator can approve the response" in refused.content.decode()

    case.refresh_from_db()
    assert as_decider.post(f"{base}events/approve/", {"version": case.version}).status_code == 302
    case.refresh_from_db()
    assert case.approved_by == decider and case.submitted_by == officer
    assert as_officer.post(f"{base}events/send/", {"version": case.version}).status_code == 302
    case.refresh_from_db()
    assert case.state is State.SENT and case.responded_on is not None
    response = mail.outbox[-1]
    assert response.to == ["rosalind@example.org"]
    assert [name for name, _content, _type in response.attachments] == [
        f"response-{case.reference.lower().replace('.', '-')}.pdf"
    ]
    assert response.attachments[0][1].startswith(b"%PDF")

    page = as_publisher.get(f"{base}publish/").content.decode()
    assert "foidesk-removed" in page and NAME in page  # the publisher sees what is removed, marked
    published = as_publisher.post(
        f"{base}publish/",
        {
            "text-version": case.version,
            "text-public_text": "Please tell me how many Taser discharges were recorded in Lambeth in 2024.",
            "text-reviewed": "on",
            "entry-title": "Taser discharges in Lambeth in 2024",
            "entry-summary": "The number of Taser discharges.",
            "entry-response_text": "There were 41 discharges.",
            "entry-published_on": dt.date.today().isoformat(),
        },
    )
    assert published.status_code == 302, published.content.decode()
    case.refresh_from_db()
    assert case.state is State.PUBLISHED and case.publication is not None

    actions = list(
        AuditEvent.objects.filter(object_type="cases.Request", object_id=str(case.pk)).values_list(
            "action", flat=True
        )
    )
    for event in (Event.ACKNOWLEDGE, Event.START, Event.SUBMIT_FOR_APPROVAL, Event.APPROVE, Event.SEND):
        assert f"case.{event.value}" in actions
    assert "case.publish" in actions
    assert audit_verify()["ok"]


def test_nothing_public_carries_the_requesters_name_or_contact_details(
    client: Client, officer: User, decider: User, publisher: User
) -> None:
    case = decided_case(officer=officer, texts=(SIGNED,), requester_name=NAME)
    sent_case(case, officer=officer, decider=decider)
    entry = published_case(case, publisher=publisher, on=dt.date.today(), title="Taser discharges in 2024")
    pages = [
        client.get(entry.get_absolute_url()).content.decode(),
        client.get(f"/api/v1/disclosures/{entry.reference}").content.decode(),
        client.get("/api/v1/disclosures?q=Taser").content.decode(),
        client.get("/disclosure-log/?q=Taser").content.decode(),
        client.get("/disclosure-log/feed.atom").content.decode(),
    ]
    assert "Taser" in pages[0] and entry.reference in pages[2]
    for body in pages:
        for secret in (NAME, "Pemberton", "07700 900456", "faithfully"):
            assert secret not in body
    for secret in ("Pemberton", "07700"):
        assert not Publication.objects.filter(request_text__contains=secret).exists()
        assert not Publication.objects.filter(parts__icontains=secret).exists()


def test_an_officer_cannot_record_a_refusal(officer: User) -> None:
    case = decided_case(officer=officer)
    part = case.parts.get()
    response = _signed_in(officer).post(
        f"/staff/cases/{case.reference}/parts/{part.position}/decision/",
        {
            "version": 1,
            "outcome": "withheld",
            "ex-TOTAL_FORMS": "1",
            "ex-INITIAL_FORMS": "0",
            "ex-0-code": "s.40(2)",
            "ex-0-reasons": "Personal data.",
        },
    )
    assert response.status_code == 403
    assert "Only a decision maker or administrator can record a refusal" in response.content.decode()
    part.decision.refresh_from_db()
    assert part.decision.outcome == Outcome.DISCLOSED.value


def test_the_second_of_two_people_saving_one_decision_gets_a_conflict(officer: User, decider: User) -> None:
    case = decided_case(officer=officer)
    part = case.parts.get()
    url = f"/staff/cases/{case.reference}/parts/{part.position}/decision/"
    first, second = _signed_in(officer), _signed_in(decider)
    opened_at = part.decision.version
    saved = first.post(url, {"version": opened_at, "outcome": "disclosed", "answer": "There are 813."})
    assert saved.status_code == 302
    stale = second.post(url, {"version": opened_at, "outcome": "not_held", "answer": "Not held."})
    assert stale.status_code == 409
    assert "was changed by olu" in stale.content.decode()
    part.decision.refresh_from_db()
    assert part.decision.answer == "There are 813."


def test_a_decision_cannot_change_once_the_response_is_sent(officer: User, decider: User) -> None:
    case = sent_case(decided_case(officer=officer), officer=officer, decider=decider)
    part = case.parts.get()
    with pytest.raises(WrongState):
        services.decision_record(part=part, outcome=Outcome.NOT_HELD, actor=decider)
    page = _signed_in(decider).get(f"/staff/cases/{case.reference}/parts/{part.position}/decision/")
    assert page.status_code == 409


def test_a_transition_the_table_does_not_allow_gets_a_clear_message(officer: User) -> None:
    case = decided_case(officer=officer)
    response = _signed_in(officer).post(f"/staff/cases/{case.reference}/events/send/", {})
    assert response.status_code == 409
    assert "cannot be moved by “send the response”" in response.content.decode()
    assert _signed_in(officer).get(f"/staff/cases/{case.reference}/events/no-such-event/").status_code == 404


def test_a_stale_event_form_gets_a_conflict(officer: User) -> None:
    case = decided_case(officer=officer)
    stale = case.version - 1
    response = _signed_in(officer).post(
        f"/staff/cases/{case.reference}/events/submit-for-approval/", {"version": stale}
    )
    assert response.status_code == 409 and "changed by someone else" in response.content.decode()
    case.refresh_from_db()
    assert case.state is State.IN_PROGRESS


@pytest.mark.django_db(transaction=True)  # the email goes after the commit (web/cases/outbox.py)
def test_clarification_letter_is_emailed_and_the_request_lapses_after_three_months(officer: User) -> None:
    case = decided_case(officer=officer, received_on=dt.date(2025, 1, 6))
    case_transition(
        request=case,
        event=Event.SEEK_CLARIFICATION,
        actor=officer,
        data=EventInput(message="Which stations do you mean?", on=dt.date(2025, 1, 7)),
        today=dt.date(2025, 1, 7),
    )
    assert "Which stations do you mean?" in mail.outbox[-1].body
    with pytest.raises(Refused, match="can still clarify until 7 April 2025"):
        case_transition(request=case, event=Event.LAPSE, actor=None, today=dt.date(2025, 4, 6))
    case_transition(request=case, event=Event.LAPSE, actor=None, today=dt.date(2025, 4, 7))
    case.refresh_from_db()
    assert case.state is State.LAPSED and case.ended_on == dt.date(2025, 4, 7)


@pytest.mark.django_db(transaction=True)  # the email goes after the commit (web/cases/outbox.py)
def test_fee_notice_pauses_the_clock_and_a_late_payment_is_refused(officer: User, decider: User) -> None:
    case = decided_case(officer=officer, received_on=dt.date(2025, 1, 6))
    due_before = case.due_on
    case_transition(
        request=case,
        event=Event.ISSUE_FEE_NOTICE,
        actor=decider,
        data=EventInput(amount="£25.00", on=dt.date(2025, 1, 8)),
        today=dt.date(2025, 1, 8),
    )
    assert "£25.00" in mail.outbox[-1].body
    case.refresh_from_db()
    assert case.state is State.AWAITING_FEE
    with pytest.raises(Refused, match="request has lapsed instead"):
        case_transition(
            request=case,
            event=Event.RECORD_FEE_PAID,
            actor=officer,
            data=EventInput(on=dt.date(2025, 5, 1)),
            today=dt.date(2025, 5, 1),
        )
    case_transition(
        request=case,
        event=Event.RECORD_FEE_PAID,
        actor=officer,
        data=EventInput(on=dt.date(2025, 1, 15)),
        today=dt.date(2025, 1, 15),
    )
    case.refresh_from_db()
    assert case.state is State.IN_PROGRESS and case.due_on > due_before
    with pytest.raises(services.CaseError, match="amount in pounds"):
        case_transition(
            request=case, event=Event.ISSUE_FEE_NOTICE, actor=decider, data=EventInput(amount="lots")
        )


def test_withdrawing_an_entry_removes_it_and_publishing_again_needs_a_reason(
    client: Client, officer: User, decider: User, publisher: User
) -> None:
    case = sent_case(decided_case(officer=officer), officer=officer, decider=decider)
    entry = published_case(case, publisher=publisher, on=dt.date.today())
    assert client.get(entry.get_absolute_url()).status_code == 200
    with pytest.raises(Refused, match="Give a reason"):
        case_transition(request=case, event=Event.WITHDRAW_PUBLICATION, actor=publisher)
    case_transition(
        request=case,
        event=Event.WITHDRAW_PUBLICATION,
        actor=publisher,
        data=EventInput(reason="A third party's name was found in the text."),
    )
    assert client.get(entry.get_absolute_url()).status_code == 404
    assert entry.reference not in client.get("/api/v1/disclosures").content.decode()
    assert entry.reference not in client.get("/disclosure-log/feed.atom").content.decode()
    page = _signed_in(publisher).get(f"/staff/cases/{case.reference}/publish/").content.decode()
    assert "Why it is published again" in page


def test_a_publisher_cannot_decide_and_an_officer_cannot_publish(officer: User, publisher: User) -> None:
    case = decided_case(officer=officer)
    part = case.parts.get()
    with pytest.raises(NotPermitted):
        services.decision_record(part=part, outcome=Outcome.NOT_HELD, actor=publisher)
    assert _signed_in(officer).get(f"/staff/cases/{case.reference}/publish/").status_code == 403


STATES_AND_ROLES = list(itertools.product(State, [*STAFF_ROLES, Role.SYSTEM]))


@pytest.mark.parametrize(("state", "role"), STATES_AND_ROLES)
def test_every_cell_of_the_table_holds_in_the_service(state: State, role: Role, officer: User) -> None:
    """For each state and role, every event: the service refuses exactly what the table refuses by state
    and role, and whatever it refuses otherwise, it refuses by a named guard."""
    case = decided_case(officer=officer, requester_email="")
    actor = None if role is Role.SYSTEM else staff(role)
    for event in Event:
        Request.objects.filter(pk=case.pk).update(status=state.value)
        transition = wf.TRANSITIONS[event]
        try:
            case_transition(request=case, event=event, actor=actor, data=EventInput(reason="x"))
        except Refused as refused:
            kinds = {r.kind for r in refused.verdict.refusals}
            assert (RefusalKind.STATE in kinds) == (state not in transition.sources), event
            assert (RefusalKind.ROLE in kinds) == (role not in transition.roles), event
        except services.CaseError:
            # Allowed by state and role; the event's own work refused (e.g. no clarification text).
            assert state in transition.sources and role in transition.roles, event
        else:
            assert state in transition.sources and role in transition.roles, event
            case.refresh_from_db()
            assert case.state is transition.target


def test_the_audit_records_each_transition_with_its_states(officer: User) -> None:
    case = decided_case(officer=officer)
    case_transition(request=case, event=Event.SUBMIT_FOR_APPROVAL, actor=officer)
    event = AuditEvent.objects.filter(action="case.submit_for_approval").get()
    assert event.details["from"] == "in_progress" and event.details["to"] == "awaiting_approval"
    assert json.dumps(event.details)  # plain JSON
