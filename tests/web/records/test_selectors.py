"""The database evaluation of count queries agrees with the in-memory one, cell for cell."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from foidesk.core.periods import DateRange, calendar_years
from foidesk.datasets.misconduct_synthetic import AllegationGeneratorSettings, generate_register
from foidesk.datasets.query import QueryError, build_query, count_records
from foidesk.web.records.selectors import allegations_matching, count_table, register_size
from foidesk.web.records.services import register_import

pytestmark = pytest.mark.django_db

SETTINGS = AllegationGeneratorSettings(n=1500, seed=11)


@pytest.fixture
def register() -> list:
    allegations = list(generate_register(SETTINGS))
    register_import(rows=allegations)
    return allegations


QUERIES = [
    {
        "rows": "allegation category",
        "columns": "other outcome",
        "period": calendar_years(2020, 2021),
        "where": {"outcome": "reflective practice"},
    },
    {"rows": "year", "columns": "outcome"},
    {"rows": "borough", "columns": "rank band", "about": ["sexual misconduct"]},
    {"rows": "bcu", "columns": "gender", "period": DateRange(dt.date(2019, 6, 1), dt.date(2020, 5, 31))},
    {"rows": "month", "period": calendar_years(2021, 2021), "where": {"outcome": ["FWW", "WW"]}},
    {"rows": "outcome", "columns": "category", "where": {"category": "VAWG"}, "include_empty": True},
    {"rows": "standard", "columns": "forum", "where": {"borough": "Central South BCU"}},
]


@pytest.mark.parametrize("words", QUERIES)
def test_database_count_equals_the_in_memory_count(register: list, words: dict) -> None:
    query = build_query(**words)
    assert count_table(query) == count_records(register, query)


def test_reflective_practice_query_counts_only_allegations_from_february_2020(register: list) -> None:
    query = build_query("year", where={"outcome": "RPRP"})
    table = count_table(query)
    assert table.row_labels == ("2020", "2021", "2022")
    first = min(row.date_received for row in allegations_matching(query))
    assert first >= dt.date(2020, 2, 1)


def test_multi_valued_outcome_counts_an_allegation_under_each_of_its_outcomes(register: list) -> None:
    table = count_table(build_query("outcome"))
    outcomes = sum(len(a.outcomes) for a in register)
    assert table.grand_total() == outcomes > register_size()


def test_other_outcome_without_an_outcome_filter_is_refused(register: list) -> None:
    with pytest.raises(QueryError, match="needs a filter"):
        build_query("category", "other outcome")


def test_borough_rows_come_with_bcu_subtotals(register: list) -> None:
    table = count_table(build_query("borough"))
    groups = {group.label: group.members for group in table.row_groups}
    assert groups["Central South BCU"] == ("Lambeth", "Southwark")
    assert len(table.row_groups) == 12


DIMENSIONS = ["category", "outcome", "year", "month", "rank", "rank band", "gender", "borough", "bcu",
              "standard", "forum", "finding", "nature"]  # fmt: skip
FILTERS = [
    {},
    {"outcome": "RPRP"},
    {"category": "sexual misconduct"},
    {"rank": ["PC", "PS"]},
    {"forum": "hearing"},
]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    rows=st.sampled_from(DIMENSIONS),
    columns=st.sampled_from([None, *DIMENSIONS]),
    where=st.sampled_from(FILTERS),
    first=st.integers(2019, 2022),
)
def test_any_query_counts_the_same_on_the_database(register: list, rows, columns, where, first) -> None:
    if columns == rows:
        columns = None
    query = build_query(rows, columns, period=calendar_years(first, 2022), where=where)
    try:
        expected = count_records(register, query)
    except QueryError:
        with pytest.raises(QueryError):
            count_table(query)
        return
    assert count_table(query) == expected
