"""The stop and search register: a data.police.uk file read by the definition, counted and protected."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest

from foidesk.core.periods import DateRange
from foidesk.core.sdc.suppression import protect
from foidesk.datasets import stop_search as s
from foidesk.datasets.importer import RegisterImportError
from foidesk.datasets.query import build_query, count_records
from foidesk.datasets.record_release import anonymise_dataset, release_schema, release_table
from foidesk.datasets.records import file_headings, parse_records, read_records, write_records_csv
from foidesk.datasets.registry import REGISTRY, STOP_SEARCH_REGISTER

SAMPLE = Path(__file__).parents[1] / "data" / "stop_search" / "metropolitan-stop-and-search-sample.csv"
POLICE_UK_HEADINGS = [
    "Type", "Date", "Part of a policing operation", "Policing operation", "Latitude", "Longitude", "Gender",
    "Age range", "Self-defined ethnicity", "Officer-defined ethnicity", "Legislation", "Object of search",
    "Outcome", "Outcome linked to object of search", "Removal of more than just outer clothing",
]  # fmt: skip
FY_2023 = DateRange(dt.date(2023, 4, 1), dt.date(2024, 3, 31))


def _rows(text: str) -> list[tuple[int, list[object]]]:
    return [(n, list(row)) for n, row in enumerate(csv.reader(io.StringIO(text)), start=1)]


def test_the_sample_has_the_police_uk_headings_in_their_order() -> None:
    header = next(csv.reader(SAMPLE.open(encoding="utf-8")))
    assert header == POLICE_UK_HEADINGS


def test_every_row_of_a_police_uk_file_is_read_and_placed_in_its_borough() -> None:
    records = read_records(STOP_SEARCH_REGISTER, SAMPLE)
    assert len(records) == 12  # nothing lost (tests/data/stop_search/README.md)
    boroughs = [r["borough"] for r in records]
    assert boroughs.count("lambeth") == 8 and boroughs.count("westminster") == 2
    assert boroughs.count("not_recorded") == 1  # the row with no point


def test_the_old_outcome_text_and_empty_cells_read_as_the_register_codes() -> None:
    records = read_records(STOP_SEARCH_REGISTER, SAMPLE)
    assert sum(r["outcome"] == "no_further_action" for r in records) == 5
    vehicle = records[5]
    assert vehicle["gender"] == "not_recorded" and vehicle["outcome_linked"] == "not_recorded"
    assert records[0]["time"] == "2023-04-02T14:05:00+00:00" and records[0]["date"] == "2023-04-02"


def test_rows_without_an_id_are_named_by_the_file_and_line_so_a_second_import_is_the_same() -> None:
    first = read_records(STOP_SEARCH_REGISTER, SAMPLE)
    again = read_records(STOP_SEARCH_REGISTER, SAMPLE)
    assert [r["search_id"] for r in first] == [r["search_id"] for r in again]
    assert len({r["search_id"] for r in first}) == 12


def test_every_bad_row_is_reported_by_line_and_column_and_nothing_is_returned() -> None:
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].replace("Arrest", "Sent to the moon")
    lines[4] = lines[4].replace("51.457690", "north")
    lines[6] = lines[6].replace("2023-07-04T11:30:00+00:00", "")
    with pytest.raises(RegisterImportError) as raised:
        parse_records(STOP_SEARCH_REGISTER, _rows("\n".join(lines)), id_prefix="t")
    where = {(e.line, e.column) for e in raised.value.errors}
    assert where == {(3, "Outcome"), (5, "Latitude"), (7, "Date")}
    assert "'Sent to the moon' is not a value of outcome" in str(raised.value)


def test_an_unknown_or_missing_column_is_refused() -> None:
    unknown = _rows("Type,Date,Colour\nPerson search,2024-01-01,red")
    with pytest.raises(RegisterImportError, match="register is called 'Colour'"):
        parse_records(STOP_SEARCH_REGISTER, unknown, id_prefix="t")
    with pytest.raises(RegisterImportError, match="a required column is missing"):
        parse_records(STOP_SEARCH_REGISTER, _rows("Gender\nMale"), id_prefix="t")


def test_a_count_by_ethnicity_in_lambeth_in_a_financial_year_is_the_hand_count() -> None:
    query = build_query("ethnicity", period=FY_2023, where={"borough": "Lambeth"}, dataset="stop_search")
    table = count_records(read_records(STOP_SEARCH_REGISTER, SAMPLE), query)
    counts = dict(zip(table.row_labels, (row[0] for row in table.cells), strict=True))
    assert counts == {"White": 2, "Black": 5}


def test_the_generator_is_seeded_and_its_records_read_back_unchanged() -> None:
    settings = s.SearchGeneratorSettings(n=300, seed=11)
    generated = list(s.generate_searches(settings))
    assert generated == list(s.generate_searches(settings))
    assert generated != list(s.generate_searches(s.SearchGeneratorSettings(n=300, seed=12)))
    buffer = io.StringIO()
    write_records_csv(STOP_SEARCH_REGISTER, generated, buffer)
    assert file_headings(STOP_SEARCH_REGISTER)[1:16] == POLICE_UK_HEADINGS
    read_back = parse_records(STOP_SEARCH_REGISTER, _rows(buffer.getvalue()), id_prefix="x")
    assert read_back == generated


def test_a_protected_table_from_the_register_hides_every_small_count() -> None:
    records = list(s.generate_searches(s.SearchGeneratorSettings(n=2000, seed=3)))
    query = build_query("ethnicity", "outcome", where={"borough": "Lambeth"}, dataset="stop_search")
    protected = protect(count_records(records, query), threshold=5)
    assert protected.release_allowed
    for label, row in zip(protected.row_labels, protected.display_cells, strict=True):
        for shown in row:
            assert shown == "[c]" or int(shown) == 0 or int(shown) >= 5, (label, row)


def test_the_point_time_and_operation_never_leave_in_a_record_list() -> None:
    schema = release_schema(STOP_SEARCH_REGISTER)
    assert {"time", "operation", "latitude", "longitude"} <= set(schema.withheld)
    generalised = {h.field for h in schema.hierarchies}
    assert generalised == {"date", "borough", "gender", "age_range", "self_defined_ethnicity",
                           "officer_defined_ethnicity"}  # fmt: skip
    assert schema.sensitive == ("outcome",)
    records = list(s.generate_searches(s.SearchGeneratorSettings(n=400, seed=5)))
    release = anonymise_dataset(STOP_SEARCH_REGISTER, records, k=5, l=2, max_suppression=0.2)
    header, rows = release_table(STOP_SEARCH_REGISTER, release)
    assert "Search" not in header and rows
    for withheld in ("Date and time", "Policing operation", "Latitude", "Longitude"):
        assert {row[header.index(withheld)] for row in rows} == {"*"}


def test_the_registry_lists_the_stop_search_register() -> None:
    assert REGISTRY.dataset("stop_search") is STOP_SEARCH_REGISTER
    assert REGISTRY.dataset("stop_search").find_dimension("race").field == "officer_defined_ethnicity"
