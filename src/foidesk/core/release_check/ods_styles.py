"""How an OpenDocument spreadsheet's styles show or hide a cell, a row, a column or a table.

A cell's look is resolved as LibreOffice resolves it (ISO/IEC 26300, 16.2 and 19.509): the cell's own
style, else its row's or column's default cell style, else "Default"; each style inherits, property by
property, from its parent (``style:parent-style-name``), named styles in ``styles.xml`` included, and
finally from the family's ``style:default-style``. Issue 14 found only the automatic styles in
``content.xml`` and the cell's own style were read, so white text in a named style passed.

Text is hidden when it is under ``TINY_FONT_POINTS``, not displayed, or in a colour within
``SAME_COLOUR_DISTANCE`` of its background; a data style (number format) hides a value when it shows
fixed text or nothing in place of it (a number style with no number, a text style with no
``number:text-content``), or paints it in the background's colour; a conditional style (``style:map``)
hides when any style it may apply does. Rows lower than ``MIN_ROW_POINTS`` and columns narrower than
``MIN_COLUMN_POINTS`` hide their cells. A style chain the gate cannot follow (a loop, a length it cannot
read) is unaccounted (``UNACCOUNTED``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from foidesk.core.release_check.xlsx_book import CellArea, parse_area
from foidesk.core.release_check.xlsx_scan import MIN_COLUMN_WIDTH, MIN_ROW_POINTS
from foidesk.core.release_check.xlsx_styles import SAME_COLOUR_DISTANCE, TINY_FONT_POINTS

TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
FO = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
NUMBER = "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
CALCEXT = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"
# The same legibility thresholds as for Excel workbooks (``xlsx_scan``): a row lower than the smallest
# legible font, a column narrower than one character of the default font (a "0", 7 px = 5.25 pt).
POINTS_PER_CHARACTER = 5.25
MIN_COLUMN_POINTS = MIN_COLUMN_WIDTH * POINTS_PER_CHARACTER
DEFAULT_FONT_POINTS = 10.0
UNACCOUNTED = "the gate cannot resolve"  # the start of a reason that is an ``ods.unaccounted`` finding
MAX_CHAIN = 64
POINTS_PER_UNIT = {"pt": 1.0, "pc": 12.0, "in": 72.0, "cm": 72 / 2.54, "mm": 72 / 25.4, "px": 0.75}
LENGTH = re.compile(r"^\s*(-?[\d.]+)\s*(pt|pc|in|cm|mm|px|%)?\s*$")
PROPERTY_TAGS = (
    "text-properties",
    "table-cell-properties",
    "table-row-properties",
    "table-column-properties",
    "table-properties",
    "paragraph-properties",
    "graphic-properties",
)
# Elements of a data style that show (part of) the value; a style without any shows fixed text only.
SHOWS_VALUE = frozenset(
    {
        "number",
        "scientific-number",
        "fraction",
        "day",
        "month",
        "year",
        "era",
        "day-of-week",
        "week-of-year",
        "quarter",
        "hours",
        "minutes",
        "seconds",
        "am-pm",
        "boolean",
        "text-content",
    }
)
DATA_STYLE_KINDS = frozenset(
    {
        "number-style",
        "currency-style",
        "percentage-style",
        "date-style",
        "time-style",
        "boolean-style",
        "text-style",
    }
)


def points(value: str | None, relative_to: float = DEFAULT_FONT_POINTS) -> float | None:
    """A length in points (``0.5cm``, ``8pt``, ``50%`` of ``relative_to``), None if absent.

    Raises ValueError for a length that cannot be read (the caller accounts for it).
    """
    if value is None:
        return None
    match = LENGTH.match(value)
    if match is None:
        raise ValueError(value)
    number, unit = float(match.group(1)), match.group(2) or "pt"
    return number * relative_to / 100 if unit == "%" else number * POINTS_PER_UNIT[unit]


def colour_distance(first: str, second: str) -> int:
    """The largest difference of two ``#rrggbb`` colours in one channel (0-255)."""
    return max(abs(int(first[i : i + 2], 16) - int(second[i : i + 2], 16)) for i in (1, 3, 5))


@dataclass(slots=True)
class StyleBook:
    """Every style of the document (``styles.xml`` and ``content.xml``), resolved with inheritance."""

    styles: dict[tuple[str, str], etree._Element] = field(default_factory=dict)
    defaults: dict[str, etree._Element] = field(default_factory=dict)
    data_styles: dict[str, etree._Element] = field(default_factory=dict)
    _resolved: dict[tuple[str, str], dict[str, str]] = field(default_factory=dict)
    _hiding: dict[tuple[str, str, str], str] = field(default_factory=dict)

    def read(self, container: etree._Element) -> None:
        """Take in the styles of ``office:styles``, ``office:automatic-styles`` or a whole part."""
        for element in container.iter(f"{{{STYLE}}}style", f"{{{STYLE}}}default-style", f"{{{NUMBER}}}*"):
            local = etree.QName(element).localname
            if local == "style":
                key = (element.get(f"{{{STYLE}}}family", ""), element.get(f"{{{STYLE}}}name", ""))
                self.styles[key] = element
            elif local == "default-style":
                self.defaults[element.get(f"{{{STYLE}}}family", "")] = element
            elif local in DATA_STYLE_KINDS:
                self.data_styles[element.get(f"{{{STYLE}}}name", "")] = element
        self._resolved.clear()
        self._hiding.clear()

    def properties(self, family: str, name: str) -> dict[str, str]:
        """The style's properties (``local name`` of the attribute -> value), inherited ones included;
        ``data-style-name`` and ``parent-style-name`` come from the style elements themselves."""
        key = (family, name)
        if key not in self._resolved:
            chain = self._chain(family, name)
            merged: dict[str, str] = {}
            for element in reversed(chain):
                merged.update(_own_properties(element))
            self._resolved[key] = merged
        return self._resolved[key]

    def _chain(self, family: str, name: str) -> list[etree._Element]:
        chain: list[etree._Element] = []
        seen: set[str] = set()
        current: str | None = name
        while current:
            if current in seen or len(chain) > MAX_CHAIN:
                raise ValueError(f"the {family} style {name!r} inherits from itself")
            seen.add(current)
            element = self.styles.get((family, current))
            if element is None:
                break
            chain.append(element)
            current = element.get(f"{{{STYLE}}}parent-style-name")
        default = self.defaults.get(family)
        return [*chain, default] if default is not None else chain

    def maps(self, family: str, name: str) -> list[str]:
        """The styles a conditional style may apply (``style:map``), along its chain."""
        try:
            chain = self._chain(family, name)
        except ValueError:
            return []
        return [
            target
            for element in chain
            for rule in element.iterfind(f"{{{STYLE}}}map")
            if (target := rule.get(f"{{{STYLE}}}apply-style-name"))
        ]

    # --- what hides ------------------------------------------------------------------------------

    def text_hiding(self, family: str, name: str, background: str = "#ffffff") -> str:
        """Why text in this style (a cell, paragraph or span style) cannot be seen on ``background``,
        or ''. A cell style's own background replaces the one given."""
        cache = (family, name, background)
        if cache not in self._hiding:
            self._hiding[cache] = self._text_hiding(family, name, background)
        return self._hiding[cache]

    def _text_hiding(self, family: str, name: str, background: str) -> str:
        try:
            props = self.properties(family, name)
            size = points(props.get("font-size"))
        except ValueError as error:
            return f"{UNACCOUNTED} the style {name!r} ({error})"
        if size is not None and size < TINY_FONT_POINTS:
            return f"the style {name!r} sets a {props.get('font-size')} font, too small to read"
        if props.get("display") == "none":
            return f"the style {name!r} does not display its text"
        own = props.get("background-color")
        if own and own != "transparent":
            background = own
        colour = props.get("color")
        if props.get("use-window-font-color") == "true" or not colour:
            return ""  # the automatic colour, which LibreOffice sets against the background
        if not _is_rgb(colour) or not _is_rgb(background):
            return f"{UNACCOUNTED} the colours {colour!r} on {background!r} of the style {name!r}"
        if colour_distance(colour.lower(), background.lower()) < SAME_COLOUR_DISTANCE:
            return f"the style {name!r} colours text {colour} on {background}"
        return ""

    def background(self, name: str) -> str:
        """The background a cell style paints (white where it paints none)."""
        try:
            own = self.properties("table-cell", name).get("background-color")
        except ValueError:
            return "#ffffff"
        return own if own and own != "transparent" else "#ffffff"

    def cell_hiding(self, name: str) -> str:
        """Why every value in a cell of this style is hidden (its text, not its data style), or ''."""
        return self.text_hiding("table-cell", name)

    def conditional_hiding(self, name: str) -> str:
        """Why a conditional cell style (``style:map``) may hide the cell, or ''."""
        for target in self.maps("table-cell", name):
            reason = self.text_hiding("table-cell", target) or self.value_hiding(target, "any")
            if reason:
                return f"a condition may apply the style {target!r}: {reason}"
        return ""

    def value_hiding(self, name: str, value_type: str) -> str:
        """Why the cell style's data style hides a value of ``value_type`` (``string``, ``float``...,
        or ``any``), or ''."""
        try:
            data_name = self.properties("table-cell", name).get("data-style-name")
        except ValueError as error:
            return f"{UNACCOUNTED} the style {name!r} ({error})"
        if not data_name:
            return ""
        return self.data_style_hiding(data_name, value_type, self.background(name), set())

    def data_style_hiding(self, name: str, value_type: str, background: str, seen: set[str]) -> str:
        """Why a data style hides a value of this type: fixed text or nothing in its place, or the
        background's colour; a style it may switch to by a condition (``style:map``) counts too."""
        element = self.data_styles.get(name)
        if element is None:
            return f"{UNACCOUNTED} the data style {name!r}, which the file does not define"
        if name in seen:
            return ""
        seen.add(name)
        kind = etree.QName(element).localname
        applies = value_type == "any" or (kind == "text-style") == (value_type == "string")
        if applies:
            shown = {etree.QName(child).localname for child in element if isinstance(child.tag, str)}
            if not shown & SHOWS_VALUE:
                shows = (
                    "fixed text" if "".join(str(piece) for piece in element.itertext()).strip() else "nothing"
                )
                return f"the data style {name!r} shows {shows} instead of the value"
            colour = element.find(f"{{{STYLE}}}text-properties")
            painted = colour.get(f"{{{FO}}}color") if colour is not None else None
            if (
                painted
                and _is_rgb(painted)
                and _is_rgb(background)
                and colour_distance(painted.lower(), background.lower()) < SAME_COLOUR_DISTANCE
            ):
                return f"the data style {name!r} paints the value {painted} on {background}"
        for rule in element.iterfind(f"{{{STYLE}}}map"):
            target = rule.get(f"{{{STYLE}}}apply-style-name") or ""
            reason = self.data_style_hiding(target, value_type, background, seen)
            if reason:
                return reason
        return ""

    def row_hidden(self, name: str) -> bool:
        """A row style lower than ``MIN_ROW_POINTS`` (an unreadable height counts as hidden)."""
        try:
            height = points(self.properties("table-row", name).get("row-height"))
        except ValueError:
            return True
        return height is not None and height < MIN_ROW_POINTS

    def column_hidden(self, name: str) -> bool:
        """A column style narrower than ``MIN_COLUMN_POINTS`` (an unreadable width counts as hidden)."""
        try:
            width = points(self.properties("table-column", name).get("column-width"))
        except ValueError:
            return True
        return width is not None and width < MIN_COLUMN_POINTS

    def table_hidden(self, name: str) -> bool:
        try:
            return self.properties("table", name).get("display") == "false"
        except ValueError:
            return True


def _own_properties(element: etree._Element) -> dict[str, str]:
    """The properties a style element sets itself (not its parent's)."""
    props: dict[str, str] = {}
    data_style = element.get(f"{{{STYLE}}}data-style-name")
    if data_style:
        props["data-style-name"] = data_style
    for child in element:
        if isinstance(child.tag, str) and etree.QName(child).localname in PROPERTY_TAGS:
            for attribute, value in child.attrib.items():
                props[etree.QName(attribute).localname] = str(value)
    return props


def _is_rgb(colour: str) -> bool:
    return re.fullmatch(r"#[0-9a-fA-F]{6}", colour) is not None


WHOLE_TABLE = CellArea(1, 1, 1_048_576, 16_384)


def conditional_format_areas(element: etree._Element, book: StyleBook) -> tuple[str, list[CellArea]]:
    """(table name, ranges) where one ``calcext:conditional-format`` could hide a cell's text.

    No condition is evaluated: a rule that may apply a hiding style (``text_hiding``, a data style
    hiding any value) counts over its whole range, and so does a data bar or icon set told not to show
    the value (fail closed). A range the gate cannot read counts as the whole table.
    """
    address = element.get(f"{{{CALCEXT}}}target-range-address") or ""
    hides = False
    for rule in element:
        if not isinstance(rule.tag, str):
            continue
        if rule.get(f"{{{CALCEXT}}}show-value") == "false":
            hides = True
        style = rule.get(f"{{{CALCEXT}}}apply-style-name") or rule.get(f"{{{CALCEXT}}}style")
        if style and (book.text_hiding("table-cell", style) or book.value_hiding(style, "any")):
            hides = True
    table, areas = _target_ranges(address)
    return table, (areas if hides else [])


def _target_ranges(address: str) -> tuple[str, list[CellArea]]:
    """``'Staff list'.A1:'Staff list'.B4 Sheet1.D2`` -> (the first table's name, its rectangles)."""
    table = ""
    areas: list[CellArea] = []
    for part in address.split():
        corners = [corner.rpartition(".") for corner in part.split(":")]
        table = table or corners[0][0].strip("$'")
        area = parse_area(":".join(cell for _, _, cell in corners))
        areas.append(area if area is not None else WHOLE_TABLE)
    return table, areas or [WHOLE_TABLE]
