# ruff: noqa: E501  (ODF XML written out by hand; its lines are data)
"""ODS styles: resolved through parents and defaults; what hides text, values, rows and columns."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from foidesk.core.release_check import check_file
from foidesk.core.release_check.ods_styles import StyleBook, conditional_format_areas, points
from foidesk.core.release_check.xlsx_book import CellArea
from tests.core.release_check.corpus_ods_red import NAMESPACES, QUIET, cell_style, libreoffice_saved, raw_ods


def _book(styles: str) -> StyleBook:
    book = StyleBook()
    book.read(etree.fromstring(f"<office:styles {NAMESPACES}>{styles}</office:styles>"))
    return book


@pytest.mark.parametrize(
    ("length", "expected"),
    [("10pt", 10.0), ("1in", 72.0), ("2.54cm", 72.0), ("0.5mm", 72 / 50.8), ("50%", 5.0), ("8px", 6.0)],
)
def test_lengths_known_answers(length: str, expected: float) -> None:
    assert points(length) == pytest.approx(expected)


def test_a_style_inherits_its_parents_colour_but_its_own_background_wins() -> None:
    book = _book(
        QUIET
        + cell_style("ce1", "", "Quiet")
        + cell_style("ce2", '<style:table-cell-properties fo:background-color="#000000"/>', "Quiet")
    )
    assert book.cell_hiding("ce1") and not book.cell_hiding("ce2")


def test_a_style_that_inherits_from_itself_is_unaccounted() -> None:
    book = _book(cell_style("A", "", "B") + cell_style("B", "", "A"))
    assert book.cell_hiding("A").startswith("the gate cannot resolve")


def test_the_default_style_of_the_family_is_inherited_last() -> None:
    book = _book(
        '<style:default-style style:family="table-cell"><style:text-properties fo:font-size="2pt"/></style:default-style>'
        + cell_style("ce1", "")
    )
    assert "too small" in book.cell_hiding("ce1")


def test_a_data_style_hides_only_the_values_it_applies_to() -> None:
    book = _book(
        cell_style("ce1", "", extra=' style:data-style-name="N1"')
        + '<number:text-style style:name="N1"><number:text>x</number:text></number:text-style>'
    )
    assert book.value_hiding("ce1", "string") and not book.value_hiding("ce1", "float")


def test_rows_and_columns_under_the_legible_size_are_hidden() -> None:
    book = _book(
        '<style:style style:name="ro1" style:family="table-row"><style:table-row-properties style:row-height="0.1cm"/></style:style>'
        '<style:style style:name="ro2" style:family="table-row"><style:table-row-properties style:row-height="0.178in"/></style:style>'
        '<style:style style:name="co1" style:family="table-column"><style:table-column-properties style:column-width="1mm"/></style:style>'
    )
    assert book.row_hidden("ro1") and not book.row_hidden("ro2") and book.column_hidden("co1")


def test_a_conditional_format_hides_its_range_only_when_its_style_hides() -> None:
    book = _book(QUIET + cell_style("Loud", '<style:text-properties fo:color="#ff0000"/>'))

    def areas(style: str) -> list[CellArea]:
        element = etree.fromstring(
            f'<calcext:conditional-format {NAMESPACES} calcext:target-range-address="Headcount.B2:Headcount.C4">'
            f'<calcext:condition calcext:apply-style-name="{style}" calcext:value="&gt;5"/></calcext:conditional-format>'
        )
        return conditional_format_areas(element, book)[1]

    assert areas("Quiet") == [CellArea(2, 2, 4, 3)] and areas("Loud") == []


def test_a_spreadsheet_saved_by_libreoffice_is_not_blocked(tmp_path: Path) -> None:
    for extension in ("ods", "xlsx"):
        path = tmp_path / f"saved.{extension}"
        libreoffice_saved(raw_ods(), extension)(path)
        assert not check_file(str(path)).blocked, check_file(str(path)).findings
