"""ODF styles through parents to the family default, content.xml's automatic styles first."""

from __future__ import annotations

from xml.etree.ElementTree import Element

import defusedxml.ElementTree as SafeXml

from foidesk.core.release_check.odf_styles import OdfStyles, OdtLook, points
from tests.core.release_check.corpus_documents import ODF_NAMESPACES


def _root(kind: str, inner: str) -> Element:
    return SafeXml.fromstring(f"<office:{kind} {ODF_NAMESPACES}>{inner}</office:{kind}>")


STYLES = _root(
    "document-styles",
    '<office:styles><style:default-style style:family="paragraph">'
    '<style:text-properties fo:font-size="11pt"/>'
    '</style:default-style><style:style style:name="Quiet" style:family="paragraph">'
    '<style:text-properties fo:color="#ffffff"/></style:style>'
    '<style:style style:name="P1" style:family="paragraph"><style:text-properties fo:color="#ff0000"/>'
    "</style:style></office:styles>",
)
CONTENT = _root(
    "document-content",
    '<office:automatic-styles><style:style style:name="P1" style:family="paragraph" '
    'style:parent-style-name="Quiet"/><style:style style:name="P1" style:family="text">'
    '<style:text-properties fo:font-size="1pt"/></style:style></office:automatic-styles>',
)


def test_lengths_in_points() -> None:
    assert points("1in") == 72
    assert points("2.54cm") == 72
    assert points("50%") is None


def test_a_body_style_inherits_from_a_named_style_over_the_family_default() -> None:
    styles = OdfStyles(CONTENT, STYLES)
    look = styles.look("P1", "paragraph")
    assert look.colour == "#ffffff"  # content.xml's P1 wins over styles.xml's, and inherits Quiet
    assert look.size == 11
    assert look.invisible_because == "white"


def test_a_text_style_of_the_same_name_is_a_different_style() -> None:
    assert OdfStyles(CONTENT, STYLES).look("P1", "text").size == 1


def test_a_cell_fill_and_an_exact_row_decide_what_is_seen() -> None:
    assert OdtLook(colour="#ffffff", background="#1f1f1f").invisible_because == ""
    assert OdtLook(colour="#ffffff").invisible_because == "white"
    assert OdtLook(size=11, row_height=1).invisible_because == "tiny"
    assert OdtLook(size=11, row_height=14).invisible_because == ""


def test_relative_sizes_text_position_scale_and_spacing_shrink_text() -> None:
    assert OdtLook(size=12, scale=1).invisible_because == "tiny"
    assert OdtLook(size=12, scale=58).invisible_because == ""  # a superscript
    assert OdtLook(size=12, width=1).invisible_because == "tiny"
    assert OdtLook(size=12, spacing=-14).invisible_because == "tiny"
