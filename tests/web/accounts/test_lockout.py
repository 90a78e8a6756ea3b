"""Sign-in throttling: a username or address locked after repeated failures, revealing no accounts."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from foidesk.web.accounts.models import SignInFailure, SignInLock
from foidesk.web.accounts.roles import Role
from foidesk.web.audit.models import AuditEvent
from tests.factories import PASSWORD, UserFactory
from tests.web.accounts.flows import app_device, code_step, current_code, password_step

pytestmark = pytest.mark.django_db

LOCKED = "There have been too many failed attempts to sign in"


def _fail(client: Client, username: str, times: int, **extra: str) -> str:
    body = ""
    for _ in range(times):
        body = client.post(
            "/staff/sign-in/", {"username": username, "password": "wrong"}, **extra
        ).content.decode()
    return body


def test_five_failures_lock_the_account_even_against_the_right_password(client: Client) -> None:
    UserFactory(username="olu", role=Role.CASE_OFFICER)
    assert LOCKED not in _fail(client, "olu", 4)
    assert LOCKED in _fail(client, "olu", 1)
    response = password_step(client, "olu", PASSWORD)
    assert response.status_code == 200
    body = response.content.decode()
    assert LOCKED in body and "govuk-error-summary" in body and "Wait 15 minutes" in body
    assert client.get("/staff/cases/").status_code == 302
    assert AuditEvent.objects.filter(action="account.sign_in_failed").count() == 5
    assert AuditEvent.objects.filter(action="account.locked", details__scope="username").count() == 1


def test_an_unknown_username_is_locked_with_the_same_message(client: Client) -> None:
    UserFactory(username="olu", role=Role.CASE_OFFICER)
    known = _fail(client, "olu", 5)
    unknown = _fail(client, "nobody-by-this-name", 5)
    assert LOCKED in known and LOCKED in unknown
    assert _error_summary(known) == _error_summary(unknown)


def _error_summary(body: str) -> str:
    start = body.index('<div class="govuk-error-summary"')
    return body[start : body.index("</div>", start)]


def test_the_lock_lifts_when_its_period_is_over(client: Client) -> None:
    user = UserFactory(username="olu", role=Role.CASE_OFFICER)
    _fail(client, "olu", 5)
    SignInLock.objects.update(locked_until=timezone.now() - dt.timedelta(seconds=1))
    app_device(user)
    assert password_step(client, "olu")["Location"].startswith("/staff/sign-in/code/")


def test_failures_older_than_the_window_do_not_count(client: Client) -> None:
    UserFactory(username="olu", role=Role.CASE_OFFICER)
    old = timezone.now() - dt.timedelta(minutes=16)
    SignInFailure.objects.bulk_create([SignInFailure(username="olu", address="127.0.0.1", at=old)] * 4)
    assert LOCKED not in _fail(client, "olu", 1)
    assert SignInFailure.objects.filter(at=old).count() == 0  # pruned


def test_a_successful_sign_in_starts_the_count_afresh(client: Client) -> None:
    user = UserFactory(username="olu", role=Role.CASE_OFFICER)
    device = app_device(user)
    _fail(client, "olu", 4)
    password_step(client, "olu")
    code_step(client, current_code(device))
    client.post("/staff/sign-out/")
    assert LOCKED not in _fail(client, "olu", 4)


def test_failures_from_one_address_pause_that_address_only(client: Client, settings: object) -> None:
    settings.FOIDESK_SIGN_IN_MAX_FAILURES_PER_ADDRESS = 3  # type: ignore[attr-defined]
    user = UserFactory(username="olu", role=Role.CASE_OFFICER)
    app_device(user)
    for name in ("a", "b", "c"):
        _fail(client, name, 1, REMOTE_ADDR="10.0.0.1")
    refused = client.post(
        "/staff/sign-in/", {"username": "olu", "password": PASSWORD}, REMOTE_ADDR="10.0.0.1"
    )
    assert LOCKED in refused.content.decode()
    elsewhere = client.post(
        "/staff/sign-in/", {"username": "olu", "password": PASSWORD}, REMOTE_ADDR="10.0.0.2"
    )
    assert elsewhere.status_code == 302
    assert AuditEvent.objects.filter(action="account.locked", details__scope="address").count() == 1


def test_wrong_codes_after_the_right_password_lock_the_account_too(client: Client, settings: object) -> None:
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # type: ignore[attr-defined]  # django-otp's own back-off, off here
    user = UserFactory(username="olu", role=Role.CASE_OFFICER)
    device = app_device(user)
    password_step(client, "olu")
    wrong = f"{(int(current_code(device)) + 1) % 1_000_000:06d}"
    for _ in range(4):
        assert code_step(client, wrong).status_code == 200
    response = code_step(client, wrong)
    assert response["Location"] == "/staff/sign-in/"
    assert LOCKED in client.get("/staff/sign-in/").content.decode()
    assert client.get("/staff/cases/").status_code == 302
    assert LOCKED in password_step(client, "olu").content.decode()
