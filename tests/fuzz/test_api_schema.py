"""Schemathesis against the API's own OpenAPI schema (/api/v1/openapi.json), over Django's WSGI app.

Every operation, with a staff token and without one, with valid and invalid (negative) data generated
from the schema: no 500, every status and body as the schema documents it, and every error a JSON body
with a ``detail`` the schema describes. Bounded and derandomised for CI (``FOIDESK_FUZZ_SCALE`` times
``EXAMPLES`` an operation); `make fuzz` runs it longer.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.core.transport import Response
from schemathesis.generation.case import Case
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from foidesk.web.accounts.models import ApiToken
from foidesk.web.accounts.roles import Role
from tests.factories import PublicationFactory, UserFactory

EXAMPLES = 25
SCALE = int(os.environ.get("FOIDESK_FUZZ_SCALE", "1"))
OPENAPI = "/api/v1/openapi.json"


@pytest.fixture(autouse=True)
def _an_entry(db: None) -> Iterator[None]:
    PublicationFactory(reference="01.FOI.23.000001")  # something for the reads to find
    # As Django's test client does: the WSGI handler would close the test's connection (and its
    # transaction) after each request.
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


# Loaded over WSGI from the running app's own schema (it reads no database). Schemathesis generates
# valid (positive) and invalid (negative) data by default: both are wanted.
schema = schemathesis.openapi.from_wsgi(OPENAPI, get_wsgi_application())


def error_is_documented_json(response: Response, case: Case) -> None:
    """Every 4xx or 5xx: a JSON object with a text ``detail``, at a status the operation documents."""
    if response.status_code < 400:
        return
    assert response.headers.get("content-type", [""])[0].startswith("application/json"), (
        f"{case.method} {case.formatted_path} answered {response.status_code} as {response.headers}"
    )
    body = response.json()
    assert isinstance(body, dict) and "detail" in body, body
    if response.status_code == 405:  # a method the operation does not have: nothing to document it on
        assert "GET" in response.headers["allow"][0] or "POST" in response.headers["allow"][0]
        return
    documented = case.operation.definition.raw.get("responses", {})
    assert str(response.status_code) in documented, (
        f"{case.method} {case.path}: {response.status_code} is not in the schema ({sorted(documented)})"
    )


CHECKS = [status_code_conformance, content_type_conformance, response_schema_conformance]


BOUNDED = settings(
    max_examples=EXAMPLES * SCALE,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)


def call_and_check(case: Case, headers: dict[str, str]) -> None:
    response = case.call(headers=headers)
    assert response.status_code < 500, f"{case.method} {case.formatted_path}: {response.text[:500]}"
    case.validate_response(response, checks=CHECKS)
    error_is_documented_json(response, case)


@schema.parametrize()
@BOUNDED
def test_every_operation_without_a_token_answers_as_its_schema_says(case: Case) -> None:
    call_and_check(case, {})


@schema.parametrize()
@BOUNDED
def test_every_operation_with_a_staff_token_answers_as_its_schema_says(case: Case) -> None:
    _, token = ApiToken.issue(user=UserFactory(role=Role.CASE_OFFICER), name="schemathesis")
    call_and_check(case, {"Authorization": f"Bearer {token}"})
