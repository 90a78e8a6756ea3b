"""A fresh DOCX or ODT from the visible-content model, read back by python-docx and odfpy."""

from __future__ import annotations

import io
import zipfile

import docx
from odf import teletype
from odf.opendocument import load
from odf.text import H, P

from foidesk.core.release_check.findings import InspectionLimits
from foidesk.core.release_check.office_rebuild import rebuilt_docx, rebuilt_odt
from foidesk.core.release_check.office_visible import Paragraph, Span, Table, VisibleDocument

LIMITS = InspectionLimits()
MODEL = VisibleDocument(
    body=[
        Paragraph((Span("Response"),), heading=1),
        Paragraph((Span("Plain and "), Span("bold", bold=True), Span(" and "), Span("italic", italic=True))),
        Table((("Year", "Count"), ("2023", "[c]"))),
    ],
    header=["Freedom of Information response"],
    footer=["Page footer"],
    notes=["[1] Source: published statistics"],
)


def _empty_archive() -> zipfile.ZipFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w"):
        pass
    return zipfile.ZipFile(buffer)


def test_rebuilt_docx_reads_back_with_headings_runs_tables_header_and_notes() -> None:
    document = docx.Document(io.BytesIO(rebuilt_docx(_empty_archive(), MODEL, LIMITS)))
    paragraphs = document.paragraphs
    assert paragraphs[0].text == "Response" and paragraphs[0].style.name == "Heading 1"
    assert paragraphs[1].text == "Plain and bold and italic"
    assert [r.bold for r in paragraphs[1].runs] == [None, True, None, None]
    assert [[c.text for c in row.cells] for row in document.tables[0].rows] == [
        ["Year", "Count"],
        ["2023", "[c]"],
    ]
    assert document.sections[0].header.paragraphs[0].text == "Freedom of Information response"
    assert document.sections[0].footer.paragraphs[0].text == "Page footer"
    assert "[1] Source: published statistics" in [p.text for p in paragraphs]


def test_rebuilt_docx_package_carries_no_template_metadata() -> None:
    with zipfile.ZipFile(io.BytesIO(rebuilt_docx(_empty_archive(), MODEL, LIMITS))) as archive:
        names = archive.namelist()
        assert not [n for n in names if n.startswith(("customXml/", "docProps/thumbnail"))]
        assert b"python-docx" not in archive.read("docProps/core.xml")
        assert b"customXml" not in archive.read("word/_rels/document.xml.rels")
        assert b"thumbnail" not in archive.read("_rels/.rels")
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_rebuilt_odt_reads_back_with_heading_table_and_header() -> None:
    document = load(io.BytesIO(rebuilt_odt(_empty_archive(), MODEL, LIMITS)))
    texts = [teletype.extractText(e) for kind in (P, H) for e in document.getElementsByType(kind)]
    assert "Plain and bold and italic" in texts
    assert "Response" in texts
    assert "2023" in texts and "[c]" in texts
    assert "Freedom of Information response" in texts
    assert "[1] Source: published statistics" in texts
