"""At intake: find repeats (s.14(2)), round-robins, and requests to aggregate for the cost limit (reg 5).

The matching itself is core/matching.py; this module feeds it the recent requests of the database
and records what it finds as RequestLinks for the officer to confirm.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import transaction

from foidesk.core import clock
from foidesk.core.holiday_calendar import DateOutsideCalendar
from foidesk.core.matching import (
    Fingerprint,
    ReceivedRequest,
    find_aggregable,
    find_repeats,
    find_round_robins,
    fingerprint,
)
from foidesk.core.regime import Regime
from foidesk.core.workflow import State
from foidesk.web.cases.models import Request, RequestLink


def request_fingerprint(request: Request) -> list[int]:
    personal = [p for p in (request.requester_name, request.requester_email) if p]
    return list(
        fingerprint(
            request.text, personal_details=personal, authority_names=[settings.FOIDESK_AUTHORITY_NAME]
        ).signature
    )


def _received(request: Request) -> ReceivedRequest:
    complied = request.responded_on if State(request.status).is_responded else None
    return ReceivedRequest(
        reference=request.reference,
        requester=(request.requester_email or request.requester_name).strip().lower(),
        received_on=request.received_on,
        fingerprint=Fingerprint(tuple(request.fingerprint)),
        topics=frozenset(t for part in request.parts.all() for t in part.topics),
        complied_on=complied,
    )


def request_links_find(request: Request) -> list[RequestLink]:
    """Compare a newly opened request with the recent ones and record the links found."""
    since = request.received_on - dt.timedelta(days=settings.FOIDESK_RELATED_LOOKBACK_DAYS)
    recent = list(
        Request.objects.filter(received_on__gte=since)
        .exclude(pk=request.pk)
        .exclude(fingerprint=[])
        .prefetch_related("parts")
    )
    if not recent or not request.fingerprint:
        return []
    new = _received(request)
    others = [_received(r) for r in recent]
    by_reference = {r.reference: r for r in recent}
    calendar = clock.default_calendar()
    regime = Regime(request.regime)

    def between(start: dt.date, end: dt.date) -> int:
        return clock.working_days_between(start, end, regime, calendar)

    found: dict[tuple[int, str], float] = {}
    interval = dt.timedelta(days=settings.FOIDESK_REPEAT_INTERVAL_DAYS)
    for repeat in find_repeats(new, others, reasonable_interval=interval):
        found[by_reference[repeat.earlier_reference].pk, RequestLink.Kind.REPEAT] = repeat.similarity
    for group in find_round_robins([new, *others]):
        if request.reference in group.references:
            for reference in group.references:
                if reference != request.reference:
                    found[by_reference[reference].pk, RequestLink.Kind.ROUND_ROBIN] = group.lowest_similarity
    try:
        aggregation = find_aggregable(new, others, working_days_between=between)
    except DateOutsideCalendar:
        # A request received on the calendar's first day: its window reaches the day before, which no
        # calendar counts. Aggregation is only a suggestion to the officer; the request must be kept.
        aggregation = None
    for other in aggregation.others if aggregation else ():
        found[by_reference[other.reference].pk, RequestLink.Kind.AGGREGATED] = other.similarity
    with transaction.atomic():
        return [
            RequestLink.objects.update_or_create(
                from_request=request, to_request_id=pk, kind=kind, defaults={"score": score}
            )[0]
            for (pk, kind), score in found.items()
        ]
