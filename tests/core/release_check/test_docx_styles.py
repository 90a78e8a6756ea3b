"""How a DOCX run looks: styles in Word's order, toggles, theme colours, and what is behind the text."""

from __future__ import annotations

import defusedxml.ElementTree as SafeXml

from foidesk.core.release_check.docx_styles import (
    UNRESOLVED,
    DocxStyles,
    RunLook,
    colour_of,
    invisible_because,
    placed_runs,
    table_look,
)
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


TOGGLE_STYLES = (
    f"<w:styles {W_NAMESPACES}>"
    '<w:style w:type="paragraph" w:styleId="HiddenPara"><w:rPr><w:vanish/></w:rPr></w:style>'
    '<w:style w:type="character" w:styleId="HiddenChar"><w:rPr><w:vanish/></w:rPr></w:style>'
    "</w:styles>"
)


def test_toggles_are_exclusive_ored_across_style_kinds_and_set_by_direct_formatting() -> None:
    styles = DocxStyles(SafeXml.fromstring(TOGGLE_STYLES))
    assert styles.resolved(None, "HiddenPara", None, RunLook()).hidden is True
    assert styles.resolved(None, "HiddenPara", "HiddenChar", RunLook()).hidden is False  # ECMA-376 17.7.3
    assert styles.resolved(None, "HiddenPara", "HiddenChar", RunLook(hidden=True)).hidden is True
    assert styles.resolved(None, "HiddenPara", None, RunLook(hidden=False)).hidden is False


def test_theme_colours_are_resolved_with_tint_and_shade_or_left_unresolved() -> None:
    theme = {"lt1": "FFFFFF", "dk1": "000000", "accent1": "4F81BD"}
    colour = SafeXml.fromstring(f'<w:color {W_NAMESPACES} w:val="000000" w:themeColor="background1"/>')
    assert colour_of(colour, theme) == "FFFFFF"
    tinted = SafeXml.fromstring(f'<w:color {W_NAMESPACES} w:themeColor="accent1" w:themeTint="00"/>')
    assert colour_of(tinted, theme) == "FFFFFF"
    shaded = SafeXml.fromstring(f'<w:color {W_NAMESPACES} w:themeColor="accent1" w:themeShade="00"/>')
    assert colour_of(shaded, theme) == "000000"
    assert colour_of(colour, None) == UNRESOLVED
    assert invisible_because(RunLook(colour=UNRESOLVED), None, None) == "unaccounted"


def test_table_look_bits_and_attributes() -> None:
    look = SafeXml.fromstring(f'<w:tblPr {W_NAMESPACES}><w:tblLook w:val="0020" w:noHBand="1"/></w:tblPr>')
    assert table_look(look) == {"firstRow", "noHBand"}
    assert table_look(None) == {"firstRow", "firstColumn", "noVBand"}  # Word's 04A0


def test_squeezed_clipped_and_raised_text_is_not_seen() -> None:
    assert invisible_because(RunLook(size=11, scale=1), None, None) == "tiny"
    assert invisible_because(RunLook(size=11, scale=50), None, None) == ""
    assert invisible_because(RunLook(size=11, spacing=-10), None, None) == "tiny"
    assert invisible_because(RunLook(size=11), None, 1.0) == "tiny"
    assert invisible_because(RunLook(size=11), None, 12.0) == ""
    assert invisible_because(RunLook(position=2000), None, None) == "offpage"
    assert invisible_because(RunLook(no_fill=True), None, None) == "white"
