"""The hash-chained audit trail: appended, verified, and a tampered event found."""

from __future__ import annotations

import pytest

from foidesk.cli import main
from foidesk.web.audit.actions import AuditAction
from foidesk.web.audit.models import AuditEvent
from foidesk.web.audit.services import audit_record, audit_verify
from tests.factories import PublicationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_events_chain_and_verify() -> None:
    user = UserFactory()
    entry = PublicationFactory()
    first = audit_record(actor=user, action=AuditAction.REQUEST_OPENED, obj=entry, details={"n": 1})
    second = audit_record(actor=None, action=AuditAction.DECISION_RECORDED, obj=entry)
    assert second.previous_hash == first.hash
    assert audit_verify() == {"ok": True, "events": 2, "first_broken": None}


def test_tampering_with_an_event_is_detected(capsys: pytest.CaptureFixture[str]) -> None:
    entry = PublicationFactory()
    audit_record(actor=None, action=AuditAction.REQUEST_OPENED, obj=entry)
    victim = audit_record(
        actor=None, action=AuditAction.DECISION_RECORDED, obj=entry, details={"outcome": "withheld"}
    )
    audit_record(actor=None, action=AuditAction.CLOCK_EVENT, obj=entry)
    AuditEvent.objects.filter(pk=victim.pk).update(details={"outcome": "disclosed"})
    assert audit_verify()["first_broken"] == victim.pk
    assert main(["audit", "verify", "--json"]) == 1
    assert '"ok": false' in capsys.readouterr().out
