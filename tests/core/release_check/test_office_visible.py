"""What a reader of a DOCX or ODT sees: styles followed through inheritance, colours, lengths, fields."""

from __future__ import annotations

import zipfile
from pathlib import Path

import defusedxml.ElementTree as SafeXml
import pytest

from foidesk.core.release_check.office_visible import DocxReader, OdtReader, Paragraph, Table
from tests.core.release_check.corpus_documents import ODF_NAMESPACES, make_docx, w_p


def test_docx_reader_drops_deletions_and_field_codes_and_keeps_tables(tmp_path: Path) -> None:
    path = tmp_path / "a.docx"
    body = (
        '<w:p><w:r><w:t xml:space="preserve">Kept </w:t></w:r>'
        '<w:del w:id="1"><w:r><w:delText>gone</w:delText></w:r></w:del>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> AUTHOR </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>result</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
        "<w:tbl><w:tr><w:tc>"
        + w_p("a")
        + "</w:tc><w:tc>"
        + w_p("b")
        + "</w:tc></w:tr></w:tbl>"
        + w_p("Heading text", ppr='<w:pStyle w:val="Heading2"/>')
    )
    make_docx(path, body)
    with zipfile.ZipFile(path) as archive:
        visible = DocxReader(archive, set(archive.namelist())).visible()
    paragraphs = [b for b in visible.body if isinstance(b, Paragraph)]
    tables = [b for b in visible.body if isinstance(b, Table)]
    assert "Kept result" in [p.text for p in paragraphs]
    assert tables == [Table((("a", "b"),))]
    assert [p.heading for p in paragraphs if p.text == "Heading text"] == [2]


def _odt_content(body: str, automatic: str = "") -> SafeXml:
    return SafeXml.fromstring(
        f"<office:document-content {ODF_NAMESPACES}><office:automatic-styles>{automatic}"
        f"</office:automatic-styles><office:body><office:text>{body}</office:text></office:body>"
        "</office:document-content>"
    )


def test_odt_font_size_in_centimetres_below_two_points_is_tiny() -> None:
    content = _odt_content(
        '<text:p><text:span text:style-name="T1">small</text:span> normal</text:p>',
        '<style:style style:name="T1" style:family="text"><style:text-properties fo:font-size="0.05cm"/>'
        "</style:style>",  # 0.05 cm = 1.42 pt
    )
    reader = OdtReader(content, None)
    assert reader.invisible_text() == {"tiny": ["small"]}
    [paragraph] = reader.visible().body
    assert isinstance(paragraph, Paragraph) and paragraph.text == " normal"


def test_odt_style_inherits_from_its_parent() -> None:
    content = _odt_content(
        '<text:p text:style-name="P2">inherited white</text:p>',
        '<style:style style:name="P1" style:family="paragraph"><style:text-properties fo:color="#ffffff"/>'
        '</style:style><style:style style:name="P2" style:family="paragraph" style:parent-style-name="P1"/>',
    )
    assert OdtReader(content, None).invisible_text() == {"white": ["inherited white"]}


def test_odt_spaces_tabs_and_line_breaks_are_text() -> None:
    content = _odt_content('<text:p>a<text:s text:c="3"/>b<text:tab/>c<text:line-break/>d</text:p>')
    [paragraph] = OdtReader(content, None).visible().body
    assert isinstance(paragraph, Paragraph) and paragraph.text == "a   b\tc\nd"


def test_a_chart_is_marked_as_left_out_rather_than_silently_dropped(tmp_path: Path) -> None:
    path = tmp_path / "chart.docx"
    chart = (
        '<w:p><w:r><w:drawing><wp:inline><wp:extent cx="100" cy="100"/><a:graphic><a:graphicData '
        'uri="http://schemas.openxmlformats.org/drawingml/2006/chart"/></a:graphic></wp:inline></w:drawing>'
        "</w:r></w:p>"
    )
    make_docx(path, chart)
    with zipfile.ZipFile(path) as archive:
        visible = DocxReader(archive, set(archive.namelist())).visible()
    assert "[chart or diagram omitted" in "".join(b.text for b in visible.body if isinstance(b, Paragraph))


def test_a_part_declaring_an_unknown_encoding_cannot_be_inspected(tmp_path: Path) -> None:
    from foidesk.core.release_check.findings import CannotInspect
    from foidesk.core.release_check.office_visible import read_xml

    path = tmp_path / "a.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/styles.xml", '<?xml version="1.0" encoding="UTz-8"?><w:styles/>')
    with zipfile.ZipFile(path) as archive, pytest.raises(CannotInspect):
        read_xml(archive, "word/styles.xml")
