"""The statutory clock: working days, due dates, pauses and extensions for every regime FOI Desk handles.

A working day is decided by the law of the regime (DOMAIN.md sections A and G):
- FOIA s.10(6), and the EIR (reg 2(1) borrows it): any day but a Saturday, Sunday, Christmas Day, Good Friday,
  or a bank holiday under the Banking and Financial Dealings Act 1971 **in any part of the UK** (the union);
- FOISA s.73, and the EISR (reg 2(1) borrows it): any day but a Saturday, Sunday, Christmas Day, or a
  **Scottish** bank holiday (so Easter Monday is a working day).

Bank holidays come from a `HolidayCalendar` passed in (core/holiday_calendar.py); every computed date records
the calendar version it used, because a late proclamation (19 Sep 2022) can move a date. The calendar's
precomputed tables make a due date two lookups, and a million of them a fraction of a second with numpy.
"""

from __future__ import annotations

import calendar as gregorian
import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np
import numpy.typing as npt

from foidesk.core.holiday_calendar import DateOutsideCalendar as DateOutsideCalendar
from foidesk.core.holiday_calendar import HolidayCalendar as HolidayCalendar
from foidesk.core.holiday_calendar import Jurisdiction as Jurisdiction
from foidesk.core.holiday_calendar import WorkingDayRule as WorkingDayRule
from foidesk.core.holiday_calendar import default_calendar as default_calendar
from foidesk.core.holiday_calendar import is_working_day_by_rule
from foidesk.core.regime import Regime

# A regime's periods and provisions have their one home in its rules (``Regime.X.rules.clock`` and
# ``.review``, core/regime.py); these names are the FOIA values, kept for callers that print them.
FOIA_WORKING_DAYS = Regime.FOIA.rules.clock.response_working_days  # s.10(1) FOIA
EIR_EXTENDED_WORKING_DAYS = Regime.EIR.rules.clock.volume_extension_working_days or 0  # reg 7(1) EIR
PIT_FURTHER_WORKING_DAYS = Regime.FOIA.rules.clock.pit_further_working_days or 0  # s.45 Code of Practice
REVIEW_REQUEST_WINDOW_WORKING_DAYS = Regime.FOIA.rules.review.request_window_working_days
SAR_MONTHS = 1  # Art 12(3) UK GDPR: within one month of receipt
SAR_EXTENSION_MONTHS = 2  # Art 12(3) UK GDPR: extendable by two further months


class ClockError(ValueError):
    """Input the clock cannot count with (a pause ending before it starts, an event out of order)."""


class Period(StrEnum):
    """The kinds of period the clock runs; `foidesk deadline --regime` takes ``review`` and ``sar``."""

    RESPONSE = "response"
    REVIEW = "review"
    SAR = "sar"


def rule_for(regime: Regime) -> WorkingDayRule:
    """The working-day rule a regime counts by (s.10(6) FOIA; s.73 FOISA)."""
    return regime.rules.clock.working_day_rule


def is_working_day(day: dt.date, regime: Regime, calendar: HolidayCalendar) -> bool:
    """Whether ``day`` counts under ``regime`` (s.10(6) FOIA for FOIA and EIR; s.73 FOISA for Scotland)."""
    return is_working_day_by_rule(day, rule_for(regime), calendar)


def add_working_days(start: dt.date, days: int, rule: WorkingDayRule, calendar: HolidayCalendar) -> dt.date:
    """The ``days``-th working day after ``start`` (``start`` itself never counts, s.10(1) FOIA "following").

    ``days`` = 0 gives ``start`` itself. ``start`` need not be a working day.
    """
    if days < 0:
        raise ClockError(f"cannot count {days} working days forward")
    if days == 0:
        return start
    tables = calendar.tables(rule)
    k = int(tables.cumulative[calendar.index(start)]) + days
    if k > len(tables.nth):
        raise DateOutsideCalendar(
            f"{days} working days after {start.isoformat()} runs past the holiday calendar "
            f"(ends {calendar.last.isoformat()}, version {calendar.version})"
        )
    return calendar.day_at(int(tables.nth[k - 1]))


def working_days_between(start: dt.date, end: dt.date, regime: Regime, calendar: HolidayCalendar) -> int:
    """Working days after ``start`` up to and including ``end``; negative when ``end`` is before ``start``.

    ``working_days_between(today, due)`` is the days left (0 on the due day); negative means days late.
    """
    return working_days_between_by_rule(start, end, rule_for(regime), calendar)


def working_days_between_by_rule(
    start: dt.date, end: dt.date, rule: WorkingDayRule, calendar: HolidayCalendar
) -> int:
    cumulative = calendar.tables(rule).cumulative
    return int(cumulative[calendar.index(end)]) - int(cumulative[calendar.index(start)])


def next_working_day_on_or_after(day: dt.date, rule: WorkingDayRule, calendar: HolidayCalendar) -> dt.date:
    if is_working_day_by_rule(day, rule, calendar):
        return day
    return add_working_days(day, 1, rule, calendar)


def response_due_ordinals(
    received: npt.NDArray[np.int64],
    scottish: npt.NDArray[np.bool_],
    calendar: HolidayCalendar,
    working_days: int = FOIA_WORKING_DAYS,
) -> npt.NDArray[np.int64]:
    """Due dates (as ``date.toordinal()``) for many receipts at once: the vectorised `response_due`.

    ``received`` holds ordinals; ``scottish[i]`` selects s.73 FOISA counting, otherwise s.10(6) FOIA.
    """
    if working_days < 1:
        raise ClockError(f"count at least one working day, not {working_days}")
    first = calendar.first.toordinal()
    offsets = received - first
    if offsets.size and (offsets.min() < 0 or offsets.max() > calendar.last.toordinal() - first):
        raise DateOutsideCalendar("a date of receipt is outside the holiday calendar")
    result = np.empty_like(offsets)
    for rule, mask in (
        (WorkingDayRule.UNITED_KINGDOM, ~scottish),
        (WorkingDayRule.SCOTLAND, scottish),
    ):
        tables = calendar.tables(rule)
        k = tables.cumulative[offsets[mask]].astype(np.int64) + working_days
        if k.size and k.max() > len(tables.nth):
            raise DateOutsideCalendar("a due date runs past the holiday calendar")
        result[mask] = tables.nth[k - 1]
    return result + first


# --- simple periods -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Pause:
    """Days from ``start`` to ``end`` inclusive that do not count (s.10(2) FOIA: fees notice to payment)."""

    start: dt.date
    end: dt.date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ClockError(
                f"a pause cannot end ({self.end.isoformat()}) before it starts ({self.start.isoformat()})"
            )


def due_after_pauses(
    received: dt.date,
    working_days: int,
    pauses: Iterable[Pause],
    rule: WorkingDayRule,
    calendar: HolidayCalendar,
) -> dt.date:
    """The ``working_days``-th working day after ``received``, not counting working days inside pauses.

    A pause that starts after the unpaused date has already come has no effect; pauses may overlap.
    """
    cumulative = calendar.tables(rule).cumulative
    remaining = working_days
    cursor = received
    for pause in merge_pauses(pauses):
        if pause.end <= cursor:
            continue
        start = max(pause.start, cursor + dt.timedelta(days=1))
        available = int(cumulative[calendar.index(start - dt.timedelta(days=1))]) - int(
            cumulative[calendar.index(cursor)]
        )
        if remaining <= available:
            break
        remaining -= available
        cursor = pause.end
    return add_working_days(cursor, remaining, rule, calendar)


def merge_pauses(pauses: Iterable[Pause]) -> list[Pause]:
    merged: list[Pause] = []
    for pause in sorted(pauses, key=lambda p: (p.start, p.end)):
        if merged and pause.start <= merged[-1].end + dt.timedelta(days=1):
            last = merged.pop()
            pause = Pause(last.start, max(last.end, pause.end))
        merged.append(pause)
    return merged


def response_due(
    regime: Regime,
    received: dt.date,
    calendar: HolidayCalendar,
    *,
    pauses: Sequence[Pause] = (),
    working_days: int | None = None,
) -> dt.date:
    """The 20th working day following the date of receipt (s.10(1) FOIA), skipping paused days."""
    days = regime.rules.clock.response_working_days if working_days is None else working_days
    return due_after_pauses(received, days, pauses, rule_for(regime), calendar)


@dataclass(frozen=True, slots=True)
class ReviewDeadlines:
    """An internal review (FOIA, non-statutory), reconsideration (reg 11 EIR) or review (s.21 FOISA)."""

    regime: Regime
    requested: dt.date
    due: dt.date
    latest_due: dt.date
    working_days: int
    latest_working_days: int
    calendar_version: str


def review_deadlines(regime: Regime, requested: dt.date, calendar: HolidayCalendar) -> ReviewDeadlines:
    """When a review asked for on ``requested`` must be answered.

    FOIA: 20 WD, 40 at most (ICO Good Practice Guidance No. 5). EIR: 40 WD (reg 11(4), statutory).
    FOISA: 20 WD (s.21(1)). EISR: 20 WD (reg 16(4)). The periods are the regime's ``rules.review``.
    """
    rule = rule_for(regime)
    days = regime.rules.review.decide_working_days
    latest = regime.rules.review.decide_maximum_working_days
    return ReviewDeadlines(
        regime=regime,
        requested=requested,
        due=add_working_days(requested, days, rule, calendar),
        latest_due=add_working_days(requested, latest, rule, calendar),
        working_days=days,
        latest_working_days=latest,
        calendar_version=calendar.version,
    )


def review_request_window_ends(regime: Regime, responded: dt.date, calendar: HolidayCalendar) -> dt.date:
    """The last day the requester may ask for a review: 40 WD after the response.

    Statutory for the EIR (reg 11(2)), FOISA (s.20(5)) and EISR (reg 16(2)); for FOIA the ICO lets an
    authority refuse a review asked for later than this.
    """
    window = regime.rules.review.request_window_working_days
    return add_working_days(responded, window, rule_for(regime), calendar)


def add_months(day: dt.date, months: int) -> dt.date:
    """The corresponding date ``months`` later, or the last day of that month if there is none."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, gregorian.monthrange(year, month)[1]))


@dataclass(frozen=True, slots=True)
class SarDeadlines:
    """A subject access request: one calendar month from receipt, extendable by two more (Art 12(3))."""

    received: dt.date
    due: dt.date
    extended_due: dt.date | None
    jurisdiction: Jurisdiction
    calendar_version: str


def sar_deadlines(
    received: dt.date,
    calendar: HolidayCalendar,
    *,
    extended: bool = False,
    jurisdiction: Jurisdiction = Jurisdiction.ENGLAND_AND_WALES,
) -> SarDeadlines:
    """Due dates for a SAR received on ``received`` (Art 12(3) UK GDPR, as the ICO reads it).

    The day of receipt is day 1, so the period ends on the corresponding date of the next month; with no
    such date, the last day of that month; on a weekend or bank holiday, the next working day of the
    authority's own ``jurisdiction``. The extension runs from receipt (three months in all), not from the
    moved due date.
    """
    rule = WorkingDayRule(jurisdiction.value)
    due = next_working_day_on_or_after(add_months(received, SAR_MONTHS), rule, calendar)
    extended_due = None
    if extended:
        end = add_months(received, SAR_MONTHS + SAR_EXTENSION_MONTHS)
        extended_due = next_working_day_on_or_after(end, rule, calendar)
    return SarDeadlines(
        received=received,
        due=due,
        extended_due=extended_due,
        jurisdiction=jurisdiction,
        calendar_version=calendar.version,
    )


def fee_payment_last_day(regime: Regime, notice_given: dt.date, calendar: HolidayCalendar) -> dt.date:
    """The last day a fee can be paid before the request lapses.

    s.9(2) FOIA / s.9(4) FOISA: "the period of three months beginning with the day on which the fees
    notice is given"; a period *beginning with* a day ends the day before the corresponding date (or, with
    no corresponding date, on the last day of that month). EIR/EISR: 60 working days [UNVERIFIED].
    """
    rules = regime.rules.clock
    if rules.fee_payment_months is None:
        return add_working_days(notice_given, rules.fee_payment_working_days or 0, rule_for(regime), calendar)
    corresponding = add_months(notice_given, rules.fee_payment_months)
    if corresponding.day != notice_given.day:
        return corresponding
    return corresponding - dt.timedelta(days=1)


# --- the clock of one case -------------------------------------------------------------------------


class EventKind(StrEnum):
    """Things that happen to a case and move its clock."""

    CLARIFICATION_SOUGHT = "clarification_sought"  # s.1(3) FOIA
    CLARIFICATION_RECEIVED = "clarification_received"  # s.1(3): a fresh 20 WD from this day
    FEE_NOTICE_GIVEN = "fee_notice_given"  # s.9 FOIA
    FEE_PAID = "fee_paid"  # s.10(2): the days between do not count
    PIT_EXTENSION = "pit_extension"  # s.10(3) FOIA: public interest test
    EIR_EXTENSION = "eir_extension"  # reg 7 EIR / EISR: to 40 WD
    S12_REFUSAL = "s12_refusal"  # s.12 cost limit, notice under s.17(5)
    S14_REFUSAL = "s14_refusal"  # s.14 vexatious or repeated, notice under s.17(5)
    ANSWERED = "answered"


class PauseReason(StrEnum):
    AWAITING_CLARIFICATION = "awaiting_clarification"
    AWAITING_FEE = "awaiting_fee"


@dataclass(frozen=True, slots=True)
class DeadlineEvent:
    """One event on a case. A PIT extension carries a new date (``extended_to``) or a number of working
    days beyond the s.17 date (``extra_working_days``); neither means the Code's 20 further working days."""

    kind: EventKind
    on: dt.date
    extended_to: dt.date | None = None
    extra_working_days: int | None = None

    def __post_init__(self) -> None:
        if (self.extended_to or self.extra_working_days) and self.kind is not EventKind.PIT_EXTENSION:
            raise ClockError(f"only a public interest extension takes a new date or days, not {self.kind}")
        if self.extended_to is not None and self.extra_working_days is not None:
            raise ClockError("give a public interest extension a new date or a number of days, not both")
        if self.extra_working_days is not None and self.extra_working_days <= 0:
            raise ClockError(f"an extension must add working days, not {self.extra_working_days}")


@dataclass(frozen=True, slots=True)
class ClockStep:
    """One line of a case's clock history, in words, for the case page."""

    on: dt.date
    kind: EventKind | None  # None for the receipt itself
    text: str


@dataclass(frozen=True, slots=True)
class CaseDeadlines:
    """Everything the clock says about one case.

    ``due`` is the statutory date for the response or the s.17 refusal notice. While the clock is
    ``paused`` (awaiting clarification or a fee) it is provisional: the date that would apply were the
    clock to restart on ``as_of`` (or on the day it stopped). ``extended_due`` is the permitted later date
    (PIT under s.10(3) FOIA; reg 7 EIR), or None. ``lapsed_on`` is the day the request lapses if the
    outstanding fee is still unpaid (s.9(2) FOIA), or None when no fee is outstanding.
    """

    regime: Regime
    received: dt.date
    clock_start: dt.date
    working_days: int
    due: dt.date
    extended_due: dt.date | None
    paused: bool
    pause_reason: PauseReason | None
    pauses: tuple[Pause, ...]
    fee_last_day: dt.date | None
    lapsed_on: dt.date | None
    answered_on: dt.date | None
    calendar_version: str
    history: tuple[ClockStep, ...]

    @property
    def final_due(self) -> dt.date:
        """The last day on which an answer is in time: the extended date if there is one."""
        return self.extended_due or self.due

    def has_lapsed(self, today: dt.date) -> bool:
        return self.lapsed_on is not None and today >= self.lapsed_on

    def days_left(self, today: dt.date, calendar: HolidayCalendar) -> int:
        """Working days left until ``final_due`` (0 on the day; negative: working days late)."""
        return working_days_between(today, self.final_due, self.regime, calendar)


def format_uk_date(day: dt.date) -> str:
    """A date as pages and letters show it: "Friday 21 January 2022"."""
    return f"{day:%A} {day.day} {day:%B %Y}"


@dataclass(slots=True)
class _CaseState:
    regime: Regime
    received: dt.date
    calendar: HolidayCalendar
    clock_start: dt.date
    pauses: list[Pause] = field(default_factory=list)
    fee_notice: dt.date | None = None
    clarification_sought: dt.date | None = None
    pit: DeadlineEvent | None = None
    eir_extended: bool = False
    answered_on: dt.date | None = None
    history: list[ClockStep] = field(default_factory=list)

    def due(self, as_of: dt.date | None, working_days: int | None = None) -> dt.date:
        if working_days is None:
            working_days = self.regime.rules.clock.response_working_days
        start = self.clock_start
        if self.clarification_sought is not None:
            start = max(self.clarification_sought, as_of or self.clarification_sought)
        pauses = list(self.pauses)
        if self.fee_notice is not None:
            pauses.append(Pause(self.fee_notice, max(self.fee_notice, as_of or self.fee_notice)))
        return due_after_pauses(start, working_days, pauses, rule_for(self.regime), self.calendar)

    def note(self, event: DeadlineEvent, text: str) -> None:
        self.history.append(ClockStep(on=event.on, kind=event.kind, text=text))


_Handler = Callable[[_CaseState, DeadlineEvent], None]
_EVENT_ORDER = {kind: position for position, kind in enumerate(EventKind)}


def case_deadlines(
    regime: Regime,
    received: dt.date,
    events: Sequence[DeadlineEvent],
    calendar: HolidayCalendar,
    *,
    as_of: dt.date | None = None,
) -> CaseDeadlines:
    """The deadlines of one case from plain values: its regime, date of receipt and clock events.

    Events are applied in date order. Raises `ClockError` for events the law does not allow under the
    regime (a PIT extension under FOISA, s.12 under the EIR) or that contradict each other.
    """
    state = _CaseState(regime=regime, received=received, calendar=calendar, clock_start=received)
    state.history.append(
        ClockStep(
            on=received,
            kind=None,
            text=(
                f"Received. The response is due by the {regime.rules.clock.response_working_days}th working "
                f"day after the date of receipt: {format_uk_date(state.due(None))} "
                f"({regime.rules.clock.response_provision})."
            ),
        )
    )
    for event in sorted(events, key=lambda e: (e.on, _EVENT_ORDER[e.kind])):
        if event.on < received:
            raise ClockError(f"{event.kind} on {event.on.isoformat()} is before the request was received")
        if state.answered_on is not None:
            raise ClockError(f"{event.kind} on {event.on.isoformat()} comes after the request was answered")
        _APPLY[event.kind](state, event)
    return _finish(state, as_of)


def _clarification_sought(state: _CaseState, event: DeadlineEvent) -> None:
    state.clarification_sought = event.on
    state.note(
        event,
        f"Clarification sought ({state.regime.rules.clock.clarification_provision}): the authority need "
        f"not comply until it arrives; a fresh {state.regime.rules.clock.response_working_days} working "
        "days will run from the day it does.",
    )


def _clarification_received(state: _CaseState, event: DeadlineEvent) -> None:
    state.clarification_sought = None
    state.clock_start = event.on
    state.pauses = [p for p in state.pauses if p.end > event.on]
    state.note(
        event,
        "Clarification received: it is now the date of receipt, so a fresh "
        f"{state.regime.rules.clock.response_working_days} working days run from it; "
        f"due {format_uk_date(state.due(None))}.",
    )


def _fee_notice_given(state: _CaseState, event: DeadlineEvent) -> None:
    if state.fee_notice is not None:
        raise ClockError(f"a fees notice given on {state.fee_notice.isoformat()} is still unpaid")
    state.fee_notice = event.on
    last_day = fee_payment_last_day(state.regime, event.on, state.calendar)
    state.note(
        event,
        "Fees notice given: working days from today until the fee is received do not count "
        f"({state.regime.rules.clock.fee_pause_provision}); if it is not paid by "
        f"{format_uk_date(last_day)} the request lapses ({state.regime.rules.clock.fee_lapse_provision}).",
    )


def _fee_paid(state: _CaseState, event: DeadlineEvent) -> None:
    if state.fee_notice is None:
        raise ClockError(f"fee paid on {event.on.isoformat()} without a fees notice")
    pause = Pause(state.fee_notice, event.on)
    last_day = fee_payment_last_day(state.regime, state.fee_notice, state.calendar)
    state.pauses.append(pause)
    state.fee_notice = None
    paused_days = working_days_between_by_rule(
        pause.start - dt.timedelta(days=1), pause.end, rule_for(state.regime), state.calendar
    )
    late = ""
    if event.on > last_day:
        late = " It was paid after the payment period, so the authority was no longer obliged to comply."
    state.note(
        event,
        f"Fee received: {paused_days} working days from the fees notice to today do not count; "
        f"due {format_uk_date(state.due(None))}.{late}",
    )


def _pit_extension(state: _CaseState, event: DeadlineEvent) -> None:
    rules = state.regime.rules.clock
    if rules.pit_extension_provision is None:
        instead = (
            "; use an extension for volume (reg 7) instead"
            if rules.has_volume_extension
            else f": the {rules.response_working_days} working days are absolute"
        )
        raise ClockError(f"the {state.regime.short_name} has no public interest extension{instead}")
    state.pit = event
    due = state.due(None)
    extended = _pit_extended_due(state, event, due)
    further = rules.pit_further_working_days or 0
    code_limit = add_working_days(due, further, rule_for(state.regime), state.calendar)
    remarks = [f"decision due {format_uk_date(extended)}; the s.17 notice stays due {format_uk_date(due)}"]
    if event.on > due:
        remarks.append("the extension was recorded after the s.17 date, so the notice was late")
    if extended > code_limit:
        remarks.append(f"beyond the {further} further working days the s.45 Code allows")
    state.note(
        event, f"Public interest test extension ({rules.pit_extension_provision}): {'; '.join(remarks)}."
    )


def _eir_extension(state: _CaseState, event: DeadlineEvent) -> None:
    days = state.regime.rules.clock.volume_extension_working_days
    if days is None:
        raise ClockError(
            f"an extension to {EIR_EXTENDED_WORKING_DAYS} working days is for the EIR (reg 7), "
            f"not {state.regime.label}"
        )
    state.eir_extended = True
    state.note(
        event,
        f"Extended to {days} working days for a complex and voluminous request "
        f"(reg 7(1)): now due {format_uk_date(state.due(None, days))}.",
    )


def _refusal(section: str) -> _Handler:
    def refuse(state: _CaseState, event: DeadlineEvent) -> None:
        if not state.regime.rules.cost.has_limit:
            ground = state.regime.rules.cost.ground
            raise ClockError(
                f"{section} does not apply under the {state.regime.short_name}; refuse under {ground} instead"
            )
        state.answered_on = event.on
        due = state.due(None)
        timing = "in time" if event.on <= due else f"late: it was due {format_uk_date(due)}"
        notice = state.regime.rules.clock.procedural_refusal_provision
        state.note(event, f"Refused under {section}, with a refusal notice under {notice} ({timing}).")

    return refuse


def _answered(state: _CaseState, event: DeadlineEvent) -> None:
    state.answered_on = event.on
    last_day = _last_permitted_day(state)
    if event.on <= last_day:
        state.note(event, "Answered in time.")
        return
    late = working_days_between_by_rule(last_day, event.on, rule_for(state.regime), state.calendar)
    state.note(event, f"Answered {late} working day(s) late: it was due {format_uk_date(last_day)}.")


_APPLY: Mapping[EventKind, _Handler] = {
    EventKind.CLARIFICATION_SOUGHT: _clarification_sought,
    EventKind.CLARIFICATION_RECEIVED: _clarification_received,
    EventKind.FEE_NOTICE_GIVEN: _fee_notice_given,
    EventKind.FEE_PAID: _fee_paid,
    EventKind.PIT_EXTENSION: _pit_extension,
    EventKind.EIR_EXTENSION: _eir_extension,
    EventKind.S12_REFUSAL: _refusal("s.12 (cost limit)"),
    EventKind.S14_REFUSAL: _refusal("s.14 (vexatious or repeated)"),
    EventKind.ANSWERED: _answered,
}


def _finish(state: _CaseState, as_of: dt.date | None) -> CaseDeadlines:
    due = state.due(as_of)
    extended_due = None
    if state.eir_extended:
        extended_due = state.due(as_of, _volume_extended_days(state.regime))
    elif state.pit is not None:
        extended_due = _pit_extended_due(state, state.pit, due)
    pause_reason = None
    if state.clarification_sought is not None:
        pause_reason = PauseReason.AWAITING_CLARIFICATION
    elif state.fee_notice is not None:
        pause_reason = PauseReason.AWAITING_FEE
    fee_last_day = lapsed_on = None
    if state.fee_notice is not None:
        fee_last_day = fee_payment_last_day(state.regime, state.fee_notice, state.calendar)
        lapsed_on = fee_last_day + dt.timedelta(days=1)
    return CaseDeadlines(
        regime=state.regime,
        received=state.received,
        clock_start=state.clock_start,
        working_days=(
            _volume_extended_days(state.regime)
            if state.eir_extended
            else state.regime.rules.clock.response_working_days
        ),
        due=due,
        extended_due=extended_due,
        paused=pause_reason is not None,
        pause_reason=pause_reason,
        pauses=tuple(merge_pauses(state.pauses)),
        fee_last_day=fee_last_day,
        lapsed_on=lapsed_on,
        answered_on=state.answered_on,
        calendar_version=state.calendar.version,
        history=tuple(sorted(state.history, key=lambda step: step.on)),
    )


def _pit_extended_due(state: _CaseState, pit: DeadlineEvent, due: dt.date) -> dt.date:
    """s.10(3) FOIA: "such time as is reasonable"; by default the s.45 Code's 20 further working days."""
    if pit.extended_to is not None:
        extended = pit.extended_to
    else:
        days = pit.extra_working_days or state.regime.rules.clock.pit_further_working_days or 0
        extended = add_working_days(due, days, rule_for(state.regime), state.calendar)
    if extended <= due:
        raise ClockError(
            f"a public interest extension must end after the s.17 date {due.isoformat()}, "
            f"not on {extended.isoformat()}"
        )
    return extended


def _last_permitted_day(state: _CaseState) -> dt.date:
    """The last day an answer is in time, given the events so far."""
    if state.eir_extended:
        return state.due(None, _volume_extended_days(state.regime))
    due = state.due(None)
    return _pit_extended_due(state, state.pit, due) if state.pit is not None else due


def _volume_extended_days(regime: Regime) -> int:
    days = regime.rules.clock.volume_extension_working_days
    if days is None:  # _eir_extension refuses the event first
        raise ClockError(f"the {regime.short_name} has no extension for volume")
    return days


def response_provision(regime: Regime) -> str:
    """The provision that sets the response time ("s.10(1) FOIA"), for letters and pages."""
    return regime.rules.clock.response_provision


def clarification_provision(regime: Regime) -> str:
    """The provision under which the authority may ask for clarification ("s.1(3) FOIA")."""
    return regime.rules.clock.clarification_provision


def fee_provision(regime: Regime) -> str:
    """The provision under which a fee stops the clock ("s.10(2) FOIA")."""
    return regime.rules.clock.fee_pause_provision
