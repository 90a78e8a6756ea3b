"""The words of a published file, read back from real files made by their real libraries."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from docx import Document
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableCell, TableRow
from odf.text import P

from foidesk.core.document_text import document_words
from foidesk.core.release_check.findings import CannotInspect


def test_a_workbook_gives_the_words_of_its_cells_not_its_numbers(tmp_path: Path) -> None:
    path = tmp_path / "figures.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Outcome", "Count"])
    sheet.append(["Gross misconduct", 17])
    book.save(path)
    assert document_words(str(path)) == "outcome count gross misconduct"


def test_a_document_gives_its_story_text(tmp_path: Path) -> None:
    path = tmp_path / "letter.docx"
    document = Document()
    document.add_paragraph("Tasers were discharged twice in Ealing.")
    document.sections[0].footer.paragraphs[0].text = "Information Rights Unit"
    document.save(str(path))
    words = document_words(str(path)).split()
    assert words[:6] == ["tasers", "were", "discharged", "twice", "in", "ealing"]
    assert "rights" in words


def test_a_spreadsheet_in_open_document_format_gives_its_text_cells(tmp_path: Path) -> None:
    path = tmp_path / "table.ods"
    document = OpenDocumentSpreadsheet()
    table = Table(name="Stops")
    row = TableRow()
    cell = TableCell(valuetype="string")
    cell.addElement(P(text="Stop and search"))
    row.addElement(cell)
    table.addElement(row)
    document.spreadsheet.addElement(table)
    document.save(str(path))
    assert document_words(str(path)) == "stop and search"


def test_a_pdf_gives_its_text_layer(tmp_path: Path) -> None:
    from weasyprint import HTML  # here, not at the top: importing WeasyPrint costs collection a second

    path = tmp_path / "answer.pdf"
    HTML(string="<p>Overtime paid to sergeants</p>").write_pdf(str(path))
    assert document_words(str(path)) == "overtime paid to sergeants"


def test_a_csv_gives_its_words_in_either_encoding(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes("Force,Caf\xe9 visits\r\nMet,3\r\n".encode("cp1252"))
    assert document_words(str(path)) == "force café visits met"


def test_a_csv_in_utf16_gives_its_words_as_the_gate_reads_it(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes("Force,Visits\r\nMet,3\r\n".encode("utf-16"))
    assert document_words(str(path)) == "force visits met"


def test_the_words_stop_at_the_limit_on_a_whole_word(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("alpha beta gamma delta\n", encoding="utf-8")
    assert document_words(str(path), limit=12) == "alpha beta"
    assert document_words(str(path), limit=10) == "alpha beta"
    assert document_words(str(path), limit=9) == "alpha"


def test_a_picture_gives_no_words(tmp_path: Path) -> None:
    path = tmp_path / "a.png"
    path.write_bytes(bytes.fromhex("89504e470d0a1a0a") + b"\x00" * 32)
    assert document_words(str(path)) == ""


def test_a_broken_pdf_cannot_be_read(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n1 0 obj <<>> endobj\n")
    with pytest.raises(CannotInspect):
        document_words(str(path))
