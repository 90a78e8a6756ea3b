"""Staff sign-in, sign-out and what each role may see."""

from __future__ import annotations

import pytest
from django.test import Client

from foidesk.web.accounts.roles import Role
from foidesk.web.audit.models import AuditEvent
from tests.factories import UserFactory
from tests.web.accounts.flows import app_device, sign_in

pytestmark = pytest.mark.django_db

STAFF_PAGES = ["/staff/", "/staff/cases/", "/staff/cases/new/"]


@pytest.mark.parametrize("url", STAFF_PAGES)
def test_staff_pages_need_sign_in(client: Client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/staff/sign-in/")


def test_wrong_password_gets_a_clear_error_not_a_crash(client: Client) -> None:
    UserFactory(username="olu", role=Role.CASE_OFFICER)
    response = client.post("/staff/sign-in/", {"username": "olu", "password": "wrong"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "govuk-error-summary" in body
    assert "Enter a correct username and password" in body


def test_case_officer_signs_in_with_password_and_code_and_sees_the_case_list(client: Client) -> None:
    user = UserFactory(username="olu", role=Role.CASE_OFFICER)
    sign_in(client, user, app_device(user))
    assert client.get("/staff/cases/").status_code == 200
    assert AuditEvent.objects.filter(action="account.sign_in", actor=user).exists()


def test_user_without_a_role_cannot_see_cases(client: Client) -> None:
    user = UserFactory(username="nobody")
    client.force_login(user)
    assert client.get("/staff/cases/").status_code == 403


def test_publisher_cannot_log_requests_or_record_decisions(client: Client) -> None:
    client.force_login(UserFactory(role=Role.PUBLISHER))
    assert client.get("/staff/cases/new/").status_code == 403


def test_sign_out_ends_the_session_and_is_audited(client: Client) -> None:
    user = UserFactory(role=Role.CASE_OFFICER)
    client.force_login(user)
    assert client.post("/staff/sign-out/").status_code == 302
    assert client.get("/staff/cases/").status_code == 302
    event = AuditEvent.objects.get(action="account.sign_out")
    assert event.actor == user and event.details["reason"] == "user"


def test_roles_have_the_permissions_their_work_needs() -> None:
    officer = UserFactory(role=Role.CASE_OFFICER)
    decider = UserFactory(role=Role.DECISION_MAKER)
    publisher = UserFactory(role=Role.PUBLISHER)
    assert officer.has_perm("cases.view_request") and not officer.has_perm("cases.approve_release")
    assert decider.has_perm("cases.approve_release") and decider.has_perm("cases.record_decision")
    assert publisher.has_perm("publication.publish_response") and not publisher.has_perm("cases.add_request")
