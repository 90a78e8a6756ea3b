"""One cell of an OpenDocument spreadsheet: what in it a reader does not see, and the text they do see.

The check and the copy judge a cell alike (``cell_verdict``): its resolved style (``ods_styles``) may hide
its text, its data style may hide its value, a conditional style may hide it; spans and paragraphs may
be styled out of sight; annotations, formulas and shapes are flagged. Cell content is an allowlist:
an element the gate does not know inside a cell (hidden text, conditional text, a variable, a note) is
``ods.unaccounted`` (fail closed). The copy keeps the cell only when nothing hides it, and then only the
text of its visible spans (``shown_text``).
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from foidesk.core.release_check.ods_styles import OFFICE, TABLE, TEXT, UNACCOUNTED, StyleBook, points
from foidesk.core.release_check.xlsx_book import CellArea, parse_area
from foidesk.core.release_check.xlsx_drawings import TRANSPARENT_ALPHA

DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
DEFAULT_CELL_STYLE = "Default"
# What a cell may hold, and what a paragraph in it may hold (ISO/IEC 26300, 9.1.4 and 6.1).
CELL_CHILDREN = frozenset(
    {
        f"{{{TEXT}}}p",
        f"{{{TEXT}}}h",
        f"{{{OFFICE}}}annotation",
        f"{{{TEXT}}}soft-page-break",
    }
)
PARAGRAPH_CHILDREN = frozenset(
    {
        f"{{{TEXT}}}span",
        f"{{{TEXT}}}s",
        f"{{{TEXT}}}tab",
        f"{{{TEXT}}}line-break",
        f"{{{TEXT}}}a",
        f"{{{TEXT}}}soft-page-break",
        f"{{{TEXT}}}sheet-name",
        f"{{{TEXT}}}page-number",
        f"{{{TEXT}}}date",
        f"{{{TEXT}}}time",
        f"{{{TEXT}}}bookmark",
        f"{{{TEXT}}}bookmark-start",
        f"{{{TEXT}}}bookmark-end",
        f"{{{OFFICE}}}annotation",
        f"{{{OFFICE}}}annotation-end",
    }
)
HIDING_CODES = frozenset(
    {"ods.invisible_text", "ods.unaccounted", "ods.hidden_by_format", "ods.conditional_hiding"}
)


@dataclass(frozen=True, slots=True)
class CellVerdict:
    """What hides in a cell or about it (finding codes), the text a reader sees in it, and whether the
    whole cell is hidden (by its style, data style, a condition, or content the gate cannot place);
    a hidden span or an unknown element inside a paragraph hides only itself."""

    codes: frozenset[str]
    text: str
    hidden: bool


def cell_style(cell: etree._Element, row_default: str | None, column_default: str | None) -> str:
    """The style a cell is drawn in: its own, else its row's or column's default cell style."""
    return cell.get(f"{{{TABLE}}}style-name") or row_default or column_default or DEFAULT_CELL_STYLE


def cell_verdict(cell: etree._Element, style: str, book: StyleBook, conditional: bool = False) -> CellVerdict:
    """Judge one cell in its resolved style (``conditional``: a table's conditional format may hide it)."""
    codes: set[str] = set()
    reason = book.cell_hiding(style)
    if reason:
        codes.add("ods.unaccounted" if reason.startswith(UNACCOUNTED) else "ods.invisible_text")
    value_type = cell.get(f"{{{OFFICE}}}value-type") or "string"
    reason = book.value_hiding(style, value_type)
    if reason:
        codes.add("ods.unaccounted" if reason.startswith(UNACCOUNTED) else "ods.hidden_by_format")
    if conditional or book.conditional_hiding(style):
        codes.add("ods.conditional_hiding")
    if cell.get(f"{{{TABLE}}}formula"):
        codes.add("ods.formula")
    if next(cell.iter(f"{{{OFFICE}}}annotation"), None) is not None:
        codes.add("ods.comment")
    hidden = bool(codes & HIDING_CODES)
    background = book.background(style)
    lines: list[str] = []
    for child in cell:
        if not isinstance(child.tag, str):
            continue
        tag = str(child.tag)
        if tag.startswith(f"{{{DRAW}}}"):
            codes.add("ods.drawing")
        elif tag not in CELL_CHILDREN:
            codes.add("ods.unaccounted")
            hidden = True
        elif tag in (f"{{{TEXT}}}p", f"{{{TEXT}}}h"):
            lines.append(_paragraph(child, book, background, codes))
    return CellVerdict(frozenset(codes), "\n".join(lines), hidden)


def _paragraph(element: etree._Element, book: StyleBook, background: str, codes: set[str]) -> str:
    """The text of a paragraph or span a reader sees; hidden spans add ``ods.invisible_text``."""
    family = "text" if str(element.tag) in (f"{{{TEXT}}}span", f"{{{TEXT}}}a") else "paragraph"
    style = element.get(f"{{{TEXT}}}style-name")
    if style:
        reason = book.text_hiding(family, style, background)
        if reason:
            if "".join(str(piece) for piece in element.itertext()).strip():
                codes.add("ods.unaccounted" if reason.startswith(UNACCOUNTED) else "ods.invisible_text")
            return ""
    parts = [element.text or ""]
    for child in element:
        tag = str(child.tag)
        if not isinstance(child.tag, str):
            parts.append(child.tail or "")
            continue
        if tag not in PARAGRAPH_CHILDREN:
            codes.add("ods.unaccounted")
        elif tag == f"{{{TEXT}}}s":
            parts.append(" " * int(child.get(f"{{{TEXT}}}c", "1")))
        elif tag == f"{{{TEXT}}}tab":
            parts.append("\t")
        elif tag == f"{{{TEXT}}}line-break":
            parts.append("\n")
        elif tag in (f"{{{TEXT}}}span", f"{{{TEXT}}}a"):
            parts.append(_paragraph(child, book, background, codes))
        elif tag not in (f"{{{OFFICE}}}annotation", f"{{{OFFICE}}}annotation-end"):
            parts.append("".join(str(piece) for piece in child.itertext()))
        parts.append(child.tail or "")
    return "".join(parts)


def has_content(cell: etree._Element) -> bool:
    """Whether a cell holds anything: a value, a formula, text, an annotation or a shape."""
    return bool(cell.get(f"{{{OFFICE}}}value-type") or cell.get(f"{{{TABLE}}}formula") or len(cell))


# Drawing objects that are lines, not areas: they cover nothing.
LINES = frozenset({"line", "connector", "path", "polyline", "measure"})
# A fill this transparent or more lets the cell show through: the threshold of ``xlsx_drawings``
# (thousandths of a percent) as the percentage of ``draw:opacity``.
TRANSPARENT_PERCENT = TRANSPARENT_ALPHA / 1000


def shape_areas(cell: etree._Element, row: int, col: int, book: StyleBook) -> list[CellArea]:
    """The cells each opaque shape anchored to this cell covers: from the cell to its
    ``table:end-cell-address``. A frame (a picture, a chart, an object) is opaque; a shape is unless
    its graphic style fills it with nothing or nearly transparently; a line covers nothing."""
    areas: list[CellArea] = []
    for shape in cell:
        if not isinstance(shape.tag, str) or not str(shape.tag).startswith(f"{{{DRAW}}}"):
            continue
        if etree.QName(shape).localname in LINES or not shape_is_opaque(shape, book):
            continue
        end = parse_area((shape.get(f"{{{TABLE}}}end-cell-address") or "").rpartition(".")[2])
        last_row, last_col = (end.max_row, end.max_col) if end is not None else (row, col)
        areas.append(CellArea(row, col, max(row, last_row), max(col, last_col)))
    return areas


def shape_is_opaque(shape: etree._Element, book: StyleBook) -> bool:
    if etree.QName(shape).localname == "frame":
        return True
    try:
        props = book.properties("graphic", shape.get(f"{{{DRAW}}}style-name") or "")
        opacity = points(props.get("opacity"), 100.0)
    except ValueError:
        return True
    if props.get("fill") == "none":
        return False
    return opacity is None or opacity >= TRANSPARENT_PERCENT
