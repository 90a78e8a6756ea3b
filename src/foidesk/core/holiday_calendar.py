"""The UK holiday calendar the statutory clock counts with: bank holidays per jurisdiction, versioned.

The rule-based holidays of the `holidays` package (UK subdivisions ENG, SCT, NIR) are combined with a
vendored file (holiday_calendar.json) of proclaimed one-off days and corrections. The version names both,
because a late proclamation (19 Sep 2022) or a package upgrade can move a date, and every due date records
the version it was computed with (DOMAIN.md section A).

For each working-day rule the calendar precomputes two tables over its span: the number of working days up
to each day, and the position of the n-th working day; counting working days is then two lookups.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib.metadata
import importlib.resources
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import numpy as np
import numpy.typing as npt

CALENDAR_FIRST_YEAR = 2000
CALENDAR_LAST_YEAR = 2060
_CALENDAR_FILE = "holiday_calendar.json"


class CalendarError(ValueError):
    """A calendar that cannot be built (a malformed vendored file, a span ending before it starts)."""


class DateOutsideCalendar(CalendarError):
    """A date the holiday calendar does not cover, so no working day can be counted through it."""


class Jurisdiction(StrEnum):
    """The three bank-holiday jurisdictions of the 1971 Act (keys of the gov.uk bank-holidays feed)."""

    ENGLAND_AND_WALES = "england-and-wales"
    SCOTLAND = "scotland"
    NORTHERN_IRELAND = "northern-ireland"


class WorkingDayRule(StrEnum):
    """Which days count: the union of the UK for FOIA and the EIR, Scotland alone for FOISA and the EISR.

    The single-jurisdiction rules serve subject access requests, where "working day" is the authority's own.
    """

    UNITED_KINGDOM = "united-kingdom"  # s.10(6) FOIA: a bank holiday in ANY part of the UK
    SCOTLAND = "scotland"  # s.73 FOISA: Scottish bank holidays only
    ENGLAND_AND_WALES = "england-and-wales"
    NORTHERN_IRELAND = "northern-ireland"


@dataclass(frozen=True, slots=True)
class BankHoliday:
    """A named bank holiday in one jurisdiction."""

    on: dt.date
    jurisdiction: Jurisdiction
    name: str


@dataclass(frozen=True, slots=True)
class WorkingDayTables:
    """Per-rule counting tables over the calendar's span, indexed by ``ordinal - first ordinal``."""

    working: npt.NDArray[np.bool_]
    cumulative: npt.NDArray[np.int32]  # working days in [first, day], inclusive
    nth: npt.NDArray[np.int32]  # nth[k - 1] = index of the k-th working day


@dataclass(frozen=True, slots=True)
class HolidayCalendar:
    """Non-working dates per jurisdiction, with the version that every computed date records.

    ``first`` and ``last`` bound the days the calendar can count through. Christmas Day and Good Friday
    need not be listed: the rules add them (s.10(6) FOIA names both; s.73 FOISA names Christmas Day and
    Good Friday is a Scottish bank holiday under Sch 1 of the 1971 Act).
    """

    version: str
    first: dt.date
    last: dt.date
    holidays: tuple[BankHoliday, ...]
    _tables: Mapping[WorkingDayRule, WorkingDayTables] = field(
        init=False, repr=False, compare=False, hash=False
    )

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise CalendarError(f"calendar ends ({self.last}) before it starts ({self.first})")
        tables = {rule: _build_tables(self, rule) for rule in WorkingDayRule}
        object.__setattr__(self, "_tables", tables)

    def bank_holidays(self, jurisdiction: Jurisdiction) -> frozenset[dt.date]:
        return frozenset(h.on for h in self.holidays if h.jurisdiction is jurisdiction)

    def tables(self, rule: WorkingDayRule) -> WorkingDayTables:
        return self._tables[rule]

    def index(self, day: dt.date) -> int:
        """Position of ``day`` in the tables; raises `DateOutsideCalendar` beyond the calendar's span."""
        if not self.first <= day <= self.last:
            raise DateOutsideCalendar(
                f"{day.isoformat()} is outside the holiday calendar "
                f"({self.first.isoformat()} to {self.last.isoformat()}, version {self.version})"
            )
        return day.toordinal() - self.first.toordinal()

    def day_at(self, index: int) -> dt.date:
        return dt.date.fromordinal(self.first.toordinal() + index)

    def reason_not_working(self, day: dt.date, rule: WorkingDayRule) -> str | None:
        """Why ``day`` is not a working day under ``rule`` ("Saturday", "St Patrick's Day (NI)"), or None."""
        if day.weekday() >= 5:
            return day.strftime("%A")
        if is_working_day_by_rule(day, rule, self):
            return None
        if (day.month, day.day) == (12, 25):
            return "Christmas Day"
        if day == good_friday(day.year) and rule is not WorkingDayRule.SCOTLAND:
            return "Good Friday"
        names = [
            f"{h.name} ({_JURISDICTION_LABELS[h.jurisdiction]})"
            for h in self.holidays
            if h.on == day and h.jurisdiction in _RULE_JURISDICTIONS[rule]
        ]
        return "; ".join(dict.fromkeys(names))


_RULE_JURISDICTIONS: Mapping[WorkingDayRule, frozenset[Jurisdiction]] = {
    WorkingDayRule.UNITED_KINGDOM: frozenset(Jurisdiction),
    WorkingDayRule.SCOTLAND: frozenset({Jurisdiction.SCOTLAND}),
    WorkingDayRule.ENGLAND_AND_WALES: frozenset({Jurisdiction.ENGLAND_AND_WALES}),
    WorkingDayRule.NORTHERN_IRELAND: frozenset({Jurisdiction.NORTHERN_IRELAND}),
}
_JURISDICTION_LABELS: Mapping[Jurisdiction, str] = {
    Jurisdiction.ENGLAND_AND_WALES: "England and Wales",
    Jurisdiction.SCOTLAND: "Scotland",
    Jurisdiction.NORTHERN_IRELAND: "Northern Ireland",
}
_HOLIDAYS_SUBDIVISIONS: Mapping[Jurisdiction, str] = {
    Jurisdiction.ENGLAND_AND_WALES: "ENG",
    Jurisdiction.SCOTLAND: "SCT",
    Jurisdiction.NORTHERN_IRELAND: "NIR",
}


def good_friday(year: int) -> dt.date:
    """Good Friday of ``year`` (Gregorian Easter by the anonymous algorithm of Meeus, Jones and Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_shift) // 451
    month, day = divmod(h + weekday_shift - 7 * m + 114, 31)
    return dt.date(year, month, day + 1) - dt.timedelta(days=2)


def _build_tables(calendar: HolidayCalendar, rule: WorkingDayRule) -> WorkingDayTables:
    first = calendar.first.toordinal()
    size = calendar.last.toordinal() - first + 1
    # date.toordinal() of 0001-01-01 is 1, a Monday: weekday = (ordinal - 1) % 7.
    weekdays = (np.arange(first, first + size, dtype=np.int64) - 1) % 7
    working = weekdays < 5
    named: set[dt.date] = set()
    for year in range(calendar.first.year, calendar.last.year + 1):
        named.add(dt.date(year, 12, 25))  # s.10(6) FOIA and s.73 FOISA name Christmas Day
        if rule is not WorkingDayRule.SCOTLAND:
            named.add(good_friday(year))  # s.10(6) FOIA names Good Friday
    jurisdictions = _RULE_JURISDICTIONS[rule]
    named.update(h.on for h in calendar.holidays if h.jurisdiction in jurisdictions)
    for day in named:
        if calendar.first <= day <= calendar.last:
            working[day.toordinal() - first] = False
    cumulative = np.cumsum(working, dtype=np.int32)
    nth = np.flatnonzero(working).astype(np.int32)
    return WorkingDayTables(working=working, cumulative=cumulative, nth=nth)


@dataclass(frozen=True, slots=True)
class CalendarCorrection:
    """One entry of the vendored file: a proclaimed day to add, or a package date to remove."""

    on: dt.date
    jurisdictions: tuple[Jurisdiction, ...]
    name: str
    remove: bool = False


@dataclass(frozen=True, slots=True)
class CalendarFile:
    """The vendored, versioned file of one-off proclaimed days and corrections."""

    version: str
    corrections: tuple[CalendarCorrection, ...]


def parse_calendar_file(text: str) -> CalendarFile:
    """Parse the vendored calendar JSON; raises `CalendarError` on a malformed file."""
    try:
        raw: dict[str, Any] = json.loads(text)  # Any: JSON as parsed, validated below
        corrections = [
            CalendarCorrection(
                on=dt.date.fromisoformat(entry["date"]),
                jurisdictions=tuple(Jurisdiction(j) for j in entry["jurisdictions"]),
                name=str(entry.get("name") or entry.get("reason", "")),
                remove=remove,
            )
            for key, remove in (("additions", False), ("removals", True))
            for entry in raw.get(key, [])
        ]
        version = str(raw["version"])
    except (KeyError, TypeError, ValueError) as error:
        raise CalendarError(f"malformed holiday calendar file: {error}") from error
    return CalendarFile(version=version, corrections=tuple(corrections))


def build_calendar(
    calendar_file: CalendarFile,
    *,
    first_year: int = CALENDAR_FIRST_YEAR,
    last_year: int = CALENDAR_LAST_YEAR,
) -> HolidayCalendar:
    """Combine the `holidays` package's UK subdivisions with the vendored additions and removals.

    The version names both sources ("2026.11.1+holidays-0.109"), since an upgrade of either can move a date.
    """
    import holidays  # a pure third-party library; imported here so the clock can be used without it

    holidays_version = importlib.metadata.version("holidays")

    entries: dict[tuple[dt.date, Jurisdiction], str] = {}
    years = range(first_year, last_year + 1)
    for jurisdiction, subdivision in _HOLIDAYS_SUBDIVISIONS.items():
        for day, name in holidays.country_holidays("GB", subdiv=subdivision, years=years).items():
            entries[(day, jurisdiction)] = str(name)
    for correction in calendar_file.corrections:
        for jurisdiction in correction.jurisdictions:
            if correction.remove:
                entries.pop((correction.on, jurisdiction), None)
            else:
                entries[(correction.on, jurisdiction)] = correction.name
    bank_holidays = tuple(
        BankHoliday(on=day, jurisdiction=jurisdiction, name=name)
        for (day, jurisdiction), name in sorted(entries.items())
    )
    return HolidayCalendar(
        version=f"{calendar_file.version}+holidays-{holidays_version}",
        first=dt.date(first_year, 1, 1),
        last=dt.date(last_year, 12, 31),
        holidays=bank_holidays,
    )


@functools.cache
def default_calendar() -> HolidayCalendar:
    """The calendar shipped with FOI Desk (vendored file + `holidays` package), built once per process."""
    text = importlib.resources.files("foidesk.core").joinpath(_CALENDAR_FILE).read_text(encoding="utf-8")
    return build_calendar(parse_calendar_file(text))


@dataclass(frozen=True, slots=True)
class FeedDiscrepancy:
    """A weekday on which the calendar and the gov.uk bank-holidays feed disagree."""

    on: dt.date
    jurisdiction: Jurisdiction
    in_feed: bool  # True: the feed has a bank holiday the calendar lacks; False: the reverse
    name: str


def feed_discrepancies(calendar: HolidayCalendar, feed_text: str) -> tuple[FeedDiscrepancy, ...]:
    """Compare the calendar with a copy of https://www.gov.uk/bank-holidays.json over the feed's years.

    Run it when a bank holiday is proclaimed: each discrepancy is a line to add to (or remove from) the
    vendored file, with a new version. Weekends are ignored, as they never count.
    """
    try:
        raw: dict[str, Any] = json.loads(feed_text)  # Any: JSON as parsed, validated below
        divisions = {Jurisdiction(key) for key in raw}
        feed = {
            (dt.date.fromisoformat(event["date"]), Jurisdiction(key)): str(event["title"])
            for key, division in raw.items()
            for event in division["events"]
        }
    except (KeyError, TypeError, ValueError) as error:
        raise CalendarError(f"malformed gov.uk bank-holidays feed: {error}") from error
    if not feed:
        return ()
    years = {day.year for day, _ in feed}
    ours = {
        (h.on, h.jurisdiction): h.name
        for h in calendar.holidays
        if h.on.year in years and h.on.weekday() < 5 and h.jurisdiction in divisions
    }
    weekday_feed = {key: name for key, name in feed.items() if key[0].weekday() < 5}
    found = [
        FeedDiscrepancy(on=day, jurisdiction=jurisdiction, in_feed=True, name=name)
        for (day, jurisdiction), name in weekday_feed.items()
        if (day, jurisdiction) not in ours
    ]
    found += [
        FeedDiscrepancy(on=day, jurisdiction=jurisdiction, in_feed=False, name=name)
        for (day, jurisdiction), name in ours.items()
        if (day, jurisdiction) not in weekday_feed
    ]
    return tuple(sorted(found, key=lambda d: (d.on, d.jurisdiction)))


def is_working_day_by_rule(day: dt.date, rule: WorkingDayRule, calendar: HolidayCalendar) -> bool:
    return bool(calendar.tables(rule).working[calendar.index(day)])
