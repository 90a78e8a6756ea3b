"""A register held as data (the stop and search register in the generic table): imported all or
nothing and audited, counted on the database exactly as in memory."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from foidesk.core.periods import DateRange
from foidesk.datasets import stop_search as s
from foidesk.datasets.importer import RegisterImportError
from foidesk.datasets.query import QueryError, build_query, count_records
from foidesk.web.audit.actions import AuditAction
from foidesk.web.audit.models import AuditEvent
from foidesk.web.records.models import Record
from foidesk.web.records.selectors import count_table, iter_records, register_size
from foidesk.web.records.services import (
    RecordsAlreadyRegistered,
    records_generate,
    records_import,
    records_import_file,
)

pytestmark = pytest.mark.django_db

SAMPLE = Path(__file__).parents[2] / "data" / "stop_search" / "metropolitan-stop-and-search-sample.csv"
SETTINGS = s.SearchGeneratorSettings(n=1200, seed=19)


@pytest.fixture
def register() -> list[dict[str, str]]:
    searches = list(s.generate_searches(SETTINGS))
    records_import(dataset="stop_search", records=searches)
    return searches


QUERIES = [
    {"rows": "ethnicity", "columns": "outcome", "where": {"borough": "Lambeth"}},
    {"rows": "year", "columns": "object of search"},
    {"rows": "bcu", "columns": "age group", "period": DateRange(dt.date(2022, 4, 1), dt.date(2023, 3, 31))},
    {"rows": "month", "where": {"outcome": ["arrest", "summons"]},
     "period": DateRange(dt.date(2023, 1, 1), dt.date(2023, 12, 31))},
    {"rows": "self defined ethnic group", "columns": "gender", "include_empty": True},
    {"rows": "borough", "columns": "type", "where": {"borough": "Central South BCU"}},
    {"rows": "legislation", "columns": "removal of clothing", "about": ["drugs"]},
]  # fmt: skip


@pytest.mark.parametrize("words", QUERIES)
def test_database_count_equals_the_in_memory_count(register: list[dict[str, str]], words: dict) -> None:
    query = build_query(dataset="stop_search", **words)
    assert count_table(query) == count_records(register, query)


def test_the_records_a_query_selects_come_back_as_they_were_imported(register: list[dict[str, str]]) -> None:
    query = build_query("outcome", dataset="stop_search", where={"borough": "Lambeth", "gender": "female"})
    expected = [r for r in register if r["borough"] == "lambeth" and r["gender"] == "female"]
    assert sorted(iter_records(query), key=lambda r: r["search_id"]) == sorted(
        expected, key=lambda r: r["search_id"]
    )


def test_a_police_uk_file_is_imported_whole_and_audited() -> None:
    assert records_import_file(dataset="stop_search", path=SAMPLE) == 12
    assert register_size("stop_search") == 12 and register_size() == 0  # not the misconduct register
    event = AuditEvent.objects.get(action=AuditAction.REGISTER_IMPORTED)
    assert event.details == {"register": "stop_search", "imported": 12, "source": SAMPLE.name}


def test_the_same_file_twice_is_refused_and_nothing_is_added() -> None:
    records_import_file(dataset="stop_search", path=SAMPLE)
    with pytest.raises(RecordsAlreadyRegistered, match="12 record"):
        records_import_file(dataset="stop_search", path=SAMPLE)
    assert Record.objects.count() == 12


def test_a_file_with_a_bad_row_adds_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(SAMPLE.read_text(encoding="utf-8").replace("Stolen goods", "Treasure"), encoding="utf-8")
    with pytest.raises(RegisterImportError, match="line 4, Object of search"):
        records_import_file(dataset="stop_search", path=bad)
    assert Record.objects.count() == 0


def test_the_synthetic_register_loads_once() -> None:
    assert records_generate(dataset="stop_search", n=50, seed=1) == 50
    assert records_generate(dataset="stop_search", n=50, seed=1) == 0
    assert register_size("stop_search") == 50


def test_the_misconduct_register_is_not_imported_as_data() -> None:
    with pytest.raises(ValueError, match="not held as data"):
        records_import(dataset="misconduct", records=[])


def test_an_unknown_value_in_a_query_is_a_clear_error() -> None:
    with pytest.raises(QueryError, match="'Narnia' is not a value of borough"):
        build_query("outcome", dataset="stop_search", where={"borough": "Narnia"})
