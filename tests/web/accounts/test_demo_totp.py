"""The demo's way in: a known authenticator secret for demo users, and `foidesk totp` to read its code."""

from __future__ import annotations

import pytest
from django.test import Client

from foidesk.cli import main
from foidesk.web.accounts.roles import Role
from foidesk.web.accounts.two_factor import demo_device_ensure
from tests.factories import UserFactory
from tests.web.accounts.flows import app_device, code_step, password_step

pytestmark = pytest.mark.django_db


def test_the_printed_code_of_a_demo_user_signs_them_in(
    client: Client, capsys: pytest.CaptureFixture[str]
) -> None:
    user = UserFactory(username="officer", role=Role.CASE_OFFICER)
    demo_device_ensure(user)
    demo_device_ensure(user)  # idempotent
    assert main(["totp", "officer"]) == 0
    code = capsys.readouterr().out.strip()
    assert len(code) == 6 and code.isdigit()
    password_step(client, "officer")
    assert code_step(client, code, next_url="/staff/cases/")["Location"] == "/staff/cases/"
    assert client.get("/staff/cases/").status_code == 200


def test_no_code_is_printed_for_a_user_whose_secret_is_not_the_demo_one(
    capsys: pytest.CaptureFixture[str],
) -> None:
    app_device(UserFactory(username="real"))
    assert main(["totp", "real"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "not the demo" in captured.err
    assert main(["totp", "nobody"]) == 2
