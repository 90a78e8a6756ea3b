"""XLSX sheet scan: rows, columns and merged ranges a reader does not see."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from lxml import etree

from foidesk.core.release_check import check_file, sanitise_file
from foidesk.core.release_check.findings import InspectionLimits
from foidesk.core.release_check.spreadsheets import inspect_xlsx
from foidesk.core.release_check.xlsx_scan import SharedStringUse, SheetLayout, default_column_width
from tests.core.release_check.corpus import every_byte
from tests.core.release_check.corpus_spreadsheets import plain_row, raw_xlsx, rewrite_zip, summary_workbook

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
PLAIN_STRINGS = ["Constable", "Sergeant", "SECRET-HIDDEN", "SECRET-UNUSED", "jane.officer@example.police.uk"]


def _codes(path: Path) -> set[str]:
    return {f.code for f in inspect_xlsx(str(path), InspectionLimits())}


def _many_rows(special: dict[int, str], count: int = 6_000) -> str:
    return "".join(special.get(n) or plain_row(n, n % 2, n) for n in range(1, count + 1))


def test_a_zero_height_sheet_hides_every_row_not_given_a_height(tmp_path: Path) -> None:
    path = tmp_path / "zero.xlsx"
    summary_workbook().save(path)

    def change(parts: dict[str, bytes]) -> None:
        parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"].replace(
            b'defaultRowHeight="15"', b'defaultRowHeight="15" zeroHeight="1"'
        )

    rewrite_zip(path, change)
    assert "xlsx.hidden_row" in _codes(path)


def test_ten_thousand_merged_rows_hide_only_the_cells_beneath_each_merge(tmp_path: Path) -> None:
    path = tmp_path / "merged_rows.xlsx"
    rows = "".join(
        f'<row r="{n}"><c r="A{n}" t="s"><v>0</v></c><c r="B{n}" t="s"><v>{2 if n == 7_777 else 1}</v></c>'
        f'<c r="C{n}"><v>{n}</v></c></row>'
        for n in range(1, 10_001)
    )
    merges = "".join(f'<mergeCell ref="A{n}:B{n}"/>' for n in range(1, 10_001) if n not in (7_777, 7_778))
    merges += '<mergeCell ref="A7777:B7778"/>'
    raw_xlsx(path, rows, PLAIN_STRINGS, tail=f'<mergeCells count="10000">{merges}</mergeCells>')
    finding = next(
        f for f in inspect_xlsx(str(path), InspectionLimits()) if f.code == "xlsx.merged_hidden_value"
    )
    assert finding.where.startswith("Data!B1, B2, B3 and ")
    copy = tmp_path / "copy.xlsx"
    assert sanitise_file(str(path), str(copy)).clean
    assert b"SECRET-HIDDEN" not in every_byte(copy)
    rows_copied = list(openpyxl.load_workbook(copy, read_only=True).active.iter_rows(values_only=True))
    assert rows_copied[0] == ("Constable", None, 1) and rows_copied[7_777] == (None, None, 7_778)
    assert len(rows_copied) == 10_000


def test_overlapping_merged_ranges_cannot_be_inspected(tmp_path: Path) -> None:
    path = tmp_path / "overlap.xlsx"
    merges = '<mergeCells count="2"><mergeCell ref="A1:B3"/><mergeCell ref="B2:C2"/></mergeCells>'
    raw_xlsx(path, _many_rows({}, 10), PLAIN_STRINGS, tail=merges)
    assert not check_file(str(path)).clean


@pytest.mark.parametrize(("width", "hidden"), [(0.5, True), (0.99, True), (1.0, False), (2.5, False)])
def test_a_column_narrower_than_a_character_hides_its_values(
    width: float, hidden: bool, tmp_path: Path
) -> None:
    workbook = summary_workbook()
    workbook.active["D3"] = "SECRET-NARROW"
    workbook.active.column_dimensions["D"].width = width
    path = tmp_path / "narrow.xlsx"
    workbook.save(path)
    assert ("xlsx.hidden_column" in _codes(path)) is hidden
    copy = tmp_path / "copy.xlsx"
    assert sanitise_file(str(path), str(copy)).clean
    assert (b"SECRET-NARROW" in every_byte(copy)) is not hidden
    assert openpyxl.load_workbook(copy).active["A1"].value == summary_workbook().active["A1"].value


@pytest.mark.parametrize(("default", "hidden"), [(2.0, True), (3.9, True), (4.0, False), (15.0, False)])
def test_a_default_row_height_too_low_to_read_hides_rows_without_a_height(
    default: float, hidden: bool, tmp_path: Path
) -> None:
    workbook = summary_workbook()
    sheet = workbook.active
    for row in range(1, sheet.max_row + 1):
        sheet.row_dimensions[row].height = 15
    sheet["A20"] = "SECRET-LOW-DEFAULT"
    sheet.sheet_format.defaultRowHeight = default
    sheet.sheet_format.customHeight = True
    path = tmp_path / "low_default.xlsx"
    workbook.save(path)
    finding = next(
        (f for f in inspect_xlsx(str(path), InspectionLimits()) if f.code == "xlsx.hidden_row"), None
    )
    assert (finding is not None and finding.where == "Headcount!20:20") is hidden
    copy = tmp_path / "copy.xlsx"
    assert sanitise_file(str(path), str(copy)).clean
    assert (b"SECRET-LOW-DEFAULT" in every_byte(copy)) is not hidden
    assert openpyxl.load_workbook(copy).active["A1"].value == summary_workbook().active["A1"].value


@pytest.mark.parametrize(
    ("attributes", "width"),
    [
        ('baseColWidth="8"', 8 + 5 / 7),
        ("", 8 + 5 / 7),
        ('baseColWidth="0"', 5 / 7),
        ('baseColWidth="8" defaultColWidth="0.5"', 0.5),
    ],
)
def test_the_default_column_width_is_excels(attributes: str, width: float) -> None:
    element = etree.fromstring(f"<sheetFormatPr {attributes}/>")
    assert default_column_width(element) == pytest.approx(width)


def test_a_column_with_a_width_of_its_own_is_shown_under_a_default_that_hides_the_rest() -> None:
    layout = SheetLayout()
    layout.read(etree.fromstring('<sheetFormatPr defaultColWidth="0.3"/>'))
    layout.read(etree.fromstring('<cols><col min="2" max="3" width="10"/><col min="5" max="5"/></cols>'))
    assert [layout.column_hidden(col) for col in range(1, 7)] == [True, False, False, True, True, True]


def test_shared_strings_shown_by_plain_rows_or_parsed_rows_are_marked_used() -> None:
    use = SharedStringUse(5)
    assert use.mark_stretch(b'<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>3</v></c></row>')
    assert not use.mark_stretch(b'<row r="2"><c r="A2" t="s"/><c r="B2" t="s"><v>2</v></c></row>')
    use.mark_rows([etree.fromstring(f'<row xmlns="{MAIN}"><c r="A2" t="s"><v>1</v></c></row>')])
    assert use.unused() == [2, 4]


def test_a_string_no_cell_shows_blocks_and_is_left_out_of_the_copy(tmp_path: Path) -> None:
    path = tmp_path / "orphan.xlsx"
    raw_xlsx(path, _many_rows({}, 50), PLAIN_STRINGS)
    assert "xlsx.unused_string" in _codes(path)
    copy = tmp_path / "copy.xlsx"
    assert sanitise_file(str(path), str(copy)).clean
    assert b"SECRET-UNUSED" not in every_byte(copy)


def test_ten_thousand_conditional_ranges_are_looked_up_by_row(tmp_path: Path) -> None:
    import time

    path = tmp_path / "conditional_rows.xlsx"
    rows = "".join(
        f'<row r="{n}"><c r="A{n}" t="s"><v>0</v></c><c r="B{n}"><v>{n}</v></c></row>'
        for n in range(1, 10_001)
    )
    rules = "".join(
        f'<conditionalFormatting sqref="B{n}"><cfRule type="cellIs" dxfId="9" priority="{n}">'
        "<formula>0</formula></cfRule></conditionalFormatting>"
        for n in range(1, 10_001, 2)
    )
    raw_xlsx(path, rows, PLAIN_STRINGS, tail=rules)
    started = time.process_time()
    finding = next(
        f for f in inspect_xlsx(str(path), InspectionLimits()) if f.code == "xlsx.conditional_hiding"
    )
    assert finding.where.startswith("Data!B1, B3, B5 and ")
    assert time.process_time() - started < 5


def test_column_widths_are_found_by_bisection_in_any_order_of_cols() -> None:
    from lxml import etree

    from foidesk.core.release_check.xlsx_scan import SheetLayout

    layout = SheetLayout()
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    layout.read(etree.fromstring(f'<sheetFormatPr xmlns="{ns}" defaultColWidth="9" defaultRowHeight="15"/>'))
    cols = f'<cols xmlns="{ns}"><col min="5" max="7" width="30"/><col min="2" max="2" width="1.5"/></cols>'
    layout.read(etree.fromstring(cols))
    assert [layout.width_of(col) for col in (1, 2, 3, 5, 7, 8)] == [9, 1.5, 9, 30, 30, 9]
    assert layout.narrowest() == 1.5
