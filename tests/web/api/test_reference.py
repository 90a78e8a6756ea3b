"""/api/v1/docs describes every operation of the OpenAPI schema on an accessible page (no JavaScript)."""

from __future__ import annotations

import pytest
from django.test import Client

from foidesk.web.api.urls import api

pytestmark = pytest.mark.django_db


def test_the_reference_lists_every_operation_and_parameter_of_the_schema(client: Client) -> None:
    page = client.get("/api/v1/docs")
    assert page.status_code == 200
    body = page.content.decode()
    schema = api.get_openapi_schema()
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            assert f"{method.upper()} {path}" in body
            for parameter in operation.get("parameters", []):
                assert f"<code>{parameter['name']}</code>" in body
    assert "<script" not in body.split("</main>")[0].split("<main")[1]  # the content needs no script
    assert 'href="/api/v1/explorer"' in body and 'href="/api/v1/openapi.json"' in body


def test_the_post_body_fields_are_listed_with_whether_they_are_required(client: Client) -> None:
    body = client.get("/api/v1/docs").content.decode()
    assert "JSON body" in body and "<code>text</code>" in body
