# ruff: noqa: E501  (drawing XML written out by hand; its lines are data)
"""XLSX drawings: filled shapes, pictures and charts over cells hide them; unfilled ones do not."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from lxml import etree

from foidesk.core.release_check import check_file
from foidesk.core.release_check.xlsx_book import CellArea
from foidesk.core.release_check.xlsx_drawings import AreaIndex, drawing_areas
from tests.core.release_check.corpus_xlsx_visibility import (
    DML,
    PICTURE,
    drawing,
    shape,
    two_cell,
    with_drawing,
)


def _areas(xml: str) -> list[CellArea]:
    return drawing_areas(etree.fromstring(xml.encode()))


def test_a_filled_box_covers_the_cells_it_spans_and_no_more() -> None:
    assert _areas(drawing(two_cell(shape(), (3, 2, 0), (5, 4, 0)))) == [CellArea(3, 4, 4, 5)]


def test_a_box_ending_inside_a_cell_covers_that_cell_too() -> None:
    assert _areas(drawing(two_cell(shape(), (3, 2, 0), (5, 4, 10)))) == [CellArea(3, 4, 4, 6)]


@pytest.mark.parametrize(
    "content",
    [
        shape(f'<a:noFill xmlns:a="{DML}"/>'),
        shape(""),  # no fill of its own and no theme fill
        shape(
            f'<a:solidFill xmlns:a="{DML}"><a:srgbClr val="FFFFFF"><a:alpha val="5000"/></a:srgbClr></a:solidFill>'
        ),
        shape(hidden=' hidden="1"'),
        '<xdr:cxnSp><xdr:nvCxnSpPr><xdr:cNvPr id="9" name="Line"/><xdr:cNvCxnSpPr/></xdr:nvCxnSpPr><xdr:spPr/></xdr:cxnSp>',
    ],
    ids=["no fill", "unfilled", "transparent", "hidden", "line"],
)
def test_unfilled_transparent_hidden_shapes_and_lines_cover_nothing(content: str) -> None:
    assert _areas(drawing(two_cell(content))) == []


def test_a_picture_covers_what_it_spans() -> None:
    assert _areas(drawing(two_cell(PICTURE))) == [CellArea(3, 4, 3, 4)]


def test_an_unfilled_frame_around_a_cell_lets_it_pass(tmp_path: Path) -> None:
    path = tmp_path / "frame.xlsx"
    with_drawing(drawing(two_cell(shape(f'<a:noFill xmlns:a="{DML}"/>'))), "Shown in a frame")(path)
    codes = {finding.code for finding in check_file(str(path)).findings}
    assert "xlsx.covered_by_shape" not in codes and not check_file(str(path)).blocked


def test_ten_thousand_shapes_are_indexed_and_looked_up_in_linear_time() -> None:
    areas = [CellArea(row, 2, row + 1, 3) for row in range(1, 20_001, 2)]
    started = time.process_time()
    index = AreaIndex(areas)
    hits = sum(index.covers(row, 2) for row in range(1, 20_001))
    assert hits == 20_000 and not index.covers(5, 4)
    assert time.process_time() - started < 5
