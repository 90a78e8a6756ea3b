"""The statutory clock. Known answers are counted by hand on a printed calendar (see each comment)."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foidesk.core.clock import (
    CaseDeadlines,
    ClockError,
    DeadlineEvent,
    EventKind,
    Pause,
    PauseReason,
    add_months,
    add_working_days,
    case_deadlines,
    due_after_pauses,
    fee_payment_last_day,
    format_uk_date,
    is_working_day,
    merge_pauses,
    response_due,
    response_due_ordinals,
    review_deadlines,
    review_request_window_ends,
    rule_for,
    sar_deadlines,
    working_days_between,
)
from foidesk.core.holiday_calendar import (
    BankHoliday,
    HolidayCalendar,
    Jurisdiction,
    WorkingDayRule,
)
from foidesk.core.regime import Regime

D = dt.date
FOIA, EIR, FOISA, EISR = Regime.FOIA, Regime.EIR, Regime.FOISA, Regime.EISR


def event(kind: EventKind, on: dt.date, **kwargs: object) -> DeadlineEvent:
    return DeadlineEvent(kind, on, **kwargs)  # type: ignore[arg-type]


# --- known answers: the response date -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("regime", "received", "due"),
    [
        # DOMAIN.md: 27-29 Dec, 3 Jan... 25 Dec, 26 Dec, 1 Jan (Mon) and Scotland's 2 Jan do not count.
        (FOIA, D(2023, 12, 22), D(2024, 1, 25)),
        # DESIGN.md contract example: 27, 28 Dec 2021 and 3, 4 Jan 2022 are substitute days.
        (FOIA, D(2021, 12, 20), D(2022, 1, 21)),
        # FOISA also skips 2 Jan (a Scottish bank holiday), so the same date.
        (FOISA, D(2023, 12, 22), D(2024, 1, 25)),
        # Saturday receipt: day 1 is Monday 8 Jan, day 20 Friday 2 Feb.
        (FOIA, D(2024, 1, 6), D(2024, 2, 2)),
        (FOIA, D(2024, 1, 5), D(2024, 2, 2)),  # the Friday before gives the same date
        (FOIA, D(2024, 1, 8), D(2024, 2, 5)),  # the Monday after: one more
        # Easter 2024: Good Friday 29 Mar and Easter Monday 1 Apr skipped under FOIA...
        (FOIA, D(2024, 3, 21), D(2024, 4, 22)),
        # ...FOISA counts Easter Monday: one working day earlier.
        (FOISA, D(2024, 3, 21), D(2024, 4, 19)),
        # 12 July 2023 (Battle of the Boyne, NI) does not count for an English force...
        (FOIA, D(2023, 6, 28), D(2023, 7, 27)),
        # ...but does in Scotland.
        (FOISA, D(2023, 6, 28), D(2023, 7, 26)),
        # St Patrick's Day (Fri 17 Mar 2023) and Easter 2023 (7 and 10 Apr) skipped.
        (FOIA, D(2023, 3, 10), D(2023, 4, 12)),
        # The Queen's funeral, Mon 19 Sep 2022, proclaimed a week before.
        (FOIA, D(2022, 9, 12), D(2022, 10, 11)),
        (EIR, D(2022, 9, 12), D(2022, 10, 11)),
    ],
)
def test_known_response_dates(
    calendar: HolidayCalendar, regime: Regime, received: dt.date, due: dt.date
) -> None:
    assert response_due(regime, received, calendar) == due


def test_leaving_out_scotland_gives_the_wrong_date_of_24_january(calendar: HolidayCalendar) -> None:
    """Without Scotland's 2 January, 22 Dec 2023 would be due 24 Jan: the union matters."""
    england = [h for h in calendar.holidays if h.jurisdiction is Jurisdiction.ENGLAND_AND_WALES]
    only_england = HolidayCalendar(
        version="eng", first=calendar.first, last=calendar.last, holidays=tuple(england)
    )
    assert response_due(FOIA, D(2023, 12, 22), only_england) == D(2024, 1, 24)


def test_scottish_bank_holiday_counts_for_foia_in_england(calendar: HolidayCalendar) -> None:
    assert not is_working_day(D(2024, 1, 2), FOIA, calendar)
    assert not is_working_day(D(2023, 11, 30), EIR, calendar)  # St Andrew's Day


def test_st_patricks_day_counts_for_foia_and_not_for_foisa(calendar: HolidayCalendar) -> None:
    assert not is_working_day(D(2023, 3, 17), FOIA, calendar)
    assert is_working_day(D(2023, 3, 17), FOISA, calendar)
    assert is_working_day(D(2023, 3, 17), EISR, calendar)


def test_receipt_on_a_bank_holiday_is_allowed(calendar: HolidayCalendar) -> None:
    # Received on Tue 2 Jan 2024 (a Scottish bank holiday): day 1 is Wed 3 Jan, day 20 Tue 30 Jan.
    assert response_due(FOIA, D(2024, 1, 2), calendar) == D(2024, 1, 30)


# --- working days between ----------------------------------------------------------------------------


def test_working_days_between_is_signed(calendar: HolidayCalendar) -> None:
    due = D(2024, 1, 25)
    assert working_days_between(D(2023, 12, 22), due, FOIA, calendar) == 20
    assert working_days_between(due, due, FOIA, calendar) == 0
    assert working_days_between(D(2024, 1, 29), due, FOIA, calendar) == -2  # Fri 26, Mon 29: two days late
    assert working_days_between(D(2024, 1, 27), due, FOIA, calendar) == -1  # Saturday after: one day late


def test_add_working_days_zero_is_the_same_day_and_negative_is_refused(calendar: HolidayCalendar) -> None:
    assert add_working_days(D(2024, 1, 6), 0, WorkingDayRule.UNITED_KINGDOM, calendar) == D(2024, 1, 6)
    with pytest.raises(ClockError):
        add_working_days(D(2024, 1, 6), -1, WorkingDayRule.UNITED_KINGDOM, calendar)


# --- reviews and SARs -------------------------------------------------------------------------------


def test_foia_review_is_20_working_days_and_40_at_most(calendar: HolidayCalendar) -> None:
    review = review_deadlines(FOIA, D(2024, 1, 10), calendar)
    assert (review.due, review.latest_due) == (D(2024, 2, 7), D(2024, 3, 6))
    assert review.calendar_version == calendar.version


def test_eir_reconsideration_is_40_working_days(calendar: HolidayCalendar) -> None:
    review = review_deadlines(EIR, D(2024, 1, 10), calendar)
    assert review.due == review.latest_due == D(2024, 3, 6)


def test_foisa_review_is_20_working_days(calendar: HolidayCalendar) -> None:
    review = review_deadlines(FOISA, D(2024, 1, 10), calendar)
    assert review.due == review.latest_due == D(2024, 2, 7)


def test_requester_has_40_working_days_to_ask_for_a_review(calendar: HolidayCalendar) -> None:
    # From Fri 21 Jan 2022: St Patrick's Day (Thu 17 Mar) skipped, so day 40 is Mon 21 Mar.
    assert review_request_window_ends(FOIA, D(2022, 1, 21), calendar) == D(2022, 3, 21)
    # In Scotland 17 Mar counts: day 40 is Fri 18 Mar.
    assert review_request_window_ends(FOISA, D(2022, 1, 21), calendar) == D(2022, 3, 18)


@pytest.mark.parametrize(
    ("received", "due", "extended_due"),
    [
        (D(2024, 1, 31), D(2024, 2, 29), D(2024, 4, 30)),  # leap year month end
        # 28 Feb 2023; 30 Apr 2023 is a Sunday and Mon 1 May the early May bank holiday.
        (D(2023, 1, 31), D(2023, 2, 28), D(2023, 5, 2)),
        (D(2024, 9, 3), D(2024, 10, 3), D(2024, 12, 3)),  # the corresponding day
        # 26 Dec 2022 is Boxing Day, 27 Dec the Christmas substitute day.
        (D(2022, 11, 26), D(2022, 12, 28), D(2023, 2, 27)),  # 26 Feb 2023 is a Sunday
    ],
)
def test_sar_calendar_month_rules(
    calendar: HolidayCalendar, received: dt.date, due: dt.date, extended_due: dt.date
) -> None:
    sar = sar_deadlines(received, calendar, extended=True)
    assert (sar.due, sar.extended_due) == (due, extended_due)


def test_sar_uses_the_authoritys_own_bank_holidays(calendar: HolidayCalendar) -> None:
    # 17 Feb 2023 + one month = Fri 17 Mar 2023, St Patrick's Day: a working day in England only.
    assert sar_deadlines(D(2023, 2, 17), calendar).due == D(2023, 3, 17)
    northern_ireland = sar_deadlines(D(2023, 2, 17), calendar, jurisdiction=Jurisdiction.NORTHERN_IRELAND)
    assert northern_ireland.due == D(2023, 3, 20)
    assert sar_deadlines(D(2023, 2, 17), calendar).extended_due is None


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (D(2024, 1, 31), 1, D(2024, 2, 29)),
        (D(2023, 1, 31), 1, D(2023, 2, 28)),
        (D(2023, 3, 31), 1, D(2023, 4, 30)),
        (D(2023, 11, 15), 3, D(2024, 2, 15)),
        (D(2023, 12, 31), 2, D(2024, 2, 29)),
    ],
)
def test_add_months(day: dt.date, months: int, expected: dt.date) -> None:
    assert add_months(day, months) == expected


# --- the clock of a case ------------------------------------------------------------------------------


def test_case_without_events_is_due_on_the_20th_working_day(calendar: HolidayCalendar) -> None:
    case = case_deadlines(FOIA, D(2023, 12, 22), [], calendar)
    assert case.due == case.final_due == D(2024, 1, 25)
    assert (case.extended_due, case.paused, case.lapsed_on, case.answered_on) == (None, False, None, None)
    assert case.calendar_version == calendar.version
    assert "Thursday 25 January 2024" in case.history[0].text


def test_clarification_restarts_the_20_working_days(calendar: HolidayCalendar) -> None:
    # Received Tue 2 Jan 2024; clarification arrives Mon 15 Jan: day 1 Tue 16 Jan, day 20 Mon 12 Feb.
    events = [
        event(EventKind.CLARIFICATION_SOUGHT, D(2024, 1, 4)),
        event(EventKind.CLARIFICATION_RECEIVED, D(2024, 1, 15)),
    ]
    case = case_deadlines(FOIA, D(2024, 1, 2), events, calendar)
    assert case.due == D(2024, 2, 12)
    assert case.clock_start == D(2024, 1, 15)
    assert not case.paused


def test_awaiting_clarification_is_paused_and_provisional(calendar: HolidayCalendar) -> None:
    events = [event(EventKind.CLARIFICATION_SOUGHT, D(2024, 1, 4))]
    case = case_deadlines(FOIA, D(2024, 1, 2), events, calendar, as_of=D(2024, 1, 15))
    assert case.paused and case.pause_reason is PauseReason.AWAITING_CLARIFICATION
    assert case.due == D(2024, 2, 12)  # as if it arrived today, 15 Jan


def test_fee_pause_does_not_count_the_days_between_notice_and_payment(calendar: HolidayCalendar) -> None:
    # Received Wed 10 Jan 2024, due Wed 7 Feb; notice Mon 15 Jan, paid Fri 19 Jan: 5 days, due Wed 14 Feb.
    events = [event(EventKind.FEE_NOTICE_GIVEN, D(2024, 1, 15)), event(EventKind.FEE_PAID, D(2024, 1, 19))]
    case = case_deadlines(FOIA, D(2024, 1, 10), events, calendar)
    assert case.due == D(2024, 2, 14)
    assert case.pauses == (Pause(D(2024, 1, 15), D(2024, 1, 19)),)
    assert "5 working days" in case.history[2].text
    assert case.lapsed_on is None


def test_fee_paid_on_the_day_of_the_notice_pauses_one_day(calendar: HolidayCalendar) -> None:
    events = [event(EventKind.FEE_NOTICE_GIVEN, D(2024, 1, 17)), event(EventKind.FEE_PAID, D(2024, 1, 17))]
    assert case_deadlines(FOIA, D(2024, 1, 10), events, calendar).due == D(2024, 2, 8)


def test_unpaid_fee_lapses_after_three_months(calendar: HolidayCalendar) -> None:
    events = [event(EventKind.FEE_NOTICE_GIVEN, D(2024, 1, 15))]
    case = case_deadlines(FOIA, D(2024, 1, 10), events, calendar)
    assert case.paused and case.pause_reason is PauseReason.AWAITING_FEE
    assert case.fee_last_day == D(2024, 4, 14)
    assert case.lapsed_on == D(2024, 4, 15)
    assert case.has_lapsed(D(2024, 4, 15)) and not case.has_lapsed(D(2024, 4, 14))


def test_fee_period_from_a_month_end_ends_at_the_end_of_the_month(calendar: HolidayCalendar) -> None:
    assert fee_payment_last_day(FOIA, D(2023, 11, 30), calendar) == D(2024, 2, 29)
    assert fee_payment_last_day(FOISA, D(2024, 1, 15), calendar) == D(2024, 4, 14)


def test_pit_extension_keeps_the_s17_date_and_adds_20_working_days(calendar: HolidayCalendar) -> None:
    events = [event(EventKind.PIT_EXTENSION, D(2024, 2, 1))]
    case = case_deadlines(FOIA, D(2024, 1, 10), events, calendar)
    assert (case.due, case.extended_due, case.final_due) == (D(2024, 2, 7), D(2024, 3, 6), D(2024, 3, 6))


def test_pit_extension_to_a_date_beyond_the_code_is_noted(calendar: HolidayCalendar) -> None:
    events = [event(EventKind.PIT_EXTENSION, D(2024, 2, 1), extended_to=D(2024, 4, 30))]
    case = case_deadlines(FOIA, D(2024, 1, 10), events, calendar)
    assert case.extended_due == D(2024, 4, 30)
    assert any("s.45 Code" in step.text for step in case.history)


def test_pit_extension_recorded_after_the_s17_date_is_noted_late(calendar: HolidayCalendar) -> None:
    events = [event(EventKind.PIT_EXTENSION, D(2024, 2, 9), extra_working_days=10)]
    case = case_deadlines(FOIA, D(2024, 1, 10), events, calendar)
    assert case.extended_due == D(2024, 2, 21)
    assert any("late" in step.text for step in case.history)


def test_eir_extension_is_to_40_working_days(calendar: HolidayCalendar) -> None:
    case = case_deadlines(EIR, D(2024, 1, 10), [event(EventKind.EIR_EXTENSION, D(2024, 1, 20))], calendar)
    assert (case.due, case.extended_due, case.working_days) == (D(2024, 2, 7), D(2024, 3, 6), 40)


def test_refusal_under_s12_answers_the_request(calendar: HolidayCalendar) -> None:
    case = case_deadlines(FOIA, D(2024, 1, 10), [event(EventKind.S12_REFUSAL, D(2024, 2, 8))], calendar)
    assert case.answered_on == D(2024, 2, 8)
    assert "late" in case.history[-1].text and "s.17(5)" in case.history[-1].text


def test_days_left_and_days_late(calendar: HolidayCalendar) -> None:
    case = case_deadlines(FOIA, D(2024, 1, 10), [], calendar)
    assert case.days_left(D(2024, 2, 5), calendar) == 2
    assert case.days_left(D(2024, 2, 9), calendar) == -2


@pytest.mark.parametrize(
    ("regime", "events"),
    [
        (FOISA, [DeadlineEvent(EventKind.PIT_EXTENSION, D(2024, 1, 20))]),  # FOISA: no PIT extension
        (EIR, [DeadlineEvent(EventKind.PIT_EXTENSION, D(2024, 1, 20))]),
        (FOIA, [DeadlineEvent(EventKind.EIR_EXTENSION, D(2024, 1, 20))]),
        (EIR, [DeadlineEvent(EventKind.S12_REFUSAL, D(2024, 1, 20))]),
        (EISR, [DeadlineEvent(EventKind.S14_REFUSAL, D(2024, 1, 20))]),
        (FOIA, [DeadlineEvent(EventKind.FEE_PAID, D(2024, 1, 20))]),  # no notice
        (FOIA, [DeadlineEvent(EventKind.ANSWERED, D(2024, 1, 5))]),  # before receipt
        (
            FOIA,
            [
                DeadlineEvent(EventKind.ANSWERED, D(2024, 1, 20)),
                DeadlineEvent(EventKind.FEE_PAID, D(2024, 1, 21)),
            ],
        ),
        (
            FOIA,
            [
                DeadlineEvent(EventKind.FEE_NOTICE_GIVEN, D(2024, 1, 15)),
                DeadlineEvent(EventKind.FEE_NOTICE_GIVEN, D(2024, 1, 16)),
            ],
        ),
        (FOIA, [DeadlineEvent(EventKind.PIT_EXTENSION, D(2024, 1, 20), extended_to=D(2024, 2, 1))]),
    ],
)
def test_events_the_law_does_not_allow_are_refused(
    calendar: HolidayCalendar, regime: Regime, events: list[DeadlineEvent]
) -> None:
    with pytest.raises(ClockError):
        case_deadlines(regime, D(2024, 1, 10), events, calendar)


def test_bad_events_and_pauses_are_refused_at_construction() -> None:
    with pytest.raises(ClockError):
        Pause(D(2024, 1, 10), D(2024, 1, 9))
    with pytest.raises(ClockError):
        DeadlineEvent(EventKind.ANSWERED, D(2024, 1, 10), extra_working_days=5)
    with pytest.raises(ClockError):
        DeadlineEvent(EventKind.PIT_EXTENSION, D(2024, 1, 10), extra_working_days=0)
    with pytest.raises(ClockError):
        DeadlineEvent(
            EventKind.PIT_EXTENSION, D(2024, 1, 10), extended_to=D(2024, 3, 1), extra_working_days=5
        )


def test_format_uk_date() -> None:
    assert format_uk_date(D(2022, 1, 21)) == "Friday 21 January 2022"


def test_merge_pauses_joins_overlapping_and_adjacent() -> None:
    pauses = [
        Pause(D(2024, 1, 10), D(2024, 1, 12)),
        Pause(D(2024, 1, 13), D(2024, 1, 15)),
        Pause(D(2024, 2, 1), D(2024, 2, 1)),
    ]
    assert merge_pauses(pauses) == [
        Pause(D(2024, 1, 10), D(2024, 1, 15)),
        Pause(D(2024, 2, 1), D(2024, 2, 1)),
    ]


# --- properties ---------------------------------------------------------------------------------------

dates = st.dates(min_value=D(2005, 1, 1), max_value=D(2055, 12, 31))
regimes = st.sampled_from(list(Regime))


def _naive_due(received: dt.date, days: int, rule: WorkingDayRule, calendar: HolidayCalendar) -> dt.date:
    """An independent day-by-day count from the calendar's lists, to check the tables against."""
    jurisdictions = {
        WorkingDayRule.UNITED_KINGDOM: set(Jurisdiction),
        WorkingDayRule.SCOTLAND: {Jurisdiction.SCOTLAND},
    }[rule]
    closed = {h.on for h in calendar.holidays if h.jurisdiction in jurisdictions}
    day, counted = received, 0
    while counted < days:
        day += dt.timedelta(days=1)
        named = (day.month, day.day) == (12, 25) or (
            rule is WorkingDayRule.UNITED_KINGDOM and day == _easter_friday(day.year)
        )
        if day.weekday() < 5 and day not in closed and not named:
            counted += 1
    return day


def _easter_friday(year: int) -> dt.date:
    from dateutil.easter import easter

    return easter(year) - dt.timedelta(days=2)


@settings(max_examples=150, deadline=None)
@given(dates, regimes)
def test_due_date_is_a_working_day_exactly_20_working_days_on(
    calendar: HolidayCalendar, received: dt.date, regime: Regime
) -> None:
    due = response_due(regime, received, calendar)
    assert is_working_day(due, regime, calendar)
    assert working_days_between(received, due, regime, calendar) == 20
    assert due == _naive_due(received, 20, rule_for(regime), calendar)


@settings(max_examples=150, deadline=None)
@given(dates)
def test_foia_is_never_earlier_than_foisa(calendar: HolidayCalendar, received: dt.date) -> None:
    assert response_due(FOIA, received, calendar) >= response_due(FOISA, received, calendar)


@settings(max_examples=150, deadline=None)
@given(dates, regimes, st.integers(0, 60), st.integers(0, 30))
def test_a_pause_never_makes_a_due_date_earlier(
    calendar: HolidayCalendar, received: dt.date, regime: Regime, offset: int, length: int
) -> None:
    start = received + dt.timedelta(days=offset)
    paused = response_due(
        regime, received, calendar, pauses=[Pause(start, start + dt.timedelta(days=length))]
    )
    plain = response_due(regime, received, calendar)
    assert paused >= plain
    assert is_working_day(paused, regime, calendar)


@settings(max_examples=100, deadline=None)
@given(dates, st.integers(1, 10))
def test_a_later_receipt_is_never_due_earlier(
    calendar: HolidayCalendar, received: dt.date, days_later: int
) -> None:
    later = received + dt.timedelta(days=days_later)
    assert response_due(FOIA, later, calendar) >= response_due(FOIA, received, calendar)


@settings(max_examples=100, deadline=None)
@given(dates, st.sampled_from(list(Jurisdiction)))
def test_sar_due_is_a_working_day_on_or_after_the_month(
    calendar: HolidayCalendar, received: dt.date, jurisdiction: Jurisdiction
) -> None:
    sar = sar_deadlines(received, calendar, extended=True, jurisdiction=jurisdiction)
    rule = WorkingDayRule(jurisdiction.value)
    assert sar.due >= add_months(received, 1)
    assert sar.extended_due is not None and sar.extended_due > sar.due
    assert add_working_days(sar.due - dt.timedelta(days=1), 1, rule, calendar) == sar.due


@settings(max_examples=100, deadline=None)
@given(dates, st.lists(st.tuples(st.integers(0, 40), st.integers(0, 10)), max_size=4))
def test_case_fee_pauses_agree_with_due_after_pauses(
    calendar: HolidayCalendar, received: dt.date, spans: list[tuple[int, int]]
) -> None:
    pauses = merge_pauses(
        Pause(received + dt.timedelta(days=a), received + dt.timedelta(days=a + b)) for a, b in spans
    )
    events = [
        e
        for p in pauses
        for e in (
            DeadlineEvent(EventKind.FEE_NOTICE_GIVEN, p.start),
            DeadlineEvent(EventKind.FEE_PAID, p.end),
        )
    ]
    case: CaseDeadlines = case_deadlines(FOIA, received, events, calendar)
    expected = due_after_pauses(received, 20, pauses, WorkingDayRule.UNITED_KINGDOM, calendar)
    assert case.due == expected


def test_vectorised_due_dates_match_the_scalar_ones(calendar: HolidayCalendar) -> None:
    rng = np.random.default_rng(5)
    received = rng.integers(D(2005, 1, 1).toordinal(), D(2055, 1, 1).toordinal(), size=2000)
    scottish = rng.random(2000) < 0.5
    due = response_due_ordinals(received, scottish, calendar)
    for r, s, d in zip(received.tolist(), scottish.tolist(), due.tolist(), strict=True):
        assert D.fromordinal(d) == response_due(FOISA if s else FOIA, D.fromordinal(r), calendar)


def test_custom_calendar_holidays_are_respected() -> None:
    closed = BankHoliday(D(2030, 1, 7), Jurisdiction.NORTHERN_IRELAND, "Proclaimed")
    calendar = HolidayCalendar(version="t", first=D(2030, 1, 1), last=D(2030, 12, 31), holidays=(closed,))
    # Fri 4 Jan 2030: Mon 7 Jan closed (NI), so day 1 is Tue 8 Jan under FOIA.
    assert add_working_days(D(2030, 1, 4), 1, WorkingDayRule.UNITED_KINGDOM, calendar) == D(2030, 1, 8)
    assert add_working_days(D(2030, 1, 4), 1, WorkingDayRule.SCOTLAND, calendar) == D(2030, 1, 7)


def test_answer_is_recorded_in_time_or_with_the_working_days_late(calendar: HolidayCalendar) -> None:
    in_time = case_deadlines(FOIA, D(2024, 1, 10), [event(EventKind.ANSWERED, D(2024, 2, 7))], calendar)
    assert in_time.history[-1].text == "Answered in time."
    # Due Wed 7 Feb 2024; answered Mon 12 Feb: Thu 8, Fri 9, Mon 12 = 3 working days late.
    late = case_deadlines(FOIA, D(2024, 1, 10), [event(EventKind.ANSWERED, D(2024, 2, 12))], calendar)
    assert late.history[-1].text == "Answered 3 working day(s) late: it was due Wednesday 7 February 2024."
    extended = case_deadlines(
        FOIA,
        D(2024, 1, 10),
        [event(EventKind.PIT_EXTENSION, D(2024, 2, 1)), event(EventKind.ANSWERED, D(2024, 3, 6))],
        calendar,
    )
    assert extended.history[-1].text == "Answered in time."


def test_history_cites_the_regimes_own_law(calendar: HolidayCalendar) -> None:
    events = [
        event(EventKind.CLARIFICATION_SOUGHT, D(2024, 1, 11)),
        event(EventKind.FEE_NOTICE_GIVEN, D(2024, 1, 12)),
    ]
    foisa = case_deadlines(FOISA, D(2024, 1, 10), events, calendar)
    texts = " ".join(step.text for step in foisa.history)
    assert "s.1(3) FOISA" in texts and "s.10(2) FOISA" in texts and "s.9(4) FOISA" in texts
    assert "FOIA)" not in texts


@settings(max_examples=100, deadline=None)
@given(dates, st.sampled_from([FOIA, EIR, FOISA]), st.integers(0, 40))
def test_clarification_never_makes_a_due_date_earlier(
    calendar: HolidayCalendar, received: dt.date, regime: Regime, days: int
) -> None:
    clarified = received + dt.timedelta(days=days)
    events = [event(EventKind.CLARIFICATION_RECEIVED, clarified)]
    case = case_deadlines(regime, received, events, calendar)
    assert case.due >= response_due(regime, received, calendar)
    assert case.due == response_due(regime, clarified, calendar)


@settings(max_examples=100, deadline=None)
@given(dates, st.integers(1, 40))
def test_an_extension_is_always_after_the_due_date_and_a_working_day(
    calendar: HolidayCalendar, received: dt.date, days: int
) -> None:
    case = case_deadlines(
        FOIA, received, [event(EventKind.PIT_EXTENSION, received, extra_working_days=days)], calendar
    )
    assert case.extended_due is not None and case.extended_due > case.due
    assert is_working_day(case.extended_due, FOIA, calendar)
    assert working_days_between(case.due, case.extended_due, FOIA, calendar) == days
