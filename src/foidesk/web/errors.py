"""Error pages: HTML for people, JSON for the API (everything under /api/), whatever went wrong where.

Django calls these handlers for errors raised outside a view's own handling (a bad Host header, a
missing page, a crash); the API's own errors come from Django Ninja's handlers in api/urls.py, which
answer JSON too. A client of the API therefore never has to parse an HTML error page.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views import defaults

API_PREFIX = "/api/"

API_ERROR_DETAILS = {
    400: "Bad request.",
    403: "Forbidden.",
    404: "Not found.",
    429: "Too many requests.",
    500: "Server error: nothing was changed; try again later.",
}


def is_api(request: HttpRequest) -> bool:
    return request.path.startswith(API_PREFIX)


def api_error(status: int, detail: str | None = None, **extra: object) -> JsonResponse:
    """The API's error body: {"detail": "..."} like Django Ninja's own errors."""
    return JsonResponse({"detail": detail or API_ERROR_DETAILS.get(status, "Error."), **extra}, status=status)


def bad_request(request: HttpRequest, exception: Exception, template_name: str = "400.html") -> HttpResponse:
    if is_api(request):
        return api_error(400)
    return defaults.bad_request(request, exception, template_name)


def permission_denied(
    request: HttpRequest, exception: Exception, template_name: str = "403.html"
) -> HttpResponse:
    if is_api(request):
        return api_error(403)
    return defaults.permission_denied(request, exception, template_name)


def page_not_found(
    request: HttpRequest, exception: Exception, template_name: str = "404.html"
) -> HttpResponse:
    if is_api(request):
        return api_error(404)
    return defaults.page_not_found(request, exception, template_name)


def server_error(request: HttpRequest, template_name: str = "500.html") -> HttpResponse:
    if is_api(request):
        return api_error(500)
    return defaults.server_error(request, template_name)
