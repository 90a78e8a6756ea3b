"""`foidesk demo` refuses a production deployment and a database holding work the demo did not create."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.contrib.auth.models import User
from django.test import override_settings

from foidesk.cli import main
from foidesk.web.cases import services
from foidesk.web.cases.models import Request
from foidesk.web.demo.loader import demo_refusals
from tests.factories import PublicationFactory

pytestmark = pytest.mark.django_db


def _a_real_case() -> Request:
    return services.request_open(
        text="How many arrests in 2023?",
        requester_name="Jo Bloggs",
        requester_email="jo@example.org",
        received_on=dt.date(2026, 4, 1),
        actor=None,
        parse=False,
    )


def _refused(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["demo", "--register", "20", *argv]) == 3
    captured = capsys.readouterr()
    assert captured.out == ""
    assert not User.objects.filter(username="admin").exists()  # the superuser with a known password
    return captured.err


@pytest.mark.slow
def test_the_demo_loads_into_an_empty_database_and_its_own_data_does_not_stop_a_rerun(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert demo_refusals() == []
    assert main(["demo", "--register", "20", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["created"]
    assert demo_refusals() == []  # everything it made is marked as the demo's
    assert main(["demo", "--register", "20", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["created"] == []


def test_a_database_with_a_real_case_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    _a_real_case()
    err = _refused([], capsys)
    assert "the database holds 1 cases the demo did not create" in err
    assert "--i-know-this-is-not-production" in err


def test_a_real_disclosure_log_entry_or_user_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    PublicationFactory(is_synthetic=False)
    User.objects.create_user("jsmith", password="a real password 1")
    err = _refused([], capsys)
    assert "1 entries the demo did not create" in err and "1 users the demo did not create" in err


@pytest.mark.parametrize(
    ("setting", "value", "named"),
    [
        ("FOIDESK_PRODUCTION", True, "FOIDESK_PRODUCTION"),
        ("SECURE_SSL_REDIRECT", True, "FOIDESK_SSL_REDIRECT"),
        ("SECURE_HSTS_SECONDS", 31536000, "FOIDESK_HSTS_SECONDS"),
        ("EMAIL_HOST", "smtp.example.org", "EMAIL_HOST"),
    ],
)
def test_a_production_setting_is_refused_even_on_an_empty_database(
    setting: str, value: object, named: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with override_settings(**{setting: value}):
        assert named in _refused(["--json"], capsys)


def test_skip_if_refused_loads_nothing_and_says_why(capsys: pytest.CaptureFixture[str]) -> None:
    """`make run` on a database someone has used: the server starts on the data that is there."""
    _a_real_case()
    assert main(["demo", "--skip-if-refused", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["created"] == [] and "1 cases" in result["skipped"][0]
    assert not User.objects.filter(username="admin").exists()


@pytest.mark.slow
def test_the_operator_may_say_it_is_not_production(capsys: pytest.CaptureFixture[str]) -> None:
    _a_real_case()
    with override_settings(FOIDESK_PRODUCTION=True):
        assert main(["demo", "--register", "20", "--i-know-this-is-not-production", "--json"]) == 0
    assert User.objects.filter(username="admin", is_superuser=True).exists()
    assert Request.objects.filter(is_synthetic=False).count() == 1  # the real case untouched
