"""Timeliness as a force is judged by it: Cabinet Office categories, the ICO's 90% line, the backlog.

The Cabinet Office's FOI statistics put each request in one category (DOMAIN.md section D): answered
*within 20 working days*, *over 20 working days but within a permitted extension*, or *late*; "in time" is
the first two. The ICO monitors authorities below **90%** in time and its self-assessment toolkit grades
>= 95% Good, 90-95% Adequate, < 90% Unsatisfactory. Enforcement notices (Greater Manchester 2023, Sussex and
South Yorkshire 2024) count the open backlog by age, so that is measured too (DOMAIN.md section E).

Records are plain values (dates already computed by the clock); ``today`` is passed in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from foidesk.core.clock import add_months
from foidesk.core.regime import Regime

ICO_TIMELINESS_THRESHOLD = 0.90  # ICO monitoring threshold, raised from 85% (foi.directory)
ICO_GOOD_THRESHOLD = 0.95  # ICO FOI self-assessment toolkit: >= 95% Good
BACKLOG_OLD_MONTHS = 6  # enforcement notices: requests over six months old
BACKLOG_VERY_OLD_MONTHS = 12  # and over a year
MONTHS_PER_QUARTER = 3


class Timeliness(StrEnum):
    """A request's Cabinet Office timeliness category; ``PENDING`` is open and not yet late."""

    WITHIN_20_WORKING_DAYS = "within_20_working_days"
    WITHIN_EXTENSION = "within_permitted_extension"
    LATE = "late"
    PENDING = "pending"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    Timeliness.WITHIN_20_WORKING_DAYS: "Within 20 working days",
    Timeliness.WITHIN_EXTENSION: "Over 20 working days but within a permitted extension",
    Timeliness.LATE: "Late",
    Timeliness.PENDING: "Open, not yet due",
}


class Band(StrEnum):
    """The ICO self-assessment toolkit's grades for the share answered in time."""

    GOOD = "good"
    ADEQUATE = "adequate"
    UNSATISFACTORY = "unsatisfactory"


@dataclass(frozen=True, slots=True)
class TimelinessRecord:
    """One request as the statistics see it; ``answered_on`` is None while it is open."""

    received: dt.date
    regime: Regime
    due: dt.date
    extended_due: dt.date | None
    answered_on: dt.date | None


def classify(record: TimelinessRecord, today: dt.date) -> Timeliness:
    """The category of a request on ``today``; an open one is late once its last permitted day passes."""
    if record.answered_on is not None:
        if record.answered_on <= record.due:
            return Timeliness.WITHIN_20_WORKING_DAYS
        if record.extended_due is not None and record.answered_on <= record.extended_due:
            return Timeliness.WITHIN_EXTENSION
        return Timeliness.LATE
    if today > (record.extended_due or record.due):
        return Timeliness.LATE
    return Timeliness.PENDING


@dataclass(frozen=True, slots=True)
class PeriodFigures:
    """The requests received in one period (a month, a quarter), by category."""

    label: str
    start: dt.date
    end: dt.date
    within_20_working_days: int
    within_extension: int
    late: int
    pending: int

    @property
    def received(self) -> int:
        return self.within_20_working_days + self.within_extension + self.late + self.pending

    @property
    def in_time(self) -> int:
        """Cabinet Office "in time": within 20 working days or within a permitted extension."""
        return self.within_20_working_days + self.within_extension

    @property
    def decided(self) -> int:
        """Requests whose category can no longer change: the denominator of the share in time."""
        return self.in_time + self.late

    @property
    def share_in_time(self) -> float | None:
        """In time / decided, from 0 to 1; None when nothing in the period is decided yet."""
        return self.in_time / self.decided if self.decided else None

    @property
    def meets_ico_threshold(self) -> bool | None:
        share = self.share_in_time
        return None if share is None else share >= ICO_TIMELINESS_THRESHOLD

    @property
    def band(self) -> Band | None:
        share = self.share_in_time
        if share is None:
            return None
        if share >= ICO_GOOD_THRESHOLD:
            return Band.GOOD
        return Band.ADEQUATE if share >= ICO_TIMELINESS_THRESHOLD else Band.UNSATISFACTORY

    def as_row(self) -> dict[str, str | int]:
        """The figures as one CSV row (ISO dates; the share as a percentage with one decimal, or blank)."""
        share = self.share_in_time
        return {
            "period": self.label,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "received": self.received,
            "within_20_working_days": self.within_20_working_days,
            "within_permitted_extension": self.within_extension,
            "late": self.late,
            "open_not_yet_due": self.pending,
            "percent_in_time": "" if share is None else f"{share * 100:.1f}",
            "ico_band": self.band.value if self.band else "",
        }


def figures_for(
    label: str, start: dt.date, end: dt.date, records: Iterable[TimelinessRecord], today: dt.date
) -> PeriodFigures:
    """Figures for the requests received from ``start`` to ``end`` inclusive."""
    counts = dict.fromkeys(Timeliness, 0)
    for record in records:
        if start <= record.received <= end:
            counts[classify(record, today)] += 1
    return PeriodFigures(
        label=label,
        start=start,
        end=end,
        within_20_working_days=counts[Timeliness.WITHIN_20_WORKING_DAYS],
        within_extension=counts[Timeliness.WITHIN_EXTENSION],
        late=counts[Timeliness.LATE],
        pending=counts[Timeliness.PENDING],
    )


def by_month(records: Sequence[TimelinessRecord], today: dt.date) -> tuple[PeriodFigures, ...]:
    """One entry per calendar month from the first request received to the last, empty months included."""
    return _by_period(records, today, months=1, label=lambda start: f"{start:%B %Y}")


def by_quarter(records: Sequence[TimelinessRecord], today: dt.date) -> tuple[PeriodFigures, ...]:
    """One entry per calendar quarter (Q1 = January to March, as the Cabinet Office publishes)."""

    def label(start: dt.date) -> str:
        return f"{start.year} Q{(start.month - 1) // MONTHS_PER_QUARTER + 1}"

    return _by_period(records, today, months=MONTHS_PER_QUARTER, label=label)


def _by_period(
    records: Sequence[TimelinessRecord], today: dt.date, *, months: int, label: Callable[[dt.date], str]
) -> tuple[PeriodFigures, ...]:
    if not records:
        return ()
    first = min(r.received for r in records)
    last = max(r.received for r in records)
    start = dt.date(first.year, (first.month - 1) // months * months + 1, 1)
    buckets: dict[dt.date, list[TimelinessRecord]] = {}
    for record in records:
        key = dt.date(record.received.year, (record.received.month - 1) // months * months + 1, 1)
        buckets.setdefault(key, []).append(record)
    periods = []
    while start <= last:
        following = add_months(start, months)
        end = following - dt.timedelta(days=1)
        periods.append(figures_for(label(start), start, end, buckets.get(start, ()), today))
        start = following
    return tuple(periods)


@dataclass(frozen=True, slots=True)
class Backlog:
    """Open requests on ``as_of`` by age; each count includes older ones (over a year is over 6 months)."""

    as_of: dt.date
    open: int
    overdue: int
    over_six_months: int
    over_a_year: int
    oldest_received: dt.date | None


def backlog(records: Iterable[TimelinessRecord], today: dt.date) -> Backlog:
    """The open backlog as enforcement notices count it: open, overdue, over 6 months, over a year old."""
    open_records = [r for r in records if r.answered_on is None and r.received <= today]
    return Backlog(
        as_of=today,
        open=len(open_records),
        overdue=sum(today > (r.extended_due or r.due) for r in open_records),
        over_six_months=sum(add_months(r.received, BACKLOG_OLD_MONTHS) < today for r in open_records),
        over_a_year=sum(add_months(r.received, BACKLOG_VERY_OLD_MONTHS) < today for r in open_records),
        oldest_received=min((r.received for r in open_records), default=None),
    )
