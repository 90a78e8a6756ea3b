"""Attachments built afresh from protected tables: XLSX, ODS and CSV.

Never a working file (DOMAIN.md section E): each file is generated from the released values
only, laid out as the Government Analysis Function asks for spreadsheets (a cover sheet, one
table per sheet, a notes sheet, no merged cells, no blank rows inside tables, headers marked),
with suppressed values shown as "[c]".
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.table import Table, TableStyleInfo

Cell = int | str


@dataclass(frozen=True, slots=True)
class TableSheet:
    """One released table: its sheet name, title, header row and rows of values."""

    name: str
    title: str
    header: Sequence[str]
    rows: Sequence[Sequence[Cell]]
    notes: Sequence[str] = field(default_factory=tuple)


@dataclass(frozen=True, slots=True)
class ReleasedWorkbook:
    """What an attachment says: a title, a cover text and its tables."""

    title: str
    cover: Sequence[str]
    tables: Sequence[TableSheet]
    notes: Sequence[tuple[str, str]] = field(default_factory=tuple)


def workbook_xlsx(book: ReleasedWorkbook) -> bytes:
    """The workbook as XLSX bytes: no hidden anything, no formulas, no personal metadata."""
    wb = Workbook()
    cover = wb.active
    assert cover is not None
    cover.title = "Cover"
    cover.append([book.title])
    cover["A1"].font = Font(bold=True, size=14)
    for line in book.cover:
        cover.append([line])
    cover.column_dimensions["A"].width = 110
    if book.notes:
        notes = wb.create_sheet("Notes")
        notes.append(["Notes"])
        notes["A1"].font = Font(bold=True, size=14)
        notes.append(["Note number", "Note text"])
        for number, text in book.notes:
            notes.append([number, text])
        _mark_table(notes, "notes_table", first_row=2, columns=2, rows=len(book.notes))
        _fit_columns(notes, first_row=2)
    for index, table in enumerate(book.tables, start=1):
        sheet = wb.create_sheet(table.name[:31])
        sheet.append([table.title])
        sheet["A1"].font = Font(bold=True, size=14)
        for note in table.notes:
            sheet.append([note])
        header_row = sheet.max_row + 1
        sheet.append(list(table.header))
        for row in table.rows:
            sheet.append(list(row))
        _mark_table(
            sheet, f"table_{index}", first_row=header_row, columns=len(table.header), rows=len(table.rows)
        )
        _fit_columns(sheet, first_row=header_row)
    props = wb.properties
    props.creator = ""
    props.lastModifiedBy = ""  # no title either: the gate warns of any text kept in the properties
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


MAX_COLUMN_WIDTH = 60  # characters; longer text wraps in its cell (the row grows), never runs under the next


def _fit_columns(sheet: Any, *, first_row: int) -> None:  # Any: openpyxl ships no types
    """Every table cell shown whole: each column as wide as its longest value (bold headers a little
    wider), and text longer than MAX_COLUMN_WIDTH wrapped. The release gate blocks text a cell cuts off
    (xlsx.text_may_be_clipped), so the attachments FOI Desk makes must not have any."""
    from openpyxl.utils import get_column_letter

    widths: dict[int, float] = {}
    for row in sheet.iter_rows(min_row=first_row):
        for cell in row:
            if cell.value is None:
                continue
            length = len(str(cell.value)) * (1.2 if cell.font is not None and cell.font.b else 1.0)
            if length > MAX_COLUMN_WIDTH:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            widths[cell.column] = max(widths.get(cell.column, 0.0), min(length, MAX_COLUMN_WIDTH))
    for column, width in widths.items():
        sheet.column_dimensions[get_column_letter(column)].width = max(10.0, width + 3)


def _mark_table(sheet: object, name: str, *, first_row: int, columns: int, rows: int) -> None:
    from openpyxl.utils import get_column_letter

    if rows == 0 or columns == 0:
        return
    for cell in sheet[first_row]:  # type: ignore[index]
        cell.font = Font(bold=True)
    last = f"{get_column_letter(columns)}{first_row + rows}"
    table = Table(displayName=name, ref=f"A{first_row}:{last}")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleLight1", showRowStripes=False)
    sheet.add_table(table)  # type: ignore[attr-defined]


def workbook_ods(book: ReleasedWorkbook) -> bytes:
    """The same workbook as OpenDocument (ODS) bytes."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table as OdsTable
    from odf.table import TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()

    def add_sheet(name: str, lines: Sequence[Sequence[Cell]]) -> None:
        table = OdsTable(name=name[:31])
        for line in lines:
            row = TableRow()
            for value in line:
                if isinstance(value, int):
                    cell = TableCell(valuetype="float", value=value)
                else:
                    cell = TableCell(valuetype="string")
                cell.addElement(P(text=str(value)))
                row.addElement(cell)
            table.addElement(row)
        doc.spreadsheet.addElement(table)

    add_sheet("Cover", [[book.title], *([line] for line in book.cover)])
    if book.notes:
        add_sheet("Notes", [["Notes"], ["Note number", "Note text"], *([n, t] for n, t in book.notes)])
    for table in book.tables:
        add_sheet(table.name, [[table.title], *([n] for n in table.notes), list(table.header), *table.rows])
    buffer = io.BytesIO()
    doc.write(buffer)
    return buffer.getvalue()


def table_csv(table: TableSheet) -> bytes:
    """One table as CSV (UTF-8 with BOM for spreadsheet programs); text that could run as a formula is quoted
    with a leading apostrophe so no cell is executed when opened."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([_csv_safe(v) for v in table.header])
    for row in table.rows:
        writer.writerow([_csv_safe(v) for v in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _csv_safe(value: Cell) -> Cell:
    if isinstance(value, int):
        return value
    if value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value
