"""Tables (ListObjects) whose table style could hide their cells' text.

A table paints its cells with a table style: one of Excel's built-in styles (``TableStyleLight1`` to
``TableStyleDark11``, legible by design) or a custom one the workbook defines in ``styles.xml``
(``tableStyles``), whose elements (whole table, header row, stripes...) each point at a differential
format (``dxf``) of font and fill (ECMA-376 part 1, 18.8.40-42 and 18.5.1.5 ``tableStyleInfo``). A custom
style can colour the text as its fill, and LibreOffice ignores custom table styles, so the renderer's
second opinion cannot see it (issue 14: a white ``wholeTable`` passed).

Each element's format is judged as a conditional format's is (``xlsx_styles.dxf_hides``); a style the
workbook names but does not define, or an element pointing at a format it lacks, cannot be resolved and
counts as hiding (fail closed). The whole table's range counts: which element paints which cell depends
on the table's stripes and header flags, which the gate does not work out. The check blocks such a
table; the clean copy leaves out the cells in its range.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

from lxml import etree

from foidesk.core.release_check.archive import ZipContainer
from foidesk.core.release_check.xlsx_book import CellArea, parse_area, part_relationships

# Excel's built-in table styles (ECMA-376 part 1, 18.8.40 and annex G.2): the only names that need no
# definition in the workbook.
BUILT_IN_TABLE_STYLE = re.compile(
    r"TableStyle(?:Light(?:[1-9]|1\d|2[01])|Medium(?:[1-9]|1\d|2[0-8])|Dark(?:[1-9]|1[01]))"
)


@dataclass(frozen=True, slots=True)
class HidingTable:
    """A table whose style could hide its text: its part, its range and why."""

    part: str
    area: CellArea | None  # None: the table's range cannot be read
    reason: str


def custom_table_styles(styles_root: etree._Element | None) -> dict[str, tuple[int | None, ...]]:
    """Each custom table style's name -> the ``dxfId`` of each of its elements (None: not a number)."""
    if styles_root is None:
        return {}
    return {
        style.get("name", ""): tuple(
            int(element.get("dxfId", "")) if element.get("dxfId", "").isdigit() else None
            for element in style.iterfind("{*}tableStyleElement")
        )
        for style in styles_root.iterfind("{*}tableStyles/{*}tableStyle")
    }


def style_hides(name: str, custom: dict[str, tuple[int | None, ...]], dxf_hiding: dict[int, str]) -> str:
    """Why a table style named ``name`` could hide text, or '' (built in, or every element legible)."""
    if not name or BUILT_IN_TABLE_STYLE.fullmatch(name):
        return ""
    if name not in custom:
        return f"the table style {name!r} is neither built in nor defined in the workbook"
    for dxf_id in custom[name]:
        if dxf_id is None or dxf_id not in dxf_hiding:
            return f"the table style {name!r} points at a format the workbook does not have"
        if dxf_hiding[dxf_id]:
            return f"the table style {name!r}: {dxf_hiding[dxf_id].replace('a conditional format', 'it')}"
    return ""


def hiding_tables(
    box: ZipContainer, sheet_part: str, custom: dict[str, tuple[int | None, ...]], dxf_hiding: dict[int, str]
) -> list[HidingTable]:
    """The tables of one sheet whose style could hide their text."""
    found = []
    for target, kind in part_relationships(box, sheet_part).values():
        if posixpath.basename(kind) != "table" or not box.has(target):
            continue
        table = box.xml(target)
        info = table.find("{*}tableStyleInfo")
        reason = style_hides(info.get("name", "") if info is not None else "", custom, dxf_hiding)
        if reason:
            found.append(HidingTable(target, parse_area(table.get("ref", "")), reason))
    return found
