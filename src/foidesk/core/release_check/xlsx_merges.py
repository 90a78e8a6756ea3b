"""A worksheet's merged ranges: found in the raw bytes before its rows are streamed, and indexed so that
a cell is looked up in logarithmic time (``xlsx_scan`` and ``xlsx_copy`` read them)."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable

from lxml import etree

from foidesk.core.release_check.archive import ZipContainer
from foidesk.core.release_check.findings import CannotInspect
from foidesk.core.release_check.xlsx_book import CellArea, parse_area, row_segments


class MergeIndex:
    """Merged ranges indexed by row, so a cell is looked up in logarithmic time, not against every range.

    The rows are cut into segments at each range's first row and the row after its last; within a
    segment the same ranges apply, kept sorted by first column. Excel forbids ranges that overlap,
    so a cell lies in at most one: the last range starting at or left of its column. Overlapping
    ranges, or so many tall ranges that the index would outgrow ``ROW_SEGMENT_LIMIT``, are not a
    sheet the gate can account for, so it refuses to inspect it (fail closed).
    """

    __slots__ = ("_bounds", "_segments")

    def __init__(self, areas: list[CellArea]) -> None:
        bounds, over = row_segments(areas, "too many tall merged ranges to account for")
        segments: list[tuple[list[int], list[CellArea]]] = []
        for active in over:
            ranges = sorted(active, key=lambda a: a.min_col)
            for before, after in itertools.pairwise(ranges):
                if after.min_col <= before.max_col:
                    raise CannotInspect(f"merged ranges overlap ({before} and {after})")
            segments.append(([a.min_col for a in ranges], ranges))
        self._bounds = bounds
        self._segments = segments

    def _segment(self, row: int) -> tuple[list[int], list[CellArea]] | None:
        at = bisect.bisect_right(self._bounds, row) - 1
        return self._segments[at] if at >= 0 else None

    def area_at(self, row: int, col: int) -> CellArea | None:
        """The merged range holding this cell, if any."""
        segment = self._segment(row)
        if segment is None or not segment[1]:
            return None
        at = bisect.bisect_right(segment[0], col) - 1
        area = segment[1][at] if at >= 0 else None
        return area if area is not None and area.contains(row, col) else None

    def touches(self, first: int, last: int) -> bool:
        """Whether any merged range covers a row from ``first`` to ``last``."""
        at = max(bisect.bisect_right(self._bounds, first) - 1, 0)
        while at < len(self._bounds) and self._bounds[at] <= last:
            if self._segments[at][1] and (at + 1 == len(self._bounds) or self._bounds[at + 1] > first):
                return True
            at += 1
        return False


# Excel pads a column's default width (``baseColWidth`` characters) with 5 pixels of margin, in units
# of the 7-pixel width of a "0" in the default font (ECMA-376 part 1, 18.3.1.81 ``sheetFormatPr``).
def merges_in(elements: Iterable[etree._Element]) -> list[CellArea]:
    areas = [parse_area(element.get("ref", "")) for element in elements]
    return [a for a in areas if a is not None and (a.max_row > a.min_row or a.max_col > a.min_col)]


MERGE_CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^>]*?\bref=[\"']([^\"']+)[\"']")
MERGE_SCAN_OVERLAP = 1024


def merged_areas(box: ZipContainer, part: str) -> tuple[list[CellArea], bool]:
    """The sheet's merged ranges, found before its rows are streamed, and whether the sheet mentions
    conditional formatting (``conditional_hiding`` then reads it).

    ``mergeCells`` follows ``sheetData`` in the XML, yet the rows need to know them, so the
    decompressed bytes are scanned for them first: at inflate speed, without building elements.
    """
    refs: set[bytes] = set()
    conditional = False
    tail = b""
    for chunk in box.chunks(part):
        data = tail + chunk
        if b"mergeCell" in data:
            refs.update(match.group(1) for match in MERGE_CELL.finditer(data))
        conditional = conditional or b"onditionalFormatting" in data
        tail = data[-MERGE_SCAN_OVERLAP:]
    areas = [parse_area(ref.decode("ascii", "replace")) for ref in refs]
    return [
        a for a in areas if a is not None and (a.max_row > a.min_row or a.max_col > a.min_col)
    ], conditional
