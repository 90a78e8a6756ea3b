"""The release gate in the workflow: every file checked on attach and again on publication; a block
stops it, a warning needs a decision maker's reason, and a second person must approve."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import io
import re
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import openpyxl
import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from foidesk.core.outcome import Outcome
from foidesk.core.workflow import Event
from foidesk.web.accounts.roles import Role
from foidesk.web.audit.models import AuditEvent
from foidesk.web.cases import services
from foidesk.web.cases.documents import (
    document_approve,
    document_attach,
    document_override_warnings,
    document_recheck,
)
from foidesk.web.cases.models import Document, Request
from foidesk.web.cases.permissions import NotPermitted, Refused
from foidesk.web.cases.services import CaseError
from foidesk.web.cases.workflow import case_transition
from foidesk.web.publication.models import Publication
from tests.factories import UserFactory, a_decider, published_case, staff

pytestmark = pytest.mark.django_db


def _workbook(*, hidden_sheet: bool = False, email: bool = False) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Table 1"
    sheet.append(["Borough", "Count"])
    sheet.append(["Camden", 12])
    if hidden_sheet:
        staff = book.create_sheet("Staff")
        staff.append(["Surname", "Service number"])
        staff.append(["Example", "SECRET-123456"])
        staff.sheet_state = "hidden"
    if email:
        sheet.append(["Questions about these figures", "foi.team@example.org"])
    book.properties.creator = ""
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def case() -> Request:
    request = services.request_open(
        text="How many officers work in Camden?",
        requester_name="A",
        requester_email="a@example.org",
        actor=None,
        received_on=dt.date(2024, 2, 1),
        parse=False,
    )
    part = services.request_parts_set(
        request=request, actor=a_decider(), parts=[services.PartSpec(label="Q1", text="How many officers?")]
    )[0]
    services.decision_record(part=part, outcome=Outcome.DISCLOSED, actor=a_decider(), answer="See the table.")
    request.refresh_from_db()
    return request


@pytest.fixture
def officer() -> User:
    return UserFactory(role=Role.CASE_OFFICER)


@pytest.fixture
def decider() -> User:
    return UserFactory(role=Role.DECISION_MAKER)


def test_a_workbook_with_a_hidden_sheet_is_blocked_and_cannot_be_approved_or_sent(
    case: Request, officer: User, decider: User
) -> None:
    document = document_attach(
        request=case,
        title="Figures",
        filename="figures.xlsx",
        content=_workbook(hidden_sheet=True),
        actor=officer,
    )
    assert document.check_status == Document.CheckStatus.BLOCK
    assert "xlsx.hidden_sheet" in {f["code"] for f in document.findings}
    with pytest.raises(CaseError, match="did not pass the release check"):
        document_approve(document=document, actor=decider)
    with pytest.raises(Refused) as refused:
        case_transition(request=case, event=Event.SUBMIT_FOR_APPROVAL, actor=officer)
    assert [r.guard for r in refused.value.verdict.refusals] == ["no_block_findings"]
    assert not Publication.objects.exists()


def test_a_clean_file_needs_a_second_person_then_is_sent_and_published_with_the_same_bytes(
    case: Request,
    officer: User,
    decider: User,
    client: Client,
    django_capture_on_commit_callbacks: Callable[..., AbstractContextManager[Any]],
) -> None:
    content = _workbook()
    document = document_attach(
        request=case, title="Figures", filename="figures.xlsx", content=content, actor=officer
    )
    assert document.check_status == Document.CheckStatus.CLEAN, document.findings
    case_transition(request=case, event=Event.SUBMIT_FOR_APPROVAL, actor=officer)
    with pytest.raises(Refused, match="second person must approve"):
        case_transition(request=case, event=Event.APPROVE, actor=decider)
    officer.groups.add(*decider.groups.all())
    with pytest.raises(CaseError, match="someone other than"):
        document_approve(document=document, actor=officer)
    document_approve(document=document, actor=decider)
    case_transition(request=case, event=Event.APPROVE, actor=decider, today=dt.date(2024, 2, 20))
    with django_capture_on_commit_callbacks(execute=True):  # the email goes after the commit
        case_transition(
            request=case, event=Event.SEND, actor=staff(Role.CASE_OFFICER), today=dt.date(2024, 2, 20)
        )
    assert mail.outbox[-1].attachments[-1][1] == content
    publication = published_case(case, publisher=staff(Role.PUBLISHER), on=dt.date(2024, 2, 21))
    attachment = publication.attachments.get()
    response = client.get(f"/disclosure-log/{publication.slug}/files/{attachment.pk}/figures.xlsx")
    assert b"".join(response.streaming_content) == content


def test_a_warning_needs_a_decision_makers_reason_which_is_audited(
    case: Request, officer: User, decider: User
) -> None:
    document = document_attach(
        request=case, title="Figures", filename="figures.xlsx", content=_workbook(email=True), actor=officer
    )
    assert document.check_status == Document.CheckStatus.WARN, document.findings
    with pytest.raises(Refused, match="not accepted"):
        case_transition(request=case, event=Event.SUBMIT_FOR_APPROVAL, actor=officer)
    with pytest.raises(NotPermitted, match="Only a decision maker"):
        document_override_warnings(
            document=document, reason="The address is the FOI team's public mailbox.", actor=officer
        )
    document_override_warnings(
        document=document, reason="The address is the FOI team's public mailbox.", actor=decider
    )
    assert AuditEvent.objects.filter(action="document.warnings_accepted").exists()
    case_transition(request=case, event=Event.SUBMIT_FOR_APPROVAL, actor=officer)


def test_upload_through_the_case_page_shows_the_findings(
    case: Request, officer: User, client: Client
) -> None:
    client.force_login(officer)
    upload = SimpleUploadedFile("figures.xlsx", _workbook(hidden_sheet=True))
    response = client.post(
        f"/staff/cases/{case.reference}/documents/",
        {"title": "Figures", "kind": "attachment", "file": upload},
    )
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Blocks release" in page and "xlsx.hidden_sheet" in page


def test_a_file_that_is_not_what_its_name_says_is_blocked(case: Request, officer: User) -> None:
    document = document_attach(
        request=case, title="Figures", filename="figures.xlsx", content=b"%PDF-1.4\n%broken\n", actor=officer
    )
    assert document.check_status == Document.CheckStatus.BLOCK


def test_the_letter_of_a_decided_case_downloads_and_an_undecided_one_is_refused(
    case: Request, officer: User, client: Client
) -> None:
    client.force_login(officer)
    html = client.get(f"/staff/cases/{case.reference}/letter.html")
    assert html.status_code == 200 and case.reference in html.content.decode()
    pdf = client.get(f"/staff/cases/{case.reference}/letter.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert client.get(f"/staff/cases/{case.reference}/letter.exe").status_code == 404
    undecided = services.request_open(
        text="How many horses does the force keep?",
        requester_name="B",
        actor=None,
        received_on=dt.date(2024, 2, 2),
    )
    refused = client.get(f"/staff/cases/{undecided.reference}/letter.html")
    assert refused.status_code == 409 and "cannot be made yet" in refused.content.decode()


def test_a_file_changed_in_storage_after_approval_is_refused_at_send_and_nothing_leaves(
    case: Request, officer: User, decider: User
) -> None:
    document = document_attach(
        request=case, title="Figures", filename="figures.xlsx", content=_workbook(), actor=officer
    )
    case_transition(request=case, event=Event.SUBMIT_FOR_APPROVAL, actor=officer)
    document_approve(document=document, actor=decider)
    case_transition(request=case, event=Event.APPROVE, actor=decider, today=dt.date(2024, 2, 20))
    # Someone with access to the file store swaps the approved bytes for a leaky workbook.
    with open(document.file.path, "wb") as stored:
        stored.write(_workbook(hidden_sheet=True))
    sent_before = len(mail.outbox)
    with pytest.raises(CaseError, match="has changed since it was attached"):
        case_transition(request=case, event=Event.SEND, actor=officer, today=dt.date(2024, 2, 20))
    assert len(mail.outbox) == sent_before
    case.refresh_from_db()
    assert case.responded_on is None


def test_attaching_records_the_gates_verdict_with_the_document_in_one_step(
    case: Request, officer: User
) -> None:
    document = document_attach(
        request=case, title="Figures", filename="figures.xlsx", content=_workbook(email=True), actor=officer
    )
    assert document.check_status != Document.CheckStatus.UNCHECKED and document.checked_at is not None
    actions = list(
        AuditEvent.objects.filter(action__startswith="document.", object_id=str(document.pk))
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == ["document.attached", "document.checked"]


def _checked_details(document: Document) -> list[dict[str, Any]]:
    events = AuditEvent.objects.filter(action="document.checked", object_id=str(document.pk))
    return [event.details for event in events.order_by("id")]


def test_approving_relies_on_the_verdict_recorded_while_the_bytes_and_the_gate_are_the_same(
    case: Request, officer: User, decider: User
) -> None:
    document = document_attach(
        request=case, title="Figures", filename="figures.xlsx", content=_workbook(), actor=officer
    )
    checked_at, checked_with = document.checked_at, document.checked_with
    assert document.check_status == Document.CheckStatus.CLEAN and len(checked_with) == 64

    document_approve(document=document, actor=decider)

    document.refresh_from_db()
    assert document.approved_by == decider
    assert (document.checked_at, document.checked_with) == (checked_at, checked_with)  # not checked again
    assert [d.get("verdict") for d in _checked_details(document)] == [None, "recorded"]


def test_checking_again_runs_the_gate_even_under_the_same_rules(case: Request, officer: User) -> None:
    document = document_attach(
        request=case, title="Figures", filename="figures.xlsx", content=_workbook(), actor=officer
    )
    first = document.checked_at
    assert first is not None

    document_recheck(document=document, actor=officer, background=False)  # "Check again"

    document.refresh_from_db()
    assert document.checked_at is not None and document.checked_at > first
    assert [d.get("verdict") for d in _checked_details(document)] == [None, None]


def test_a_verdict_reached_under_other_rules_or_limits_is_not_relied_on_the_file_is_checked_again(
    case: Request, officer: User, decider: User, settings: Any
) -> None:
    document = document_attach(
        request=case, title="Figures", filename="figures.xlsx", content=_workbook(), actor=officer
    )
    first = document.checked_with
    settings.FOIDESK_RENDER_MAX_BYTES += 1  # the gate's limits changed since the check

    document_approve(document=document, actor=decider)

    document.refresh_from_db()
    assert document.checked_with not in {"", first}
    assert [d.get("verdict") for d in _checked_details(document)] == [None, None]


def test_a_recorded_clean_verdict_from_another_gate_does_not_let_a_leaky_file_out(
    case: Request, officer: User, decider: User
) -> None:
    document = document_attach(
        request=case,
        title="Figures",
        filename="figures.xlsx",
        content=_workbook(hidden_sheet=True),
        actor=officer,
    )
    # A verdict recorded by an older gate (or written into the database by hand) that said "clean".
    Document.objects.filter(pk=document.pk).update(
        check_status=Document.CheckStatus.CLEAN, findings=[], checked_with="0" * 64
    )
    document.refresh_from_db()

    with pytest.raises(CaseError, match="did not pass the release check"):
        document_approve(document=document, actor=decider)

    assert Document.objects.get(pk=document.pk).check_status == Document.CheckStatus.BLOCK


def test_a_file_changed_in_storage_after_its_check_is_refused_at_approval(
    case: Request, officer: User, decider: User
) -> None:
    document = document_attach(
        request=case, title="Figures", filename="figures.xlsx", content=_workbook(), actor=officer
    )
    with open(document.file.path, "wb") as stored:
        stored.write(_workbook(hidden_sheet=True))

    with pytest.raises(CaseError, match="has changed since it was attached"):
        document_approve(document=document, actor=decider)
    assert Document.objects.get(pk=document.pk).approved_by is None


def test_the_letters_own_stylesheet_is_let_through_by_its_hash_and_nothing_else_inline(
    case: Request, officer: User, client: Client
) -> None:
    client.force_login(officer)
    response = client.get(f"/staff/cases/{case.reference}/letter.html")
    page = response.content.decode()
    styles = re.findall(r"<style>(.*?)</style>", page, re.DOTALL)
    assert len(styles) == 1 and "font" in styles[0]
    digest = base64.b64encode(hashlib.sha256(styles[0].encode()).digest()).decode()
    policy = {
        directive.split()[0]: directive.split()[1:]
        for directive in response["Content-Security-Policy"].split(";")
    }
    assert policy["style-src"] == ["'self'", f"'sha256-{digest}'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert policy["script-src"] == ["'self'"]
    # Any other page keeps the plain policy.
    assert "sha256" not in client.get(f"/staff/cases/{case.reference}/")["Content-Security-Policy"]
