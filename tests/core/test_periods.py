"""Date phrases -> inclusive periods (core/periods.py). Known answers worked out by hand from a calendar."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foidesk.core.periods import (
    DateRange,
    PeriodFlag,
    find_periods,
    periods_in,
)

RECEIVED = date(2023, 5, 10)


def ranges(text: str, received: date = RECEIVED) -> list[tuple[str, str]]:
    found, _ = periods_in(text, received)
    return [(period.start.isoformat(), period.end.isoformat()) for period in found]


def flags(text: str, received: date = RECEIVED) -> frozenset[PeriodFlag]:
    return periods_in(text, received)[1]


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("1st January 2020", [("2020-01-01", "2020-01-01")]),
        ("on 31 March 2021", [("2021-03-31", "2021-03-31")]),
        ("01/01/2020", [("2020-01-01", "2020-01-01")]),
        ("Jan 2020 – Mar 2021", [("2020-01-01", "2021-03-31")]),
        ("April 2023 to March 2024", [("2023-04-01", "2024-03-31")]),
        ("in August 2023", [("2023-08-01", "2023-08-31")]),
        ("February 2024", [("2024-02-01", "2024-02-29")]),
        ("between 1 April 2019 and 31 March 2022", [("2019-04-01", "2022-03-31")]),
        ("between 01/01/2022 and 30/06/2023", [("2022-01-01", "2023-06-30")]),
        ("between 1 April and 30 June 2023", [("2023-04-01", "2023-06-30")]),
        ("the calendar year of 2021", [("2021-01-01", "2021-12-31")]),
        ("from 2015 to 2020", [("2015-01-01", "2020-12-31")]),
        ("between 2015 and 2020", [("2015-01-01", "2020-12-31")]),
        ("in 2020 and 2021", [("2020-01-01", "2021-12-31")]),
        ("2018 and 2021", [("2018-01-01", "2018-12-31"), ("2021-01-01", "2021-12-31")]),
        ("2018, 2019 and 2020", [("2018-01-01", "2020-12-31")]),
        ("the 2022/23 financial year", [("2022-04-01", "2023-03-31")]),
        ("FY2019-20", [("2019-04-01", "2020-03-31")]),
        ("the 2019-2020 financial year", [("2019-04-01", "2020-03-31")]),
        ("financial years 2019/20 to 2021/22", [("2019-04-01", "2022-03-31")]),
        ("FY2019-20 to FY2022-23", [("2019-04-01", "2023-03-31")]),
        ("in 2021/22 and 2022/23", [("2021-04-01", "2023-03-31")]),
        ("the academic year 2021/22", [("2021-09-01", "2022-08-31")]),
        ("Q1 2023 to Q1 2024", [("2023-01-01", "2024-03-31")]),
        ("Q3 2022", [("2022-07-01", "2022-09-30")]),
        ("at the end of the 2023/24 financial year", [("2024-03-31", "2024-03-31")]),
        ("2016-20", [("2016-01-01", "2020-12-31")]),
        ("the year ending 31 March 2024", [("2023-04-01", "2024-03-31")]),
        ("the year to 29 February 2024", [("2023-03-01", "2024-02-29")]),
        ("between 1/4/19 and 31/3/21", [("2019-04-01", "2021-03-31")]),
        ("the financial year 1999/00", [("1999-04-01", "2000-03-31")]),
        ("covering the first quarter of 2015", [("2015-01-01", "2015-03-31")]),
        ("the 4th quarter of 2022", [("2022-10-01", "2022-12-31")]),
        ("in the 18-19 financial year", [("2018-04-01", "2019-03-31")]),
        ("financial year 21/22", [("2021-04-01", "2022-03-31")]),
        ("the weekend of September 3 and 4, 2016", [("2016-09-03", "2016-09-04")]),
    ],
)
def test_explicit_periods(phrase: str, expected: list[tuple[str, str]]) -> None:
    assert ranges(phrase) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("since 2018", [("2018-01-01", "2023-05-10")]),
        ("from 1st April 2022", [("2022-04-01", "2023-05-10")]),
        ("each year from 2010 to date", [("2010-01-01", "2023-05-10")]),
        ("since January 2020", [("2020-01-01", "2023-05-10")]),
        ("the last 5 years", [("2018-01-01", "2022-12-31")]),
        ("in each of the past five years", [("2018-01-01", "2022-12-31")]),
        ("the last three calendar years", [("2020-01-01", "2022-12-31")]),
        ("the past 12 months", [("2022-05-01", "2023-04-30")]),
        ("last month", [("2023-04-01", "2023-04-30")]),
        ("this year", [("2023-01-01", "2023-05-10")]),
        ("year to date", [("2023-01-01", "2023-05-10")]),
        ("last year", [("2022-01-01", "2022-12-31")]),
        ("the last financial year", [("2022-04-01", "2023-03-31")]),
        ("the last three financial years", [("2020-04-01", "2023-03-31")]),
        ("this financial year so far", [("2023-04-01", "2023-05-10")]),
        ("the last decade", [("2013-01-01", "2022-12-31")]),
        ("as of today", [("2023-05-10", "2023-05-10")]),
    ],
)
def test_relative_and_open_periods_resolve_against_the_day_of_receipt(
    phrase: str, expected: list[tuple[str, str]]
) -> None:
    assert ranges(phrase) == expected


def test_last_financial_year_received_before_april_is_the_one_before_last() -> None:
    # Received 13 February 2023: 2022/23 has not ended, so the last two complete ones are 2020/21 and 2021/22.
    assert ranges("the last two financial years", date(2023, 2, 13)) == [("2020-04-01", "2022-03-31")]


def test_past_twelve_months_across_a_year_end() -> None:
    assert ranges("the past 12 months", date(2024, 1, 3)) == [("2023-01-01", "2023-12-31")]


@pytest.mark.parametrize(
    "text",
    [
        "section 136 of the Mental Health Act 1983",
        "under the Freedom of Information Act 2000",
        "the Coronavirus Regulations 2020",
        "my earlier request (reference FOI 2023/0412)",
        "more than £2020 was spent",
        "How many officers are currently suspended?",
        "a 20-week statutory time limit",
    ],
)
def test_statute_years_references_and_numbers_are_not_periods(text: str) -> None:
    assert ranges(text) == []


def test_day_first_is_assumed_and_flagged_when_both_numbers_could_be_a_month() -> None:
    assert ranges("01/02/2020") == [("2020-02-01", "2020-02-01")]
    assert PeriodFlag.DAY_FIRST_ASSUMED in flags("01/02/2020")
    assert PeriodFlag.DAY_FIRST_ASSUMED not in flags("25/12/2020")


def test_year_pair_without_financial_is_assumed_financial_and_flagged() -> None:
    assert ranges("in 2019/20") == [("2019-04-01", "2020-03-31")]
    assert PeriodFlag.FINANCIAL_YEAR_ASSUMED in flags("in 2019/20")
    assert PeriodFlag.FINANCIAL_YEAR_ASSUMED not in flags("the financial year 2019/20")


def test_two_full_years_with_a_hyphen_are_calendar_years_and_flagged() -> None:
    assert ranges("2019-2020") == [("2019-01-01", "2020-12-31")]
    assert PeriodFlag.YEAR_RANGE_AMBIGUOUS in flags("2019-2020")


def test_relative_and_open_ended_periods_are_flagged() -> None:
    assert PeriodFlag.RELATIVE in flags("the last 5 years")
    assert PeriodFlag.TO_DATE_OF_RECEIPT in flags("since 2018")


def test_mentions_keep_their_phrase_and_order() -> None:
    mentions = find_periods("in 2019 and since March 2021", RECEIVED)
    assert [m.phrase for m in mentions] == ["2019", "March 2021"]
    assert mentions[1].range == DateRange(date(2021, 3, 1), RECEIVED)


_MONTH_NAMES = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31)))
def test_any_written_date_is_read_back_exactly(day: date) -> None:
    written = f"{day.day} {_MONTH_NAMES[day.month - 1]} {day.year}"
    assert periods_in(written, date(2061, 1, 1))[0] == (DateRange(day, day),)
    numeric = f"{day.day:02d}/{day.month:02d}/{day.year}"
    assert periods_in(numeric, date(2061, 1, 1))[0] == (DateRange(day, day),)


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=1990, max_value=2090))
def test_a_financial_year_runs_from_1_april_for_a_year(year: int) -> None:
    (period,) = periods_in(f"the financial year {year}/{(year + 1) % 100:02d}", date(2100, 1, 1))[0]
    assert period.start == date(year, 4, 1)
    assert period.end + timedelta(days=1) == date(year + 1, 4, 1)


@settings(max_examples=40, deadline=None)
@given(
    st.integers(min_value=1, max_value=30), st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 1, 1))
)
def test_the_last_n_years_are_n_whole_years_before_the_year_of_receipt(count: int, received: date) -> None:
    (period,) = periods_in(f"the last {count} years", received)[0]
    assert period.end == date(received.year - 1, 12, 31)
    assert period.start == date(received.year - count, 1, 1)


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_valid_ranges_and_never_crashes(text: str) -> None:
    for mention in find_periods(text, RECEIVED):
        assert mention.range.start <= mention.range.end
        assert 0 <= mention.start_offset <= mention.end_offset <= len(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("from 2015/16 to 2019/20", ("2015-04-01", "2020-03-31")),
        ("since April 2019", ("2019-04-01", "2023-05-10")),
        ("2017 - present", ("2017-01-01", "2023-05-10")),
        ("between April 2019 and now", ("2019-04-01", "2023-05-10")),
        ("the 2021/2022 financial year", ("2021-04-01", "2022-03-31")),
        ("in the financial year 2022 to 2023", ("2022-04-01", "2023-03-31")),
        ("calendar year 2021", ("2021-01-01", "2021-12-31")),
        ("from January 1st 2009 to December 31st 2019", ("2009-01-01", "2019-12-31")),
        ("the period from January 1, 2019, to December 31, 2024:", ("2019-01-01", "2024-12-31")),
        ("made in 23/07/2018-23/07/2019?", ("2018-07-23", "2019-07-23")),
        ("each year since and including 2011", ("2011-01-01", "2023-05-10")),
        ("from 2017 to 1 November 2022", ("2017-01-01", "2022-11-01")),
        ("over the last five years (September 2014 to September 2019)?", ("2014-09-01", "2019-09-30")),
        ("in the past five years, for the financial years 2020/21 and 2021/22", ("2020-04-01", "2022-03-31")),
        ("in 2014,2015,2016,2017,2018, 2019 jan-March", ("2014-01-01", "2019-03-31")),
    ],
)
def test_periods_in_the_forms_real_requests_use(text: str, expected: tuple[str, str]) -> None:
    """Issue 16: forms that real requests use, each one period resolved against 10 May 2023."""
    periods, _flags = periods_in(text, date(2023, 5, 10))
    assert [(p.start.isoformat(), p.end.isoformat()) for p in periods] == [expected]


def test_so_far_in_a_year_runs_to_the_day_of_receipt() -> None:
    periods, _flags = periods_in("so far in 2023, broken down by month", date(2023, 5, 10))
    assert [(p.start.isoformat(), p.end.isoformat()) for p in periods] == [("2023-01-01", "2023-05-10")]


def test_two_months_sharing_a_year_are_two_periods() -> None:
    periods, _flags = periods_in("the forums held in June and September 2011", date(2023, 5, 10))
    assert [(p.start.isoformat(), p.end.isoformat()) for p in periods] == [
        ("2011-06-01", "2011-06-30"),
        ("2011-09-01", "2011-09-30"),
    ]


def test_as_of_the_date_of_this_request_is_the_day_of_receipt() -> None:
    periods, _flags = periods_in("the arrears as of the date of this request", date(2023, 5, 10))
    assert [(p.start.isoformat(), p.end.isoformat()) for p in periods] == [("2023-05-10", "2023-05-10")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("each of the last three years, with a year-end March 31st 2023", ("2020-04-01", "2023-03-31")),
        ("the last 2 years ending 31 December 2022", ("2021-01-01", "2022-12-31")),
        ("in the last year to 31 March 2023", ("2022-04-01", "2023-03-31")),
    ],
)
def test_the_last_n_years_to_a_year_end_end_on_that_day(text: str, expected: tuple[str, str]) -> None:
    periods, _flags = periods_in(text, date(2023, 5, 22))
    assert [(p.start.isoformat(), p.end.isoformat()) for p in periods] == [expected]


def test_a_target_by_a_future_year_is_no_period_but_a_named_future_range_is() -> None:
    """The labelling convention of issue 16: plans "by 2025" take none; "between now and ..." is a period."""
    received = date(2020, 8, 18)
    assert periods_in("how many chargers will you have installed by 2025?", received)[0] == ()
    periods, _flags = periods_in("how many between now and end of year 2021?", received)
    assert [(p.start.isoformat(), p.end.isoformat()) for p in periods] == [("2020-08-18", "2021-12-31")]


def test_two_years_joined_by_and_without_between_stay_two_periods() -> None:
    periods, _flags = periods_in("in 2015 and 2020", date(2023, 5, 10))
    assert len(periods) == 2


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("in the last three academic years", [("2019-09-01", "2022-08-31")]),  # received in 2022/23
        ("(going back to 2011)", [("2011-01-01", "2023-05-10")]),
        ("f) 2023 - latest available data", [("2023-01-01", "2023-05-10")]),
        ("f) 2023 (including latest available data)", [("2023-01-01", "2023-05-10")]),
        ("financial year 21/23", []),  # not one year after the other: no financial year
    ],
)
def test_academic_years_back_to_and_latest_available(phrase: str, expected: list[tuple[str, str]]) -> None:
    assert ranges(phrase) == expected


def test_a_day_month_span_without_a_year_is_the_last_one_before_receipt() -> None:
    assert ranges("between 14 January - 14 February", date(2022, 2, 21)) == [("2022-01-14", "2022-02-14")]
    assert ranges("between 14 January - 14 February", date(2022, 2, 1)) == [("2021-01-14", "2021-02-14")]


@pytest.mark.parametrize(
    "text",
    [
        "the report (referred to by South Wales Police on 11/08/2021, 12/08/2021 and 07/03/2022)",
        "a copy of the 2018-2019 Trawscymru Annual report",
        "the 10 Year Mental Health Strategy (2017-2027)",
        "impacted by the 2019 Loan Charge as passed in the 2017 Finance Act",
    ],
)
def test_dates_that_name_letters_reports_and_schemes_are_not_periods(text: str) -> None:
    assert ranges(text) == []


def test_a_day_past_the_end_of_its_month_is_read_as_the_last_day() -> None:
    assert ranges("between 01/09/2025 and 31/09/2025", date(2025, 10, 16)) == [("2025-09-01", "2025-09-30")]
    assert ranges("on 32/09/2025", date(2025, 10, 16)) == []


def test_a_range_to_the_day_after_the_word_the_is_one_range() -> None:
    text = "For the period 1st January 2022 to the 31st December 2022 please supply"
    assert ranges(text, date(2023, 3, 1)) == [("2022-01-01", "2022-12-31")]
    # near miss: "to the end of March 2022" is no second date; the month still closes the range
    near = "from 1 January 2022 to the end of March 2022"
    assert ranges(near, date(2023, 3, 1)) == [("2022-01-01", "2022-03-31")]


def test_students_years_from_a_year_and_a_list_of_school_years_are_academic_years() -> None:
    received = date(2017, 3, 21)
    assert ranges("For each of the academic years from 2011 to present, please tell me", received) == [
        ("2011-09-01", "2017-03-21")
    ]
    near = "for each of the years from 2011 to present"
    assert ranges(near, received) == [("2011-01-01", "2017-03-21")]  # near miss: calendar years
    school = "in each of the following school years: 2014-15, 2015-2016, 2016-2017 and 2017-2018."
    assert ranges(school, received) == [("2014-09-01", "2018-08-31")]
    plain = "in each of the following years: 2014-15, 2015-2016, 2016-2017 and 2017-2018."
    assert ranges(plain, received) == [("2014-04-01", "2018-03-31")]  # near miss: financial years


YEAR_LIST_CASES = [
    # a list of year pairs that "academic years" names after it
    ("the 2023-24, 2022-23 and 2021-22 academic years", (2024, 10, 1), [("2021-09-01", "2024-08-31")]),
    ("the 2023-24, 2022-23 and 2021-22 financial years", (2024, 10, 1), [("2021-04-01", "2024-03-31")]),
    # "between and including" two years is one range; "and" alone names two years
    ("between and including 2019 and 2024", (2025, 3, 1), [("2019-01-01", "2024-12-31")]),
    ("in 2019 and 2024", (2025, 3, 1), [("2019-01-01", "2019-12-31"), ("2024-01-01", "2024-12-31")]),
    # "(year-to-date)" at the end of a range runs it to the day of receipt
    ("academic years 2015/16 to 2024/25 (year-to-date)", (2025, 10, 1), [("2015-09-01", "2025-10-01")]),
    # "to the most recent month" runs to receipt; "to the most recent available figures" lists years
    ("January 2022 to the most recent month available", (2025, 10, 15), [("2022-01-01", "2025-10-15")]),
    ("2017/18 :: 2018/19 - to the most recent available data", (2019, 5, 1), [("2017-04-01", "2019-03-31")]),
    # financial years named by the year they end in, and "the 2019 financial year"
    ("each financial year (ending 2011, 2012 and 2013)", (2013, 6, 1), [("2010-04-01", "2013-03-31")]),
    ("during the 2019 financial year (1 April – 31 March)", (2020, 6, 1), [("2019-04-01", "2020-03-31")]),
    ("during the year 2019", (2020, 6, 1), [("2019-01-01", "2019-12-31")]),
]


@pytest.mark.parametrize(("phrase", "received", "expected"), YEAR_LIST_CASES)
def test_year_lists_named_after_them_and_open_ends_written_out(
    phrase: str, received: tuple[int, int, int], expected: list[tuple[str, str]]
) -> None:
    assert ranges(phrase, date(*received)) == expected


@pytest.mark.parametrize(
    ("phrase", "received", "expected"),
    [
        ("For the academic year just ended, how many", (2020, 7, 31), [("2019-09-01", "2020-08-31")]),
        ("For the academic year just ended, how many", (2020, 5, 31), [("2018-09-01", "2019-08-31")]),
        ("the financial year just gone", (2021, 5, 1), [("2020-04-01", "2021-03-31")]),
        ("the year just ended", (2021, 5, 1), [("2020-01-01", "2020-12-31")]),
        ("the police training syllabus from the 1970s-1980s", (2021, 1, 1), [("1970-01-01", "1989-12-31")]),
        ("in the 1990s", (2021, 1, 1), [("1990-01-01", "1999-12-31")]),
        ("the year ahead", (2021, 5, 1), []),  # near miss: no year just ended
    ],
)
def test_a_year_just_ended_and_decades(
    phrase: str, received: tuple[int, int, int], expected: list[tuple[str, str]]
) -> None:
    assert ranges(phrase, date(*received)) == expected


def test_a_list_of_months_after_from_and_the_day_a_clarification_came_are_read_as_written() -> None:
    received = date(2024, 7, 1)
    assert ranges("the relevant information from March, April and May 2020.", received) == [
        ("2020-03-01", "2020-05-31")
    ]
    assert ranges("since March 2020", received) == [("2020-03-01", "2024-07-01")]  # near miss: one month
    clarified = "With the further clarification received on 17th June 2024: the last 6 calendar years"
    assert ranges(clarified, received) == [("2018-01-01", "2023-12-31")]
    asked = "How many complaints were received on 1 May 2024?"
    assert ranges(asked, received) == [("2024-05-01", "2024-05-01")]  # near miss: a day asked about


def test_years_listed_after_a_month_are_that_month_of_each() -> None:
    received = date(2025, 3, 1)
    text = "the same for January 2024, 2023 and 2019"
    assert ranges(text, received) == [
        ("2019-01-01", "2019-01-31"),
        ("2023-01-01", "2023-01-31"),
        ("2024-01-01", "2024-01-31"),
    ]
    assert ranges("between January 2019 and 2020", received) == [("2019-01-01", "2020-12-31")]  # near miss
    assert ranges("the marathon 2019, 2020 and 2021", received) == [("2019-01-01", "2021-12-31")]  # no month


def test_the_most_recent_available_and_hyphenated_month_counts_are_relative() -> None:
    received = date(2023, 7, 10)
    assert ranges("In the most recent available 12-month period", received) == [("2022-07-01", "2023-06-30")]
    assert ranges("over the past 12-months", received) == [("2022-07-01", "2023-06-30")]
    assert ranges("the most recent available data", received) == []  # near miss: no count of months


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("For each month between (and including) January 2018 and June 2021", [("2018-01-01", "2021-06-30")]),
        ("between (inclusive) 2019 and 2021", [("2019-01-01", "2021-12-31")]),
        ("used drones between the period of April 2022 and March 2023", [("2022-04-01", "2023-03-31")]),
        ("between (and including) 2017 and 1 November 2022", [("2017-01-01", "2022-11-01")]),
        # near misses: "and" with no "between" before it names two months
        (
            "For each month (and including) January 2018 and June 2021",
            [("2018-01-01", "2018-01-31"), ("2021-06-01", "2021-06-30")],
        ),
        (
            "the gap between the figures for January 2018 and June 2021",
            [("2018-01-01", "2018-01-31"), ("2021-06-01", "2021-06-30")],
        ),
    ],
)
def test_between_written_out_with_and_including_or_the_period_of_is_one_range(
    phrase: str, expected: list[tuple[str, str]]
) -> None:
    assert ranges(phrase, RECEIVED) == expected


@pytest.mark.parametrize(
    ("phrase", "received", "expected"),
    [
        ("convicted in 2023 thus far, 2022 and 2021.", (2023, 4, 25), [("2021-01-01", "2023-04-25")]),
        (
            "within the last five year period (22 July 2004 till now)",
            (2009, 7, 22),
            [("2004-07-22", "2009-07-22")],
        ),
        ("for 2019 up until now", (2023, 4, 25), [("2019-01-01", "2023-04-25")]),
        # near misses: "thus far" / "till now" that do not follow the date are no open end
        ("in 2023. Thus far, the council has refused", (2023, 4, 25), [("2023-01-01", "2023-12-31")]),
        ("the 2004 policy, unchanged till now", (2023, 4, 25), [("2004-01-01", "2004-12-31")]),
    ],
)
def test_thus_far_and_till_now_after_a_date_run_to_the_day_of_receipt(
    phrase: str, received: tuple[int, int, int], expected: list[tuple[str, str]]
) -> None:
    assert ranges(phrase, date(*received)) == expected


def test_a_range_up_to_and_inclusive_of_a_day_ends_on_that_day() -> None:
    received = date(2024, 2, 21)
    text = "over each of the past five years (2019 to 2024, up to and inclusive of 16th February 2024)."
    assert ranges(text, received) == [("2019-01-01", "2024-02-16")]
    assert PeriodFlag.AFTER_RECEIPT not in flags(text, received)  # the range no longer runs past receipt
    # near misses: a day after "and" is another period; a day before the range starts is not its end
    assert ranges("(2019 to 2024, and 16th February 2024)", received) == [("2019-01-01", "2024-12-31")]
    assert ranges("2019 to 2024, up to and inclusive of 16th February 2018", received) == [
        ("2018-02-16", "2018-02-16"),
        ("2019-01-01", "2024-12-31"),
    ]


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        (
            "3. For each fiscal year from 2003 to 2018 (April to March each year); a. How much",
            ("2003-04-01", "2018-03-31"),
        ),
        ("the financial years between 2010 and 2015", ("2010-04-01", "2015-03-31")),
        ("from 2003 to 2018 (1st April - 31st March)", ("2003-04-01", "2018-03-31")),
        # near misses: years with no word of financial years are calendar years
        ("each year from 2003 to 2018", ("2003-01-01", "2018-12-31")),
        ("from 2003 to 2016. April to March saw the most", ("2003-01-01", "2016-12-31")),
    ],
)
def test_a_range_of_years_said_to_be_financial_runs_from_april_of_the_first_to_march_of_the_last(
    phrase: str, expected: tuple[str, str]
) -> None:
    received = date(2018, 8, 16)
    assert ranges(phrase, received) == [expected]
    said_financial = expected[0].endswith("04-01")
    assert (PeriodFlag.YEAR_RANGE_AMBIGUOUS in flags(phrase, received)) is said_financial


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        (
            "cancelled in each of the months since September, including September and January to date",
            [("2016-09-01", "2017-01-20")],
        ),
        ("since the start of September", [("2016-09-01", "2017-01-20")]),
        ("in January to date", [("2017-01-01", "2017-01-20")]),  # the month of receipt itself
        ("since March", [("2016-03-01", "2017-01-20")]),
        # near misses: the word "may" or "march", a month with its year, a name or a possessive
        ("since may be held elsewhere", []),
        ("since march organisers asked", []),
        ("since September 2015", [("2015-09-01", "2017-01-20")]),
        ("since Mayor Smith took office", []),
        ("since September's meeting", []),
    ],
)
def test_since_a_month_or_a_month_to_date_without_a_year_is_the_latest_such_month_to_receipt(
    phrase: str, expected: list[tuple[str, str]]
) -> None:
    assert ranges(phrase, date(2017, 1, 20)) == expected


def test_a_census_month_before_a_list_of_years_is_that_month_of_each() -> None:
    received = date(2025, 3, 1)
    text = "1. On October census day in 2024, 2023, 2022 and 2019, how many children"
    assert ranges(text, received) == [
        ("2019-10-01", "2019-10-31"),
        ("2022-10-01", "2022-10-31"),
        ("2023-10-01", "2023-10-31"),
        ("2024-10-01", "2024-10-31"),
    ]
    assert ranges("On the January school census in 2021", received) == [("2021-01-01", "2021-01-31")]
    # near misses: a census with no month, a month that is not the census's
    assert ranges("the census day in 2021 and 2022", received) == [("2021-01-01", "2022-12-31")]
    assert ranges("in October, the count in 2021", received) == [("2021-01-01", "2021-12-31")]


def test_a_day_said_to_be_tomorrow_is_a_quoted_story_not_a_period() -> None:
    received = date(2023, 4, 25)
    quoted = (
        "'West Midlands Police is taking part in the trial which begins tomorrow, Wednesday April 19, and"
    )
    assert ranges(quoted, received) == []
    # near misses: a day the story says has passed, a day with no "tomorrow"
    assert ranges("the trial which began yesterday, Tuesday April 18", received) == [
        ("2023-04-18", "2023-04-18")
    ]
    assert ranges("the trial which began on Wednesday April 19", received) == [("2023-04-19", "2023-04-19")]


def test_a_date_to_be_replaced_is_no_period() -> None:
    received = date(2021, 9, 10)
    text = "answer Q1 again, replacing all references to the date “31 January 2019” with 28 February 2019"
    assert ranges(text, received) == [("2019-02-28", "2019-02-28")]
    # near misses: a date quoted with no replacing, a thing replaced on a day
    assert ranges("as of the date “31 January 2019”", received) == [("2019-01-31", "2019-01-31")]
    assert ranges("replacing the boiler on 31 January 2019", received) == [("2019-01-31", "2019-01-31")]


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("a monthly breakdown for 2013/14 YTD by month", [("2013-04-01", "2014-03-06")]),
        ("2011/12 to 2013/14 YTD", [("2011-04-01", "2014-03-06")]),
        (
            "in 2013/14. YTD figures are published",
            [("2013-04-01", "2014-03-31")],
        ),  # near miss: another sentence
    ],
)
def test_ytd_after_a_year_runs_it_to_the_day_of_receipt(phrase: str, expected: list[tuple[str, str]]) -> None:
    assert ranges(phrase, date(2014, 3, 6)) == expected


def test_between_two_dates_with_the_and_left_out_is_one_range() -> None:
    received = date(2021, 12, 20)
    assert ranges("for each month between Jan 2017 December 2021 (Jan – Dec).", received) == [
        ("2017-01-01", "2021-12-31")
    ]
    assert ranges("for each month in Jan 2017 December 2021", received) == [  # near miss: no "between"
        ("2017-01-01", "2017-01-31"),
        ("2021-12-01", "2021-12-31"),
    ]


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("1. For each of the 12 months to today's date, the total number", [("2012-12-01", "2013-11-30")]),
        ("the 6 months to date.", [("2013-06-01", "2013-11-30")]),
        # near misses: months to a day written out, and "to date of birth"
        ("12 months to 31 March 2013", [("2012-04-01", "2013-03-31")]),
        ("children aged 12 months to date of birth", []),
    ],
)
def test_n_months_to_today_are_the_whole_months_before_the_month_of_receipt(
    phrase: str, expected: list[tuple[str, str]]
) -> None:
    assert ranges(phrase, date(2013, 12, 1)) == expected


def test_short_year_pairs_in_brackets_are_financial_years_only_beside_the_word() -> None:
    received = date(2022, 6, 21)
    text = "1. In each of the last three financial years (18/19) (19/20) and (20/21) please state the income"
    assert ranges(text, received) == [("2018-04-01", "2021-03-31")]
    assert ranges("the meeting (11/12) agreed", received) == []  # near miss: no word of a financial year


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        (
            "5a) Since Stalking Protection Orders were brought in in Jan 2020 – how many",
            ("2020-01-01", "2021-12-20"),
        ),
        (
            "How many cases since the new legislation was introduced in 2011/12 who",
            ("2011-04-01", "2021-12-20"),
        ),
        ("Since the law came into force on 1 April 2019, how many", ("2019-04-01", "2021-12-20")),
        # near misses: no "since", or "since" in another clause
        ("The scheme was introduced in 2011", ("2011-01-01", "2011-12-31")),
        ("since then, the scheme was introduced in 2011", ("2011-01-01", "2011-12-31")),
    ],
)
def test_since_a_thing_was_introduced_on_a_date_runs_from_it_to_receipt(
    phrase: str, expected: tuple[str, str]
) -> None:
    assert ranges(phrase, date(2021, 12, 20)) == [expected]


def test_after_the_year_runs_from_the_next_year_to_receipt() -> None:
    received = date(2022, 6, 26)
    text = "a list of all bus routes that were introduced after the year 2000?"
    assert ranges(text, received) == [("2001-01-01", "2022-06-26")]
    assert ranges("routes introduced in the year 2000", received) == [
        ("2000-01-01", "2000-12-31")
    ]  # near miss
    assert ranges("after the year 2030", received) == [("2030-01-01", "2030-12-31")]  # no year after it yet


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        (
            "incidents of disorder in the last 12 months (beginning September 1 2015)",
            ("2015-09-01", "2016-08-31"),
        ),
        ("the last two years (starting 15 March 2014)", ("2014-03-15", "2016-03-14")),
        # near miss: "since" a day runs to receipt, whatever the count before it
        ("in the last 12 months, since 1 September 2015", ("2015-09-01", "2016-09-01")),
    ],
)
def test_the_last_n_months_beginning_on_a_day_are_n_months_from_it(
    phrase: str, expected: tuple[str, str]
) -> None:
    assert ranges(phrase, date(2016, 9, 1)) == [expected]
