"""The audit trail in the admin can be read, never written."""

from __future__ import annotations

import pytest
from django.test import Client

from foidesk.web.audit.actions import AuditAction
from foidesk.web.audit.models import AuditEvent
from foidesk.web.audit.services import audit_record
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_audit_events_and_the_head_cannot_be_added_changed_or_deleted(client: Client) -> None:
    user = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(user)
    event = audit_record(actor=user, action=AuditAction.PASSWORD_CHANGED, obj=user)
    for model in ("auditevent", "audithead"):
        assert client.get(f"/admin/audit/{model}/").status_code == 200
        assert client.get(f"/admin/audit/{model}/add/").status_code == 403
    url = f"/admin/audit/auditevent/{event.pk}/change/"
    assert client.post(url, {"action": "account.sign_in"}).status_code == 403
    assert client.post(f"/admin/audit/auditevent/{event.pk}/delete/", {"post": "yes"}).status_code == 403
    assert client.post("/admin/audit/audithead/1/change/", {"hash": "0" * 64}).status_code == 403
    assert AuditEvent.objects.get(pk=event.pk).action == AuditAction.PASSWORD_CHANGED
