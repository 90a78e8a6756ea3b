"""XLSX workbook structure: areas, columns, the workbook part and the shared-string table."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foidesk.core.release_check import check_file, sanitise_file
from foidesk.core.release_check.findings import InspectionLimits
from foidesk.core.release_check.spreadsheets import inspect_xlsx
from foidesk.core.release_check.xlsx_book import CellArea, column_index, column_letters, parse_area
from tests.core.release_check.corpus import every_byte
from tests.core.release_check.corpus_spreadsheets import plain_row, raw_xlsx, rewrite_zip

PLAIN_STRINGS = ["Constable", "Sergeant", "SECRET-HIDDEN", "SECRET-UNUSED", "jane.officer@example.police.uk"]


def _codes(path: Path) -> set[str]:
    return {f.code for f in inspect_xlsx(str(path), InspectionLimits())}


def _many_rows(special: dict[int, str], count: int = 6_000) -> str:
    return "".join(special.get(n) or plain_row(n, n % 2, n) for n in range(1, count + 1))


@pytest.mark.parametrize(
    ("reference", "area"),
    [
        ("'Staff list'!$A$1:$D$20", CellArea(1, 1, 20, 4)),
        ("Headcount!$B$2", CellArea(2, 2, 2, 2)),
        ("Sheet1!$A:$C", CellArea(1, 1, 1_048_576, 3)),
        ("Sheet1!$2:$5", CellArea(2, 1, 5, 16_384)),
    ],
)
def test_print_area_references_parse_to_rectangles(reference: str, area: CellArea) -> None:
    assert parse_area(reference) == area


def test_column_letters_known_answers() -> None:
    assert [column_index(c) for c in ("A", "Z", "AA", "XFD")] == [1, 26, 27, 16_384]


@settings(max_examples=200)
@given(st.integers(min_value=1, max_value=16_384))
def test_column_letters_and_index_round_trip(index: int) -> None:
    assert column_index(column_letters(index)) == index


def test_a_workbook_without_a_workbook_part_cannot_be_inspected(tmp_path: Path) -> None:

    path = tmp_path / "hollow.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/styles.xml", "<styleSheet/>")
    assert [f.code for f in check_file(str(path)).findings] == ["file.cannot_inspect"]


def test_rich_text_shared_strings_are_read_and_copied_as_plain_text(tmp_path: Path) -> None:
    path = tmp_path / "rich.xlsx"
    raw_xlsx(path, _many_rows({}, count=50), PLAIN_STRINGS)

    def change(parts: dict[str, bytes]) -> None:
        parts["xl/sharedStrings.xml"] = parts["xl/sharedStrings.xml"].replace(
            b"<si><t>Sergeant</t></si>",
            b"<si><r><t>Ser</t></r><r><rPr><b/></rPr><t>geant</t></r><rPh><t>x</t></rPh></si>",
        )

    rewrite_zip(path, change)
    copy = tmp_path / "copy.xlsx"
    assert sanitise_file(str(path), str(copy)).clean
    rows = list(openpyxl.load_workbook(copy, read_only=True).active.iter_rows(values_only=True))
    assert rows[0] == ("Sergeant", 1) and rows[1] == ("Constable", 2)
    assert b"SECRET-UNUSED" not in every_byte(copy)
