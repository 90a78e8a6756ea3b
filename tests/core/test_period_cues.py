"""Forms of period found in real requests (issue 16), and the words that change a date's meaning
(core/period_cues.py). Known answers worked out by hand from a calendar."""

from __future__ import annotations

from datetime import date

import pytest

from foidesk.core.periods import periods_in

RECEIVED = date(2023, 5, 10)


def ranges(text: str, received: date = RECEIVED) -> list[tuple[str, str]]:
    found, _ = periods_in(text, received)
    return [(period.start.isoformat(), period.end.isoformat()) for period in found]


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        # a period that runs on to the day of receipt, however it is bracketed or hyphenated
        ("the calendar years 2019, 2020, 2021, 2022 and 2023 (to date)", [("2019-01-01", "2023-05-10")]),
        ("2021, 2022, 2023 (to-date)", [("2021-01-01", "2023-05-10")]),
        ("D) 2021-to date", [("2021-01-01", "2023-05-10")]),
        ("2022/23 and 2023/24 (most recent)", [("2022-04-01", "2023-05-10")]),
        ("from 2022 to-date", [("2022-01-01", "2023-05-10")]),
        # financial and academic years
        ("in each financial year from 2019 to date", [("2019-04-01", "2023-05-10")]),
        ("In the financial years 19/20, 20/21 and 21/22", [("2019-04-01", "2022-03-31")]),
        (
            "for each of the academic years 2018/19, 2019/20, 2020/21, 2021/22 and 2022/23 (to date)",
            [("2018-09-01", "2023-05-10")],
        ),
        # days and months written without a year: the last one before receipt
        ("between 1st November and 8th November", [("2022-11-01", "2022-11-08")]),
        ("on Guy Fawkes Night (5th November)", [("2022-11-05", "2022-11-05")]),
        ("since March 23", [("2023-03-23", "2023-05-10")]),
        ("in the month of November", [("2022-11-01", "2022-11-30")]),
        ("in the month of March", [("2023-03-01", "2023-03-31")]),
        ("for the time period March 23 to August 10 2019", [("2019-03-23", "2019-08-10")]),
        # lists and joins
        ("In the months of October, November and December 2021", [("2021-10-01", "2021-12-31")]),
        ("between the years 2010 and 2024", [("2010-01-01", "2024-12-31")]),
        ("From Jan 2017 to the end of 2022", [("2017-01-01", "2022-12-31")]),
        # "the past year" is the past 12 months; a pair of years in a list of calendar years is calendar
        ("In the past year", [("2022-05-01", "2023-04-30")]),
        (
            "for the calendar years: 2016; 2017; 2021/2022 (to date)",
            [("2016-01-01", "2017-12-31"), ("2021-01-01", "2023-05-10")],
        ),
        ("the three most recent complete years", [("2020-01-01", "2022-12-31")]),
        # "&" for "and" after "between"; "up to and including"; a list of days "at the end of:"
        ("Between September 2020 & 20th July 2021", [("2020-09-01", "2021-07-20")]),
        ("in 2019 & 2021", [("2019-01-01", "2019-12-31"), ("2021-01-01", "2021-12-31")]),
        ("for each month of 2011 up to and including November 2012", [("2011-01-01", "2012-11-30")]),
        (
            "at the end of: April 2016, May 2016, and June 2016",
            [("2016-04-30", "2016-04-30"), ("2016-05-31", "2016-05-31"), ("2016-06-30", "2016-06-30")],
        ),
        ("at the end of 2019 and 2020", [("2019-12-31", "2019-12-31"), ("2020-12-31", "2020-12-31")]),
        # a four-digit pair beside a pair written with "/" is a financial year too
        ("in 2017-2018 & 2018/2019", [("2017-04-01", "2019-03-31")]),
        ("in 2017-2018", [("2017-01-01", "2018-12-31")]),
        # "to date" capped by the day written after it
        ("from 2025 to-date (up until 31/09/2025)", [("2025-01-01", "2025-09-30")]),
        ("from 2021 to date (see note 2)", [("2021-01-01", "2023-05-10")]),
        # a university's or an enrolment's year pair is academic; a budget's is financial
        ("students who graduated at Staffordshire University in 2014/15", [("2014-09-01", "2015-08-31")]),
        ("the number enrolled in 2019/20", [("2019-09-01", "2020-08-31")]),
        ("the council's budget in 2014/15", [("2014-04-01", "2015-03-31")]),
        # near misses: a month after a full stop, a year after a question are whole
        ("at the end of April 2016. In May 2016, how many", [("2016-04-30", "2016-05-31")]),
        (
            "at the end of 2019, how many were open in 2021?",
            [("2019-12-31", "2019-12-31"), ("2021-01-01", "2021-12-31")],
        ),
    ],
)
def test_a_period_in_a_form_requesters_use(phrase: str, expected: list[tuple[str, str]]) -> None:
    assert ranges(phrase) == expected


@pytest.mark.parametrize(
    "phrase",
    [
        "under the terms of the Freedom of Information Act (2000)",
        "see https://thinkwhere.wordpress.com/2015/12/10/letter",
        "please reply by 5 December",
        "please reply by Monday 5 December",
        "the number of staff employed at 31 March in each of those years",
        "compliant with BS 8545 (2014) 'Trees: from nursery to independence'",
        "to ISO 9001:2015 standards",
    ],
)
def test_no_period_where_a_date_names_something_else(phrase: str) -> None:
    assert ranges(phrase) == []


def test_a_pair_whose_second_year_is_smaller_is_no_pair_of_years() -> None:
    assert ranges("2015/12") == []
    assert ranges("1999/00") == [("1999-04-01", "2000-03-31")]


def test_a_day_without_a_year_is_not_after_receipt() -> None:
    assert ranges("on 20th May") == [("2022-05-20", "2022-05-20")]
    assert ranges("on 10th May") == [("2023-05-10", "2023-05-10")]
