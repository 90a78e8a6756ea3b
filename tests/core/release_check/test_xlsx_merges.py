"""A sheet's merged ranges: each cell finds its range, and what the gate cannot account for is refused."""

from __future__ import annotations

import pytest
from lxml import etree

from foidesk.core.release_check.findings import CannotInspect
from foidesk.core.release_check.xlsx_book import CellArea, parse_area
from foidesk.core.release_check.xlsx_merges import MergeIndex, merges_in


def _area(ref: str) -> CellArea:
    found = parse_area(ref)
    assert found is not None
    return found


def test_every_cell_finds_the_range_it_lies_in_and_no_other() -> None:
    areas = [_area("B2:D4"), _area("F2:F9"), _area("A10:Z10")]
    index = MergeIndex(areas)
    assert index.area_at(3, 3) == areas[0]
    assert index.area_at(9, 6) == areas[1]
    assert index.area_at(10, 26) == areas[2]
    assert index.area_at(3, 5) is None and index.area_at(1, 2) is None and index.area_at(11, 1) is None
    assert index.touches(4, 5) and not index.touches(11, 20)


def test_overlapping_ranges_cannot_be_inspected() -> None:
    with pytest.raises(CannotInspect, match="overlap"):
        MergeIndex([_area("A1:C3"), _area("B2:D4")])


def test_single_cells_are_not_merges() -> None:
    sheet = etree.fromstring(
        b'<m xmlns="urn:x"><mergeCell ref="A1:A1"/><mergeCell ref="A2:B2"/><mergeCell ref="junk"/></m>'
    )
    assert merges_in(sheet.iter("{*}mergeCell")) == [_area("A2:B2")]
