"""One log line per request, a request id on every line, JSON or plain, and no personal data.

``RequestLogMiddleware`` (first in the middleware) gives each request an id: the ``X-Request-ID`` the
trusted reverse proxy sent (only with ``FOIDESK_TRUSTED_PROXY``, and only a plain token), or a new one.
The id is echoed in the response's ``X-Request-ID`` and carried by every log record made while the
request runs (``RequestIdFilter``). When the response is ready it logs one line on ``foidesk.request``:
method, path, status, duration in milliseconds.

What is never logged: the query string (searches of the disclosure log are personal: people search for
themselves), form values, headers, cookies, and the text of an exception (``ValueError: Invalid address
"jo@example.org"``): an exception is logged by its type and the places in the code it passed through.
An operator finds everything else by the request id. ``FOIDESK_LOG_FORMAT``: ``json`` (one object a line,
for a log collector; the default in production) or ``plain`` (for people at a terminal).
"""

from __future__ import annotations

import contextvars
import json
import logging
import re
import time
import traceback
import uuid
from collections.abc import Callable
from types import TracebackType
from typing import Any

from django.conf import settings
from django.core.signals import request_finished
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse

REQUEST_LOGGER = "foidesk.request"
HEADER = "X-Request-ID"
_META_HEADER = "HTTP_X_REQUEST_ID"
# A proxy's id is believed only if it is a plain token: nothing a log line could be forged with.
_ACCEPTED_ID = re.compile(r"[A-Za-z0-9._-]{8,128}")

_request_id: contextvars.ContextVar[str] = contextvars.ContextVar("foidesk_request_id", default="")
request_log = logging.getLogger(REQUEST_LOGGER)

# The fields a record always has; anything else given as ``extra=`` is a field of the JSON line.
_STANDARD_FIELDS = set(logging.makeLogRecord({}).__dict__) | {"message", "asctime", "request_id"}


def request_id_for(request: HttpRequest) -> str:
    """The trusted proxy's X-Request-ID if it is a plain token, otherwise a new random id."""
    offered = str(request.META.get(_META_HEADER, ""))
    if settings.FOIDESK_TRUSTED_PROXY and _ACCEPTED_ID.fullmatch(offered):
        return offered
    return uuid.uuid4().hex


class RequestLogMiddleware:
    """First in the middleware: the request id, and the one line logged for every request."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = request_id_for(request)
        # Kept until the response is closed (request_finished), not only while the middleware runs:
        # Django logs an error answer ("Not Found: ...") after the whole middleware chain returns.
        _request_id.set(request_id)
        started = time.perf_counter()
        response = self.get_response(request)
        response[HEADER] = request_id
        request_log.info(
            "%s %s %s",
            request.method,
            request.path,
            response.status_code,
            extra={
                "method": request.method,
                "path": request.path,  # never the query string
                "status": response.status_code,
                "duration_ms": round((time.perf_counter() - started) * 1000, 1),
            },
        )
        return response


@receiver(request_finished)
def _request_done(**kwargs: object) -> None:
    _request_id.set("")


class RequestIdFilter(logging.Filter):
    """Puts the current request's id (or "-" outside a request) on every record."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = _request_id.get() or "-"
        return True


def exception_summary(exc_info: tuple[type[BaseException], BaseException, TracebackType | None]) -> str:
    """The exception's type and where it went, without its message (which may quote personal data)."""
    kind, _, trace = exc_info
    frames = traceback.extract_tb(trace)
    places = " <- ".join(f"{f.filename.rsplit('/', 1)[-1]}:{f.lineno} {f.name}" for f in reversed(frames))
    return f"{kind.__module__}.{kind.__qualname__} at {places}" if places else kind.__qualname__


def _utc(seconds: float | None) -> time.struct_time:
    return time.gmtime(seconds)


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time, level, logger, request id, message and any ``extra`` fields."""

    converter = staticmethod(_utc)

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S") + f".{int(record.msecs):03d}Z",
            "level": record.levelname,
            "logger": record.name,
            "request_id": getattr(record, "request_id", "-"),
            "message": record.getMessage(),
        }
        line.update({k: v for k, v in record.__dict__.items() if k not in _STANDARD_FIELDS})
        line.pop("request", None)  # Django's loggers attach the request object itself
        if record.exc_info and record.exc_info[0] is not None:
            line["exception"] = exception_summary(record.exc_info)
        return json.dumps(line, default=str, ensure_ascii=False)


class PlainFormatter(logging.Formatter):
    """The same for people: ``time level [request id] logger: message``, exceptions without their text."""

    converter = staticmethod(_utc)

    def __init__(self) -> None:
        super().__init__(
            "%(asctime)sZ %(levelname)s [%(request_id)s] %(name)s: %(message)s", defaults={"request_id": "-"}
        )

    def formatException(self, ei: Any) -> str:
        return "  " + exception_summary(ei)


def logging_config(log_format: str, level: str) -> dict[str, Any]:
    """The LOGGING setting: every record through the request-id filter and the chosen formatter."""
    if log_format not in {"json", "plain"}:
        raise ValueError(f"FOIDESK_LOG_FORMAT must be json or plain, not {log_format!r}")
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": "foidesk.web.request_log.RequestIdFilter"}},
        "formatters": {
            "json": {"()": "foidesk.web.request_log.JsonFormatter"},
            "plain": {"()": "foidesk.web.request_log.PlainFormatter"},
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "filters": ["request_id"],
                "formatter": log_format,
            }
        },
        "root": {"handlers": ["console"], "level": level},
        # The request lines are the access log: on whatever the root level.
        "loggers": {REQUEST_LOGGER: {"level": "INFO"}},
    }
