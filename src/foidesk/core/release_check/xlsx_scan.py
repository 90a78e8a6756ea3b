"""One pass over an Excel worksheet: which rows, columns and cells a reader sees, and what hides.

A big sheet is never held in memory: its rows are streamed a megabyte at a time, plain stretches
judged as bytes (``xlsx_rows``) and the rest cell by cell through lxml. The copy (``xlsx_copy``) uses
the same ``SheetLayout``.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
from lxml import etree

from foidesk.core.release_check.archive import ZipContainer, release_children
from foidesk.core.release_check.findings import CannotInspect, Finding, Severity
from foidesk.core.release_check.personal_data import PERSONAL_DATA_MESSAGE, personal_data_kind
from foidesk.core.release_check.xlsx_book import (
    TRUE,
    Book,
    CellArea,
    SheetEntry,
    column_index,
    column_letters,
    string_item_text,
    text_of,
)
from foidesk.core.release_check.xlsx_clipping import (
    MAX_MERGED_COLUMNS,
    NARROW_TEXT_COLUMN,
    NOT_CUT,
    PADDING_RUN,
    CellLook,
    Cut,
    StringExtents,
    TextExtent,
    clipped,
    longest_fitting,
    text_extent,
)
from foidesk.core.release_check.xlsx_drawings import AreaIndex, covered_areas
from foidesk.core.release_check.xlsx_headers import header_footer_text
from foidesk.core.release_check.xlsx_merges import MergeIndex, merges_in
from foidesk.core.release_check.xlsx_rows import (
    FLAGGED_PATTERN_LIMIT,
    SHARED_INDEX,
    NotPlainSheet,
    SheetSections,
    cells_with_styles,
    compile_re2,
    flagged_pattern,
    inline_strings_longer_than,
    judged,
    last_row_number,
    plain_rows,
    row_span,
    stretch_test,
)
from foidesk.core.release_check.xlsx_styles import (
    UNACCOUNTED,
    Styles,
    format_hides_value,
    hiding_ranges,
    shown_text,
)

if TYPE_CHECKING:
    from foidesk.core.release_check.xlsx_rows import Pattern

MIN_ROW_POINTS = 4.0  # a row lower than this cannot show a line of legible text (3 pt) with its margins
# A column narrower than one character (in Excel's width units, the width of a "0") shows a sliver of
# a value at most, or "#": its values count as hidden. Excel shows such a column as a hairline.
MIN_COLUMN_WIDTH = 1.0
EXAMPLES_PER_FINDING = 3


# --- streaming one sheet ---------------------------------------------------------------------------


@dataclass(slots=True)
class Tally:
    """Cells of one kind in one sheet, reported once with a few examples and a count."""

    code: str
    severity: Severity
    message: str
    examples: list[str] = field(default_factory=list)
    count: int = 0

    def add(self, where: str) -> None:
        self.count += 1
        if len(self.examples) < EXAMPLES_PER_FINDING:
            self.examples.append(where)

    def finding(self, sheet: str) -> Finding:
        more = f" and {self.count - len(self.examples)} more" if self.count > len(self.examples) else ""
        return Finding(self.code, self.severity, f"{sheet}!{', '.join(self.examples)}{more}", self.message)


DEFAULT_BASE_COLUMN_WIDTH = 8
COLUMN_PADDING = 5 / 7
LAST_COLUMN = 16_384


@dataclass(slots=True)
class SheetLayout:
    """Which rows and columns of a sheet a reader sees (the same rules for checking and copying)."""

    hidden_columns: list[tuple[int, int, bool]] = field(default_factory=list)
    zero_height: bool = False
    print_area: list[CellArea] = field(default_factory=list)
    merges: list[CellArea] = field(default_factory=list)
    invisible_styles: frozenset[str] = frozenset()
    hiding_formats: dict[str, tuple[str, ...]] = field(default_factory=dict)  # ``Styles.by_value``
    conditional: list[CellArea] = field(default_factory=list)  # ranges a conditional format may hide
    covered: list[CellArea] = field(default_factory=list)  # cells under opaque shapes (``xlsx_drawings``)
    widths: list[tuple[int, int, float]] = field(default_factory=list)  # legible columns' own widths
    default_width: float = DEFAULT_BASE_COLUMN_WIDTH + COLUMN_PADDING
    fixed_height: float | None = None  # rows without a height of their own: None when they grow to fit
    merge_index: MergeIndex = field(init=False, repr=False)
    covered_index: AreaIndex = field(init=False, repr=False)
    conditional_index: AreaIndex = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.merge_index = MergeIndex(self.merges)
        self.covered_index = AreaIndex(self.covered)
        self.conditional_index = AreaIndex(self.conditional)

    def merges_touch(self, data: bytes) -> bool:
        """Whether any merged range, or range a conditional format may hide, spans a row of this
        stretch (its cells are then judged one by one)."""
        if not self.merges and not self.conditional and not self.covered:
            return False
        span = row_span(data)
        if span is None:
            return True
        if self.conditional and self.conditional_index.touches(span[0], span[1]):
            return True
        if self.covered and self.covered_index.touches(span[0], span[1]):
            return True
        return bool(self.merges) and self.merge_index.touches(span[0], span[1])

    def covered_by_shape(self, row: int, col: int) -> bool:
        """A cell under a filled shape, a picture or a chart: a reader does not see it."""
        return bool(self.covered) and self.covered_index.covers(row, col)

    def conditionally_hidden(self, row: int, col: int) -> bool:
        return self.conditional_index.covers(row, col)

    def covered_by_merge(self, row: int, col: int) -> bool:
        """A cell under a merged range, other than its top-left: its value is never shown."""
        area = self.merge_index.area_at(row, col)
        return area is not None and (row, col) != (area.min_row, area.min_col)

    def column_hidden(self, col: int) -> bool:
        return any(low <= col <= high for low, high, _ in self.hidden_columns)

    def row_hidden(self, row: etree._Element) -> bool:
        if row.get("hidden", "0") in TRUE:
            return True
        height = row.get("ht")
        if height is None:
            return self.zero_height
        try:
            return float(height) < MIN_ROW_POINTS
        except ValueError:
            raise CannotInspect(
                f"row {row.get('r', '?')} has a height that is not a number: {height!r}"
            ) from None

    def width_of(self, col: int) -> float:
        """The column's width in "0"s of the default font (its own, else the sheet's default), found
        by bisection: ``widths`` is kept in order of first column (``read``)."""
        at = bisect.bisect_right(self.widths, (col, LAST_COLUMN + 1, math.inf)) - 1
        if at >= 0 and self.widths[at][0] <= col <= self.widths[at][1]:
            return self.widths[at][2]
        return self.default_width

    def narrowest(self) -> float:
        """The narrowest legible column of the sheet."""
        return min([self.default_width, *(width for _, _, width in self.widths)])

    def height_of(self, row: etree._Element) -> float | None:
        """The row's height in points when it has one of its own (or the sheet fixes its rows'),
        None when it grows to fit its wrapped text."""
        height = row.get("ht")
        if height is None:
            return self.fixed_height
        return _number(height, "a row height")

    def clipped(
        self,
        row: etree._Element,
        place: tuple[int, int],
        filled: set[int],
        extent: TextExtent,
        look: CellLook,
        thorough: bool = True,
    ) -> Cut:
        """Why part of the text of the cell at ``place`` (row, column) cannot be seen (false when all can)
        (``xlsx_clipping.clipped``); ``filled`` holds the columns of the row's cells with values."""
        number, col = place
        area = self.merge_index.area_at(number, col) if self.merges else None
        if area is not None:
            last = min(area.max_col, area.min_col + MAX_MERGED_COLUMNS)
            width = sum(self.width_of(column) for column in range(area.min_col, last + 1))
            if area.max_col > last:
                return NOT_CUT
            height = None if area.max_row > area.min_row else self.height_of(row)
        else:
            width, height = self.width_of(col), self.height_of(row)
        return clipped(
            extent,
            look,
            width,
            height,
            left_filled=col - 1 in filled,
            right_filled=col + 1 in filled,
            merged=area is not None,
            thorough=thorough,
        )

    def in_print_area(self, row: int, col: int) -> bool:
        return not self.print_area or any(area.contains(row, col) for area in self.print_area)

    def in_print_area_row(self, row: int) -> bool:
        return not self.print_area or any(a.min_row <= row <= a.max_row for a in self.print_area)

    def read(self, element: etree._Element) -> None:
        """Take in the sheet's row defaults (``sheetFormatPr``) or its column widths (``cols``).

        Rows without a height of their own are hidden when the sheet hides them (``zeroHeight``) or
        its default height is under ``MIN_ROW_POINTS``; a column is hidden when marked so or narrower
        than ``MIN_COLUMN_WIDTH``. A height or width that is not a number cannot be accounted for.
        """
        local = etree.QName(element).localname
        if local == "sheetFormatPr":
            default = _number(element.get("defaultRowHeight"), "the default row height")
            self.zero_height = element.get("zeroHeight", "0") in TRUE or (
                default is not None and default < MIN_ROW_POINTS
            )
            self.default_width = default_column_width(element)
            if self.default_width < MIN_COLUMN_WIDTH:
                self.hidden_columns.append((1, LAST_COLUMN, False))
            if element.get("customHeight", "0") in TRUE:
                self.fixed_height = default
        elif local == "cols":
            for col in element.iterfind("{*}col"):
                width = _number(col.get("width"), "a column width")
                low, high = int(col.get("min", "1")), int(col.get("max", "1"))
                if col.get("hidden", "0") in TRUE or (width is not None and width < MIN_COLUMN_WIDTH):
                    outline = int(col.get("outlineLevel", "0") or "0") > 0
                    self.hidden_columns.append((low, high, outline))
                elif width is not None:
                    self._show_columns(low, high)
                    bisect.insort(self.widths, (low, high, width))

    def _show_columns(self, low: int, high: int) -> None:
        """Columns given a legible width of their own, taken out of a default that hides columns."""
        kept: list[tuple[int, int, bool]] = []
        for first, last, outline in self.hidden_columns:
            if outline or last < low or high < first:
                kept.append((first, last, outline))
                continue
            if first < low:
                kept.append((first, low - 1, outline))
            if high < last:
                kept.append((high + 1, last, outline))
        self.hidden_columns = kept


def default_column_width(sheet_format: etree._Element) -> float:
    """The width of a column that has none of its own: ``defaultColWidth``, else ``baseColWidth``
    plus Excel's padding. A column narrower than ``MIN_COLUMN_WIDTH`` shows nothing legible."""
    given = _number(sheet_format.get("defaultColWidth"), "the default column width")
    if given is not None:
        return given
    base = _number(sheet_format.get("baseColWidth"), "the base column width")
    return (DEFAULT_BASE_COLUMN_WIDTH if base is None else base) + COLUMN_PADDING


def _number(text: str | None, what: str) -> float | None:
    """An attribute read as a number, None if absent; one that is not a number cannot be inspected."""
    if text is None:
        return None
    try:
        return float(text)
    except ValueError:
        raise CannotInspect(f"{what} is not a number: {text!r}") from None


SHEET_TAGS = (
    "{*}sheetFormatPr",
    "{*}cols",
    "{*}row",
    "{*}headerFooter",
    "{*}hyperlink",
    "{*}customSheetView",
    "{*}scenario",
    "{*}mergeCell",
    "{*}dataValidation",
    "{*}conditionalFormatting",
)


def _sheet_tallies() -> dict[str, Tally]:
    return {
        code: Tally(code, severity, message)
        for code, severity, message in (
            (
                "xlsx.hidden_row",
                Severity.BLOCK,
                "Hidden rows (or rows too low to read, by their own or the default height) hold data.",
            ),
            (
                "xlsx.hidden_column",
                Severity.BLOCK,
                "Hidden columns (or columns narrower than a character) hold data.",
            ),
            (
                "xlsx.collapsed_outline",
                Severity.BLOCK,
                "A collapsed outline group hides rows or columns of data.",
            ),
            (
                "xlsx.formula",
                Severity.BLOCK,
                "Formulas reveal how figures were made and what they refer to.",
            ),
            ("xlsx.invisible_text", Severity.BLOCK, "Text is formatted so that it cannot be seen."),
            (
                "xlsx.unaccounted",
                Severity.BLOCK,
                "The gate cannot tell whether a cell's text can be seen (a colour it cannot resolve).",
            ),
            (
                "xlsx.hidden_by_format",
                Severity.BLOCK,
                "A number format hides the value (an empty section, fixed text, or the background's colour).",
            ),
            ("xlsx.outside_print_area", Severity.WARN, "Cells outside the print area hold data."),
            ("xlsx.personal_data", Severity.WARN, PERSONAL_DATA_MESSAGE),
            ("xlsx.header_footer", Severity.WARN, "The printed header or footer has text of its own."),
            (
                "xlsx.hidden_header_footer",
                Severity.BLOCK,
                "A header or footer holds text no printed page shows (even or first pages the sheet does "
                "not set apart, or text in white or too small to read).",
            ),
            ("xlsx.validation_list", Severity.WARN, "A drop-down list holds values of its own."),
            (
                "xlsx.validation_message",
                Severity.BLOCK,
                "A data-validation input or error message holds text a reader sees only on some clicks.",
            ),
            (
                "xlsx.hyperlink_text",
                Severity.BLOCK,
                "A hyperlink's tooltip (ScreenTip) holds text a reader sees only by hovering.",
            ),
            (
                "xlsx.hyperlink_display",
                Severity.WARN,
                "A hyperlink keeps a display text of its own; check it says nothing more than the cell.",
            ),
            (
                "xlsx.custom_view",
                Severity.BLOCK,
                "A custom view keeps another layout of the sheet (hidden rows, filters, print settings).",
            ),
            (
                "xlsx.scenario",
                Severity.BLOCK,
                "A scenario keeps other values for cells, and the name of who made it.",
            ),
            (
                "xlsx.phonetic_text",
                Severity.BLOCK,
                "A phonetic guide (furigana) holds text Excel does not show unless asked to.",
            ),
            ("xlsx.merged_hidden_value", Severity.BLOCK, "A merged cell hides the values beneath it."),
            (
                "xlsx.covered_by_shape",
                Severity.BLOCK,
                "A filled shape, a picture or a chart lies over cells with values and hides them.",
            ),
            (
                "xlsx.text_overflows",
                Severity.WARN,
                "Text runs past the edge of its cell and is cut at the filled cell beside it: a reader sees "
                "where it stops and can select the cell to read it all. Widen the column if it matters.",
            ),
            (
                "xlsx.text_may_be_clipped",
                Severity.BLOCK,
                "Text runs past the edge of its cell (a narrow column beside a filled one, lines past "
                "the row's height, an indent or padding): part of it cannot be seen.",
            ),
            (
                "xlsx.conditional_hiding",
                Severity.BLOCK,
                "A conditional format that can hide text (a colour on itself, a hiding number format) "
                "applies to cells with values.",
            ),
        )
    }


# The children of a worksheet (ECMA-376 part 1, 18.3.1.99) the gate reads or that carry no text of
# their own; the parts some of them point at are judged with the package (``xlsx_package``).
WORKSHEET_CHILDREN = frozenset(
    {
        "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr",
        "sheetProtection", "protectedRanges", "scenarios", "autoFilter", "sortState", "dataConsolidate",
        "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting", "dataValidations",
        "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks",
        "customProperties", "cellWatches", "ignoredErrors", "drawing", "legacyDrawing", "legacyDrawingHF",
        "drawingHF", "picture", "oleObjects", "controls", "tableParts", "extLst",
    }
)  # fmt: skip
SETTING_TAGS = (
    "{*}headerFooter",
    "{*}dataValidation",
    "{*}hyperlink",
    "{*}customSheetView",
    "{*}scenario",
)
SETTING_LOCAL_NAMES = frozenset(tag[3:] for tag in SETTING_TAGS)
VALIDATION_MESSAGES = ("promptTitle", "prompt", "errorTitle", "error")


def setting_text(element: etree._Element) -> tuple[str, str] | None:
    """(finding code, where) for a sheet setting that carries text of its own, or None.

    A header or footer prints text; a validation list offers values; a validation's input or
    error message (shown or not: ``showInputMessage`` is one click away) and a hyperlink's tooltip
    show text only on a click or a hover; a custom view or a scenario keeps another state of the
    sheet. The copy keeps none of them.
    """
    local = etree.QName(element).localname
    where = element.get("sqref") or element.get("ref") or local
    if local == "headerFooter":
        return header_footer_text(element)
    if local == "dataValidation":
        if any((element.get(name) or "").strip() for name in VALIDATION_MESSAGES):
            return "xlsx.validation_message", where
        formula = (element.findtext("{*}formula1") or "").strip()
        formula = formula or (element.findtext("{*}formula1/{*}f") or "").strip()
        return ("xlsx.validation_list", where) if formula.startswith('"') else None
    if local == "hyperlink":
        if (element.get("tooltip") or "").strip():
            return "xlsx.hyperlink_text", where
        return ("xlsx.hyperlink_display", where) if (element.get("display") or "").strip() else None
    if local == "customSheetView":
        return "xlsx.custom_view", "custom view"
    return "xlsx.scenario", element.get("name") or "scenario"


class SharedStringUse:
    """Which shared strings some cell shows, as a bitmap over the table (issue 14: "orphan shared
    strings" passed). A string no cell refers to is text in the file that no reader sees.

    Plain stretches are read with one search for ``t="s"`` cells' indices (the copy's ``keep_all``
    does the same); a stretch where that search does not find every such cell is read by lxml.
    """

    __slots__ = ("used",)

    def __init__(self, count: int) -> None:
        self.used = np.zeros(count, dtype=bool)

    def mark_stretch(self, data: bytes) -> bool:
        """Mark the strings a plain stretch shows; False if a cell refers to one in another way."""
        if not len(self.used):
            return True
        found = SHARED_INDEX.findall(data)
        if len(found) != data.count(b't="s"'):
            return False
        if found:
            indices = np.fromstring(b" ".join(found), dtype=np.int64, sep=" ")
            self.used[indices[indices < len(self.used)]] = True
        return True

    def mark_rows(self, rows: Iterable[etree._Element]) -> None:
        if not len(self.used):
            return
        for row in rows:
            for cell in row.iterfind("{*}c"):
                if cell.get("t") == "s":
                    text = (cell.findtext("{*}v") or "").strip()
                    if text.isdigit() and int(text) < len(self.used):
                        self.used[int(text)] = True

    def unused(self) -> list[int]:
        """Indices of the strings no cell refers to."""
        return [int(index) for index in np.flatnonzero(~self.used)]


class SheetScan:
    """One pass over a worksheet's XML, collecting tallies of what a reader would not see."""

    def __init__(
        self,
        sheet: SheetEntry,
        book: Book,
        styles: Styles,
        flagged: set[int],
        faint: set[int] | None = None,
        used: SharedStringUse | None = None,
        extents: StringExtents | None = None,
    ) -> None:
        self.sheet = sheet
        self.extents = extents if extents is not None else StringExtents()  # of the shared strings
        self.used = used if used is not None else SharedStringUse(0)
        self.styles = styles
        self.flagged = {str(index) for index in flagged}
        self.faint = {str(index) for index in faint or ()}  # strings with runs a white cell hides
        self.layout = SheetLayout(print_area=book.print_areas.get(sheet.position, []))
        self.tallies = _sheet_tallies()
        self.conditional: list[CellArea] = []  # ranges a conditional format may hide, found in a pass
        self.clip_watch = False  # cells of rows read element by element are measured (``xlsx_clipping``)

    def run(self, box: ZipContainer) -> list[Finding]:
        """Scan the sheet; merged ranges and conditional formats come after the rows, so a sheet with
        some is scanned again."""
        covered = covered_areas(box, self.sheet.part)
        self.layout = SheetLayout(print_area=self.layout.print_area, covered=covered)
        merges = self._scan(box)
        if merges or self.conditional:
            self.layout = SheetLayout(
                print_area=self.layout.print_area,
                merges=merges,
                conditional=self.conditional,
                covered=covered,
            )
            self.tallies = _sheet_tallies()
            self._scan(box)
        return [tally.finding(self.sheet.name) for tally in self.tallies.values() if tally.count]

    def _scan(self, box: ZipContainer) -> list[CellArea]:
        """One pass; returns the merged ranges it found that it did not know of before."""
        try:
            sections = SheetSections(box, self.sheet.part)
        except NotPlainSheet:
            merges = self._run_elements(box)
        else:
            merges = self._run_sections(sections)
        if self.layout.merges or self.layout.conditional:
            self.conditional = []
            return []
        return merges

    def _needs_cells(self) -> bool:
        return bool(
            self.styles.invisible
            or self.styles.by_value
            or self.flagged
            or self.faint
            or self.layout.print_area
            or self.layout.merges
            or self.layout.conditional
            or self.layout.covered
            or self.layout.hidden_columns
            or self.clip_watch
        )

    def _run_sections(self, sections: SheetSections) -> list[CellArea]:
        for element in sections.head:
            self._account_for(element)
        for element in sections.head.iter("{*}sheetFormatPr", "{*}cols"):
            self.layout.read(element)
        sheet_wide = bool(self.layout.zero_height or self.layout.hidden_columns or self.layout.print_area)
        sheet_wide = sheet_wide or max(len(self.flagged), len(self.faint)) > FLAGGED_PATTERN_LIMIT
        sheet_wide = sheet_wide or 0 in self.styles.value_styles()  # cells without ``s`` have format 0
        flagged = flagged_pattern(self.flagged)
        last_row = 0
        clip_patterns, clip_wide = clip_risks(self.layout, self.styles, self.extents)
        sheet_wide = sheet_wide or clip_wide
        self.clip_watch = True
        avoided = (cells_with_styles(self.styles.value_styles()), flagged_pattern(self.faint), *clip_patterns)
        is_plain = stretch_test(plain_rows, avoided, self.layout.merges_touch)

        for data, plain in judged(sections.rows(), is_plain, sheet_wide):
            if plain:
                if not self.used.mark_stretch(data):
                    self.used.mark_rows(sections.fragment(data).iterchildren("{*}row"))
                for match in flagged.finditer(data) if flagged else ():
                    self.tallies["xlsx.personal_data"].add(match.group(1).decode())
                last_row = last_row_number(data, last_row)
                continue
            for row in sections.fragment(data).iterchildren("{*}row"):
                last_row = int(row.get("r") or last_row + 1)
                self._row(row, last_row, self._needs_cells())
        tail = sections.tail_elements()
        for element in tail:
            self._account_for(element)
        for element in tail.iter(*SETTING_TAGS):
            self._settings(element)
        self.conditional = hiding_ranges(tail.iter("{*}conditionalFormatting"), self.styles, self.sheet.part)
        return merges_in(tail.iter("{*}mergeCell"))

    def _account_for(self, element: etree._Element) -> None:
        """A child of the worksheet the gate does not know (smart tags, web publishing titles, a newer
        element) is unaccounted: it may carry text no reader sees."""
        if isinstance(element.tag, str) and etree.QName(element).localname not in WORKSHEET_CHILDREN:
            self.tallies["xlsx.unaccounted"].add(etree.QName(element).localname)

    def _settings(self, element: etree._Element) -> None:
        """Sheet settings after the rows that can carry text of their own (``setting_text``)."""
        found = setting_text(element)
        if found is not None:
            self.tallies[found[0]].add(found[1])

    def _run_elements(self, box: ZipContainer) -> list[CellArea]:
        self.clip_watch = True
        needs_cells = self._needs_cells()
        merges: list[CellArea] = []
        last_row = 0
        for element in box.xml_elements(self.sheet.part, SHEET_TAGS):
            local = etree.QName(element).localname
            if local == "row":
                last_row = int(element.get("r") or last_row + 1)
                self._row(element, last_row, needs_cells)
            elif local in SETTING_LOCAL_NAMES:
                self._settings(element)
            elif local == "mergeCell":
                merges += merges_in([element])
            elif local == "conditionalFormatting":
                self.conditional += hiding_ranges([element], self.styles, self.sheet.part)
            else:
                self.layout.read(element)
                needs_cells = self._needs_cells()
            release_children(element)
        return merges

    def _row(self, row: etree._Element, number: int, per_cell: bool) -> None:
        self.used.mark_rows((row,))
        if self.layout.row_hidden(row):
            if next(row.iter("{*}v", "{*}is", "{*}f"), None) is not None:
                outline = int(row.get("outlineLevel", "0") or "0") > 0
                self.tallies["xlsx.collapsed_outline" if outline else "xlsx.hidden_row"].add(
                    f"{number}:{number}"
                )
            return
        for formula in row.iter("{*}f"):
            self.tallies["xlsx.formula"].add(formula.getparent().get("r", str(number)))  # type: ignore[union-attr]
        for inline in row.iter("{*}is"):
            cell = inline.getparent()
            where = cell.get("r", str(number)) if cell is not None else str(number)
            if inline.find("{*}rPh") is not None:
                self.tallies["xlsx.phonetic_text"].add(where)
            if personal_data_kind(text_of(inline)):
                self.tallies["xlsx.personal_data"].add(where)
            style = cell.get("s", "0") if cell is not None else "0"
            white = int(style) in self.styles.plain_background if style.isdigit() else True
            if white and shown_text(inline, self.styles.theme) is not None:
                self.tallies["xlsx.invisible_text"].add(where)
        if per_cell:
            self._cells(row, number)

    def _cells(self, row: etree._Element, number: int) -> None:
        placed = placed_cells(row, number)
        filled = {col for cell, col, _ in placed if holds_value(cell)}
        for cell, col, ref in placed:
            value = cell.find("{*}v")
            has_value = value is not None or cell.find("{*}is") is not None
            if not has_value:
                continue
            hidden_col = next(
                ((lo, hi, o) for lo, hi, o in self.layout.hidden_columns if lo <= col <= hi), None
            )
            if hidden_col is not None:
                self.tallies["xlsx.collapsed_outline" if hidden_col[2] else "xlsx.hidden_column"].add(ref)
                continue
            style = int(cell.get("s", "0") or "0")
            shared = value.text if value is not None and cell.get("t") == "s" else None
            extent = self._extent(cell, shared, value)
            cut = (
                self.layout.clipped(
                    row, (number, col), filled, extent, self.styles.look(style), self.extents.thorough
                )
                if extent is not None
                else None
            )
            if cut:
                self.tallies["xlsx.text_overflows" if cut.plain else "xlsx.text_may_be_clipped"].add(ref)
            reason = self.styles.invisible.get(style, "")
            if reason.startswith(UNACCOUNTED):
                self.tallies["xlsx.unaccounted"].add(ref)
            elif reason or (shared in self.faint and style in self.styles.plain_background):
                self.tallies["xlsx.invisible_text"].add(ref)
            hides = self.styles.by_value.get(style)
            if hides and format_hides_value(hides, cell.get("t"), value.text if value is not None else None):
                self.tallies["xlsx.hidden_by_format"].add(ref)
            if not self.layout.in_print_area(number, col):
                self.tallies["xlsx.outside_print_area"].add(ref)
            if self.layout.merges and self.layout.covered_by_merge(number, col):
                self.tallies["xlsx.merged_hidden_value"].add(ref)
            if self.layout.covered_by_shape(number, col):
                self.tallies["xlsx.covered_by_shape"].add(ref)
            if self.layout.conditional and self.layout.conditionally_hidden(number, col):
                self.tallies["xlsx.conditional_hiding"].add(ref)
            if shared in self.flagged:
                self.tallies["xlsx.personal_data"].add(ref)

    def _extent(
        self, cell: etree._Element, shared: str | None, value: etree._Element | None
    ) -> TextExtent | None:
        """The extent of a text cell's text (shared, inline or a formula's), None for other cells."""
        return cell_extent(cell, shared, value, self.extents)


def placed_cells(row: etree._Element, number: int) -> list[tuple[etree._Element, int, str]]:
    """The row's cells, each with its column and reference (a cell without ``r`` follows the last)."""
    placed = []
    col = 0
    for cell in row:
        ref = cell.get("r")
        if ref:
            col = column_index(ref.rstrip("0123456789"))
        else:
            col += 1
            ref = f"{column_letters(col)}{number}"
        placed.append((cell, col, ref))
    return placed


def holds_value(cell: etree._Element) -> bool:
    return cell.find("{*}v") is not None or cell.find("{*}is") is not None


def cell_extent(
    cell: etree._Element,
    shared: str | None,
    value: etree._Element | None,
    extents: StringExtents,
    shown: str | None = None,
) -> TextExtent | None:
    """The extent of a text cell's text: ``shown`` when given (the text the cell shows, hidden runs
    left out), else a shared string's (measured as the table streamed past), an inline string's (its
    runs, not its phonetic guide) or a formula's text result; None for numbers and other values."""
    kind = cell.get("t")
    if shown is not None and kind in ("s", "inlineStr"):
        return text_extent(shown)
    if kind == "s":
        index = (shared or "").strip()
        return extents.of(int(index)) if index.isdigit() else None
    if kind == "inlineStr":
        inline = cell.find("{*}is")
        return text_extent(string_item_text(inline) if inline is not None else "")
    if kind == "str" and value is not None:
        return text_extent(value.text or "")
    return None


# Inline strings padded by a run of spaces (``xlsx_clipping.PADDING_RUN``), in a big workbook.
PADDED_INLINE = compile_re2(rb"<is><t(?: [^>]*)?>[^<]* {" + str(PADDING_RUN).encode() + rb",}[^ <]")


def sheet_xml_bytes(box: ZipContainer, book: Book) -> int:
    """How much XML the workbook's worksheets hold: the measure of how thoroughly it is read."""
    return sum(box.size(s.part) for s in book.sheets if s.is_worksheet and box.has(s.part))


def clip_risks(layout: SheetLayout, styles: Styles, extents: StringExtents) -> tuple[list[Pattern], bool]:
    """The byte patterns of cells whose text may not fit, which leave the byte path to be measured (a
    format of another alignment or font size, a shared or inline string too long for the narrowest
    column at the default font), and whether there are too many such strings to search for (the
    whole sheet is then read cell by cell)."""
    narrowest = layout.narrowest()
    risky = extents.at_risk(narrowest)
    looks = set(styles.looks)
    measured = extents.thorough or narrowest < NARROW_TEXT_COLUMN
    patterns = [
        pattern
        for pattern in (
            cells_with_styles(looks),
            flagged_pattern(risky),
            inline_strings_longer_than(longest_fitting(narrowest)) if measured else PADDED_INLINE,
        )
        if pattern is not None
    ]
    return patterns, 0 in looks or len(risky) > FLAGGED_PATTERN_LIMIT
