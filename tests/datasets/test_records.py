"""Records as data: a register defined here, in the test, is read, counted, protected and checked by
its definition alone (the recipe of docs/recipes/new-register.md, with no code of its own)."""

from __future__ import annotations

import csv
import io

import pytest

from foidesk.core.redaction import Recommendation
from foidesk.datasets.importer import RegisterImportError
from foidesk.datasets.query import build_query, count_records
from foidesk.datasets.record_release import release_schema
from foidesk.datasets.records import free_text_findings, parse_records
from foidesk.datasets.schema import (
    DATE_HIERARCHY,
    Dataset,
    Dimension,
    Field,
    FieldKind,
    Registry,
    Value,
)

TASER = Dataset(
    name="taser",
    label="Taser register",
    description="Each use of a Taser: one row.",
    date_field="date",
    id_field="use_id",
    fields=(
        Field("use_id", "Use", FieldKind.IDENTIFIER, "The register's id.", column="Reference"),
        Field("date", "Date", FieldKind.DATE, "Day of use.", required=True, quasi_identifier=True,
              hierarchy=DATE_HIERARCHY),
        Field("mode", "Mode", FieldKind.CATEGORY, "How it was used.", required=True,
              values=(Value("drawn", "Drawn"), Value("red_dot", "Red dot"), Value("fired", "Fired",
                                                                                  ("discharged",)))),
        Field("subject_age", "Subject age", FieldKind.CATEGORY, "Age of the subject.", missing="unknown",
              values=(Value("under_18", "Under 18", ("child",)), Value("adult", "18 and over"),
                      Value("unknown", "Not known"))),
        Field("subject_name", "Subject", FieldKind.TEXT, "Who it was used on.", identifies_person=True),
        Field("account", "Account", FieldKind.FREE_TEXT, "The officer's account."),
    ),
    dimensions=(
        Dimension("mode", "Mode", "mode", synonyms=("use",)),
        Dimension("age", "Subject age", "subject_age"),
        Dimension("year", "Year", "date", "year"),
    ),
)  # fmt: skip
REGISTRY = Registry({TASER.name: TASER})
FILE = """Reference,Date,Mode,Subject age,Subject,Account
T-1,2024-01-03,Fired,child,Jo Bloggs,Jo Bloggs ran at the officer near the station.
T-2,2024-02-11,Drawn,,Sam Smith,the weapon was put away without use.
T-3,2024-02-12,discharged,18 and over,Alex Brown,Fired once.
T-4,2025-03-01,Red dot,18 and over,Chris Green,Red dot only.
"""


def _rows(text: str) -> list[tuple[int, list[object]]]:
    return [(n, list(row)) for n, row in enumerate(csv.reader(io.StringIO(text)), start=1)]


def test_a_register_defined_as_data_is_read_by_its_definition() -> None:
    records = parse_records(TASER, _rows(FILE), id_prefix="t")
    assert [r["use_id"] for r in records] == ["T-1", "T-2", "T-3", "T-4"]
    assert [r["mode"] for r in records] == ["fired", "drawn", "fired", "red_dot"]
    assert records[1]["subject_age"] == "unknown"  # an empty cell is the field's "missing" code


def test_a_repeated_id_is_refused_with_both_lines() -> None:
    with pytest.raises(RegisterImportError, match="line 3, Reference: the same id as line 2"):
        parse_records(TASER, _rows(FILE.replace("T-2,", "T-1,")), id_prefix="t")


def test_it_is_counted_with_the_words_of_its_definition() -> None:
    records = parse_records(TASER, _rows(FILE), id_prefix="t")
    query = build_query("use", "year", about=["discharged"], dataset="taser", registry=REGISTRY)
    table = count_records(records, query, REGISTRY)
    assert table.row_labels == ("Fired",) and table.column_labels == ("2024",)
    assert table.cells == ((2,),)


def test_its_free_text_is_checked_against_the_records_own_people() -> None:
    records = parse_records(TASER, _rows(FILE), id_prefix="t")
    [finding] = free_text_findings(TASER, records[0])
    assert finding.recommendation is not Recommendation.RELEASE
    assert "Jo Bloggs" not in finding.redacted_text
    [clean] = free_text_findings(TASER, records[1])
    assert clean.recommendation is Recommendation.RELEASE


def test_its_people_and_free_text_never_leave_in_a_record_list() -> None:
    schema = release_schema(TASER)
    kept = {h.field for h in schema.hierarchies} | set(schema.sensitive) | set(schema.released)
    assert "subject_name" not in kept and "account" not in kept and "use_id" not in kept
    assert {h.field for h in schema.hierarchies} == {"date"}
