"""Retention (UK GDPR Art. 5(1)(e)): finished cases lose their requester data after the retention period."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import override_settings
from django.utils import timezone

from foidesk.core.workflow import State
from foidesk.web.accounts.roles import Role
from foidesk.web.audit.actions import AuditAction
from foidesk.web.audit.models import AuditEvent
from foidesk.web.cases import services
from foidesk.web.cases.models import Appeal, InboundEmail, Request, Review, SentEmail
from foidesk.web.cases.permissions import NotPermitted
from foidesk.web.cases.retention import ErasureRefused, requester_data_erase, retention_sweep
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 6, 1)
LONG_AGO = TODAY - dt.timedelta(days=731)
RECENTLY = TODAY - dt.timedelta(days=729)
TEXT = (
    "Dear Metropolitan Police Service,\n\nHow many officers were dismissed in Lambeth in 2023?\n"
    "Call me on 07700 900 123 if unclear.\n\nYours faithfully,\nR. Campbell"
)


def _case(
    *,
    status: State = State.CLOSED,
    ended_on: dt.date | None = LONG_AGO,
    responded_on: dt.date | None = None,
    text: str = TEXT,
) -> Request:
    request = services.request_open(
        text=text,
        requester_name="Rachel Campbell",
        requester_email="rachel.campbell@example.org",
        requester_address="14 Coldharbour Lane\nLondon\nSE5 9NR",
        received_on=dt.date(2024, 1, 8),
        actor=None,
        parse=False,
    )
    Request.objects.filter(pk=request.pk).update(
        status=status.value, ended_on=ended_on, responded_on=responded_on
    )
    return Request.objects.get(pk=request.pk)


def _inbound(request: Request) -> InboundEmail:
    email = InboundEmail(
        source=InboundEmail.Source.UPLOAD,
        sha256="0" * 64,
        size=42,
        received_at=timezone.now(),
        from_name="Rachel Campbell",
        from_address="rachel.campbell@example.org",
        subject="FOI request: dismissals",
        body=TEXT,
        headers={"From": "Rachel Campbell <rachel.campbell@example.org>"},
        status=InboundEmail.ParseStatus.OPENED,
        request=request,
    )
    email.raw.save("message.eml", ContentFile(b"From: Rachel Campbell\r\n\r\n" + TEXT.encode()), save=False)
    email.save()
    return email



@pytest.fixture(autouse=True)
def _no_acknowledgements(settings: Any) -> None:
    """These cases are built as finished ones: no acknowledgement email on the way in."""
    settings.FOIDESK_ACKNOWLEDGE = False


def _sent(request: Request) -> SentEmail:
    return SentEmail.objects.create(
        request=request,
        kind=SentEmail.Kind.RESPONSE,
        to="rachel.campbell@example.org",
        subject=f"Your request {request.reference}",
        body="Dear Ms Campbell, ...",
        message=b"To: rachel.campbell@example.org\r\n\r\nDear Ms Campbell, ...",  # waiting in the outbox
    )


def test_a_case_past_retention_loses_its_requester_data_and_keeps_its_statistics(
    django_capture_on_commit_callbacks: Any,  # pytest-django's fixture; it has no public type
) -> None:
    case = _case(responded_on=LONG_AGO - dt.timedelta(days=3))
    inbound, sent = _inbound(case), _sent(case)
    raw_name = inbound.raw.name
    assert default_storage.exists(raw_name)

    with django_capture_on_commit_callbacks(execute=True):
        report = retention_sweep(today=TODAY)

    assert [plan.reference for plan in report.erased] == [case.reference]
    case.refresh_from_db()
    assert case.requester_name == "[erased]"
    assert (case.requester_email, case.requester_address) == ("", "")
    assert case.requester_erased_at is not None
    assert case.version == 2
    assert "Campbell" not in case.text and "07700" not in case.text
    assert "How many officers were dismissed in Lambeth in 2023?" in case.text
    assert (case.status, case.ended_on, case.received_on, case.regime) == (
        State.CLOSED.value,
        LONG_AGO,
        dt.date(2024, 1, 8),
        "foia",
    )
    inbound.refresh_from_db()
    assert (inbound.raw.name, inbound.body, inbound.from_name, inbound.from_address, inbound.headers) == (
        "",
        "",
        "",
        "",
        {},
    )
    assert not default_storage.exists(raw_name)
    sent.refresh_from_db()
    assert (sent.to, sent.body, bytes(sent.message)) == ("[erased]", "", b"")
    assert sent.subject == f"Your request {case.reference}"


def test_the_audit_event_says_what_kinds_were_erased_and_never_the_data() -> None:
    case = _case()
    _inbound(case)
    _sent(case)
    retention_sweep(today=TODAY)
    event = AuditEvent.objects.get(action=AuditAction.REQUEST_ERASED.value, object_id=str(case.pk))
    assert event.actor_label == "retention"
    assert event.details["fields"] == ["requester_name", "requester_email", "requester_address", "text"]
    assert event.details["text_removals"] == {"phone": 1, "signature": 1}
    assert (event.details["inbound_emails"], event.details["sent_emails"]) == (1, 1)
    written = str(event.details)
    for data in ("Campbell", "rachel", "Coldharbour", "SE5", "07700"):
        assert data not in written


@pytest.mark.parametrize(
    "status", [State.CLOSED, State.WITHDRAWN, State.LAPSED, State.PUBLISHED, State.NOT_FOR_PUBLICATION]
)
def test_every_finished_state_is_erased(status: State) -> None:
    case = _case(status=status)
    assert [plan.reference for plan in retention_sweep(today=TODAY).erased] == [case.reference]


@pytest.mark.parametrize("status", [State.IN_PROGRESS, State.SENT, State.AWAITING_APPROVAL])
def test_an_unfinished_case_is_kept_however_old(status: State) -> None:
    _case(status=status)
    assert retention_sweep(today=TODAY).erased == []


def test_a_case_within_the_retention_period_is_kept() -> None:
    _case(ended_on=RECENTLY)
    _case(ended_on=None, responded_on=RECENTLY)
    _case(ended_on=TODAY - dt.timedelta(days=730))  # exactly the period: not yet more than it
    assert retention_sweep(today=TODAY).erased == []


def test_the_end_is_ended_on_else_responded_on() -> None:
    by_response = _case(ended_on=None, responded_on=LONG_AGO)
    _case(ended_on=RECENTLY, responded_on=LONG_AGO)  # ended recently: kept although answered long ago
    assert [plan.reference for plan in retention_sweep(today=TODAY).erased] == [by_response.reference]


@override_settings(FOIDESK_RETENTION_DAYS=30)
def test_the_period_is_a_setting() -> None:
    case = _case(ended_on=TODAY - dt.timedelta(days=31))
    report = retention_sweep(today=TODAY)
    assert [plan.reference for plan in report.erased] == [case.reference]
    assert report.as_dict()["retention_days"] == 30


def test_a_case_with_an_open_review_or_appeal_is_skipped_and_reported() -> None:
    reviewed, appealed, decided = _case(), _case(), _case()
    Review.objects.create(request=reviewed, requested_on=LONG_AGO, due_on=LONG_AGO)
    Appeal.objects.create(request=appealed, stage=Appeal.Stage.ICO_COMPLAINT, received_on=LONG_AGO)
    Review.objects.create(
        request=decided,
        requested_on=LONG_AGO,
        due_on=LONG_AGO,
        outcome=Review.ReviewOutcome.UPHELD,
        decided_on=LONG_AGO,
    )
    Appeal.objects.create(
        request=decided, stage=Appeal.Stage.DECISION_NOTICE, received_on=LONG_AGO, decided_on=LONG_AGO
    )
    report = retention_sweep(today=TODAY)
    assert [plan.reference for plan in report.erased] == [decided.reference]
    assert sorted((s.reference, s.reason) for s in report.skipped) == sorted(
        [
            (reviewed.reference, "an internal review is still open"),
            (appealed.reference, "an appeal is still open"),
        ]
    )
    reviewed.refresh_from_db()
    assert reviewed.requester_name == "Rachel Campbell"


def test_a_dry_run_reports_and_changes_nothing() -> None:
    case = _case()
    report = retention_sweep(today=TODAY, dry_run=True)
    assert [plan.reference for plan in report.erased] == [case.reference]
    case.refresh_from_db()
    assert case.requester_name == "Rachel Campbell"
    assert case.requester_erased_at is None
    assert case.text == TEXT
    assert not AuditEvent.objects.filter(action=AuditAction.REQUEST_ERASED.value).exists()


def test_an_erased_case_is_not_erased_again() -> None:
    case = _case()
    retention_sweep(today=TODAY)
    assert retention_sweep(today=TODAY).erased == []
    with pytest.raises(ErasureRefused, match="already erased"):
        requester_data_erase(request=case, actor=None)
    assert AuditEvent.objects.filter(action=AuditAction.REQUEST_ERASED.value).count() == 1


def test_erasing_an_open_case_by_hand_is_refused() -> None:
    case = _case(status=State.IN_PROGRESS)
    with pytest.raises(ErasureRefused, match="not finished"):
        requester_data_erase(request=case, actor=None)


def test_an_administrator_may_erase_a_finished_case_before_the_period_and_is_named_in_the_trail() -> None:
    with pytest.raises(NotPermitted):
        requester_data_erase(request=_case(ended_on=RECENTLY), actor=UserFactory(role=Role.CASE_OFFICER))
    officer = UserFactory(role=Role.ADMINISTRATOR)
    case = _case(ended_on=RECENTLY)
    requester_data_erase(request=case, actor=officer)
    event = AuditEvent.objects.get(action=AuditAction.REQUEST_ERASED.value)
    assert event.actor_label == officer.get_username()
