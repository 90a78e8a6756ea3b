"""/api/v1/docs: the API described from its own OpenAPI schema on a GOV.UK page that works for everyone
(keyboard, screen reader, no JavaScript). Swagger UI, where a developer can try each call, is at
/api/v1/explorer: a third-party tool with accessibility problems of its own (colour contrast, nested
controls), offered beside this page, not instead of it."""

from __future__ import annotations

from functools import cache
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from foidesk.web.api.urls import api

_METHODS = ("get", "post", "put", "patch", "delete")
_PLACES = {"query": "query string", "path": "address"}


@require_safe
def api_reference(request: HttpRequest) -> HttpResponse:
    return render(request, "public/api_reference.html", {"api": api, "operations": _operations()})


@cache
def _operations() -> tuple[dict[str, Any], ...]:
    """Each operation of the schema as the page lists it: method, path, summary, parameters, responses."""
    schema = api.get_openapi_schema()
    found = []
    for path, item in schema["paths"].items():
        for method in _METHODS:
            if method not in item:
                continue
            operation = item[method]
            found.append(
                {
                    "anchor": operation.get("operationId", f"{method}-{path}").replace("_", "-"),
                    "method": method.upper(),
                    "path": path,
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "secured": bool(operation.get("security")),
                    "parameters": [_parameter(p) for p in operation.get("parameters", [])],
                    "body": _body(operation, schema),
                    "responses": [
                        {"code": code, "description": answer.get("description", "")}
                        for code, answer in operation.get("responses", {}).items()
                    ],
                }
            )
    return tuple(found)


def _parameter(parameter: dict[str, Any]) -> dict[str, str]:
    kind = _type(parameter.get("schema", {}))
    return {
        "name": parameter["name"],
        "where": {"query": "query string", "path": "address"}.get(
            parameter.get("in", ""), parameter.get("in", "")
        ),
        "required": "yes" if parameter.get("required") else "no",
        "type": kind,
    }


def _type(schema: dict[str, Any]) -> str:
    if "enum" in schema:
        return "one of " + ", ".join(repr(v) for v in schema["enum"] if v != "")
    if "anyOf" in schema:
        return " or ".join(_type(s) for s in schema["anyOf"])
    kind = str(schema.get("type", "value"))
    limits = [
        f"{name} {schema[key]}"
        for key, name in (("minimum", "at least"), ("maximum", "at most"), ("maxLength", "up to characters:"))
        if key in schema
    ]
    return f"{kind} ({', '.join(limits)})" if limits else kind


def _body(operation: dict[str, Any], schema: dict[str, Any]) -> list[dict[str, str]]:
    """The fields of a JSON request body, from its schema component."""
    content = operation.get("requestBody", {}).get("content", {}).get("application/json", {})
    reference = content.get("schema", {}).get("$ref", "")
    if not reference:
        return []
    component = schema["components"]["schemas"][reference.rsplit("/", 1)[-1]]
    required = set(component.get("required", []))
    return [
        {"name": name, "type": _type(field), "required": "yes" if name in required else "no"}
        for name, field in component.get("properties", {}).items()
    ]
