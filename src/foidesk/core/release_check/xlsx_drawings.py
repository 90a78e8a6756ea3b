"""Shapes and pictures laid over an Excel sheet's cells: which cells they cover from a reader's sight.

A filled rectangle, a picture or a chart anchored over cells hides what is in them, on screen and on
paper, while the values stay in the file (issue 14: "shapes covering cells (warn only)" was a miss).
A shape hides the cells it overlaps unless it is unfilled (``a:noFill``, or no fill and no theme fill)
or nearly transparent; lines hide nothing; a hidden shape hides nothing. Each anchor is turned into a
rectangle of cells, rounded outwards (a cell partly covered counts as covered: fail closed).
"""

from __future__ import annotations

import bisect
import math
import posixpath

from lxml import etree

from foidesk.core.release_check.archive import ZipContainer
from foidesk.core.release_check.findings import CannotInspect
from foidesk.core.release_check.xlsx_book import TRUE, CellArea, part_relationships, row_segments

# Excel's default cell, in EMU (914,400 to the inch, 96 px to the inch): 64 x 20 px. A shape given by
# its size alone (``oneCellAnchor``, ``absoluteAnchor``) is laid over cells half that size, so that
# narrower columns and lower rows than the default are still counted under it (fail closed).
EMU_PER_PIXEL = 9_525
DEFAULT_COLUMN_EMU = 64 * EMU_PER_PIXEL
DEFAULT_ROW_EMU = 20 * EMU_PER_PIXEL
SIZE_ONLY_SAFETY = 2
# A fill this transparent or more lets the cell show through (``a:alpha`` is in 1/1000 of a percent).
TRANSPARENT_ALPHA = 10_000
LAST_ROW, LAST_COLUMN = 1_048_576, 16_384
ANCHORS = ("twoCellAnchor", "oneCellAnchor", "absoluteAnchor")


def covered_areas(box: ZipContainer, sheet_part: str) -> list[CellArea]:
    """The rectangles of cells that the sheet's drawings cover with something opaque."""
    areas: list[CellArea] = []
    for target, kind in part_relationships(box, sheet_part).values():
        if posixpath.basename(kind) == "drawing" and box.has(target):
            areas += drawing_areas(box.xml(target))
    return areas


def drawing_areas(root: etree._Element) -> list[CellArea]:
    """The cells covered by each opaque anchored object of one drawing part (``xdr:wsDr``)."""
    areas: list[CellArea] = []
    for anchor in root:
        if not isinstance(anchor.tag, str) or etree.QName(anchor).localname not in ANCHORS:
            continue
        content = [
            child
            for child in anchor
            if isinstance(child.tag, str) and etree.QName(child).localname not in ANCHOR_PARTS
        ]
        if any(is_opaque(item) for item in content):
            areas.append(anchor_area(anchor))
    return areas


OBJECT_KINDS = frozenset({"sp", "pic", "graphicFrame", "grpSp", "cxnSp", "contentPart"})
ANCHOR_PARTS = frozenset({"from", "to", "ext", "pos", "clientData"})  # an anchor's own elements


def is_opaque(item: etree._Element) -> bool:
    """Whether a drawing object hides what lies under it.

    A connector (a line) does not; a hidden object does not; a group does when any member does; a
    picture, a chart or ink does unless made transparent; a shape does when its own fill, or else its
    theme fill (``xdr:style/a:fillRef``), paints something not nearly transparent.
    """
    local = etree.QName(item).localname
    properties = next((child.find("{*}cNvPr") for child in item if str(child.tag).endswith("Pr")), None)
    if properties is not None and properties.get("hidden", "0") in TRUE:
        return False
    if local == "cxnSp":
        return False
    if local == "grpSp":
        return any(is_opaque(child) for child in item if etree.QName(child).localname in OBJECT_KINDS)
    if local == "pic":
        fade = item.find(".//{*}blip/{*}alphaModFix")
        return fade is None or int(fade.get("amt", "100000")) >= TRANSPARENT_ALPHA
    if local != "sp":
        return True  # a chart, ink, or what the gate does not know (``mc:AlternateContent``): fail closed
    return _shape_filled(item)


def _shape_filled(shape: etree._Element) -> bool:
    outline = shape.find("{*}spPr")
    fills = [
        child
        for child in (outline if outline is not None else ())
        if isinstance(child.tag, str) and etree.QName(child).localname.endswith("Fill")
    ]
    if not fills:
        theme_fill = shape.find("{*}style/{*}fillRef")
        return theme_fill is not None and theme_fill.get("idx", "0") != "0"
    fill = fills[0]
    if etree.QName(fill).localname == "noFill":
        return False
    alpha = fill.find(".//{*}alpha")
    return alpha is None or int(alpha.get("val", "100000")) >= TRANSPARENT_ALPHA


def anchor_area(anchor: etree._Element) -> CellArea:
    """The cells an anchor's rectangle overlaps, 1-based and inclusive."""
    local = etree.QName(anchor).localname
    if local == "twoCellAnchor":
        first, last = _marker(anchor.find("{*}from")), _marker(anchor.find("{*}to"))
        return CellArea(first[0] + 1, first[1] + 1, _last(last[0], last[2]), _last(last[1], last[3]))
    extent = anchor.find("{*}ext")
    width, height = _emu(extent, "cx"), _emu(extent, "cy")
    if local == "oneCellAnchor":
        row, col, row_offset, col_offset = _marker(anchor.find("{*}from"))
    else:  # absoluteAnchor: its first cell depends on every size before it, so columns and rows up
        # to ``SIZE_ONLY_SAFETY`` times the default are allowed for (fail closed)
        position = anchor.find("{*}pos")
        x, y = _emu(position, "x"), _emu(position, "y")
        col, col_offset = divmod(x, DEFAULT_COLUMN_EMU * SIZE_ONLY_SAFETY)
        row, row_offset = divmod(y, DEFAULT_ROW_EMU * SIZE_ONLY_SAFETY)
    column_size, row_size = DEFAULT_COLUMN_EMU // SIZE_ONLY_SAFETY, DEFAULT_ROW_EMU // SIZE_ONLY_SAFETY
    last_col = col + math.ceil((col_offset + width) / column_size)
    last_row = row + math.ceil((row_offset + height) / row_size)
    return CellArea(
        row + 1, col + 1, min(max(last_row, row + 1), LAST_ROW), min(max(last_col, col + 1), LAST_COLUMN)
    )


def _marker(marker: etree._Element | None) -> tuple[int, int, int, int]:
    """(row, column, row offset, column offset) of an anchor's ``from`` or ``to``, 0-based, in EMU."""
    if marker is None:
        raise CannotInspect("a drawing anchor has no position")
    try:
        return (
            int(marker.findtext("{*}row") or "0"),
            int(marker.findtext("{*}col") or "0"),
            int(marker.findtext("{*}rowOff") or "0"),
            int(marker.findtext("{*}colOff") or "0"),
        )
    except ValueError:
        raise CannotInspect("a drawing anchor's position is not a number") from None


def _last(index: int, offset: int) -> int:
    """The last 1-based row or column a rectangle ending at 0-based ``index`` + ``offset`` overlaps."""
    return index + 1 if offset > 0 else max(index, 1)


def _emu(element: etree._Element | None, name: str) -> int:
    if element is None:
        raise CannotInspect("a drawing anchor has no size or position")
    try:
        return max(int(element.get(name, "0")), 0)
    except ValueError:
        raise CannotInspect(f"a drawing anchor's {name} is not a number") from None


class AreaIndex:
    """Rectangles (which may overlap) indexed by row, so a cell is tested against the few rectangles of
    its rows, not against all of them: a sheet with many shapes is checked in linear time."""

    __slots__ = ("_bounds", "_segments")

    def __init__(self, areas: list[CellArea]) -> None:
        too_many = "too many tall shapes over the sheet to account for"
        self._bounds, self._segments = row_segments(areas, too_many)

    def covers(self, row: int, col: int) -> bool:
        at = bisect.bisect_right(self._bounds, row) - 1
        return at >= 0 and any(area.contains(row, col) for area in self._segments[at])

    def touches(self, first: int, last: int) -> bool:
        """Whether any rectangle covers a row from ``first`` to ``last``."""
        at = max(bisect.bisect_right(self._bounds, first) - 1, 0)
        while at < len(self._bounds) and self._bounds[at] <= last:
            if self._segments[at]:
                return True
            at += 1
        return False
