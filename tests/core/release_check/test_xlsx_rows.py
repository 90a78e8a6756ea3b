"""The byte path's grammars: rows Excel and openpyxl write are plain; anything else is not."""

from __future__ import annotations

import re
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from openpyxl.styles import Font

from foidesk.core.release_check.xlsx_rows import (
    NARROW_STRETCH_BYTES,
    PLAIN_STRING_ITEMS,
    copyable_rows,
    judged,
    plain_rows,
    row_span,
)
from tests.core.release_check.corpus_spreadsheets import plain_row


def _sheet_data(path: Path) -> bytes:
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml")
    found = re.search(rb"<sheetData>(.*)</sheetData>", xml, re.S)
    assert found is not None
    return found.group(1)


def test_rows_openpyxl_writes_are_plain_and_copyable(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Outcome", "Year", "Count", "Rate"])
    for n in range(1, 200):
        sheet.append(["Dismissed" if n % 2 else "Final written warning", 2020 + n % 4, n, n / 7])
    sheet["E2"] = date(2024, 3, 31)
    sheet["A1"].font = Font(bold=True)
    sheet.row_dimensions[3].height = 30
    path = tmp_path / "plain.xlsx"
    workbook.save(path)
    data = _sheet_data(path)
    assert plain_rows(data) and copyable_rows(data)
    assert row_span(data) == (1, 200)


@pytest.mark.parametrize(
    ("row", "plain", "copyable"),
    [
        (
            '<row r="7" spans="1:2" ht="15.75" customHeight="1" x14ac:dyDescent="0.25">'
            '<c r="A7" s="3" t="s"><v>1</v></c></row>',
            True,
            True,
        ),
        ('<row r="7"><c r="A7" t="inlineStr"><is><t>Total &amp; more</t></is></c></row>', True, True),
        ('<row r="7"><c r="A7" t="str"><v>shown text</v></c></row>', True, False),
        ('<row r="7"><c r="A7" t="e"><v>#N/A</v></c></row>', True, False),
        ('<row r="7" hidden="1"><c r="A7"><v>1</v></c></row>', False, False),
        ('<row r="7" ht="0"><c r="A7"><v>1</v></c></row>', False, False),
        ('<row r="7" ht="2.5" customHeight="1"><c r="A7"><v>1</v></c></row>', False, False),
        ('<row r="7"><c r="A7"><f>SUM(B1:B6)</f><v>1</v></c></row>', False, False),
        ('<row r="7"><!-- SECRET --><c r="A7"><v>1</v></c></row>', False, False),
        ('<row r="7"><c r="A7" data="SECRET"><v>1</v></c></row>', False, False),
        ('<row r="7"><c r="A7" s="SECRET"><v>1</v></c></row>', False, False),
        ('<row r="7"><c r="A7" t="inlineStr"><is><t>&#83;ECRET</t></is></c></row>', False, False),
        ('<row r="7"><c r="A7" t="inlineStr"><is><t>jane@example.org</t></is></c></row>', False, False),
        ('<row r="7"><c r="A7" t="inlineStr"><is><r><t>rich</t></r></is></c></row>', False, False),
        ('<row r="7"><c r="A7"><v>1</v></c><![CDATA[SECRET]]></row>', False, False),
        ('<row><c r="A7"><v>1</v></c></row>', False, False),
        ('<row r="7"><c><v>1</v></c></row>', False, False),
    ],
    ids=[
        "Excel's attributes", "inline text", "text value", "error value", "hidden row", "zero height",
        "too low to read", "formula", "comment", "unlisted attribute", "text in a style index",
        "character reference", "inline personal data", "rich inline text", "CDATA", "unnumbered row",
        "cell without reference",
    ],
)  # fmt: skip
def test_the_grammars_admit_only_what_a_reader_sees(row: str, plain: bool, copyable: bool) -> None:
    stretch = (plain_row(6, 0, 1) + row + plain_row(8, 1, 2)).encode()
    assert (plain_rows(stretch), copyable_rows(stretch)) == (plain, copyable)


def test_one_odd_row_sends_only_its_narrow_piece_through_the_slow_path() -> None:
    rows = [plain_row(n, n % 2, n) for n in range(1, 3_001)]
    rows[1_500] = '<row r="1501" hidden="1"><c r="A1501"><v>1</v></c></row>'
    stretch = "".join(rows).encode()
    pieces = list(judged([stretch, plain_row(3_001, 0, 1).encode()], plain_rows, sheet_wide=False))
    assert b"".join(piece for piece, _ in pieces[:-1]) == stretch
    odd = [piece for piece, plain in pieces if not plain]
    assert len(odd) == 1 and b'hidden="1"' in odd[0]
    assert len(odd[0]) < 2 * NARROW_STRETCH_BYTES
    assert pieces[-1] == (plain_row(3_001, 0, 1).encode(), True)


def test_sheet_wide_layouts_judge_nothing_plain() -> None:
    stretch = plain_row(1, 0, 1).encode()
    assert list(judged([stretch], plain_rows, sheet_wide=True)) == [(stretch, False)]


@pytest.mark.parametrize(
    ("items", "plain"),
    [
        (b'<si><t>Constable</t></si>\n<si><t xml:space="preserve"> A &amp; B </t></si>', True),
        (b"<si><r><t>rich</t></r></si>", False),
        (b"<si><t>&#83;ECRET</t></si>", False),
        (b"<si><t>line\r\nbreak</t></si>", False),
        (b"<si><t>shown</t><rPh><t>phonetic</t></rPh></si>", False),
    ],
)
def test_plain_string_items_are_those_bytes_read_the_same_as_a_parser(items: bytes, plain: bool) -> None:
    assert (PLAIN_STRING_ITEMS.fullmatch(items) is not None) is plain
