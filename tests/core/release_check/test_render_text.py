"""The text an office file holds, read from its parts, for the renderer's second opinion to look for."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from odf.office import Annotation
from odf.opendocument import OpenDocumentSpreadsheet, OpenDocumentText
from odf.table import Table, TableCell, TableRow
from odf.text import P, PageNumber, S, Span, Tab

from foidesk.core.release_check.findings import InspectionLimits
from foidesk.core.release_check.render_text import (
    TextPlace,
    docx_text,
    ods_text,
    odt_text,
    words_of,
    xlsx_text,
)

LIMITS = InspectionLimits()


def _all_words(places: list[TextPlace]) -> set[str]:
    return {word for place in places for word in place.words}


def _field_run(paragraph: object, xml: str) -> None:
    paragraph._p.append(parse_xml(f"<w:r {nsdecls('w')}>{xml}</w:r>"))  # type: ignore[attr-defined]


def test_docx_story_text_comes_from_body_tables_headers_and_footers(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Dear Requester")
    document.add_table(rows=1, cols=2).rows[0].cells[1].text = "Sergeant"
    document.sections[0].header.paragraphs[0].text = "Official sensitive"
    document.sections[0].footer.paragraphs[0].text = "Information Rights Unit"
    path = tmp_path / "letter.docx"
    document.save(path)
    places = docx_text(str(path), LIMITS)
    assert {"dear", "requester", "sergeant", "official", "sensitive", "information", "rights"} <= _all_words(
        places
    )
    assert places[0].where == "word/document.xml"
    assert any(place.where.startswith("word/header") for place in places)


def test_docx_results_of_fields_the_renderer_computes_afresh_are_left_out(tmp_path: Path) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("Printed on ")
    _field_run(paragraph, '<w:fldChar w:fldCharType="begin"/>')
    _field_run(paragraph, '<w:instrText> DATE \\@ "d MMMM yyyy" </w:instrText>')
    _field_run(paragraph, '<w:fldChar w:fldCharType="separate"/>')
    _field_run(paragraph, "<w:t>Wednesday</w:t>")
    _field_run(paragraph, '<w:fldChar w:fldCharType="end"/>')
    simple = parse_xml(
        f'<w:fldSimple {nsdecls("w")} w:instr="PAGE"><w:r><w:t>Pagina</w:t></w:r></w:fldSimple>'
    )
    paragraph._p.append(simple)
    kept = parse_xml(
        f'<w:fldSimple {nsdecls("w")} w:instr="MERGEFIELD Name"><w:r><w:t>Okafor</w:t></w:r></w:fldSimple>'
    )
    paragraph._p.append(kept)
    path = tmp_path / "fields.docx"
    document.save(path)
    words = _all_words(docx_text(str(path), LIMITS))
    assert {"printed", "on", "okafor"} <= words
    assert "wednesday" not in words and "pagina" not in words


def test_odt_story_text_leaves_out_comments_and_page_numbers(tmp_path: Path) -> None:
    document = OpenDocumentText()
    paragraph = P(text="Complaints")
    paragraph.addElement(S())
    paragraph.addElement(Span(text="rose"))
    paragraph.addElement(Tab())
    paragraph.addElement(Span(text="sharply"))
    note = Annotation()
    note.addElement(P(text="Reviewer remark"))
    paragraph.addElement(note)
    paragraph.addElement(PageNumber(text="Seven"))
    document.text.addElement(paragraph)
    path = tmp_path / "note.odt"
    document.save(str(path))
    words = _all_words(odt_text(str(path), LIMITS))
    assert {"complaints", "rose", "sharply"} <= words
    assert "reviewer" not in words and "seven" not in words


def test_xlsx_cells_give_their_text_and_whether_a_neighbour_holds_something(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Headcount"
    sheet["A1"], sheet["B1"], sheet["D1"] = "Rank", 12, "Alone here"
    sheet["A3"] = '="Formula "&"result"'
    path = tmp_path / "book.xlsx"
    workbook.save(path)
    places = {place.where: place for place in xlsx_text(str(path), LIMITS)}
    assert places["Headcount!A1"].words == ("rank",) and places["Headcount!A1"].has_neighbour
    assert places["Headcount!D1"].words == ("alone", "here") and not places["Headcount!D1"].has_neighbour
    assert "Headcount!B1" not in places  # numbers are the main check's job
    assert all(place.is_cell for place in places.values())


def test_ods_string_cells_are_read_and_number_cells_left_out(tmp_path: Path) -> None:
    document = OpenDocumentSpreadsheet()
    table = Table(name="Data")
    row = TableRow()
    first = TableCell(valuetype="string")
    first.addElement(P(text="Constable"))
    number = TableCell(valuetype="float", value="3")
    number.addElement(P(text="3 officers"))
    gap = TableCell(numbercolumnsrepeated="3")
    last = TableCell(valuetype="string")
    last.addElement(P(text="Far away"))
    for cell in (first, number, gap, last):
        row.addElement(cell)
    table.addElement(row)
    document.spreadsheet.addElement(table)
    path = tmp_path / "data.ods"
    document.save(str(path))
    places = {place.where: place for place in ods_text(str(path), LIMITS)}
    assert set(places) == {"Data!A1", "Data!F1"}
    assert places["Data!A1"].has_neighbour  # the number beside it
    assert not places["Data!F1"].has_neighbour


def test_words_of_text_are_normalised_runs_of_letters() -> None:
    assert words_of("Café ＳＭＩＴＨ, 2026-11-03 £1,200") == ("café", "smith")
