"""The JSON API over real HTTP: public reads of published entries only; token-guarded intake."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from foidesk.web.accounts.models import ApiToken
from foidesk.web.accounts.roles import Role
from foidesk.web.cases.models import Request
from tests.factories import PublicationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_disclosures_lists_published_entries_only(client: Client) -> None:
    PublicationFactory(reference="01.FOI.23.000001", title="Visible")
    PublicationFactory(reference="01.FOI.23.000002", title="Hidden", is_published=False)
    data = client.get("/api/v1/disclosures").json()
    assert [r["reference"] for r in data["results"]] == ["01.FOI.23.000001"]
    assert client.get("/api/v1/disclosures/01.FOI.23.000002").status_code == 404
    assert client.get("/api/v1/disclosures/01.FOI.23.000001").json()["title"] == "Visible"


def test_bad_parameters_get_a_422_not_a_crash(client: Client) -> None:
    assert client.get("/api/v1/disclosures?page=zero").status_code == 422
    assert client.get("/api/v1/disclosures?year=1066").status_code == 422


def test_openapi_schema_describes_the_endpoints(client: Client) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/disclosures" in schema["paths"]
    assert "post" in schema["paths"]["/api/v1/requests"]


def test_posting_a_request_needs_a_staff_token(client: Client) -> None:
    body = json.dumps({"requester_name": "Gateway", "text": "Please send the 2024 overtime figures."})
    assert client.post("/api/v1/requests", body, content_type="application/json").status_code == 401
    _, token = ApiToken.issue(user=UserFactory(role=Role.PUBLISHER), name="no intake right")
    response = client.post(
        "/api/v1/requests",
        body,
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 401


def test_staff_system_posts_a_request_and_gets_its_reference_and_due_date(client: Client) -> None:
    _, token = ApiToken.issue(user=UserFactory(role=Role.CASE_OFFICER), name="email gateway")
    body = {
        "requester_name": "Gateway User",
        "text": "Please send the overtime figures for 2023.",
        "received_on": "2023-12-22",
    }
    response = client.post(
        "/api/v1/requests",
        json.dumps(body),
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 201
    data = response.json()
    assert data["due_on"] == "2024-01-25"
    assert Request.objects.get(reference=data["reference"]).channel == "api"


def test_request_text_too_short_is_rejected_and_nothing_is_created(client: Client) -> None:
    _, token = ApiToken.issue(user=UserFactory(role=Role.CASE_OFFICER), name="gw")
    response = client.post(
        "/api/v1/requests",
        json.dumps({"requester_name": "X", "text": "hi"}),
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 422
    assert Request.objects.count() == 0


def test_a_requester_email_that_is_not_an_address_is_a_422_not_a_500(client: Client) -> None:
    """Found by schemathesis: any text reached the acknowledgement's mailer and crashed it."""
    _, token = ApiToken.issue(user=UserFactory(role=Role.CASE_OFFICER), name="email gateway")
    for email in ["ï*ØY×Ñr²B", "not an address", "a@"]:
        body = {"requester_name": "G", "requester_email": email, "text": "Please send the 2024 figures."}
        response = client.post(
            "/api/v1/requests",
            json.dumps(body),
            content_type="application/json",
            headers={"Authorization": f"Bearer {token}"},
        )
        assert response.status_code == 422, response.content
        assert response.json()["detail"][0]["loc"][-1] == "requester_email"
    assert not Request.objects.exists()


def test_a_method_an_operation_does_not_have_is_a_json_405_with_allow(client: Client) -> None:
    """Found by schemathesis: Django's 405 came back as an HTML page."""
    for method in ["delete", "put", "trace"]:
        response = getattr(client, method)("/api/v1/disclosures/01.FOI.23.000001")
        assert response.status_code == 405
        assert response["Content-Type"] == "application/json"
        assert response["Allow"] == "GET"
        assert "Method not allowed" in response.json()["detail"]


def test_the_schema_documents_every_error_an_operation_answers(client: Client) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert set(paths["/api/v1/disclosures"]["get"]["responses"]) == {"200", "400", "422", "429", "500"}
    assert set(paths["/api/v1/disclosures/{reference}"]["get"]["responses"]) >= {"404", "422", "429"}
    assert set(paths["/api/v1/requests"]["post"]["responses"]) >= {"201", "401", "413", "422", "429"}


def test_a_request_received_on_the_calendars_first_day_beside_a_similar_one_is_opened(client: Client) -> None:
    """Found by schemathesis (make fuzz): the aggregation check counted working days from the day before
    2000-01-01, outside the calendar, and the request was lost to a 500."""
    _, token = ApiToken.issue(user=UserFactory(role=Role.CASE_OFFICER), name="email gateway")
    text = "Please send the number of Taser discharges in Lambeth in 1999, by month and by ward."
    for received_on in ["2000-01-04", "2000-01-01"]:
        body = {"requester_name": "Gateway", "text": text, "received_on": received_on}
        response = client.post(
            "/api/v1/requests",
            json.dumps(body),
            content_type="application/json",
            headers={"Authorization": f"Bearer {token}"},
        )
        assert response.status_code == 201, response.content
    assert Request.objects.count() == 2
