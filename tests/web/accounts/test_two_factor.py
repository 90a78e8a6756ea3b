"""Two-factor sign-in for all staff: set-up, the second step, recovery codes, and the admin's door."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from foidesk.web.accounts.roles import Role
from foidesk.web.audit.models import AuditEvent
from tests.factories import PASSWORD, UserFactory
from tests.web.accounts.flows import app_device, code_step, current_code, password_step, sign_in

pytestmark = pytest.mark.django_db

GATED_PAGES = ["/staff/", "/staff/cases/", "/staff/account/password/", "/admin/", "/admin/auth/user/"]


def _superuser() -> User:
    return UserFactory(username="root", is_staff=True, is_superuser=True)


def test_a_user_without_an_app_is_sent_to_set_one_up_after_the_password(client: Client) -> None:
    UserFactory(username="olu", role=Role.CASE_OFFICER)
    response = password_step(client, "olu", next_url="/staff/cases/")
    assert response["Location"] == "/staff/account/two-factor/?next=%2Fstaff%2Fcases%2F"
    for url in GATED_PAGES:
        assert client.get(url)["Location"].startswith("/staff/account/two-factor/"), url


def test_setting_up_shows_the_secret_uri_and_qr_then_a_code_confirms_and_recovery_codes_follow(
    client: Client,
) -> None:
    user = UserFactory(username="olu", role=Role.CASE_OFFICER)
    password_step(client, "olu")
    body = client.get("/staff/account/two-factor/").content.decode()
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    secret = re.search(r'id="totp-secret">([A-Z2-7]+)<', body)
    assert secret is not None and len(secret.group(1)) == 32
    assert "otpauth://totp/" in body and f"secret={secret.group(1)}" in body
    assert "<svg" in body
    assert client.get("/staff/account/two-factor/").content.decode().count(secret.group(1)) >= 1  # stays put

    response = client.post(
        "/staff/account/two-factor/", {"code": current_code(device), "next": "/staff/cases/"}
    )
    assert response.status_code == 200
    codes = re.findall(r'<code class="govuk-!-font-size-24">([a-z2-7]{8})</code>', response.content.decode())
    assert len(codes) == 10 and len(set(codes)) == 10
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/staff/cases/").status_code == 200
    actions = set(AuditEvent.objects.filter(actor=user).values_list("action", flat=True))
    assert {"account.two_factor_enrolled", "account.recovery_codes_issued", "account.sign_in"} <= actions


def test_a_wrong_code_does_not_confirm_the_app(client: Client) -> None:
    user = UserFactory(username="olu", role=Role.CASE_OFFICER)
    password_step(client, "olu")
    client.get("/staff/account/two-factor/")
    device = TOTPDevice.objects.get(user=user)
    wrong = f"{(int(current_code(device)) + 1) % 1_000_000:06d}"
    response = client.post("/staff/account/two-factor/", {"code": wrong})
    assert "govuk-error-summary" in response.content.decode()
    device.refresh_from_db()
    assert not device.confirmed
    assert client.get("/staff/cases/").status_code == 302


@pytest.mark.parametrize("url", GATED_PAGES)
def test_the_password_alone_never_opens_a_staff_or_admin_page(client: Client, url: str) -> None:
    user = _superuser()
    app_device(user)
    assert password_step(client, "root")["Location"].startswith("/staff/sign-in/code/")
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/staff/sign-in/code/")


def test_after_the_password_a_user_with_an_app_cannot_set_up_another(client: Client) -> None:
    user = UserFactory(username="olu", role=Role.CASE_OFFICER)
    app_device(user)
    password_step(client, "olu")
    assert client.get("/staff/account/two-factor/")["Location"].startswith("/staff/sign-in/code/")
    assert client.post("/staff/account/two-factor/", {"code": "123456"}).status_code == 302
    assert TOTPDevice.objects.filter(user=user).count() == 1


def test_the_right_code_opens_the_page_asked_for(client: Client) -> None:
    user = UserFactory(username="olu", role=Role.CASE_OFFICER)
    device = app_device(user)
    password_step(client, "olu", next_url="/staff/cases/")
    response = code_step(client, current_code(device), next_url="/staff/cases/")
    assert response["Location"] == "/staff/cases/"
    assert client.get("/staff/cases/").status_code == 200


def test_a_wrong_code_is_refused_with_an_error(client: Client) -> None:
    user = UserFactory(username="olu", role=Role.CASE_OFFICER)
    device = app_device(user)
    password_step(client, "olu")
    wrong = f"{(int(current_code(device)) + 1) % 1_000_000:06d}"
    response = code_step(client, wrong)
    assert response.status_code == 200
    assert "The security code is not right" in response.content.decode()
    assert client.get("/staff/cases/").status_code == 302
    assert AuditEvent.objects.filter(action="account.sign_in_failed", details__reason="code").count() == 1


def test_a_recovery_code_works_in_place_of_a_code_once(client: Client) -> None:
    user = UserFactory(username="olu", role=Role.CASE_OFFICER)
    sign_in(client, user, app_device(user))
    body = client.post("/staff/account/two-factor/").content.decode()
    code = re.findall(r'<code class="govuk-!-font-size-24">([a-z2-7]{8})</code>', body)[0]
    client.post("/staff/sign-out/")

    password_step(client, "olu")
    assert code_step(client, code.upper()).status_code == 302
    assert client.get("/staff/cases/").status_code == 200
    assert AuditEvent.objects.filter(action="account.sign_in", details__method="recovery code").count() == 1
    assert client.get("/staff/account/two-factor/").context["codes_left"] == 9
    client.post("/staff/sign-out/")

    password_step(client, "olu")
    assert code_step(client, code).status_code == 200  # used up
    assert client.get("/staff/cases/").status_code == 302


def test_new_recovery_codes_replace_the_old_ones(client: Client) -> None:
    user = UserFactory(username="olu", role=Role.CASE_OFFICER)
    sign_in(client, user, app_device(user))
    first = client.post("/staff/account/two-factor/").context["codes"]
    second = client.post("/staff/account/two-factor/").context["codes"]
    assert not set(first) & set(second)
    client.post("/staff/sign-out/")
    password_step(client, "olu")
    assert code_step(client, first[0]).status_code == 200
    assert AuditEvent.objects.filter(action="account.recovery_codes_issued").count() == 2


def test_the_admin_sign_in_page_sends_people_to_the_staff_sign_in(client: Client) -> None:
    _superuser()
    response = client.get("/admin/login/?next=/admin/auth/user/")
    assert response["Location"] == "/staff/sign-in/?next=%2Fadmin%2Fauth%2Fuser%2F"
    client.post("/admin/login/", {"username": "root", "password": PASSWORD, "next": "/admin/"})
    assert client.get("/admin/")["Location"].startswith("/staff/sign-in/")


def test_a_superuser_reaches_the_admin_only_after_both_steps(client: Client) -> None:
    user = _superuser()
    device = app_device(user)
    password_step(client, "root", next_url="/admin/")
    assert client.get("/admin/")["Location"].startswith("/staff/sign-in/code/")
    code_step(client, current_code(device), next_url="/admin/")
    assert client.get("/admin/").status_code == 200


def test_a_verified_user_who_is_not_staff_is_refused_by_the_admin_not_bounced(client: Client) -> None:
    client.force_login(UserFactory(role=Role.CASE_OFFICER))
    assert client.get("/admin/", follow=True).status_code == 403


def test_with_two_factor_not_required_the_password_is_enough_for_users_without_an_app(
    client: Client, settings: object
) -> None:
    settings.FOIDESK_REQUIRE_2FA = False  # type: ignore[attr-defined]
    UserFactory(username="olu", role=Role.CASE_OFFICER)
    assert password_step(client, "olu")["Location"] == "/staff/"
    assert client.get("/staff/cases/").status_code == 200
