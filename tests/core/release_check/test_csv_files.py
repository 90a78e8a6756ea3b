"""CSV: formula injection (OWASP), encoding, ragged rows, counts, and the neutralised copy."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foidesk.core.release_check.csv_files import inspect_csv_shape, is_formula, neutralise, sanitise_csv
from foidesk.core.release_check.findings import InspectionLimits

LIMITS = InspectionLimits()


@pytest.mark.parametrize(
    "cell", ["=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1", "\r=1", '=HYPERLINK("x")']
)
def test_cells_a_spreadsheet_would_run_are_formulas(cell: str) -> None:
    assert is_formula(cell)


@pytest.mark.parametrize("cell", ["-12", "+3.5", "-0.5%", "-1.2e3", "12", "", "Constable", "a=b"])
def test_plain_numbers_and_text_are_not_formulas(cell: str) -> None:
    assert not is_formula(cell)


@settings(max_examples=300)
@given(st.text(max_size=30))
def test_a_neutralised_cell_never_runs_and_keeps_its_text(cell: str) -> None:
    safe = neutralise(cell)
    assert not is_formula(safe)
    assert safe.endswith(cell)


@settings(max_examples=100)
@given(st.floats(allow_nan=False, allow_infinity=False))
def test_no_number_is_mistaken_for_a_formula(number: float) -> None:
    assert not is_formula(repr(number))


def test_shape_counts_rows_and_columns_and_finds_the_delimiter(tmp_path: Path) -> None:
    path = tmp_path / "a.tsv"
    path.write_text("Rank\tHeadcount\nConstable\t1203\nSergeant\t245\n", encoding="utf-8")
    findings, shape = inspect_csv_shape(str(path), LIMITS)
    assert findings == []
    assert (shape.delimiter, shape.rows, shape.columns, shape.encoding) == ("\t", 3, 2, "utf-8")


def test_the_copy_is_utf8_rectangular_and_neutralised(tmp_path: Path) -> None:
    source = tmp_path / "a.csv"
    source.write_bytes("Rank,Cost\r\nConstable,£12\r\n=1+1,-5,extra\r\n".encode("cp1252"))
    target = tmp_path / "b.csv"
    sanitise_csv(str(source), str(target), LIMITS)
    with open(target, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows == [["Rank", "Cost", ""], ["Constable", "£12", ""], ["'=1+1", "-5", "extra"]]
    findings, _ = inspect_csv_shape(str(target), LIMITS)
    assert findings == []


def test_binary_with_nul_bytes_is_not_a_csv(tmp_path: Path) -> None:
    from foidesk.core.release_check import check_file

    path = tmp_path / "a.csv"
    path.write_bytes(b"a,b\n" + b"\x00" * 10_000)
    assert {f.code for f in check_file(str(path)).findings} >= {"file.cannot_inspect"}
