"""Count queries: words resolved through the registry, counted in memory into a CountTable."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foidesk.core.periods import DateRange, InvalidDateRange, calendar_years
from foidesk.core.sdc.table import CountTable
from foidesk.datasets import misconduct as m
from foidesk.datasets import misconduct_synthetic as synthetic
from foidesk.datasets.query import (
    Condition,
    QueryError,
    build_query,
    conditions_from_topics,
    count_records,
    describe,
    period_of_part,
    record_rows,
)

Out = m.MisconductOutcome
Cat = m.Category


def _allegation(
    n: int, received: str, category: m.Category, outcomes: tuple[m.MisconductOutcome, ...], **more
) -> object:
    forum = m.Forum.MISCONDUCT_MEETING if Out.WRITTEN_WARNING in outcomes else m.Forum.NO_PROCEEDINGS
    return m.Allegation(
        allegation_id=f"T-{n}",
        officer_id=f"OFF-{n}",
        collar_number="",
        rank=more.pop("rank", m.Rank.CONSTABLE),
        gender=m.Gender.FEMALE,
        borough=more.pop("borough", m.Borough.CAMDEN),
        station="",
        date_received=dt.date.fromisoformat(received),
        category=category,
        nature="",
        standard=m.Standard.DISCREDITABLE_CONDUCT,
        forum=forum,
        finding=m.MisconductFinding.NO_CASE_TO_ANSWER,
        outcomes=outcomes,
        summary="",
    )


# Nine allegations typed by hand; the expected tables below are counted by hand from them.
RECORDS = [
    _allegation(1, "2020-03-02", Cat.SEXUAL_HARASSMENT, (Out.REFLECTIVE_PRACTICE,)),
    _allegation(2, "2020-07-15", Cat.SEXUAL_HARASSMENT, (Out.NO_CASE_TO_ANSWER, Out.REFLECTIVE_PRACTICE)),
    _allegation(3, "2021-01-09", Cat.USE_OF_FORCE, (Out.NO_CASE_TO_ANSWER, Out.REFLECTIVE_PRACTICE)),
    _allegation(4, "2021-11-30", Cat.USE_OF_FORCE, (Out.REFLECTIVE_PRACTICE,)),
    _allegation(
        5, "2021-12-31", Cat.APSP, (Out.NO_FURTHER_ACTION, Out.REFLECTIVE_PRACTICE), borough=m.Borough.LAMBETH
    ),
    _allegation(6, "2022-01-01", Cat.APSP, (Out.REFLECTIVE_PRACTICE,)),  # outside 2020-21
    _allegation(7, "2019-05-05", Cat.USE_OF_FORCE, (Out.MANAGEMENT_ACTION,)),  # before the 2020 Regulations
    _allegation(8, "2021-06-06", Cat.SEXUAL_HARASSMENT, (Out.WRITTEN_WARNING,), rank=m.Rank.SERGEANT),
    _allegation(9, "2020-02-01", Cat.APSP, (Out.NO_CASE_TO_ANSWER,), borough=m.Borough.SOUTHWARK),
]


def test_request_2_reflective_practice_by_category_and_other_outcome() -> None:
    query = build_query(
        "allegation category",
        "other outcomes applied",
        period=calendar_years(2020, 2021),
        where={"outcome": "RPRP"},
    )
    assert count_records(RECORDS, query) == CountTable(
        row_dimension="Allegation category",
        column_dimension="Other outcome",
        row_labels=("Use of force", "Sexual harassment", "Abuse of position for a sexual purpose"),
        column_labels=("No case to answer", "No further action", "No other outcome"),
        cells=((1, 0, 1), (1, 0, 1), (0, 1, 0)),
    )


def test_request_2_by_year() -> None:
    query = build_query("year", period=calendar_years(2020, 2021), about=["reflective practice"])
    table = count_records(RECORDS, query)
    assert table.row_labels == ("2020", "2021") and table.cells == ((2,), (3,))
    assert table.is_one_way


def test_the_same_question_in_other_words_is_the_same_query() -> None:
    a = build_query("allegation category", "other outcome", where={"outcome": "reflective practice"})
    b = build_query("category", "other_outcome", where={"outcomes": ["practice requiring improvement"]})
    c = build_query("type of allegation", "other outcomes", about=["RPRP"])
    assert a == b == c
    assert a.conditions == (Condition("outcomes", frozenset({"reflective_practice"})),)


def test_sexual_misconduct_by_outcome_counts_each_outcome_of_an_allegation() -> None:
    table = count_records(RECORDS, build_query("outcome", about=["sexual misconduct"]))
    assert dict(zip(table.row_labels, table.row_totals(), strict=True)) == {
        "Reflective practice (RPRP)": 4,
        "No case to answer": 2,
        "No further action": 1,
        "Written warning": 1,
    }


def test_rank_band_and_bcu_generalise_the_rows() -> None:
    table = count_records(RECORDS, build_query("bcu", "rank band"))
    assert table.row_labels == ("Central North BCU", "Central South BCU")
    assert table.column_labels == ("Constable or sergeant",)
    assert table.cells == ((7,), (2,))


def test_borough_rows_carry_bcu_subtotals() -> None:
    table = count_records(RECORDS, build_query("borough"))
    assert [(g.label, g.members) for g in table.row_groups] == [
        ("Central North BCU", ("Camden",)),
        ("Central South BCU", ("Lambeth", "Southwark")),
    ]


def test_include_empty_lists_every_category_and_every_month() -> None:
    table = count_records(
        RECORDS, build_query("category", "month", period=calendar_years(2021, 2021), include_empty=True)
    )
    assert len(table.row_labels) == len(m.Category)
    assert table.column_labels[0] == "2021-01" and len(table.column_labels) == 12
    assert table.grand_total() == 4


def test_a_query_that_matches_nothing_says_so() -> None:
    with pytest.raises(QueryError, match="no records match"):
        count_records(RECORDS, build_query("category", period=calendar_years(2015, 2015)))


@pytest.mark.parametrize(
    ("words", "message"),
    [
        ({"rows": "shoe size"}, "cannot be broken down by 'shoe size'"),
        (
            {"rows": "category", "where": {"outcome": "a stern look"}},
            "'a stern look' is not a value of outcome",
        ),
        ({"rows": "category", "about": ["use of force"]}, "several fields"),
        ({"rows": "category", "columns": "other outcome"}, "needs a filter on outcome"),
        ({"rows": "category", "columns": "category"}, "both"),
        ({"rows": "category", "where": {"date received": "2021"}}, "use the period"),
        ({"rows": "category", "dataset": "parking fines"}, "no dataset 'parking fines'"),
    ],
)
def test_bad_questions_are_refused_with_the_word_at_fault(words: dict, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        build_query(**words)


def test_the_period_is_the_core_date_range_of_a_parsed_part() -> None:
    query = build_query("year", period=DateRange(dt.date(2020, 7, 1), dt.date(2021, 6, 30)))
    assert count_records(RECORDS, query).row_labels == ("2020", "2021")
    with pytest.raises(InvalidDateRange):
        DateRange(dt.date(2021, 1, 1), dt.date(2020, 1, 1))


def test_a_parts_periods_become_one_period_when_they_join() -> None:
    assert period_of_part([calendar_years(2021, 2021), calendar_years(2020, 2020)]) == calendar_years(
        2020, 2021
    )
    assert period_of_part([]) is None
    with pytest.raises(QueryError, match="2 separate periods"):
        period_of_part([calendar_years(2019, 2019), calendar_years(2021, 2021)])


def test_topics_of_a_parsed_part_become_conditions() -> None:
    conditions, unmatched = conditions_from_topics(["sexual misconduct", "reflective practice", "weather"])
    assert [c.field for c in conditions] == ["category", "outcomes"]
    assert unmatched == ("weather",)


def test_describe_says_what_was_counted() -> None:
    query = build_query("category", "other outcome", period=calendar_years(2020, 2021), about=["RPRP"])
    assert describe(query) == (
        "Misconduct register: records received 1 January 2020 to 31 December 2021 where outcome includes "
        "Reflective practice (RPRP), counted by allegation category and other outcome."
    )


SINGLE_VALUED = ["category", "year", "rank", "rank band", "gender", "borough", "bcu", "standard", "forum"]


@settings(max_examples=20, deadline=None)
@given(
    seed=st.integers(0, 10_000),
    rows=st.sampled_from(SINGLE_VALUED),
    columns=st.sampled_from(SINGLE_VALUED),
    first=st.integers(2019, 2022),
)
def test_two_way_tables_add_up_to_the_records_counted(seed: int, rows: str, columns: str, first: int) -> None:
    records = list(synthetic.generate_register(synthetic.AllegationGeneratorSettings(n=300, seed=seed)))
    period = calendar_years(first, 2022)
    counted = sum(1 for r in records if period.start <= r.date_received <= period.end)
    one_way = count_records(records, build_query(rows, period=period))
    assert one_way.grand_total() == counted
    if columns != rows:
        two_way = count_records(records, build_query(rows, columns, period=period))
        assert two_way.grand_total() == counted
        assert dict(zip(two_way.row_labels, two_way.row_totals(), strict=True)) == dict(
            zip(one_way.row_labels, one_way.row_totals(), strict=True)
        )


def test_records_may_be_any_objects_with_the_fields() -> None:
    renamed = [dataclasses.replace(r, allegation_id=f"X-{i}") for i, r in enumerate(RECORDS)]
    query = build_query("category")
    assert count_records(renamed, query) == count_records(RECORDS, query)


def test_the_list_of_allegations_behind_a_query_as_plain_rows() -> None:
    query = build_query("category", period=calendar_years(2021, 2021), about=["reflective practice"])
    rows = record_rows(RECORDS, query, ["allegation_id", "rank", "date_received", "outcomes"])
    assert rows == [
        {"allegation_id": "T-3", "rank": "constable", "date_received": "2021-01-09",
         "outcomes": "no_case_to_answer; reflective_practice"},
        {"allegation_id": "T-4", "rank": "constable", "date_received": "2021-11-30",
         "outcomes": "reflective_practice"},
        {"allegation_id": "T-5", "rank": "constable", "date_received": "2021-12-31",
         "outcomes": "no_further_action; reflective_practice"},
    ]  # fmt: skip
