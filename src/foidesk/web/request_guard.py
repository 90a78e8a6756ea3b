"""Refuse request addresses no view can handle: NUL bytes and bytes that are not UTF-8.

PostgreSQL cannot store or compare a NUL character (a query with one fails with a DataError), and
Django turns undecodable bytes of a query string into U+FFFD, which then reach lookups as something
the sender did not type. Both are refused here with a 400 before any view, session or database is touched,
for every address, signed in or not: a clear answer, nothing stored, nothing lost.

On the way out it makes every API error JSON: an error answered by Django itself before any API view
(405 for a method an operation does not have, found by schemathesis) would otherwise be an HTML page.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import unquote_to_bytes

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest

from foidesk.web.errors import api_error, is_api

NUL = b"\x00"


def raw_query(request: HttpRequest) -> bytes:
    query = str(request.META.get("QUERY_STRING", ""))
    try:
        encoded = query.encode("iso-8859-1")
    except UnicodeEncodeError:
        encoded = query.encode("utf-8", "surrogateescape")
    return unquote_to_bytes(encoded.replace(b"+", b" "))


def address_problem(request: HttpRequest) -> str | None:
    """Why this request's path or query string cannot be handled, or None when it can.

    Django itself re-escapes bytes of the path that are not UTF-8 (``%FF`` stays ``%FF``), so the path
    reaches views as harmless text and only its NUL needs refusing; the query string arrives raw.
    """
    if "\x00" in request.path_info:
        return "The address contains a NUL character."
    query = raw_query(request)
    if NUL in query:
        return "The query string contains a NUL character."
    try:
        query.decode("utf-8")
    except UnicodeDecodeError:
        return "The query string is not valid UTF-8."
    return None


def json_api_error(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """An error under /api/ that is not JSON, as JSON with the same status and ``Allow`` header."""
    if not is_api(request) or response.status_code < 400:
        return response
    if response.get("Content-Type", "").startswith("application/json"):
        return response
    replaced = api_error(response.status_code, API_STATUS_DETAILS.get(response.status_code))
    if response.has_header("Allow"):
        replaced["Allow"] = response["Allow"]
    return replaced


API_STATUS_DETAILS = {405: "Method not allowed: the Allow header lists the methods of this address."}


class RequestGuardMiddleware:
    """First in the middleware: answers 400 to an address with NUL or invalid UTF-8 (JSON under /api/),
    and turns any API error that is not JSON into JSON."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        problem = address_problem(request)
        if problem is None:
            return json_api_error(request, self.get_response(request))
        if is_api(request):
            return api_error(400, problem)
        return HttpResponseBadRequest(f"Bad request: {problem}", content_type="text/plain; charset=utf-8")
