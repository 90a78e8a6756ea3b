"""List labels as the reader sees them: Word numbering definitions and OpenDocument list styles."""

from __future__ import annotations

from xml.etree.ElementTree import Element

import defusedxml.ElementTree as SafeXml

from foidesk.core.release_check.list_labels import DocxNumbering, OdtListStyles
from foidesk.core.release_check.office_visible import OdtReader, Paragraph
from tests.core.release_check.corpus_documents import ODF_NAMESPACES, W_NAMESPACES

NUMBERING = (
    f"<w:numbering {W_NAMESPACES}>"
    '<w:abstractNum w:abstractNumId="0">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1.%2)"/></w:lvl>'
    "</w:abstractNum>"
    '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/>'
    '<w:lvlText w:val="\uf0b7"/></w:lvl></w:abstractNum>'
    '<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="4"/><w:numFmt w:val="upperRoman"/>'
    '<w:lvlText w:val="(%1)"/></w:lvl></w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
    '<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>'
    "</w:numbering>"
)


def _numbered(num_id: int, level: int) -> Element:
    return SafeXml.fromstring(
        f'<w:pPr {W_NAMESPACES}><w:numPr><w:ilvl w:val="{level}"/>'
        f'<w:numId w:val="{num_id}"/></w:numPr></w:pPr>'
    )


def test_word_list_labels_are_counted_as_word_shows_them() -> None:
    numbering = DocxNumbering(SafeXml.fromstring(NUMBERING))
    labels = [numbering.label(_numbered(1, level)) for level in (0, 0, 1, 1, 0, 1)]
    assert labels == ["1. ", "2. ", "2.a) ", "2.b) ", "3. ", "3.a) "]
    assert numbering.label(_numbered(2, 0)) == "• "
    assert numbering.label(_numbered(3, 0)) == "(IV) "
    assert numbering.label(None) == ""


def test_letters_and_roman_numerals_go_on_as_word_counts() -> None:
    numbering = DocxNumbering(
        SafeXml.fromstring(
            f"<w:numbering {W_NAMESPACES}>"
            '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="26"/>'
            '<w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
            '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1994"/>'
            '<w:numFmt w:val="lowerRoman"/><w:lvlText w:val="%1"/></w:lvl></w:abstractNum>'
            '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
            '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>'
        )
    )
    assert [numbering.label(_numbered(1, 0)) for _ in range(3)] == ["z. ", "aa. ", "bb. "]
    assert numbering.label(_numbered(2, 0)) == "mcmxciv "


ODT_LISTS = (
    f"<office:document-content {ODF_NAMESPACES}><office:automatic-styles>"
    '<text:list-style style:name="L1"><text:list-level-style-number text:level="1" style:num-format="1" '
    'style:num-suffix="."/><text:list-level-style-bullet text:level="2" text:bullet-char="-"/>'
    "</text:list-style></office:automatic-styles><office:body><office:text>"
    '<text:list text:style-name="L1"><text:list-item><text:p>First</text:p>'
    "<text:list><text:list-item><text:p>Inner</text:p></text:list-item></text:list></text:list-item>"
    "<text:list-item><text:p>Second</text:p></text:list-item></text:list>"
    "</office:text></office:body></office:document-content>"
)


def test_odt_list_items_get_their_numbers_and_bullets() -> None:
    content = SafeXml.fromstring(ODT_LISTS)
    paragraphs = [b.text for b in OdtReader(content, None).visible().body if isinstance(b, Paragraph)]
    assert paragraphs == ["1. First", "• Inner", "2. Second"]
    assert OdtListStyles(content, None).label("L1", 1, 4) == "4. "
    assert OdtListStyles(content, None).label("unknown", 1, 1) == ""
