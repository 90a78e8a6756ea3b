# ruff: noqa: E501  (ODF XML written out by hand; its lines are data)
"""ODS cells: the style a cell is drawn in, what hides in it, and the text a reader sees."""

from __future__ import annotations

from lxml import etree

from foidesk.core.release_check.ods_cells import cell_style, cell_verdict, shape_areas
from foidesk.core.release_check.ods_styles import StyleBook
from foidesk.core.release_check.xlsx_book import CellArea
from tests.core.release_check.corpus_ods_red import NAMESPACES, QUIET, cell


def _cell(xml: str) -> etree._Element:
    return etree.fromstring(f"<table:table-row {NAMESPACES}>{xml}</table:table-row>")[0]


def _book() -> StyleBook:
    book = StyleBook()
    white_span = '<style:style style:name="T1" style:family="text"><style:text-properties fo:color="#ffffff"/></style:style>'
    book.read(etree.fromstring(f"<office:styles {NAMESPACES}>{QUIET}{white_span}</office:styles>"))
    return book


def test_a_cell_takes_its_own_style_then_its_rows_then_its_columns() -> None:
    own, plain = _cell(cell("x", ' table:style-name="A"')), _cell(cell("x"))
    assert cell_style(own, "B", "C") == "A"
    assert cell_style(plain, "B", "C") == "B" and cell_style(plain, None, "C") == "C"
    assert cell_style(plain, None, None) == "Default"


def test_a_white_span_is_hidden_and_left_out_of_the_text_a_reader_sees() -> None:
    verdict = cell_verdict(
        _cell(cell("x", inner='<text:p>Shown <text:span text:style-name="T1">hidden</text:span></text:p>')),
        "Default",
        _book(),
    )
    assert verdict.codes == {"ods.invisible_text"} and verdict.text == "Shown " and not verdict.hidden


def test_a_cell_in_a_hiding_style_is_hidden_whole() -> None:
    verdict = cell_verdict(_cell(cell("secret")), "Quiet", _book())
    assert verdict.hidden and "ods.invisible_text" in verdict.codes


def test_an_element_the_gate_does_not_know_is_unaccounted_and_left_out_of_the_copy() -> None:
    verdict = cell_verdict(
        _cell(
            cell(
                "x",
                inner="<text:p>a<text:note><text:note-body><text:p>b</text:p></text:note-body></text:note></text:p>",
            )
        ),
        "Default",
        _book(),
    )
    assert "ods.unaccounted" in verdict.codes and verdict.text == "a" and not verdict.hidden
    whole = cell_verdict(
        _cell(cell("x", inner="<text:p>a</text:p><table:cell-range-source/>")), "Default", _book()
    )
    assert whole.hidden


def test_an_unfilled_or_transparent_shape_or_a_line_covers_nothing_and_a_filled_one_covers_its_range() -> (
    None
):
    book = StyleBook()
    styles = (
        '<style:style style:name="none" style:family="graphic"><style:graphic-properties draw:fill="none"/></style:style>'
        '<style:style style:name="faint" style:family="graphic"><style:graphic-properties draw:opacity="5%"/></style:style>'
        '<style:style style:name="solid" style:family="graphic"><style:graphic-properties draw:fill="solid"/></style:style>'
    )
    book.read(etree.fromstring(f"<office:styles {NAMESPACES}>{styles}</office:styles>"))

    def areas(style: str, kind: str = "rect") -> list[CellArea]:
        shape = f'<draw:{kind} draw:style-name="{style}" table:end-cell-address="Headcount.C4"/>'
        return shape_areas(_cell(cell("x", inner=f"<text:p>x</text:p>{shape}")), 2, 1, book)

    assert areas("none") == [] and areas("faint") == [] and areas("solid", "line") == []
    assert areas("solid") == [CellArea(2, 1, 4, 3)]
