"""`foidesk demo`: the reference case handled end to end, published, with a real XLSX attachment."""

from __future__ import annotations

import io
import os
import tempfile
from urllib.parse import quote

import openpyxl
import pytest
from django.test import Client

from foidesk.core.release_check import check_file
from foidesk.web.cases.models import Request
from foidesk.web.demo.loader import EARLIER_TITLE, REFERENCE, load_demo
from foidesk.web.publication.models import Publication

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


@pytest.fixture
def demo() -> None:
    load_demo(register_size=1500)


def test_reference_entry_shows_both_requests_the_refusal_and_not_held(demo: None, client: Client) -> None:
    body = client.get("/disclosure-log/01-foi-22-024648/").content.decode()
    assert REFERENCE in body
    assert "Request 1" in body and "Request 2" in body
    assert body.count("<li value=") == 8
    assert "s.21" in body and "s.40(2)" in body
    assert "Refusal Notice under Section 17" in body
    assert "not recorded centrally" in body
    assert EARLIER_TITLE in body  # the s.21 pointer to the earlier publication


def test_reference_case_has_eight_parts_with_their_decisions(demo: None) -> None:
    case = Request.objects.get(reference=REFERENCE)
    outcomes = {p.label: p.decision.outcome for p in case.parts.all()}
    assert list(outcomes) == [f"Request {r}, Q{q}" for r in (1, 2) for q in (1, 2, 3, 4)]
    assert outcomes["Request 1, Q3"] == outcomes["Request 2, Q3"] == "withheld"
    assert outcomes["Request 2, Q4"] == "cost_limit"  # not recorded centrally is held (s.1(1)): s.12
    assert outcomes["Request 2, Q1"] == "disclosed"
    assert outcomes["Request 1, Q1"] == "already_published"


def test_attachment_downloads_as_a_clean_xlsx_with_suppressed_cells_marked(
    demo: None, client: Client
) -> None:
    attachment = Publication.objects.get(reference=REFERENCE).attachments.get()
    url = f"/disclosure-log/01-foi-22-024648/files/{attachment.pk}/{quote(attachment.filename)}"
    response = client.get(url)
    assert response.status_code == 200
    content = b"".join(response.streaming_content)
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    assert [ws.sheet_state for ws in workbook] == ["visible"] * len(workbook.sheetnames)
    table = workbook["Table 1"]
    values = [cell for row in table.iter_rows(values_only=True) for cell in row if cell is not None]
    assert "Total" in values
    notes = " ".join(str(c) for row in workbook["Notes"].iter_rows(values_only=True) for c in row if c)
    assert "[c]" in notes
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, attachment.filename)
        with open(path, "wb") as handle:
            handle.write(content)
        assert check_file(path).findings == ()


def test_loading_twice_adds_nothing(demo: None) -> None:
    counts = (Request.objects.count(), Publication.objects.count())
    report = load_demo(register_size=1500)
    assert report.created == []
    assert (Request.objects.count(), Publication.objects.count()) == counts


def test_case_list_has_cases_in_several_states_and_overdue_ones(demo: None, client: Client) -> None:
    from django.contrib.auth.models import User

    client.force_login(User.objects.get(username="officer"))
    body = client.get("/staff/cases/").content.decode()
    assert "working days late" in body
    for state in ("Acknowledged", "In progress", "Awaiting approval", "Awaiting clarification"):
        assert state in body, state


def test_the_signed_demo_request_travelled_the_whole_road_and_its_requester_is_nowhere_public(
    demo: None, client: Client
) -> None:
    case = Request.objects.get(requester_name="R. Campbell")
    assert case.state.value == "published" and case.responded_on is not None
    assert case.submitted_by is not None and case.approved_by is not None
    assert case.submitted_by != case.approved_by
    assert case.sent_emails.filter(kind="response").exists()
    entry = case.publication
    assert entry is not None
    public = [
        client.get(entry.get_absolute_url()).content.decode(),
        client.get(f"/api/v1/disclosures/{entry.reference}").content.decode(),
        client.get("/disclosure-log/?q=stop+and+search+Lambeth").content.decode(),
        client.get("/api/v1/disclosures?q=Lambeth").content.decode(),
        client.get("/disclosure-log/feed.atom").content.decode(),
    ]
    assert "Lambeth" in public[0] and entry.reference in public[2]
    for body in public:
        for secret in ("Campbell", "07700 900123", "r.campbell@", "faithfully"):
            assert secret not in body


def test_the_stop_and_search_case_is_answered_from_the_register_protected_audited_and_ledgered(
    demo: None, client: Client
) -> None:
    from foidesk.web.audit.models import AuditEvent
    from foidesk.web.cases.models import LedgerEntry

    case = Request.objects.get(requester_name="R. Campbell")
    answer = case.parts.get(position=1).answers.get()
    assert answer.dataset == "stop_search" and answer.audit_passed
    assert answer.row_dimension == "Officer-defined ethnicity"
    assert "where borough is Lambeth" in answer.description
    shown = [cell for row in answer.display_cells for cell in row]
    assert "[c]" in shown and all(c == "[c]" or int(c) == 0 or int(c) >= 5 for c in shown)
    ledger = LedgerEntry.objects.get(answer=answer)
    assert ledger.dataset == "stop_search" and ledger.reference == case.reference
    assert AuditEvent.objects.filter(action="answer.checked", details__answer=answer.pk).exists()
    assert AuditEvent.objects.filter(action="records.imported", details__register="stop_search").exists()
    attachment = case.publication.attachments.get()
    response = client.get(
        f"{case.publication.get_absolute_url()}files/{attachment.pk}/{quote(attachment.filename)}"
    )
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    values = [c for row in workbook["Table 1"].iter_rows(values_only=True) for c in row if c is not None]
    assert "[c]" in values and "Black" in values


def test_sexual_misconduct_2021_finds_the_reference_case_and_its_s21_target(
    demo: None, client: Client
) -> None:
    body = client.get("/disclosure-log/?q=sexual+misconduct+2021").content.decode()
    assert REFERENCE in body
    assert EARLIER_TITLE in body
    assert "<mark>" in body
    requester = Request.objects.get(publication__reference=REFERENCE)
    for secret in (requester.requester_name, requester.requester_email):
        assert secret and secret not in body
