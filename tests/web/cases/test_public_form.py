"""The public request form over real HTTP: post-redirect-get, one case per form sent, parts capped."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.core import signing
from django.test import Client

from foidesk.web.accounts.roles import Role
from foidesk.web.cases.models import Request
from foidesk.web.cases.public_views import RECEIPT_SALT
from foidesk.web.cases.services import PARTS_CAPPED
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

TEXT = "Please send the number of Taser discharges in Lambeth in 2024."


def _reference(location: str) -> str:
    """The case reference a confirmation address carries (signed, with the time it was signed)."""
    return str(signing.loads(location.split("/")[-2], salt=RECEIPT_SALT))


def _token(client: Client) -> str:
    match = re.search(r'name="submission" value="([^"]+)"', client.get("/make-a-request/").content.decode())
    assert match is not None
    return match.group(1)


def test_sending_redirects_to_a_confirmation_that_reloading_does_not_resend(client: Client) -> None:
    data = {"name": "Jo Bloggs", "email": "jo@example.org", "request": TEXT, "submission": _token(client)}
    response = client.post("/make-a-request/", data)
    assert response.status_code == 302
    case = Request.objects.get()
    confirmation = client.get(response["Location"])
    assert confirmation.status_code == 200
    assert case.reference in confirmation.content.decode()
    assert "jo@example.org" not in confirmation.content.decode()
    assert client.get(response["Location"]).status_code == 200  # reloading: a GET, nothing sent
    assert Request.objects.count() == 1


def test_the_same_form_sent_twice_opens_one_case(client: Client) -> None:
    data = {"name": "Jo Bloggs", "email": "jo@example.org", "request": TEXT, "submission": _token(client)}
    first = client.post("/make-a-request/", data)
    second = client.post("/make-a-request/", data)
    assert _reference(first["Location"]) == _reference(second["Location"])
    assert Request.objects.count() == 1
    other = client.post("/make-a-request/", {**data, "submission": _token(client)})
    assert _reference(other["Location"]) != _reference(first["Location"])
    assert Request.objects.count() == 2  # a new form is a new request


def test_a_forged_or_altered_confirmation_address_is_not_found(client: Client) -> None:
    assert client.get("/make-a-request/received/01.FOI.26.000001/").status_code == 404
    data = {"name": "Jo", "email": "jo@example.org", "request": TEXT, "submission": _token(client)}
    location = client.post("/make-a-request/", data)["Location"]
    assert client.get(location.replace(":", "x", 1)).status_code == 404


def test_a_99000_character_request_is_capped_at_the_part_limit_and_loses_no_text(client: Client) -> None:
    questions = [f"{i}. How many stop and search records were made on day {i}?" for i in range(1, 5000)]
    text = "\n".join(questions)[:99_000]
    data = {"name": "Jo", "email": "jo@example.org", "request": text, "submission": _token(client)}
    assert client.post("/make-a-request/", data).status_code == 302
    case = Request.objects.get()
    parts = list(case.parts.order_by("position"))
    assert len(parts) == settings.FOIDESK_MAX_PARTS
    assert PARTS_CAPPED in parts[-1].flags and "kept as one" in parts[-1].why
    last_question = text.rsplit("\n", 1)[-1]
    assert last_question[-20:] in parts[-1].text
    # The officer can save the parts page with every part on it.
    client.force_login(UserFactory(role=Role.CASE_OFFICER))
    form = {"parts-TOTAL_FORMS": str(len(parts)), "parts-INITIAL_FORMS": str(len(parts))}
    for i, part in enumerate(parts):
        form |= {f"parts-{i}-label": part.label, f"parts-{i}-text": part.text}
    response = client.post(f"/staff/cases/{case.reference}/parts/", form)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert case.parts.count() == settings.FOIDESK_MAX_PARTS
