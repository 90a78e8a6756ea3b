"""Periods as data and the calendar arithmetic of reporting years (core/date_ranges.py). Known answers
worked out by hand from a calendar."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from foidesk.core.date_ranges import (
    DateRange,
    InvalidDateRange,
    academic_years,
    calendar_years,
    financial_year_of,
    financial_years,
    merge_ranges,
    month_end,
    shift_months,
)


def test_merge_joins_overlapping_and_adjacent_ranges_only() -> None:
    a = DateRange(date(2020, 1, 1), date(2020, 12, 31))
    b = DateRange(date(2021, 1, 1), date(2021, 6, 30))
    c = DateRange(date(2021, 8, 1), date(2021, 8, 31))
    assert merge_ranges([c, b, a]) == (DateRange(date(2020, 1, 1), date(2021, 6, 30)), c)


def test_a_range_ending_before_it_starts_is_refused() -> None:
    with pytest.raises(InvalidDateRange):
        DateRange(date(2021, 1, 2), date(2021, 1, 1))


def test_financial_year_of_a_day() -> None:
    assert financial_year_of(date(2023, 3, 31)) == 2022
    assert financial_year_of(date(2023, 4, 1)) == 2023


def test_the_years_of_each_kind_named_by_their_first_calendar_year() -> None:
    assert calendar_years(2019, 2020) == DateRange(date(2019, 1, 1), date(2020, 12, 31))
    assert financial_years(2019, 2021) == DateRange(date(2019, 4, 1), date(2022, 3, 31))
    assert academic_years(2021, 2021) == DateRange(date(2021, 9, 1), date(2022, 8, 31))


@pytest.mark.parametrize(
    ("year", "month", "last"),
    [(2024, 2, 29), (2023, 2, 28), (1900, 2, 28), (2000, 2, 29), (2023, 4, 30), (2023, 12, 31)],
)
def test_a_months_last_day(year: int, month: int, last: int) -> None:
    assert month_end(year, month) == date(year, month, last)


def test_shifting_months_crosses_years_both_ways() -> None:
    assert shift_months(2023, 1, -1) == (2022, 12)
    assert shift_months(2023, 11, 2) == (2024, 1)
    assert shift_months(2023, 5, -29) == (2020, 12)


@given(st.integers(1901, 2098), st.integers(1, 12), st.integers(-240, 240))
def test_shifting_there_and_back_is_the_same_month(year: int, month: int, delta: int) -> None:
    assert shift_months(*shift_months(year, month, delta), -delta) == (year, month)
