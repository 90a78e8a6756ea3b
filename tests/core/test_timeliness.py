"""Timeliness figures: Cabinet Office categories, the ICO's 90% line and the backlog by age."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from foidesk.core.regime import Regime
from foidesk.core.timeliness import (
    Band,
    Timeliness,
    TimelinessRecord,
    backlog,
    by_month,
    by_quarter,
    classify,
    figures_for,
)

D = dt.date
TODAY = D(2024, 6, 30)


def record(
    received: dt.date,
    due: dt.date,
    answered_on: dt.date | None,
    extended_due: dt.date | None = None,
) -> TimelinessRecord:
    return TimelinessRecord(
        received=received, regime=Regime.FOIA, due=due, extended_due=extended_due, answered_on=answered_on
    )


def test_answered_on_the_due_day_is_within_20_working_days() -> None:
    assert classify(record(D(2024, 1, 10), D(2024, 2, 7), D(2024, 2, 7)), TODAY) is (
        Timeliness.WITHIN_20_WORKING_DAYS
    )


def test_answered_within_a_permitted_extension() -> None:
    r = record(D(2024, 1, 10), D(2024, 2, 7), D(2024, 3, 6), extended_due=D(2024, 3, 6))
    assert classify(r, TODAY) is Timeliness.WITHIN_EXTENSION


def test_answered_after_the_extension_or_without_one_is_late() -> None:
    assert classify(record(D(2024, 1, 10), D(2024, 2, 7), D(2024, 2, 8)), TODAY) is Timeliness.LATE
    r = record(D(2024, 1, 10), D(2024, 2, 7), D(2024, 3, 7), extended_due=D(2024, 3, 6))
    assert classify(r, TODAY) is Timeliness.LATE


def test_open_requests_are_pending_until_their_last_day_then_late() -> None:
    r = record(D(2024, 1, 10), D(2024, 2, 7), None, extended_due=D(2024, 3, 6))
    assert classify(r, D(2024, 3, 6)) is Timeliness.PENDING
    assert classify(r, D(2024, 3, 7)) is Timeliness.LATE


def test_monthly_figures_with_an_empty_month_and_the_90_percent_line() -> None:
    january = [record(D(2024, 1, d), D(2024, 2, 7), D(2024, 2, 1)) for d in range(1, 10)]  # 9 in time
    january.append(record(D(2024, 1, 20), D(2024, 2, 16), D(2024, 2, 20)))  # 1 late: 90% exactly
    march = [
        record(D(2024, 3, 4), D(2024, 4, 3), D(2024, 4, 3)),
        record(D(2024, 3, 5), D(2024, 4, 4), D(2024, 4, 30)),  # late
        record(D(2024, 3, 28), D(2024, 4, 29), None),  # open and overdue on 30 June: late
    ]
    months = by_month([*january, *march], TODAY)
    assert [m.label for m in months] == ["January 2024", "February 2024", "March 2024"]
    jan, feb, mar = months
    assert (jan.received, jan.in_time, jan.late, jan.share_in_time) == (10, 9, 1, 0.9)
    assert jan.meets_ico_threshold is True and jan.band is Band.ADEQUATE
    assert (feb.received, feb.share_in_time, feb.band, feb.meets_ico_threshold) == (0, None, None, None)
    assert (mar.in_time, mar.late) == (1, 2)
    assert mar.band is Band.UNSATISFACTORY and mar.meets_ico_threshold is False
    assert (jan.start, jan.end, feb.end) == (D(2024, 1, 1), D(2024, 1, 31), D(2024, 2, 29))


def test_quarters_are_calendar_quarters() -> None:
    records = [
        record(D(2023, 12, 29), D(2024, 2, 1), D(2024, 1, 5)),
        record(D(2024, 4, 2), D(2024, 5, 1), D(2024, 5, 1)),
    ]
    quarters = by_quarter(records, TODAY)
    assert [q.label for q in quarters] == ["2023 Q4", "2024 Q1", "2024 Q2"]
    assert [(q.start, q.end) for q in quarters] == [
        (D(2023, 10, 1), D(2023, 12, 31)),
        (D(2024, 1, 1), D(2024, 3, 31)),
        (D(2024, 4, 1), D(2024, 6, 30)),
    ]
    assert [q.received for q in quarters] == [1, 0, 1]
    assert quarters[0].band is Band.GOOD


def test_no_records_give_no_periods() -> None:
    assert by_month([], TODAY) == ()
    assert by_quarter([], TODAY) == ()


def test_pending_requests_are_left_out_of_the_share() -> None:
    records = [
        record(D(2024, 6, 3), D(2024, 7, 1), None),
        record(D(2024, 6, 4), D(2024, 7, 2), D(2024, 6, 20)),
    ]
    (june,) = by_month(records, TODAY)
    assert (june.received, june.pending, june.decided, june.share_in_time) == (2, 1, 1, 1.0)


def test_csv_row() -> None:
    figures = figures_for("June 2024", D(2024, 6, 1), D(2024, 6, 30), [], TODAY)
    row = figures.as_row()
    assert row["period"] == "June 2024" and row["percent_in_time"] == "" and row["received"] == 0
    records = [record(D(2024, 1, 2), D(2024, 1, 30), D(2024, 1, 30))] * 2 + [
        record(D(2024, 1, 3), D(2024, 1, 31), D(2024, 2, 1))
    ]
    assert by_month(records, TODAY)[0].as_row()["percent_in_time"] == "66.7"


def test_backlog_by_age() -> None:
    records = [
        record(D(2024, 6, 20), D(2024, 7, 18), None),  # open, not overdue
        record(D(2024, 5, 1), D(2024, 5, 30), None),  # overdue
        record(D(2023, 12, 29), D(2024, 2, 1), None),  # over six months (29 Jun < 30 Jun)
        record(D(2023, 12, 30), D(2024, 2, 1), None),  # exactly six months: not over
        record(D(2023, 6, 1), D(2023, 6, 29), None),  # over a year
        record(D(2023, 6, 1), D(2023, 6, 29), D(2023, 6, 2)),  # answered: not in the backlog
        record(D(2024, 7, 2), D(2024, 7, 30), None),  # received after today: not yet in the backlog
    ]
    result = backlog(records, TODAY)
    assert (result.open, result.overdue, result.over_six_months, result.over_a_year) == (5, 4, 2, 1)
    assert result.oldest_received == D(2023, 6, 1)
    assert backlog([], TODAY).oldest_received is None


dates = st.dates(min_value=D(2020, 1, 1), max_value=D(2024, 12, 31))


@st.composite
def records_strategy(draw: st.DrawFn) -> TimelinessRecord:
    received = draw(dates)
    due = received + dt.timedelta(days=draw(st.integers(26, 32)))
    extended = draw(st.one_of(st.none(), st.integers(1, 40).map(lambda n: due + dt.timedelta(days=n))))
    answered = draw(st.one_of(st.none(), st.integers(0, 120).map(lambda n: received + dt.timedelta(days=n))))
    return record(received, due, answered, extended)


@settings(max_examples=60, deadline=None)
@given(st.lists(records_strategy(), max_size=40), dates)
def test_periods_partition_the_records(records: list[TimelinessRecord], today: dt.date) -> None:
    for periods in (by_month(records, today), by_quarter(records, today)):
        assert sum(p.received for p in periods) == len(records)
        for p in periods:
            assert p.share_in_time is None or 0.0 <= p.share_in_time <= 1.0
            assert p.decided + p.pending == p.received


@settings(max_examples=60, deadline=None)
@given(st.lists(records_strategy(), max_size=40), dates)
def test_backlog_counts_nest(records: list[TimelinessRecord], today: dt.date) -> None:
    result = backlog(records, today)
    assert result.open >= result.overdue >= 0
    assert result.open >= result.over_six_months >= result.over_a_year >= 0
