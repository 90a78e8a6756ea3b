"""Release-gate inspection and sanitising of OpenDocument spreadsheets (ODS).

The same leaks as in Excel workbooks, in ODF's words (ISO/IEC 26300): tables hidden by their
style (``table:display="false"``), rows and columns with ``table:visibility="collapse"`` or no
height or width, hidden row and column groups, annotations, formulas, named ranges, database
ranges fed from a data source, data pilots (pivot tables), linked tables, tracked changes, macros,
embedded objects, text coloured like its background, and metadata. The content is streamed.

The clean copy is a fresh spreadsheet written with odfpy: the values and shown text of the visible
cells of the visible tables, and nothing else.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from foidesk.core.release_check.archive import PartRule, ZipContainer, release_children
from foidesk.core.release_check.findings import CannotSanitise, Finding, InspectionLimits, Severity
from foidesk.core.release_check.ods_cells import (
    cell_style,
    cell_verdict,
    has_content,
    shape_areas,
    shape_is_opaque,
)
from foidesk.core.release_check.ods_outside_cells import OTHER_TEXT, other_text_findings
from foidesk.core.release_check.ods_styles import CALCEXT, StyleBook, conditional_format_areas
from foidesk.core.release_check.personal_data import (
    PERSONAL_DATA_MESSAGE,
    personal_data_kind,
    redact_personal_data,
)
from foidesk.core.release_check.unseen_text import SeenText, odf_property_finding
from foidesk.core.release_check.xlsx_book import CellArea, column_letters, text_of
from foidesk.core.release_check.xlsx_drawings import AreaIndex
from foidesk.core.release_check.xlsx_scan import Tally

TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
CONFIG = "urn:oasis:names:tc:opendocument:xmlns:config:1.0"
MAX_REPEATED_ROWS_COPIED = 10_000  # repeated rows with content beyond this are a bomb, not a table

PLAIN_PARTS = re.compile(
    r"^(mimetype|content\.xml|styles\.xml|meta\.xml|settings\.xml|manifest\.rdf|META-INF/manifest\.xml"
    r"|Configurations2/.*)$"
)
PART_RULES: tuple[PartRule, ...] = (
    (re.compile(r"^(Basic|Scripts)/"), "ods.macro", Severity.BLOCK, "The spreadsheet contains macros."),
    (
        re.compile(r"^Object \d+/|^ObjectReplacements/"),
        "ods.embedded_object",
        Severity.BLOCK,
        "An embedded object (a chart with its own data table, another document) is inside.",
    ),
    (re.compile(r"^Pictures/"), "ods.embedded_image", Severity.WARN, "An image is embedded."),
    (
        re.compile(r"^Thumbnails/"),
        "ods.thumbnail",
        Severity.WARN,
        "A thumbnail picture of the sheet as last saved is kept.",
    ),
)
ELEMENT_RULES: dict[str, tuple[str, Severity, str]] = {
    f"{{{TABLE}}}data-pilot-table": (
        "ods.pivot_table",
        Severity.BLOCK,
        "A data pilot (pivot table) can show the records behind it.",
    ),
    f"{{{TABLE}}}table-source": ("ods.external_link", Severity.BLOCK, "A table is linked to another file."),
    f"{{{TABLE}}}dde-link": ("ods.external_link", Severity.BLOCK, "A DDE link reads from another program."),
    f"{{{TABLE}}}tracked-changes": (
        "ods.tracked_changes",
        Severity.BLOCK,
        "Tracked changes keep earlier values and the names of editors.",
    ),
    f"{{{OFFICE}}}event-listeners": ("ods.macro", Severity.BLOCK, "Events run scripts when the file opens."),
    f"{{{TABLE}}}shapes": (
        "ods.unaccounted",
        Severity.BLOCK,
        "Shapes placed on the page, not on a cell, may cover cells the gate cannot place them over.",
    ),
}
META_PROPERTIES = ("initial-creator", "creator", "printed-by", "description", "subject", "keywords")
STREAM_TAGS = (
    f"{{{OFFICE}}}automatic-styles",
    f"{{{TABLE}}}table",
    f"{{{TABLE}}}table-column",
    f"{{{TABLE}}}table-column-group",
    f"{{{TABLE}}}table-row-group",
    f"{{{TABLE}}}table-row",
    f"{{{TABLE}}}named-range",
    f"{{{TABLE}}}named-expression",
    f"{{{TABLE}}}database-range",
    *ELEMENT_RULES,
    *OTHER_TEXT,
)


@dataclass(slots=True)
class OdsTable:
    """One table as streamed: its name, whether it is shown, and which columns a reader sees."""

    name: str
    hidden: bool
    columns: list[bool] = field(default_factory=list)  # True where the column is hidden
    column_styles: list[str | None] = field(default_factory=list)  # each column's default cell style
    conditional: list[CellArea] = field(default_factory=list)  # ranges a conditional format may hide
    covered: list[CellArea] = field(default_factory=list)  # cells under opaque shapes anchored so far
    conditional_index: AreaIndex | None = None  # built from ``conditional`` at the first look-up

    def column_hidden(self, index: int) -> bool:
        return index < len(self.columns) and self.columns[index]

    def column_style(self, index: int) -> str | None:
        return self.column_styles[index] if index < len(self.column_styles) else None

    def add_columns(self, column: etree._Element, hidden: bool) -> None:
        repeat = min(int(column.get(f"{{{TABLE}}}number-columns-repeated", "1")), 16_384)
        self.columns.extend([hidden] * repeat)
        self.column_styles.extend([column.get(f"{{{TABLE}}}default-cell-style-name")] * repeat)

    def conditionally_hidden(self, row: int, col: int) -> bool:
        if self.conditional_index is None:
            self.conditional_index = AreaIndex(self.conditional)
        return self.conditional_index.covers(row, col)

    def under_shape(self, cell: etree._Element, row: int, col: int, styles: StyleBook) -> bool:
        """Whether an opaque shape covers this cell (1-based); shapes anchored here are added first."""
        self.covered += shape_areas(cell, row, col, styles)
        return any(area.contains(row, col) for area in self.covered)


@dataclass(frozen=True, slots=True)
class OdsCell:
    """A visible cell's content for the clean copy."""

    value_type: str
    value: str
    text: str
    repeat: int


def inspect_ods(path: str, limits: InspectionLimits) -> list[Finding]:
    """Every finding in an ODS file: parts, metadata, settings, tables, rows, columns, cells."""
    findings: list[Finding] = []
    with ZipContainer(path, limits) as box:
        findings += _part_findings(box)
        findings += manifest_findings(box)
        findings += _meta_findings(box)
        findings += _settings_findings(box)
        book = load_styles(box)
        findings += _ContentScan(book, conditional_areas(box, load_styles(box))).run(box)
        findings += _hidden_property_findings(box)
    return findings


def _hidden_property_findings(box: ZipContainer) -> list[Finding]:
    """A block when meta.xml's free-text or custom properties hold words no cell or table name shows
    (``unseen_text``): content.xml is read again, only when such a property is set."""
    if not box.has("meta.xml"):
        return []
    meta = box.xml("meta.xml")
    if not odf_property_finding("ods.document_properties", meta, SeenText([])):
        return []
    shown: list[str] = []
    tags = (f"{{{TEXT}}}p", f"{{{TABLE}}}table")
    for element in box.xml_elements("content.xml", tags):
        shown.append(element.get(f"{{{TABLE}}}name") or text_of(element))
        release_children(element)
    return odf_property_finding("ods.document_properties", meta, SeenText(shown))


def conditional_areas(box: ZipContainer, book: StyleBook) -> dict[str, list[CellArea]]:
    """Each table's ranges where a conditional format could hide text (``conditional_format_areas``).

    The formats follow a table's rows in the XML, so a file that mentions them is read through once
    for them (and the automatic styles they apply) before its rows are judged.
    """
    if not _mentions(box.chunks("content.xml"), b"conditional-format"):
        return {}
    areas: dict[str, list[CellArea]] = {}
    tags = (f"{{{OFFICE}}}automatic-styles", f"{{{CALCEXT}}}conditional-format")
    for element in box.xml_elements("content.xml", tags):
        if str(element.tag) == tags[0]:
            book.read(element)
        else:
            table, found = conditional_format_areas(element, book)
            areas.setdefault(table, []).extend(found)
        release_children(element)
    return areas


def _part_findings(box: ZipContainer) -> list[Finding]:
    findings: list[Finding] = []
    for name, rule in box.parts_with_rule(PART_RULES):
        if rule is not None:
            findings.append(Finding(rule[1], rule[2], name, rule[3]))
        elif not PLAIN_PARTS.match(name):
            findings.append(
                Finding(
                    "ods.unknown_part", Severity.BLOCK, name, "A part the gate does not know may hold data."
                )
            )
    return findings


MANIFEST = "META-INF/manifest.xml"
MANIFEST_NS = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
UNLISTED_PARTS = re.compile(r"^(mimetype|META-INF/manifest\.xml|Configurations2/.*)$")


def manifest_findings(box: ZipContainer) -> list[Finding]:
    """A block for each part the manifest does not list: an ODF program need not read it, and the gate
    cannot say what it is (``ods.unaccounted``). A package without a manifest is not a spreadsheet
    the gate can account for."""
    if not box.has(MANIFEST):
        return [Finding("ods.unaccounted", Severity.BLOCK, MANIFEST, "The package has no manifest.")]
    listed = {
        entry.get(f"{{{MANIFEST_NS}}}full-path", "")
        for entry in box.xml(MANIFEST).iter(f"{{{MANIFEST_NS}}}file-entry")
    }
    return [
        Finding(
            "ods.unaccounted",
            Severity.BLOCK,
            name,
            "A part is in the file that the manifest does not list; it may hold data no program shows.",
        )
        for name in box.names
        if not name.endswith("/") and name not in listed and not UNLISTED_PARTS.match(name)
    ]


def _meta_findings(box: ZipContainer) -> list[Finding]:
    if not box.has("meta.xml"):
        return []
    findings: list[Finding] = []
    for element in box.xml("meta.xml").iter():
        if not isinstance(element.tag, str):
            continue
        local = etree.QName(element).localname
        if local in META_PROPERTIES and (element.text or "").strip():
            findings.append(
                Finding(
                    "ods.document_properties",
                    Severity.WARN,
                    f"meta.xml {local}",
                    f"The document property {local} is set (it can name the author).",
                )
            )
        elif local == "user-defined":
            findings.append(
                Finding(
                    "ods.custom_properties", Severity.WARN, "meta.xml", "Custom document properties are set."
                )
            )
    return findings


def _settings_findings(box: ZipContainer) -> list[Finding]:
    if not box.has("settings.xml"):
        return []
    for item in box.xml("settings.xml").iter(f"{{{CONFIG}}}config-item"):
        if item.get(f"{{{CONFIG}}}name") == "PrinterName" and (item.text or "").strip():
            return [
                Finding(
                    "ods.printer_settings", Severity.WARN, "settings.xml", "The sender's printer is named."
                )
            ]
    return []


class _ContentScan:
    """One streamed pass over content.xml."""

    def __init__(self, book: StyleBook, conditional: dict[str, list[CellArea]]) -> None:
        self.styles = book
        self.conditional = conditional
        self.findings: list[Finding] = []
        self.table: OdsTable | None = None
        self.hidden_groups = 0
        self.tallies: dict[str, Tally] = {}
        self.row_number = 0

    def run(self, box: ZipContainer) -> list[Finding]:
        for event, element in box.xml_events("content.xml", STREAM_TAGS, ("start", "end")):
            self._event(event, element)
        return self.findings

    def _event(self, event: str, element: etree._Element) -> None:
        tag = str(element.tag)
        if tag in (f"{{{TABLE}}}table-row-group", f"{{{TABLE}}}table-column-group"):
            if element.get(f"{{{TABLE}}}display") == "false":
                self.hidden_groups += 1 if event == "start" else -1
            return
        if event == "start":
            if tag == f"{{{TABLE}}}table":
                self._start_table(element)
            return
        if tag == f"{{{OFFICE}}}automatic-styles":
            self.styles.read(element)
        elif tag == f"{{{TABLE}}}table":
            self._end_table()
        elif tag == f"{{{TABLE}}}table-column" and self.table is not None:
            self.table.add_columns(element, column_is_hidden(element, self.styles, self.hidden_groups))
        elif tag == f"{{{TABLE}}}table-row" and self.table is not None:
            self._row(element)
            release_children(element)
        elif tag in (f"{{{TABLE}}}named-range", f"{{{TABLE}}}named-expression"):
            self._named(element)
        elif tag == f"{{{TABLE}}}database-range":
            if any(str(child.tag).startswith(f"{{{TABLE}}}database-source") for child in element):
                self.findings.append(
                    Finding(
                        "ods.data_connection",
                        Severity.BLOCK,
                        element.get(f"{{{TABLE}}}name", "database range"),
                        "A database range is fed from a data source (server names, queries).",
                    )
                )
        elif tag in OTHER_TEXT:
            self.findings += other_text_findings(element)
        elif tag in ELEMENT_RULES:
            code, severity, message = ELEMENT_RULES[tag]
            where = element.get(f"{{{TABLE}}}name") or (self.table.name if self.table else "content.xml")
            self.findings.append(Finding(code, severity, where, message))

    def _start_table(self, element: etree._Element) -> None:
        name = element.get(f"{{{TABLE}}}name", "table")
        hidden = self.styles.table_hidden(element.get(f"{{{TABLE}}}style-name", ""))
        self.table = OdsTable(name, hidden, conditional=self.conditional.get(name, []))
        self.row_number = 0
        self.tallies = {code: Tally(code, severity, message) for code, severity, message in CELL_TALLIES}
        if hidden:
            self.findings.append(
                Finding(
                    "ods.hidden_sheet",
                    Severity.BLOCK,
                    name,
                    "The sheet is hidden; unhiding it takes a click.",
                )
            )

    def _end_table(self) -> None:
        if self.table is not None:
            self.findings += [t.finding(self.table.name) for t in self.tallies.values() if t.count]
        self.table = None

    def _row(self, row: etree._Element) -> None:
        assert self.table is not None
        if self.table.hidden:
            return
        number = self.row_number + 1
        self.row_number += min(int(row.get(f"{{{TABLE}}}number-rows-repeated", "1")), 1_048_576)
        row_hidden = row_is_hidden(row, self.styles, self.hidden_groups)
        row_default = row.get(f"{{{TABLE}}}default-cell-style-name")
        col = 0
        for cell in row:
            repeat = int(cell.get(f"{{{TABLE}}}number-columns-repeated", "1"))
            if has_content(cell):
                place = f"{column_letters(col + 1)}{number}"
                if row_hidden:
                    self.tallies["ods.hidden_row"].add(place)
                else:
                    self._cell(cell, col, number, repeat, row_default, place)
            col += repeat

    def _cell(
        self, cell: etree._Element, col: int, number: int, repeat: int, row_default: str | None, place: str
    ) -> None:
        assert self.table is not None
        columns = range(col, col + min(repeat, 16_384))
        if any(self.table.column_hidden(c) for c in columns):
            self.tallies["ods.hidden_column"].add(place)
        if str(cell.tag) == f"{{{TABLE}}}covered-table-cell":
            self.tallies["ods.merged_hidden_value"].add(place)
        if self.table.under_shape(cell, number, col + 1, self.styles) and _has_value(cell):
            self.tallies["ods.covered_by_shape"].add(place)
        conditional = any(self.table.conditionally_hidden(number, c + 1) for c in columns)
        styles = {cell_style(cell, row_default, self.table.column_style(c)) for c in columns}
        for style in styles:
            verdict = cell_verdict(cell, style, self.styles, conditional)
            for code in verdict.codes:
                self.tallies[code].add(place)
            if personal_data_kind(verdict.text):
                self.tallies["ods.personal_data"].add(place)

    def _named(self, element: etree._Element) -> None:
        name = element.get(f"{{{TABLE}}}name", "")
        target = str(
            element.get(f"{{{TABLE}}}cell-range-address") or element.get(f"{{{TABLE}}}expression") or ""
        )
        if element.get(f"{{{TABLE}}}cell-range-address") is None or '"' in target:
            self.findings.append(
                Finding(
                    "ods.name_with_data",
                    Severity.BLOCK,
                    name,
                    "A named expression holds a value or text of its own.",
                )
            )
        else:
            self.findings.append(
                Finding(
                    "ods.defined_name",
                    Severity.WARN,
                    name,
                    f"A named range points at {target[:80]}: check it leads to no hidden data.",
                )
            )


CELL_TALLIES = (
    ("ods.hidden_row", Severity.BLOCK, "Hidden rows (or rows too low to read) hold data."),
    ("ods.hidden_column", Severity.BLOCK, "Hidden columns (or columns narrower than a character) hold data."),
    ("ods.formula", Severity.BLOCK, "Formulas reveal how figures were made and what they refer to."),
    ("ods.comment", Severity.BLOCK, "Cell comments (annotations) are in the spreadsheet."),
    ("ods.invisible_text", Severity.BLOCK, "Text is formatted so that it cannot be seen."),
    (
        "ods.hidden_by_format",
        Severity.BLOCK,
        "A number format shows fixed text or nothing instead of the value, or paints it in the "
        "background's colour.",
    ),
    (
        "ods.conditional_hiding",
        Severity.BLOCK,
        "A conditional format that can hide text applies to cells with values.",
    ),
    (
        "ods.unaccounted",
        Severity.BLOCK,
        "The gate cannot tell whether a cell's content can be seen (a style or an element it cannot "
        "account for).",
    ),
    ("ods.drawing", Severity.WARN, "A shape or picture is anchored to a cell; it can cover others."),
    ("ods.merged_hidden_value", Severity.BLOCK, "A merged cell hides the values beneath it."),
    (
        "ods.covered_by_shape",
        Severity.BLOCK,
        "A filled shape, a picture or a chart lies over cells with values and hides them.",
    ),
    ("ods.personal_data", Severity.WARN, PERSONAL_DATA_MESSAGE),
)


def row_is_hidden(row: etree._Element, styles: StyleBook, hidden_groups: int) -> bool:
    return (
        hidden_groups > 0
        or row.get(f"{{{TABLE}}}visibility", "visible") != "visible"
        or styles.row_hidden(row.get(f"{{{TABLE}}}style-name", ""))
    )


def column_is_hidden(column: etree._Element, styles: StyleBook, hidden_groups: int) -> bool:
    return (
        hidden_groups > 0
        or column.get(f"{{{TABLE}}}visibility", "visible") != "visible"
        or styles.column_hidden(column.get(f"{{{TABLE}}}style-name", ""))
    )


def _mentions(chunks: Iterator[bytes], needle: bytes) -> bool:
    """Whether streamed bytes contain ``needle``, also across two chunks."""
    carry = b""
    for chunk in chunks:
        if needle in carry + chunk[: len(needle)] or needle in chunk:
            return True
        carry = chunk[-len(needle) :]
    return False


def _has_value(cell: etree._Element) -> bool:
    """A value or text of its own (a cell holding only a shape's anchor has none)."""
    return bool(cell.get(f"{{{OFFICE}}}value-type") or cell.find(f"{{{TEXT}}}p") is not None)


def load_styles(box: ZipContainer) -> StyleBook:
    """The named, default and automatic styles of ``styles.xml`` (``content.xml``'s own automatic
    styles are added as the content is streamed)."""
    book = StyleBook()
    if box.has("styles.xml"):
        book.read(box.xml("styles.xml"))
    return book


# --- the clean copy ---------------------------------------------------------------------------------


def sanitise_ods(source: str, target: str, limits: InspectionLimits) -> None:
    """Write a fresh ODS of the visible cells' values and text of ``source``'s visible tables."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    with ZipContainer(source, limits) as box:
        for name, rows in _visible_tables(box):
            table = Table(name=name)
            for cells in rows:
                row = TableRow()
                for cell in cells:
                    row.addElement(_fresh_cell(cell, TableCell, P))
                table.addElement(row)
            document.spreadsheet.addElement(table)
    if not document.spreadsheet.childNodes:
        raise CannotSanitise("the spreadsheet has no visible table")
    document.save(target)


def _fresh_cell(cell: OdsCell, cell_class: type, paragraph: type) -> object:
    text = redact_personal_data(cell.text)
    attributes: dict[str, object] = {}
    if cell.repeat > 1:
        attributes["numbercolumnsrepeated"] = cell.repeat
    if cell.value_type in ("float", "percentage", "currency"):
        attributes.update(valuetype=cell.value_type, value=cell.value)
    elif cell.value_type == "date":
        attributes.update(valuetype="date", datevalue=cell.value)
    elif cell.value_type == "time":
        attributes.update(valuetype="time", timevalue=cell.value)
    elif cell.value_type == "boolean":
        attributes.update(valuetype="boolean", booleanvalue=cell.value)
    elif cell.value_type or text:
        attributes["valuetype"] = "string"
    fresh = cell_class(**attributes)
    for line in text.split("\n") if text else []:
        fresh.addElement(paragraph(text=line))
    return fresh


def _visible_tables(box: ZipContainer) -> Iterator[tuple[str, list[list[OdsCell]]]]:
    styles = load_styles(box)
    conditional = conditional_areas(box, load_styles(box))
    table: OdsTable | None = None
    rows: list[list[OdsCell]] = []
    hidden_groups = 0
    row_number = 0
    tags = (*STREAM_TAGS[:6], f"{{{TABLE}}}shapes")
    for event, element in box.xml_events("content.xml", tags, ("start", "end")):
        tag = str(element.tag)
        if tag in (f"{{{TABLE}}}table-row-group", f"{{{TABLE}}}table-column-group"):
            if element.get(f"{{{TABLE}}}display") == "false":
                hidden_groups += 1 if event == "start" else -1
        elif event == "start":
            if tag == f"{{{TABLE}}}table":
                name = element.get(f"{{{TABLE}}}name", "Sheet")
                hidden = styles.table_hidden(element.get(f"{{{TABLE}}}style-name", ""))
                table, rows, row_number = OdsTable(name, hidden, conditional=conditional.get(name, [])), [], 0
        elif tag == f"{{{OFFICE}}}automatic-styles":
            styles.read(element)
        elif tag == f"{{{TABLE}}}shapes" and table is not None and not table.hidden:
            if any(shape_is_opaque(shape, styles) for shape in element if isinstance(shape.tag, str)):
                raise CannotSanitise(
                    f"shapes placed on the page of {table.name!r} may cover cells, and the copy cannot "
                    "tell which"
                )
        elif tag == f"{{{TABLE}}}table-column" and table is not None:
            table.add_columns(element, column_is_hidden(element, styles, hidden_groups))
        elif tag == f"{{{TABLE}}}table-row" and table is not None:
            repeat = int(element.get(f"{{{TABLE}}}number-rows-repeated", "1"))
            if not table.hidden and not row_is_hidden(element, styles, hidden_groups):
                cells = _visible_cells(element, row_number + 1, table, styles)
                copies = min(repeat, MAX_REPEATED_ROWS_COPIED) if cells else 1
                rows.extend([cells] * copies)
            row_number += min(repeat, 1_048_576)
            release_children(element)
        elif tag == f"{{{TABLE}}}table" and table is not None:
            if not table.hidden:
                yield table.name, _without_trailing_empty(rows)
            table = None


def _visible_cells(row: etree._Element, number: int, table: OdsTable, styles: StyleBook) -> list[OdsCell]:
    """The row's cells a reader sees, column by column; a hidden cell is left empty in its place."""
    cells: list[OdsCell] = []
    row_default = row.get(f"{{{TABLE}}}default-cell-style-name")
    col = 0
    for cell in row:
        repeat = min(int(cell.get(f"{{{TABLE}}}number-columns-repeated", "1")), 16_384)
        covered = str(cell.tag) == f"{{{TABLE}}}covered-table-cell"
        if covered or not has_content(cell):
            cells.append(
                OdsCell("", "", "", repeat - sum(map(table.column_hidden, range(col, col + repeat))))
            )
            col += repeat
            continue
        for offset in range(repeat):
            at = col + offset
            if table.column_hidden(at):
                continue
            if table.under_shape(cell, number, at + 1, styles) and _has_value(cell):
                cells.append(OdsCell("", "", "", 1))
                continue
            style = cell_style(cell, row_default, table.column_style(at))
            verdict = cell_verdict(cell, style, styles, table.conditionally_hidden(number, at + 1))
            if verdict.hidden:
                cells.append(OdsCell("", "", "", 1))
                continue
            value_type = cell.get(f"{{{OFFICE}}}value-type", "")
            value = (
                cell.get(f"{{{OFFICE}}}value")
                or cell.get(f"{{{OFFICE}}}date-value")
                or cell.get(f"{{{OFFICE}}}time-value")
                or cell.get(f"{{{OFFICE}}}boolean-value")
                or ""
            )
            cells.append(OdsCell(value_type, value, verdict.text, 1))
        col += repeat
    cells = [cell for cell in cells if cell.repeat > 0]
    while cells and not cells[-1].value_type and not cells[-1].text:
        cells.pop()
    return cells


def _without_trailing_empty(rows: list[list[OdsCell]]) -> list[list[OdsCell]]:
    while rows and not rows[-1]:
        rows.pop()
    return rows
