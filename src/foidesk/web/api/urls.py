"""/api/v1/: published disclosures for anyone; requests posted by staff systems with a token."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Literal

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, NinjaAPI, Query, Schema
from ninja.errors import HttpError
from ninja.responses import Status
from ninja.security import HttpBearer
from pydantic import field_validator

from foidesk.core.regime import Regime
from foidesk.web.accounts.models import ApiToken, token_digest
from foidesk.web.cases import services
from foidesk.web.cases.forms import MAX_REQUEST_CHARACTERS
from foidesk.web.cases.models import Channel
from foidesk.web.errors import api_error
from foidesk.web.publication.models import Publication
from foidesk.web.publication.selectors import LogFilters, log_search, published_entries

logger = logging.getLogger(__name__)

api = NinjaAPI(
    title="FOI Desk API",
    version="1",
    description="Published responses to freedom of information requests, and intake for staff systems.",
    urls_namespace="api",
    docs_url="/explorer",  # Swagger UI; /api/v1/docs is the accessible reference (web/api/reference.py)
)


@api.exception_handler(RequestDataTooBig)
def _too_big(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
    """A body over Django's DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB; a request's text is 100,000 characters)."""
    return api_error(413, f"The body is larger than {settings.DATA_UPLOAD_MAX_MEMORY_SIZE} bytes.")


@api.exception_handler(SuspiciousOperation)
def _suspicious(request: HttpRequest, exc: SuspiciousOperation) -> HttpResponse:
    return api_error(400)


@api.exception_handler(Exception)
def _server_error(request: HttpRequest, exc: Exception) -> HttpResponse:
    """A crash inside the API answers JSON like every other API error (web/errors.py), and is logged."""
    logger.error("API error on %s", request.path, exc_info=exc)
    return api_error(500)


class Error(Schema):
    """Every error the API answers, whatever raised it (web/errors.py, Django Ninja, the middleware)."""

    detail: str = Field(..., description="What was wrong, in words.")


class ValidationProblem(Schema):
    type: str
    loc: list[str | int]
    msg: str


class ValidationError(Schema):
    """422: a parameter or the body did not match this schema; one entry a problem."""

    detail: list[ValidationProblem]


# The errors every operation can answer, documented in the schema (checked by tests/fuzz/test_api_schema.py):
# 400 a NUL or invalid UTF-8 in the address (web/request_guard.py), 422 a parameter or body this schema
# refuses, 429 over the per-address limit (web/rate_limits.py, with Retry-After), 500 a crash (JSON too).
ERRORS: dict[int, type[Schema]] = {400: Error, 422: ValidationError, 429: Error, 500: Error}


class StaffToken(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        found = (
            ApiToken.objects.select_related("user").filter(digest=token_digest(token), revoked=False).first()
        )
        if found is None or not found.user.is_active or not found.user.has_perm("cases.add_request"):
            return None
        ApiToken.objects.filter(pk=found.pk).update(last_used_at=timezone.now())
        return found


class DisclosureSummary(Schema):
    reference: str
    title: str
    summary: str
    published_on: dt.date
    url: str
    topics: list[str]
    outcomes: list[str]
    exemptions: list[str]


class DisclosurePart(Schema):
    label: str
    text: str
    outcome: str
    answer: str = ""
    exemptions: list[str] = []


class DisclosureDetail(DisclosureSummary):
    request_text: str
    response_text: str
    parts: list[DisclosurePart]
    attachments: list[dict[str, str | int]]


class DisclosurePage(Schema):
    count: int
    more: bool = Field(
        False, description="True when more entries match than `count`: the best `count` are paged through."
    )
    page: int
    pages: int
    all_words: bool = Field(
        True, description="False when no entry had every word searched for and entries with any are listed."
    )
    results: list[DisclosureSummary]


class RequestIn(Schema):
    requester_name: str = Field(..., min_length=1, max_length=200)
    requester_email: str = Field("", max_length=254, json_schema_extra={"format": "email"})
    text: str = Field(..., min_length=10, max_length=MAX_REQUEST_CHARACTERS)
    received_on: dt.date | None = None
    regime: Regime = Regime.FOIA

    @field_validator("requester_email")
    @classmethod
    def _an_email_address(cls, value: str) -> str:
        """Django's own check, as the public form's (schemathesis found any text reaching the mailer: 500)."""
        if value:
            try:
                validate_email(value)
            except DjangoValidationError as error:
                raise ValueError("requester_email is not an email address") from error
        return value


class RequestOut(Schema):
    reference: str
    received_on: dt.date
    due_on: dt.date
    parts: list[str]


def _summary(entry: Publication) -> dict[str, object]:
    return {
        "reference": entry.reference,
        "title": entry.title,
        "summary": entry.summary,
        "published_on": entry.published_on,
        "url": entry.get_absolute_url(),
        "topics": entry.topics,
        "outcomes": entry.outcomes,
        "exemptions": entry.exemptions,
    }


class DisclosureFilters(Schema):
    q: str = Field("", max_length=200)
    topic: str = Field("", max_length=80)
    outcome: str = Field("", max_length=40)
    exemption: str = Field("", max_length=40)
    year: int | None = Field(None, ge=2000, le=2100)
    sort: Literal["", "relevance", "newest"] = ""
    page: int = Field(1, ge=1, le=1_000_000)


@api.get("/disclosures", response={200: DisclosurePage, **ERRORS}, tags=["disclosure log"])
def list_disclosures(request: HttpRequest, filters: Query[DisclosureFilters]) -> dict[str, object]:
    results = log_search(
        LogFilters(
            q=filters.q.strip(),
            topic=filters.topic.strip().lower(),
            outcome=filters.outcome.strip(),
            exemption=filters.exemption.strip(),
            year=filters.year,
            sort=filters.sort,
        ),
        filters.page,
        for_page=False,
    )
    found = results.page
    return {
        "count": found.paginator.count,
        "more": results.more,
        "page": found.number,
        "pages": found.paginator.num_pages,
        "all_words": results.all_words,
        "results": [_summary(e) for e in found.object_list],
    }


@api.get(
    "/disclosures/{reference}",
    response={200: DisclosureDetail, 404: Error, **ERRORS},
    tags=["disclosure log"],
)
def get_disclosure(request: HttpRequest, reference: str) -> dict[str, object]:
    entry = get_object_or_404(published_entries().prefetch_related("attachments"), reference=reference)
    return {
        **_summary(entry),
        "request_text": entry.request_text,
        "response_text": entry.response_text,
        "parts": [
            {
                "label": p.get("label", ""),
                "text": p.get("text", ""),
                "outcome": p.get("outcome", ""),
                "answer": p.get("answer", ""),
                "exemptions": p.get("exemptions", []),
            }
            for p in entry.parts
        ],
        "attachments": [
            {
                "title": a.title,
                "filename": a.filename,
                "size": a.size,
                "sha256": a.sha256,
                "url": f"{entry.get_absolute_url()}files/{a.pk}/{a.filename}",
            }
            for a in entry.attachments.all()
        ],
    }


@api.post(
    "/requests",
    response={201: RequestOut, 401: Error, 413: Error, **ERRORS},
    auth=StaffToken(),
    tags=["intake"],
)
def post_request(request: HttpRequest, payload: RequestIn) -> Status[dict[str, object]]:
    received = payload.received_on or timezone.localdate()
    if received > timezone.localdate():
        raise HttpError(400, "received_on cannot be in the future")
    token: ApiToken = request.auth  # type: ignore[attr-defined]  # set by Django Ninja's auth
    try:
        with transaction.atomic():
            case = services.request_open(
                text=payload.text,
                requester_name=payload.requester_name,
                requester_email=payload.requester_email,
                received_on=received,
                regime=payload.regime,
                channel=Channel.API,
                actor=token.user,
            )
    except services.CaseError as error:
        raise HttpError(400, str(error)) from error
    return Status(
        201,
        {
            "reference": case.reference,
            "received_on": case.received_on,
            "due_on": case.due_on,
            "parts": list(case.parts.values_list("label", flat=True)),
        },
    )
