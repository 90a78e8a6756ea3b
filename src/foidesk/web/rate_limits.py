"""Rate limits per client address: the one home of every limit, where it applies and how it answers.

Each limit allows ``FOIDESK_RATE_LIMIT_*`` requests from one client address (``client_address``: the
proxy's header when FOIDESK_CLIENT_ADDRESS_HEADER says so) in a fixed window; 0 turns it off. The count
is kept in the database (``RateCount``) so that several application servers share it. A request over
the limit gets 429 with Retry-After: a page for people, JSON under /api/. The sign-in lockout
(accounts/lockout.py) is separate: it counts failures, not requests.

Where each applies (``RateLimitMiddleware``, by the view's URL name, so no view needs to know):
- the public request form, when sent (POST /make-a-request/);
- searching the disclosure log, on the page or the API (a non-empty ``q``);
- every call of the API.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from foidesk.web.accounts.lockout import client_address
from foidesk.web.accounts.models import RateCount
from foidesk.web.errors import api_error, is_api


@dataclass(frozen=True, slots=True)
class RateLimit:
    name: str
    setting: str  # the settings name holding how many requests a window allows (0: no limit)
    window_seconds: int
    what: str  # for the 429 page: "You have sent ..."

    @property
    def allowed(self) -> int:
        return int(getattr(settings, self.setting))


REQUEST_FORM = RateLimit(
    "request-form", "FOIDESK_RATE_LIMIT_REQUEST_FORM", 3600, "many requests in the last hour"
)
SEARCH = RateLimit("search", "FOIDESK_RATE_LIMIT_SEARCH", 60, "many searches in the last minute")
API = RateLimit("api", "FOIDESK_RATE_LIMIT_API", 60, "many API calls in the last minute")
LIMITS = (REQUEST_FORM, SEARCH, API)


@dataclass(frozen=True, slots=True)
class LimitCheck:
    limit: RateLimit
    count: int
    retry_after: int  # seconds until the window ends

    @property
    def over(self) -> bool:
        return 0 < self.limit.allowed < self.count


def count(limit: RateLimit, address: str | None, now: dt.datetime | None = None) -> LimitCheck:
    """Count one request from ``address`` against ``limit`` and say whether it is over."""
    now = now or timezone.now()
    window = int(now.timestamp()) // limit.window_seconds
    window_ends = dt.datetime.fromtimestamp((window + 1) * limit.window_seconds, tz=dt.UTC)
    key = f"{limit.name}:{address or 'unknown'}:{window}"
    with transaction.atomic():
        if not RateCount.objects.filter(key=key).update(count=F("count") + 1):
            try:
                with transaction.atomic():
                    RateCount.objects.create(key=key, window_ends=window_ends, count=1)
            except IntegrityError:  # another server began this window at the same moment
                RateCount.objects.filter(key=key).update(count=F("count") + 1)
            else:  # a new window: drop the ended ones
                RateCount.objects.filter(window_ends__lt=now).delete()
        counted = RateCount.objects.filter(key=key).values_list("count", flat=True).first() or 0
    return LimitCheck(
        limit=limit, count=counted, retry_after=max(1, int((window_ends - now).total_seconds()))
    )


def too_many(request: HttpRequest, verdict: LimitCheck) -> HttpResponse:
    """The 429 answer: JSON for the API, a page for people; both say when to try again."""
    minutes = max(1, round(verdict.retry_after / 60))
    if is_api(request):
        response: HttpResponse = api_error(
            429,
            f"Too many requests: try again in {verdict.retry_after} seconds.",
            retry_after=verdict.retry_after,
        )
    else:
        response = render(request, "429.html", {"what": verdict.limit.what, "minutes": minutes}, status=429)
    response["Retry-After"] = str(verdict.retry_after)
    return response


def _is_search(request: HttpRequest) -> bool:
    return request.method in {"GET", "HEAD"} and bool(request.GET.get("q", "").strip())


# (URL name or namespace, which requests count, the limit). The first match counts; the API also
# counts every call under API.
RULES: tuple[tuple[str, Callable[[HttpRequest], bool], RateLimit], ...] = (
    ("make-a-request", lambda request: request.method == "POST", REQUEST_FORM),
    ("publication:log", _is_search, SEARCH),
    ("api:list_disclosures", _is_search, SEARCH),
)


def limits_for(request: HttpRequest) -> list[RateLimit]:
    match = request.resolver_match
    if match is None:
        return []
    found = [limit for name, applies, limit in RULES if match.view_name == name and applies(request)]
    if "api" in match.namespaces:
        found.append(API)
    return found


class RateLimitMiddleware:
    """Counts the requests each rule names and answers 429 to one over its limit, before the view."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: Any, view_args: Any, view_kwargs: Any
    ) -> HttpResponse | None:
        limits = [limit for limit in limits_for(request) if limit.allowed > 0]
        if not limits:
            return None
        address = client_address(request)
        for limit in limits:
            verdict = count(limit, address)
            if verdict.over:
                return too_many(request, verdict)
        return None
