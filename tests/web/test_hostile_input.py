"""Bad outside input over real HTTP gets a clear 4xx answer, never a 500, and nothing is created."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.utils import timezone

from foidesk.web.accounts.models import ApiToken
from foidesk.web.accounts.roles import Role
from foidesk.web.cases import services
from foidesk.web.cases.models import InboundEmail, Request
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def quiet_client() -> Client:
    """A client that returns the server's 500 page instead of raising, as a browser would see it."""
    return Client(raise_request_exception=False)


def _token() -> str:
    _, token = ApiToken.issue(user=UserFactory(role=Role.CASE_OFFICER), name="gateway")
    return token


@pytest.mark.parametrize("received_on", [0, "0", "1900-01-01", "1999-12-31", "0001-01-01"])
def test_api_received_on_outside_the_calendar_is_a_json_400(
    quiet_client: Client, received_on: object
) -> None:
    body = {
        "requester_name": "Gateway",
        "text": "Please send the overtime figures.",
        "received_on": received_on,
    }
    response = quiet_client.post(
        "/api/v1/requests",
        json.dumps(body),
        content_type="application/json",
        headers={"Authorization": f"Bearer {_token()}"},
    )
    assert response.status_code in {400, 422}
    assert response["Content-Type"].startswith("application/json")
    assert Request.objects.count() == 0


@pytest.mark.parametrize("received_on", ["1900-01-01", "1999-12-31", "0001-01-01"])
def test_staff_intake_dates_before_the_calendar_are_a_form_error(
    quiet_client: Client, received_on: str
) -> None:
    quiet_client.force_login(UserFactory(role=Role.CASE_OFFICER))
    response = quiet_client.post(
        "/staff/cases/new/",
        {
            "requester_name": "B. Writer",
            "channel": "email",
            "regime": "foia",
            "received_on": received_on,
            "text": "Some request text about overtime.",
        },
    )
    assert response.status_code == 200
    assert "outside the dates FOI Desk counts working days for" in response.content.decode()
    assert not Request.objects.exists()


@pytest.mark.parametrize("on", ["2099-01-01", "1900-01-01", "2000-01-01"])
def test_clock_event_outside_the_calendar_is_a_form_error(quiet_client: Client, on: str) -> None:
    quiet_client.force_login(UserFactory(role=Role.CASE_OFFICER))
    case = services.request_open(
        text="Please send the vetting policy.",
        requester_name="C",
        received_on=timezone.localdate(),
        actor=None,
    )
    response = quiet_client.post(
        f"/staff/cases/{case.reference}/clock/",
        {"kind": services.EXTENSION_KINDS[0].value, "on": on, "days": "20", "version": case.version},
    )
    assert response.status_code == 200
    assert not case.clock_events.exists()


@pytest.mark.parametrize(
    "url",
    [
        "/disclosure-log/%00/",
        "/disclosure-log/?q=%00",
        "/disclosure-log/?topic=a%00b",
        "/api/v1/disclosures?q=%00",
        "/api/v1/disclosures/abc%00",
        "/make-a-request/?x=%00",
        "/disclosure-log/?q=%ff",
        "/staff/sign-in/?next=%00",
    ],
)
def test_nul_and_bad_utf8_are_a_400(quiet_client: Client, url: str) -> None:
    response = quiet_client.get(url)
    assert response.status_code == 400
    if url.startswith("/api/"):
        assert "detail" in response.json()


def test_bad_utf8_in_the_path_is_re_escaped_by_django_and_found_nowhere(quiet_client: Client) -> None:
    assert quiet_client.get("/disclosure-log/%ff/").status_code == 404
    assert quiet_client.get("/api/v1/disclosures/%ff%fe").status_code == 404


def test_api_errors_are_json_everywhere(quiet_client: Client) -> None:
    for url in ["/api/v1/nowhere", "/api/v1/disclosures/01.FOI.99.999999", "/api/v1/disclosures?page=0"]:
        response = quiet_client.get(url)
        assert response.status_code in {404, 422}
        assert response["Content-Type"].startswith("application/json")
    assert quiet_client.get("/nowhere/")["Content-Type"].startswith("text/html")


def test_api_bodies_too_large_or_not_json_get_a_json_4xx(quiet_client: Client) -> None:
    headers = {"Authorization": f"Bearer {_token()}"}
    huge = json.dumps({"requester_name": "G", "text": "x" * 3_000_000})
    for body in (
        huge,
        "{not json",
        "[]",
    ):
        response = quiet_client.post(
            "/api/v1/requests", body, content_type="application/json", headers=headers
        )
        assert 400 <= response.status_code < 500, (body[:40], response.status_code)
        assert response["Content-Type"].startswith("application/json")
    assert Request.objects.count() == 0


def test_api_text_with_nul_characters_is_kept_without_them(quiet_client: Client) -> None:
    body = {"requester_name": "Gate\u0000way", "text": "Please send\u0000 the overtime figures."}
    response = quiet_client.post(
        "/api/v1/requests",
        json.dumps(body),
        content_type="application/json",
        headers={"Authorization": f"Bearer {_token()}"},
    )
    assert response.status_code == 201
    case = Request.objects.get()
    assert case.text == "Please send the overtime figures." and case.requester_name == "Gateway"


def test_a_public_form_body_over_the_upload_limit_is_a_400_page(quiet_client: Client) -> None:
    response = quiet_client.post(
        "/make-a-request/", {"name": "Jo", "email": "jo@example.org", "request": "x" * 3_000_000}
    )
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert not Request.objects.exists()


@pytest.mark.parametrize("field", ["username", "password"])
def test_sign_in_with_a_nul_character_is_refused_not_a_crash(quiet_client: Client, field: str) -> None:
    data = {"username": "olu", "password": "correct horse battery", field: "ol\x00u"}
    response = quiet_client.post("/staff/sign-in/", data)
    assert response.status_code in {200, 400, 429}


def test_an_email_upload_with_nul_bytes_is_kept_or_refused_not_a_crash(quiet_client: Client) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    quiet_client.force_login(UserFactory(role=Role.CASE_OFFICER))
    raw = b"From: Jo \x00Bloggs <jo@example.org>\r\nSubject: FOI\x00\r\n\r\nPlease send the\x00 figures.\r\n"
    response = quiet_client.post("/staff/inbox/upload/", {"file": SimpleUploadedFile("m.eml", raw)})
    assert response.status_code in {200, 302}
    inbound = InboundEmail.objects.get()  # the bytes are kept as they arrived, whatever the outcome
    assert inbound.size == len(raw)
