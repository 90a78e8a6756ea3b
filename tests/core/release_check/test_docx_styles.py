"""How a DOCX run looks: styles in Word's order, toggles, theme colours, and what is behind the text."""

from __future__ import annotations

import defusedxml.ElementTree as SafeXml

from foidesk.core.release_check.docx_styles import DocxStyles, RunLook, placed_runs
from tests.core.release_check.corpus_documents import W_NAMESPACES

STYLES = (
    f"<w:styles {W_NAMESPACES}>"
    '<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="22"/></w:rPr></w:rPrDefault></w:docDefaults>'
    '<w:style w:type="character" w:styleId="Base"><w:rPr><w:color w:val="FFFFFF"/></w:rPr></w:style>'
    '<w:style w:type="character" w:styleId="Child"><w:basedOn w:val="Base"/>'
    "<w:rPr><w:vanish/></w:rPr></w:style>"
    '<w:style w:type="character" w:styleId="Loop"><w:basedOn w:val="Loop"/></w:style>'
    "</w:styles>"
)


def test_style_inherits_through_based_on_and_keeps_the_defaults() -> None:
    styles = DocxStyles(SafeXml.fromstring(STYLES))
    child = styles.resolved(None, None, "Child", RunLook())
    assert child.hidden is True
    assert child.colour == "FFFFFF"
    assert child.size == 11  # 22 half-points
    assert styles.resolved(None, None, "Loop", RunLook()).size == 11  # based on itself: no hang


def test_run_in_a_dark_cell_is_seen_against_the_cell_fill() -> None:
    table = SafeXml.fromstring(
        f'<w:tbl {W_NAMESPACES}><w:tr><w:tc><w:tcPr><w:shd w:fill="000000"/></w:tcPr>'
        '<w:p><w:r><w:rPr><w:color w:val="FFFFFF"/></w:rPr><w:t>Header</w:t></w:r></w:p>'
        "</w:tc></w:tr></w:tbl>"
    )
    [placed] = list(placed_runs(table, DocxStyles(None)))
    assert placed.background == "000000"
    assert placed.invisible_because == ""
