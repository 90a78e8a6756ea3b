"""The staff workspace over real HTTP: case list, case page, intake, decisions, clock, statistics."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from foidesk.core.outcome import Outcome
from foidesk.core.workflow import State
from foidesk.web.accounts.roles import Role
from foidesk.web.audit.models import AuditEvent
from foidesk.web.cases import services
from foidesk.web.cases.models import Request
from tests.factories import PublicationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer_client(client: Client) -> Client:
    client.force_login(UserFactory(username="olu", role=Role.CASE_OFFICER))
    return client


@pytest.fixture
def decider_client(client: Client) -> Client:
    client.force_login(UserFactory(username="dana", role=Role.DECISION_MAKER))
    return client


def _exemptions(*entries: tuple[str, str]) -> dict[str, str]:
    """The decision form's exemption entries as posted: code and reasons for each."""
    data = {"ex-TOTAL_FORMS": str(len(entries)), "ex-INITIAL_FORMS": "0"}
    for i, (code, reasons) in enumerate(entries):
        data[f"ex-{i}-code"] = code
        data[f"ex-{i}-reasons"] = reasons
    return data


def _open(days_ago: int, text: str = "Please tell me the number of Taser discharges in 2024.") -> Request:
    return services.request_open(
        text=text,
        requester_name="A. Person",
        received_on=timezone.localdate() - dt.timedelta(days=days_ago),
        actor=None,
    )


def test_case_list_puts_the_overdue_case_first_and_tags_it(officer_client: Client) -> None:
    fresh = _open(1)
    late = _open(60)
    body = officer_client.get("/staff/cases/").content.decode()
    assert body.index(late.reference) < body.index(fresh.reference)
    assert "working days late" in body
    assert "govuk-tag--red" in body


def test_overdue_filter_shows_only_overdue_cases(officer_client: Client) -> None:
    fresh = _open(1)
    late = _open(60)
    body = officer_client.get("/staff/cases/?show=overdue").content.decode()
    assert late.reference in body and fresh.reference not in body


def test_unknown_filter_falls_back_to_open_cases(officer_client: Client) -> None:
    assert officer_client.get("/staff/cases/?show=<bad>").status_code == 200


def test_case_page_shows_parts_due_date_and_calendar_version(officer_client: Client) -> None:
    case = _open(
        2, "1. How many officers were dismissed in 2023?\n2. How many of them for sexual misconduct?"
    )
    body = officer_client.get(f"/staff/cases/{case.reference}/").content.decode()
    assert case.reference in body
    assert case.due_on.strftime("%B %Y") in body
    assert case.calendar_version and case.calendar_version in body
    assert case.parts.count() >= 2


def test_unknown_case_reference_is_404(officer_client: Client) -> None:
    assert officer_client.get("/staff/cases/01.FOI.99.999999/").status_code == 404


def test_officer_logs_a_request_received_by_email(officer_client: Client) -> None:
    response = officer_client.post(
        "/staff/cases/new/",
        {
            "requester_name": "B. Writer",
            "requester_email": "b@example.org",
            "channel": "email",
            "regime": "foia",
            "received_on": "2023-12-22",
            "text": "Please provide the overtime spend for 2023.",
        },
    )
    assert response.status_code == 302
    case = Request.objects.get(requester_name="B. Writer")
    # 22 Dec 2023: 20 working days counting every UK bank holiday (Scotland's 2 January included).
    assert case.due_on == dt.date(2024, 1, 25)
    assert AuditEvent.objects.filter(action="request.opened", object_id=str(case.pk)).exists()


def test_intake_rejects_a_future_date_with_a_clear_error(officer_client: Client) -> None:
    response = officer_client.post(
        "/staff/cases/new/",
        {
            "requester_name": "B. Writer",
            "channel": "email",
            "regime": "foia",
            "received_on": (timezone.localdate() + dt.timedelta(days=3)).isoformat(),
            "text": "Some request text.",
        },
    )
    assert response.status_code == 200
    assert "cannot be in the future" in response.content.decode()
    assert not Request.objects.filter(requester_name="B. Writer").exists()


def test_decision_with_an_exemption_needs_reasons(decider_client: Client) -> None:
    case = _open(2)
    url = f"/staff/cases/{case.reference}/parts/1/decision/"
    response = decider_client.post(url, {"outcome": "withheld", **_exemptions(("s.40(2)", ""))})
    assert response.status_code == 200
    assert "Say why s.40(2) applies" in response.content.decode()
    response = decider_client.post(
        url,
        {
            "outcome": "withheld",
            **_exemptions(("s.40(2)", "Third-party personal data; disclosure would be unfair.")),
        },
    )
    assert response.status_code == 302
    decision = case.parts.get(position=1).decision
    assert decision.outcome == Outcome.WITHHELD
    assert [e.code for e in decision.exemptions.all()] == ["s.40(2)"]


def test_unknown_exemption_is_refused(decider_client: Client) -> None:
    case = _open(2)
    response = decider_client.post(
        f"/staff/cases/{case.reference}/parts/1/decision/",
        {"outcome": "withheld", **_exemptions(("s.99(9)", "x"))},
    )
    assert "is not an exemption FOI Desk knows" in response.content.decode()


def test_s21_decision_points_to_a_published_entry(decider_client: Client) -> None:
    earlier = PublicationFactory(reference="01.FOI.22.023117")
    case = _open(2)
    response = decider_client.post(
        f"/staff/cases/{case.reference}/parts/1/decision/",
        {
            "outcome": "already_published",
            **_exemptions(("s.21", "Already published.")),
            "s21_reference": "01.FOI.22.023117",
        },
    )
    assert response.status_code == 302
    assert case.parts.get(position=1).decision.s21_publication == earlier


def test_clarification_restarts_the_clock_on_the_case(officer_client: Client) -> None:
    case = services.request_open(
        text="Please send the vetting policy.",
        requester_name="C",
        received_on=dt.date(2024, 3, 1),
        actor=None,
    )
    events = f"/staff/cases/{case.reference}/events/"
    asked = officer_client.post(
        f"{events}seek-clarification/",
        {"message": "Which policy: recruit vetting or serving officers?", "on": "2024-03-04"},
    )
    assert asked.status_code == 302
    case.refresh_from_db()
    assert case.state is State.AWAITING_CLARIFICATION
    response = officer_client.post(
        f"{events}receive-clarification/", {"message": "Recruit vetting, please.", "on": "2024-03-11"}
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.state is State.IN_PROGRESS
    # A fresh 20 working days from Monday 11 March 2024, skipping Monday 18 March (Northern Ireland's
    # St Patrick's Day substitute), Good Friday 29 March and Easter Monday 1 April: Thursday 11 April.
    assert case.due_on == dt.date(2024, 4, 11)


def test_statistics_for_decision_makers_only_with_chart_table_and_csv(client: Client) -> None:
    _open(60)
    client.force_login(UserFactory(role=Role.CASE_OFFICER))
    assert client.get("/staff/statistics/").status_code == 403
    client.force_login(UserFactory(role=Role.DECISION_MAKER))
    body = client.get("/staff/statistics/").content.decode()
    assert "<svg" in body and 'role="img"' in body
    assert "Within 20 working days" in body
    csv_response = client.get("/staff/statistics/?format=csv")
    assert csv_response["Content-Type"].startswith("text/csv")
    assert b"within_20_working_days" in csv_response.content


def test_public_request_form_opens_a_case_and_gives_the_reference_and_due_date(client: Client) -> None:
    response = client.post(
        "/make-a-request/",
        {
            "name": "Jo Bloggs",
            "email": "jo@example.org",
            "request": "Please send the number of Taser discharges in 2024.",
        },
        follow=True,
    )
    assert response.redirect_chain[0][1] == 302  # post-redirect-get: reloading the page sends nothing
    case = Request.objects.get(requester_name="Jo Bloggs")
    assert case.reference in response.content.decode()
    assert case.parts.exists()


def test_a_request_with_a_null_character_gets_a_clear_error_and_keeps_the_text(client: Client) -> None:
    response = client.post(
        "/make-a-request/",
        {"name": "Jo", "email": "jo@example.org", "request": "Please send the\x00 Taser figures for 2024."},
    )
    body = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in body
    assert "Taser figures for 2024" in body
    assert not Request.objects.exists()


def test_public_request_form_errors_are_shown_and_nothing_is_created(client: Client) -> None:
    response = client.post("/make-a-request/", {"name": "", "email": "not-an-email", "request": "hi"})
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    assert not Request.objects.exists()
