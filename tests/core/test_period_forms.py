"""The date phrases requesters write, each read by the pattern meant for it (core/period_forms.py): the
table's priority rule (the longest match, then the earlier pattern), and the helpers core/periods.py
builds on. Whole phrases in context are tested through core/periods.py (tests/core/test_periods.py)."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foidesk.core.date_ranges import DateRange, PeriodFlag
from foidesk.core.period_forms import COMPILED_PATTERNS, WORDS_ONLY, Found, between_before, blanked

RECEIVED = date(2023, 5, 10)


def _read(phrase: str) -> Found | None:
    """The phrase as the table reads it alone: the longest match from its start, the earlier pattern
    on a tie, as core/periods.find_periods chooses."""
    best: tuple[int, int, re.Match[str], object] | None = None
    for priority, (pattern, handler) in enumerate(COMPILED_PATTERNS):
        match = pattern.match(phrase)
        if match and (best is None or (-match.end(), priority) < (-best[0], best[1])):
            best = (match.end(), priority, match, handler)
    assert best is not None, phrase
    _end, _priority, match, handler = best
    return handler(match, phrase, RECEIVED)  # type: ignore[operator]


@pytest.mark.parametrize(
    ("phrase", "start", "end"),
    [
        ("FY2019-20", date(2019, 4, 1), date(2020, 3, 31)),
        ("Q3 2022", date(2022, 7, 1), date(2022, 9, 30)),
        ("01/02/2020", date(2020, 2, 1), date(2020, 2, 1)),
        ("Jan 2020 – Mar 2021", date(2020, 1, 1), date(2021, 3, 31)),
        ("last five years", date(2018, 1, 1), date(2022, 12, 31)),
    ],
)
def test_each_form_is_read_by_its_own_pattern(phrase: str, start: date, end: date) -> None:
    found = _read(phrase)
    assert found is not None and found.range == DateRange(start, end)


def test_a_day_first_date_that_could_be_either_way_round_is_flagged() -> None:
    found = _read("01/02/2020")
    assert found is not None and PeriodFlag.DAY_FIRST_ASSUMED in found.flags
    unambiguous = _read("25/02/2020")
    assert unambiguous is not None and PeriodFlag.DAY_FIRST_ASSUMED not in unambiguous.flags


_WORDS = [
    "the",
    "last",
    "past",
    "five",
    "years",
    "since",
    "September",
    "January",
    "to",
    "date",
    "this",
    "financial",
    "year",
    "academic",
    "each",
    "month",
    "between",
    "and",
    "Q",
    "FY",
    "-",
    "/",
    "till",
    "now",
    "current",
    "quarter",
    "1990s",
    "decade",
    " ",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=12).map(" ".join))
def test_only_the_patterns_of_words_match_a_text_with_no_digit(text: str) -> None:
    """core/periods.py skips every other pattern when a text has no digit: none of them may match."""
    text = text.replace("1990s", "nineties")
    for pattern, handler in COMPILED_PATTERNS:
        if handler not in WORDS_ONLY:
            assert pattern.search(text) is None, (handler, text)


def test_blanked_hides_digits_and_keeps_the_length() -> None:
    match = re.search(r"Act \d{4}", "the Mental Health Act 1983 says")
    assert match is not None
    assert blanked(match) == "Act ####"


def test_between_is_seen_just_before_a_range() -> None:
    text = "figures between January 2018 and June 2021"
    assert between_before(text, text.index("January"))
    assert not between_before("figures for January 2018 and June 2021", len("figures for "))
