"""Periods as data: an inclusive range of days (``DateRange``), why an officer should check a period a
parser chose (``PeriodFlag``), the period a phrase of a request means (``PeriodMention``), and the calendar
arithmetic of the UK's reporting years (calendar, financial: 1 April to 31 March, academic: 1 September to
31 August). What the words of a request mean is core/periods.py; its date phrases, core/period_forms.py.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

FINANCIAL_YEAR_START_MONTH = 4  # UK public-sector financial year: 1 April to 31 March
ACADEMIC_YEAR_START_MONTH = 9  # English school year: 1 September to 31 August
QUARTER_MONTHS = 3
MONTHS_IN_YEAR = 12


class InvalidDateRange(ValueError):
    """A range whose end comes before its start."""


class PeriodFlag(StrEnum):
    """Why an officer should check a period the parser chose."""

    DAY_FIRST_ASSUMED = "day_first_assumed"
    FINANCIAL_YEAR_ASSUMED = "financial_year_assumed"
    YEAR_RANGE_AMBIGUOUS = "year_range_ambiguous"
    RELATIVE = "relative"
    TO_DATE_OF_RECEIPT = "to_date_of_receipt"
    AFTER_RECEIPT = "after_receipt"


Period = tuple[date, date]  # a (start, end) pair of days, both included: a DateRange as plain data


@dataclass(frozen=True, slots=True, order=True)
class DateRange:
    """An inclusive period: both ``start`` and ``end`` days are part of it."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise InvalidDateRange(f"{self.end.isoformat()} is before {self.start.isoformat()}")

    def as_dict(self) -> dict[str, str]:
        return {"start": self.start.isoformat(), "end": self.end.isoformat()}

    def overlaps(self, other: DateRange) -> bool:
        return self.start <= other.end and other.start <= self.end

    def touches(self, other: DateRange) -> bool:
        """Overlapping or adjacent (one ends the day before the other starts)."""
        one_day = timedelta(days=1)
        return self.start <= other.end + one_day and other.start <= self.end + one_day


@dataclass(frozen=True, slots=True)
class PeriodMention:
    """One date phrase found in a text, the period it means and the conventions applied."""

    phrase: str
    start_offset: int
    end_offset: int
    range: DateRange
    flags: frozenset[PeriodFlag]


def merge_ranges(ranges: Iterable[DateRange]) -> tuple[DateRange, ...]:
    """Sort and join ranges that overlap or touch: "2020 and 2021" is one period, 2020-01-01 – 2021-12-31."""
    merged: list[DateRange] = []
    for current in sorted(ranges):
        if merged and merged[-1].touches(current):
            last = merged[-1]
            merged[-1] = DateRange(last.start, max(last.end, current.end))
        else:
            merged.append(current)
    return tuple(merged)


# --- calendar arithmetic -------------------------------------------------------------------------


def month_end(year: int, month: int) -> date:
    if month == MONTHS_IN_YEAR:
        return date(year, 12, 31)
    return date(year, month + 1, 1) - timedelta(days=1)


def calendar_years(first: int, last: int) -> DateRange:
    return DateRange(date(first, 1, 1), date(last, 12, 31))


def financial_years(first: int, last: int) -> DateRange:
    """Financial years named by their first calendar year: 2019 is 2019/20."""
    return DateRange(
        date(first, FINANCIAL_YEAR_START_MONTH, 1),
        date(last + 1, FINANCIAL_YEAR_START_MONTH, 1) - timedelta(days=1),
    )


def academic_years(first: int, last: int) -> DateRange:
    return DateRange(
        date(first, ACADEMIC_YEAR_START_MONTH, 1),
        date(last + 1, ACADEMIC_YEAR_START_MONTH, 1) - timedelta(days=1),
    )


def financial_year_of(day: date) -> int:
    """The financial year (by its first calendar year) that contains ``day``."""
    return day.year if day.month >= FINANCIAL_YEAR_START_MONTH else day.year - 1


def shift_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * MONTHS_IN_YEAR + (month - 1) + delta
    return index // MONTHS_IN_YEAR, index % MONTHS_IN_YEAR + 1
