"""Staff change their own password on a staff page, with Django's validators; audited."""

from __future__ import annotations

import pytest
from django.test import Client

from foidesk.web.accounts.roles import Role
from foidesk.web.audit.models import AuditEvent
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "correct-horse-battery-staple-7"


def test_a_password_change_takes_effect_keeps_the_session_and_is_audited(client: Client) -> None:
    user = UserFactory(role=Role.CASE_OFFICER)
    client.force_login(user)
    response = client.post(
        "/staff/account/password/",
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response["Location"] == "/staff/"
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert client.get("/staff/cases/").status_code == 200
    assert AuditEvent.objects.filter(action="account.password_changed", actor=user).count() == 1


def test_a_weak_password_is_refused_with_an_error_summary(client: Client) -> None:
    user = UserFactory(role=Role.CASE_OFFICER)
    client.force_login(user)
    response = client.post(
        "/staff/account/password/",
        {"old_password": PASSWORD, "new_password1": "12345678", "new_password2": "12345678"},
    )
    body = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in body
    assert "too short" in body and "entirely numeric" in body
    user.refresh_from_db()
    assert user.check_password(PASSWORD)
    assert not AuditEvent.objects.filter(action="account.password_changed").exists()


def test_the_current_password_is_needed(client: Client) -> None:
    user = UserFactory(role=Role.CASE_OFFICER)
    client.force_login(user)
    response = client.post(
        "/staff/account/password/",
        {"old_password": "not-it", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert "govuk-error-summary" in response.content.decode()
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_the_admin_password_page_is_this_one(client: Client) -> None:
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    assert client.get("/admin/password_change/")["Location"] == "/staff/account/password/"
