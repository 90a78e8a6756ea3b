"""Release-gate inspection of Excel workbooks (XLSX, XLSM).

The PSNI released a workbook whose hidden sheet listed 9,483 officers and staff (8 August 2023;
ICO fine £750,000, UK GDPR Art 5(1)(f) and 32). So the gate reads the OOXML parts themselves
(every part in the ZIP, every row and cell of every sheet, streamed) and cross-checks what openpyxl
sees: nothing may hide in a corner of the format that a library's model leaves out.

A big sheet is never held in memory: its rows are streamed a megabyte at a time, plain stretches
judged as bytes (``xlsx_rows``) and the rest cell by cell through lxml. The clean copy is written by
``xlsx_copy`` with the same rules of what a reader sees (``SheetLayout``).
"""

from __future__ import annotations

import bisect
import colorsys
import itertools
import posixpath
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from xml.sax.saxutils import unescape

from lxml import etree

from foidesk.core.release_check.archive import ZipContainer, release_children
from foidesk.core.release_check.findings import (
    CannotInspect,
    Finding,
    InspectionLimits,
    Severity,
)
from foidesk.core.release_check.personal_data import batches, personal_data_kind, strings_with_personal_data
from foidesk.core.release_check.xlsx_rows import (
    FLAGGED_PATTERN_LIMIT,
    PLAIN_STRING_ITEMS,
    NotPlainSheet,
    SheetSections,
    cells_with_styles,
    flagged_pattern,
    judged,
    last_row_number,
    plain_rows,
    row_span,
    stretch_test,
)

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
TINY_FONT_POINTS = 4.0  # text below 4 pt cannot be read on screen or paper
MIN_ROW_POINTS = TINY_FONT_POINTS  # nor can anything in a row lower than that
# A column narrower than one character (in Excel's width units, the width of a "0") shows a sliver of
# a value at most, or "#": its values count as hidden. Excel shows such a column as a hairline.
MIN_COLUMN_WIDTH = 1.0
SAME_COLOUR_DISTANCE = 24  # font and fill closer than this per RGB channel are indistinguishable
EXAMPLES_PER_FINDING = 3
TRUE = ("1", "true")
# Excel's default palette of indexed colours (ECMA-376 part 1, 18.8.27); 64 and 65 are the system
# foreground and background. A workbook may replace entries with its own (``<indexedColors>``).
DEFAULT_PALETTE = (
    "000000",
    "FFFFFF",
    "FF0000",
    "00FF00",
    "0000FF",
    "FFFF00",
    "FF00FF",
    "00FFFF",
    "000000",
    "FFFFFF",
    "FF0000",
    "00FF00",
    "0000FF",
    "FFFF00",
    "FF00FF",
    "00FFFF",
    "800000",
    "008000",
    "000080",
    "808000",
    "800080",
    "008080",
    "C0C0C0",
    "808080",
    "9999FF",
    "993366",
    "FFFFCC",
    "CCFFFF",
    "660066",
    "FF8080",
    "0066CC",
    "CCCCFF",
    "000080",
    "FF00FF",
    "FFFF00",
    "00FFFF",
    "800080",
    "800000",
    "008080",
    "0000FF",
    "00CCFF",
    "CCFFFF",
    "CCFFCC",
    "FFFF99",
    "99CCFF",
    "FF99CC",
    "CC99FF",
    "FFCC99",
    "3366FF",
    "33CCCC",
    "99CC00",
    "FFCC00",
    "FF9900",
    "FF6600",
    "666699",
    "969696",
    "003366",
    "339966",
    "003300",
    "333300",
    "993300",
    "993366",
    "333399",
    "333333",
    "000000",
    "FFFFFF",
)
# The Office theme's colours (dk1, lt1, dk2, lt2, accent1-6, hlink, folHlink), for a workbook without one.
DEFAULT_THEME = (
    "000000", "FFFFFF", "44546A", "E7E6E6", "4472C4", "ED7D31",
    "A5A5A5", "FFC000", "5B9BD5", "70AD47", "0563C1", "954F72",
)  # fmt: skip
UNACCOUNTED = "the gate cannot resolve"  # the start of a reason that is an ``xlsx.unaccounted`` finding


@dataclass(frozen=True, slots=True)
class Colours:
    """What a workbook's colour references resolve against: its theme and its indexed palette."""

    theme: tuple[str, ...] = DEFAULT_THEME
    indexed: tuple[str, ...] = DEFAULT_PALETTE


# Theme colour index -> position in the theme's clrScheme: Excel swaps dark/light 1 and 2.
THEME_ORDER = (1, 0, 3, 2, 4, 5, 6, 7, 8, 9, 10, 11)
ERROR_VALUES = frozenset(
    {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA"}
)
DATE_BUILTINS = frozenset({14, 15, 16, 17, 22, 27, 30, 36, 50, 57})
TIME_BUILTINS = frozenset({18, 19, 20, 21, 45, 46, 47})
PLAIN_BUILTINS = frozenset({1, 2, 3, 4, 9, 10, 11, 37, 38, 39, 40, 48, 49})
FRESH_DATE = (-1, "yyyy-mm-dd")  # ISO dates in data (DESIGN.md, conventions of the field)
FRESH_DATE_TIME = (-1, "yyyy-mm-dd hh:mm:ss")
FRESH_TIME = (-1, "hh:mm:ss")
SAFE_NUMBER_SECTION = re.compile(r"[£$€%()\- ]*[0#?][0#?,.%£$€()\- ]*|@?")

# Parts a plain workbook has; anything else is classified below or blocked as unknown.
PLAIN_PARTS = re.compile(
    r"^(\[Content_Types\]\.xml|_rels/\.rels|docProps/(core|app)\.xml|xl/workbook\.xml|xl/styles\.xml"
    r"|xl/sharedStrings\.xml|xl/calcChain\.xml|xl/metadata\.xml|xl/theme/theme\d*\.xml"
    r"|xl/worksheets/sheet\d*\.xml|xl/chartsheets/sheet\d*\.xml|xl/tables/table\d*\.xml"
    r"|(.*/)?_rels/[^/]*\.rels)$"
)
PART_RULES: tuple[tuple[re.Pattern[str], str, Severity, str], ...] = tuple(
    (re.compile(pattern), code, severity, message)
    for pattern, code, severity, message in (
        (
            r"^xl/vbaProject(Signature)?\.bin$|^xl/macrosheets/",
            "xlsx.macro",
            Severity.BLOCK,
            "The workbook contains macros (VBA or Excel 4.0).",
        ),
        (
            r"^xl/externalLinks/",
            "xlsx.external_link",
            Severity.BLOCK,
            "The workbook links to another workbook and keeps a copy of its data.",
        ),
        (
            r"^xl/pivotCache/",
            "xlsx.pivot_cache",
            Severity.BLOCK,
            "A pivot cache holds a full copy of the pivot table's source data.",
        ),
        (
            r"^xl/pivotTables/",
            "xlsx.pivot_table",
            Severity.BLOCK,
            "A pivot table can be expanded to show the records behind it.",
        ),
        (
            r"^xl/connections\.xml$",
            "xlsx.data_connection",
            Severity.BLOCK,
            "The workbook holds a connection to a database or file (server names, queries).",
        ),
        (
            r"^xl/queryTables/",
            "xlsx.query_table",
            Severity.BLOCK,
            "A query table pulls data from an external source.",
        ),
        (
            r"^xl/(embeddings|activeX|ctrlProps)/",
            "xlsx.embedded_object",
            Severity.BLOCK,
            "An embedded object (another document, a control) is inside the workbook.",
        ),
        (
            r"^xl/media/",
            "xlsx.embedded_image",
            Severity.WARN,
            "An image is embedded; it may carry its own metadata or show more than intended.",
        ),
        (r"^xl/comments", "xlsx.comment", Severity.BLOCK, "Cell comments (notes) are in the workbook."),
        (
            r"^xl/(threadedComments|persons)/",
            "xlsx.threaded_comment",
            Severity.BLOCK,
            "Threaded comments, with the names of the people who wrote them, are in the workbook.",
        ),
        (r"^xl/charts/", "xlsx.chart", Severity.WARN, "A chart keeps its own copy of the data it plots."),
        (
            r"^xl/drawings/",
            "xlsx.drawing",
            Severity.WARN,
            "Drawings (shapes, text boxes) can cover cells or hold text of their own.",
        ),
        (
            r"^xl/(slicers|slicerCaches|timelines|timelineCaches)/",
            "xlsx.pivot_cache",
            Severity.BLOCK,
            "Slicers and timelines read from a pivot or data-model cache.",
        ),
        (
            r"^xl/model/",
            "xlsx.data_model",
            Severity.BLOCK,
            "A data model (Power Pivot) holds a copy of source tables.",
        ),
        (
            r"^xl/(revisions/|userNames\.xml)",
            "xlsx.revisions",
            Severity.BLOCK,
            "Shared-workbook revision history keeps earlier values and the names of editors.",
        ),
        (r"^customXml/", "xlsx.custom_xml", Severity.BLOCK, "Custom XML parts can hold any data."),
        (
            r"^docProps/custom\.xml$",
            "xlsx.custom_properties",
            Severity.WARN,
            "Custom document properties are set.",
        ),
        (
            r"^docProps/thumbnail",
            "xlsx.thumbnail",
            Severity.WARN,
            "A thumbnail picture of the sheet as last saved is kept.",
        ),
        (
            r"^xl/printerSettings/",
            "xlsx.printer_settings",
            Severity.WARN,
            "Printer settings name the sender's printer.",
        ),
    )
)
CORE_PROPERTIES = ("creator", "lastModifiedBy", "description", "keywords", "subject", "category")
APP_PROPERTIES = ("Company", "Manager", "HyperlinkBase")


# --- reading the workbook's structure ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CellArea:
    """A rectangle of cells, 1-based and inclusive (a print area, a merged range)."""

    min_row: int
    min_col: int
    max_row: int
    max_col: int

    def contains(self, row: int, col: int) -> bool:
        return self.min_row <= row <= self.max_row and self.min_col <= col <= self.max_col


@dataclass(frozen=True, slots=True)
class SheetEntry:
    name: str
    state: str
    part: str
    position: int
    is_worksheet: bool


@dataclass(frozen=True, slots=True)
class DefinedName:
    name: str
    value: str
    hidden: bool
    sheet_position: int | None


@dataclass(slots=True)
class Book:
    """What workbook.xml and its relationships say: sheets, names, print areas, the date system."""

    sheets: list[SheetEntry]
    names: list[DefinedName]
    print_areas: dict[int, list[CellArea]]
    date1904: bool
    shared_strings: str | None
    styles: str | None
    referenced: set[str]
    protected: bool
    shared_by: str


@dataclass(slots=True)
class Styles:
    """Per cell format (``s`` index): does it hide its text, and which plain format keeps its look.

    ``plain_formats`` holds (built-in format id, custom format code): id -1 for a custom code.
    """

    invisible: dict[int, str]
    plain_formats: list[tuple[int, str]]
    plain_background: frozenset[int] = frozenset({0})  # formats with no fill, or a white one
    theme: Colours = Colours()  # the theme and palette, for rich-text runs
    by_value: dict[int, tuple[str, ...]] = field(default_factory=dict)  # see ``format_hiding``
    dxf_hiding: dict[int, str] = field(
        default_factory=dict
    )  # each conditional format: why it can hide text, or ''

    def value_styles(self) -> dict[int, str]:
        """Formats that hide some or all values: their cells leave the byte path to be judged one by one."""
        return {**self.invisible, **dict.fromkeys(self.by_value, "by value")}


def inspect_xlsx(path: str, limits: InspectionLimits) -> list[Finding]:
    """Every finding in an XLSX/XLSM file: parts, properties, names, sheets, rows, columns, cells."""
    with ZipContainer(path, limits) as box:
        book = read_book(box)
        findings = _part_findings(box, book)
        findings += _property_findings(box)
        findings += _name_findings(book)
        findings += _sheet_state_findings(book)
        styles = read_styles(box)
        flagged, _ = strings_with_personal_data(shared_string_batches(box, book))
        faint = set(hidden_runs(box, book))
        for sheet in book.sheets:
            if sheet.is_worksheet and box.has(sheet.part):
                findings += SheetScan(sheet, book, styles, flagged, faint).run(box)
    findings += _openpyxl_findings(path, book)
    return _deduplicated(findings)


def read_book(box: ZipContainer) -> Book:
    workbook_part = _office_document_part(box)
    root = box.xml(workbook_part)
    rels = _relationships(box, workbook_part)
    sheets: list[SheetEntry] = []
    for position, sheet in enumerate(root.iterfind("{*}sheets/{*}sheet")):
        rel_id = _rel_id(sheet)
        target, kind = rels.get(rel_id, ("", ""))
        sheets.append(
            SheetEntry(
                name=sheet.get("name", f"sheet {position + 1}"),
                state=sheet.get("state", "visible"),
                part=target,
                position=position,
                is_worksheet=kind.endswith("/worksheet"),
            )
        )
    names = [
        DefinedName(
            name=element.get("name", ""),
            value=(element.text or "").strip(),
            hidden=element.get("hidden", "0") in TRUE,
            sheet_position=int(element.get("localSheetId")) if element.get("localSheetId") else None,  # type: ignore[arg-type]
        )
        for element in root.iterfind("{*}definedNames/{*}definedName")
    ]
    properties = root.find("{*}workbookPr")
    sharing = root.find("{*}fileSharing")
    by_kind = {kind.rsplit("/", 1)[-1]: target for target, kind in rels.values()}
    return Book(
        sheets=sheets,
        names=names,
        print_areas=_print_areas(names),
        date1904=properties is not None and properties.get("date1904", "0") in TRUE,
        shared_strings=by_kind.get("sharedStrings"),
        styles=by_kind.get("styles"),
        referenced={target for target, _ in rels.values()} | {workbook_part},
        protected=_structure_locked(root.find("{*}workbookProtection")),
        shared_by=sharing.get("userName", "") if sharing is not None else "",
    )


def _structure_locked(protection: etree._Element | None) -> bool:
    if protection is None:
        return False
    return protection.get("lockStructure", "0") in TRUE or any("assword" in key for key in protection.attrib)


def _office_document_part(box: ZipContainer) -> str:
    if box.has("_rels/.rels"):
        for rel in box.xml("_rels/.rels").iterfind(f"{{{PKG_REL_NS}}}Relationship"):
            if rel.get("Type", "").endswith("/officeDocument"):
                return rel.get("Target", "").lstrip("/")
    if box.has("xl/workbook.xml"):
        return "xl/workbook.xml"
    raise CannotInspect("no workbook part: this is not a readable Excel workbook")


def _relationships(box: ZipContainer, part: str) -> dict[str, tuple[str, str]]:
    """Relationship id -> (target part path, relationship type) for one part."""
    folder, name = posixpath.split(part)
    rels_part = posixpath.join(folder, "_rels", f"{name}.rels")
    if not box.has(rels_part):
        return {}
    result: dict[str, tuple[str, str]] = {}
    for rel in box.xml(rels_part).iterfind(f"{{{PKG_REL_NS}}}Relationship"):
        target = rel.get("Target", "")
        if rel.get("TargetMode") != "External":
            target = (
                target.lstrip("/")
                if target.startswith("/")
                else posixpath.normpath(posixpath.join(folder, target))
            )
        result[rel.get("Id", "")] = (target, rel.get("Type", ""))
    return result


def _rel_id(element: etree._Element) -> str:
    for key, value in element.attrib.items():
        if str(key).endswith("}id"):
            return str(value)
    return ""


def _print_areas(names: list[DefinedName]) -> dict[int, list[CellArea]]:
    areas: dict[int, list[CellArea]] = {}
    for name in names:
        if name.name == "_xlnm.Print_Area" and name.sheet_position is not None:
            parsed = [area for ref in name.value.split(",") if (area := parse_area(ref)) is not None]
            if parsed:
                areas[name.sheet_position] = parsed
    return areas


def parse_area(reference: str) -> CellArea | None:
    """``'Sheet 1'!$A$1:$D$20`` (or ``$A:$D``, ``$1:$5``, ``B2``) -> its rectangle."""
    cells = reference.rsplit("!", 1)[-1].replace("$", "").strip()
    first, _, last = cells.partition(":")
    last = last or first
    start, end = _corner(first, 1), _corner(last, 1_048_576)
    if start is None or end is None:
        return None
    return CellArea(start[0], start[1], end[0], end[1])


def _corner(text: str, default_row: int) -> tuple[int, int] | None:
    match = re.fullmatch(r"([A-Z]{0,3})(\d*)", text.upper())
    if match is None or not (match.group(1) or match.group(2)):
        return None
    letters, digits = match.groups()
    row = int(digits) if digits else default_row
    col = column_index(letters) if letters else (1 if default_row == 1 else 16_384)
    return row, col


_COLUMN_CACHE: dict[str, int] = {}


def column_index(letters: str) -> int:
    """``A`` -> 1, ``AB`` -> 28."""
    cached = _COLUMN_CACHE.get(letters)
    if cached is not None:
        return cached
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - 64
    if len(_COLUMN_CACHE) < 20_000:
        _COLUMN_CACHE[letters] = index
    return index


def column_letters(index: int) -> str:
    letters = ""
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def read_styles(box: ZipContainer) -> Styles:
    part = "xl/styles.xml"
    if not box.has(part):
        return Styles({}, [])
    root = box.xml(part)
    theme = _colours(box, root)
    custom = {
        int(f.get("numFmtId", "0")): f.get("formatCode", "") for f in root.iterfind("{*}numFmts/{*}numFmt")
    }
    fonts = list(root.iterfind("{*}fonts/{*}font"))
    fills = list(root.iterfind("{*}fills/{*}fill"))
    invisible: dict[int, str] = {}
    by_value: dict[int, tuple[str, ...]] = {}
    plain: list[tuple[int, str]] = []
    white: set[int] = set()
    for index, xf in enumerate(root.iterfind("{*}cellXfs/{*}xf")):
        format_id = int(xf.get("numFmtId", "0"))
        code = custom.get(format_id)
        plain.append(_plain_format(format_id, code))
        fill = _nth(fills, xf.get("fillId"))
        background = _background(fill, theme)
        reason = _invisibility(code, _nth(fonts, xf.get("fontId")), fill, theme)
        if reason:
            invisible[index] = reason
        elif code is not None:
            hides = format_hiding(code, background, theme.indexed)
            if all(hides):
                invisible[index] = hides[0]
            elif any(hides):
                by_value[index] = hides
        if background == "FFFFFF":
            white.add(index)
    dxf_hiding = {index: dxf_hides(dxf, theme) for index, dxf in enumerate(root.iterfind("{*}dxfs/{*}dxf"))}
    return Styles(invisible, plain, frozenset(white), theme, by_value, dxf_hiding)


def _nth(elements: list[etree._Element], index: str | None) -> etree._Element | None:
    position = int(index or "0")
    return elements[position] if 0 <= position < len(elements) else None


def _colours(box: ZipContainer, styles: etree._Element | None = None) -> Colours:
    """The theme's colours and the palette (the default one, or the workbook's ``<indexedColors>``)."""
    if styles is None and box.has("xl/styles.xml"):
        styles = box.xml("xl/styles.xml")
    custom = styles.find("{*}colors/{*}indexedColors") if styles is not None else None
    indexed: tuple[str, ...] = DEFAULT_PALETTE
    if custom is not None:
        entries = [entry.get("rgb", "")[-6:].upper() for entry in custom.iterfind("{*}rgbColor")]
        indexed = (*entries, *DEFAULT_PALETTE[len(entries) :])
    return Colours(_theme_colours(box), indexed)


def _theme_colours(box: ZipContainer) -> tuple[str, ...]:
    part = "xl/theme/theme1.xml"
    if not box.has(part):
        return DEFAULT_THEME
    scheme = box.xml(part).find(".//{*}clrScheme")
    colours: list[str] = []
    for slot in scheme if scheme is not None else []:
        value = slot.find("{*}srgbClr")
        system = slot.find("{*}sysClr")
        if value is not None:
            colours.append(value.get("val", "000000").upper())
        elif system is not None:
            colours.append(system.get("lastClr", "000000").upper())
    return tuple(colours)


def _colour(element: etree._Element | None, colours: Colours, default: str) -> str | None:
    """The RGB of a colour element (theme, indexed or RGB, with its tint applied), or None where it
    cannot be resolved (an unknown theme or palette entry, a value that is not a colour)."""
    if element is None or element.get("auto") in TRUE:
        return default
    base: str | None = default
    if element.get("rgb"):
        base = element.get("rgb", "")[-6:].upper()
    elif element.get("theme") is not None:
        index = int(element.get("theme", "0"))
        slot = THEME_ORDER[index] if 0 <= index < len(THEME_ORDER) else -1
        base = colours.theme[slot] if 0 <= slot < len(colours.theme) else None
    elif element.get("indexed") is not None:
        index = int(element.get("indexed", "0"))
        base = colours.indexed[index] if 0 <= index < len(colours.indexed) else None
    if base is None or re.fullmatch(r"[0-9A-F]{6}", base) is None:
        return None
    try:
        tint = float(element.get("tint", "0") or "0")
    except ValueError:
        return None
    return _tinted(base, tint) if tint else base


def _tinted(rgb: str, tint: float) -> str:
    """An RGB colour lightened (tint > 0) or darkened (tint < 0) in HLS, as Excel does (ECMA-376 part
    1, 18.8.19 ``tint``)."""
    hue, light, saturation = colorsys.rgb_to_hls(*(int(rgb[i : i + 2], 16) / 255 for i in (0, 2, 4)))
    tint = max(-1.0, min(1.0, tint))
    light = light * (1 + tint) if tint < 0 else light * (1 - tint) + tint
    red, green, blue = colorsys.hls_to_rgb(hue, light, saturation)
    return "".join(f"{round(channel * 255):02X}" for channel in (red, green, blue))


def _invisibility(
    code: str | None, font: etree._Element | None, fill: etree._Element | None, theme: Colours
) -> str:
    """Why text in this format cannot be seen (``;;;``, tiny, same colour as its fill), or ''."""
    if code is not None and all(not section.strip().strip('"') for section in code.split(";")):
        return f"the number format {code!r} shows nothing"
    if font is not None:
        size = font.find("{*}sz")
        if size is not None and float(size.get("val", "11")) < TINY_FONT_POINTS:
            return f"a {size.get('val')} pt font is too small to read"
    text = _colour(font.find("{*}color") if font is not None else None, theme, "000000")
    background = _background(fill, theme)
    if text is None or background is None:
        what = "text colour" if text is None else "background"
        return f"{UNACCOUNTED} the {what} to a colour, so cannot tell whether the text shows"
    if colour_distance(text, background) < SAME_COLOUR_DISTANCE:
        return f"text coloured #{text} on a #{background} background cannot be seen"
    return ""


# --- number formats, section by section ----------------------------------------------------------

VALUE_KINDS = ("positive", "negative", "zero", "text")
# Colour names a number format may use ([Red]); [ColorN] is entry N + 7 of the palette.
FORMAT_COLOURS = {
    "black": "000000",
    "white": "FFFFFF",
    "red": "FF0000",
    "green": "00FF00",
    "blue": "0000FF",
    "yellow": "FFFF00",
    "magenta": "FF00FF",
    "cyan": "00FFFF",
}
FORMAT_LITERALS = re.compile(r'"[^"]*"|\\.|_.|\*.')
FORMAT_BRACKETS = re.compile(r"\[([^\]]*)\]")
FORMAT_CONDITION = re.compile(r"^[<>=]")
SHOWS_NUMBER = re.compile(r"[0#?]|general|[dmyhse]", re.IGNORECASE)


def format_sections(code: str) -> list[str]:
    """A format code cut at each ``;`` that is not quoted or escaped."""
    sections: list[str] = []
    current = ""
    quoted = escaped = False
    for char in code:
        if escaped:
            escaped = False
        elif char == "\\" and not quoted:
            escaped = True
        elif char == '"':
            quoted = not quoted
        elif char == ";" and not quoted:
            sections.append(current)
            current = ""
            continue
        current += char
    return [*sections, current]


def format_hiding(code: str, background: str | None, palette: tuple[str, ...] = ()) -> tuple[str, ...]:
    """For each kind of value (``VALUE_KINDS``), why this format hides it, or '' where it shows it.

    Excel picks a section by the value: one section serves every number; with two, the second is
    for negatives; with three, the third for zero; the fourth is for text, which otherwise is shown
    as it is (in the first section's colour, here, to fail closed). A section hides its value when it
    is empty, shows only literal text (``"n/a"``), or paints it in the background's colour. Sections
    chosen by a condition (``[>100]``) are not evaluated: any hiding section then counts for all.
    """
    sections = format_sections(code)
    if len(sections) > 4:
        return tuple(f"the number format {code!r} has more than four sections" for _ in VALUE_KINDS)
    count = len(sections)
    chosen = (
        sections[0],
        sections[1] if count >= 2 else sections[0],
        sections[2] if count >= 3 else sections[0],
        sections[3] if count >= 4 else None,
    )
    reasons: list[str] = []
    conditional = False
    for kind, section in zip(VALUE_KINDS, chosen, strict=True):
        if section is None:  # text shown as it is, in the first section's colour
            colour = _section_colour(sections[0], palette)
            reasons.append(_colour_hides(code, colour, background))
            continue
        conditional = conditional or any(FORMAT_CONDITION.match(b) for b in FORMAT_BRACKETS.findall(section))
        reasons.append(_section_hides(code, section, kind, background, palette))
    if conditional and any(reasons):
        return tuple(f"the number format {code!r} hides values by a condition" for _ in VALUE_KINDS)
    return tuple(reasons)


def _section_colour(section: str, palette: tuple[str, ...]) -> str | None:
    """The RGB a section paints its value, '' for none given, None if it names one not known."""
    for bracket in FORMAT_BRACKETS.findall(FORMAT_LITERALS.sub("", section)):
        name = bracket.strip().lower()
        if name in FORMAT_COLOURS:
            return FORMAT_COLOURS[name]
        number = re.fullmatch(r"colou?r\s*(\d{1,2})", name)
        if number is not None:
            index = int(number.group(1)) + 7
            if index < len(palette):
                return palette[index]
            return DEFAULT_PALETTE[index] if index < len(DEFAULT_PALETTE) else None
    return ""


def _colour_hides(code: str, colour: str | None, background: str | None) -> str:
    if colour == "":
        return ""
    if colour is None or background is None:
        return f"the number format {code!r} uses a colour the gate cannot compare with its background"
    if colour_distance(colour, background) < SAME_COLOUR_DISTANCE:
        return f"the number format {code!r} paints the value #{colour} on its #{background} background"
    return ""


def _section_hides(
    code: str, section: str, kind: str, background: str | None, palette: tuple[str, ...]
) -> str:
    reason = _colour_hides(code, _section_colour(section, palette), background)
    if reason:
        return reason
    content = FORMAT_BRACKETS.sub("", FORMAT_LITERALS.sub("", section))
    shows = "@" in content if kind == "text" else SHOWS_NUMBER.search(content) is not None
    if shows:
        return ""
    if not section.strip():
        return f"the number format {code!r} shows nothing for a {kind} value"
    return f"the number format {code!r} shows fixed text instead of a {kind} value"


def colour_distance(first: str, second: str) -> int:
    """The largest difference of two RGB colours in one channel (0-255)."""
    return max(abs(int(first[i : i + 2], 16) - int(second[i : i + 2], 16)) for i in (0, 2, 4))


def value_kind(cell_type: str | None, value: str | None) -> str | None:
    """Which section of a number format shows a cell's value (``VALUE_KINDS``), None for any
    (a boolean, an error, a date or a number the gate cannot read: judged by every section)."""
    if cell_type in ("s", "str", "inlineStr"):
        return "text"
    if cell_type not in (None, "n") or value is None:
        return None
    try:
        number = float(value)
    except ValueError:
        return None
    return "positive" if number > 0 else "negative" if number < 0 else "zero"


def format_hides_value(hides: tuple[str, ...], cell_type: str | None, value: str | None) -> str:
    """Why a format's sections (``format_hiding``) hide this value, or ''."""
    kind = value_kind(cell_type, value)
    if kind is None:
        return next((reason for reason in hides if reason), "")
    return hides[VALUE_KINDS.index(kind)]


# --- conditional formatting ----------------------------------------------------------------------


def dxf_hides(dxf: etree._Element, colours: Colours) -> str:
    """Why a conditional format (``dxf``) could hide a cell's text, or ''.

    It hides when its number format hides some value (``format_hiding``), or when its font colour
    is that of its fill. Where it sets only one of the two, the other is taken as Excel's default
    (black text, white cell); a colour it cannot resolve counts as hiding (fail closed).
    """
    code = dxf.find("{*}numFmt")
    font_colour = dxf.find("{*}font/{*}color")
    pattern = dxf.find("{*}fill/{*}patternFill")
    fill_colour = None
    if pattern is not None:  # a conditional fill's colour is its bgColor (fgColor in some writers)
        fill_colour = pattern.find("{*}bgColor")
        fill_colour = fill_colour if fill_colour is not None else pattern.find("{*}fgColor")
    if dxf.find("{*}fill/{*}gradientFill") is not None:
        return "a conditional format paints a gradient the gate cannot compare with the text"
    if pattern is not None and fill_colour is None and pattern.get("patternType", "solid") != "none":
        return "a conditional format fills the cell without saying in which colour"
    background = _colour(fill_colour, colours, "FFFFFF") if fill_colour is not None else "FFFFFF"
    if code is not None and any(format_hiding(code.get("formatCode", ""), background, colours.indexed)):
        return f"a conditional number format {code.get('formatCode', '')!r} hides values"
    if font_colour is None and fill_colour is None:
        return ""
    text = _colour(font_colour, colours, "000000") if font_colour is not None else "000000"
    if text is None or background is None:
        return "a conditional format uses a colour the gate cannot resolve"
    if colour_distance(text, background) < SAME_COLOUR_DISTANCE:
        return f"a conditional format colours text #{text} on #{background}"
    return ""


def conditional_hiding(
    box: ZipContainer, part: str, styles: Styles, mentioned: bool = True
) -> list[CellArea]:
    """The ranges of a sheet where a conditional format could hide text (``hiding_ranges``).

    The rules follow the rows in the XML, so a sheet whose bytes mention conditional formatting
    (``mentioned``, found while its merged ranges are looked for) is read through once for them first.
    """
    if not mentioned:
        return []
    elements = _released(box.xml_elements(part, ("{*}row", "{*}conditionalFormatting")))
    return hiding_ranges(
        (e for e in elements if etree.QName(e).localname == "conditionalFormatting"), styles, part
    )


def hiding_ranges(formats: Iterable[etree._Element], styles: Styles, part: str) -> list[CellArea]:
    """The ranges of these ``conditionalFormatting`` elements where a rule could hide text.

    A rule that applies only to blank cells (``containsBlanks``) hides nothing; no other condition
    is evaluated, so a rule that could hide counts over its whole range (fail closed). A rule hides
    when its format does (``dxf_hides``), when it names a format the styles lack, when a data bar or
    icon set is told not to show the value, or when a colour scale paints a colour near black (the
    default text) or one the gate cannot resolve.
    """
    areas: list[CellArea] = []
    for element in formats:
        if any(_rule_hides(rule, styles) for rule in element.iter("{*}cfRule")):
            sqref = element.get("sqref") or element.findtext("{*}sqref") or ""
            refs = [parse_area(ref) for ref in sqref.split()]
            if not refs or any(area is None for area in refs):
                raise CannotInspect(f"{part}: a conditional format applies to {sqref!r}")
            areas += [area for area in refs if area is not None]
    return areas


def _rule_hides(rule: etree._Element, styles: Styles) -> bool:
    if rule.get("type") == "containsBlanks":
        return False
    for shown in rule.iter("{*}dataBar", "{*}iconSet"):
        if shown.get("showValue", "1") not in TRUE:
            return True
    for colour in rule.iter("{*}color"):
        if rule.find("{*}colorScale") is not None:
            resolved = _colour(colour, styles.theme, "FFFFFF")
            if resolved is None or colour_distance(resolved, "000000") < SAME_COLOUR_DISTANCE:
                return True
    inline = rule.find("{*}dxf")
    if inline is not None:
        return bool(dxf_hides(inline, styles.theme))
    dxf_id = rule.get("dxfId")
    if dxf_id is None:
        return False
    known = styles.dxf_hiding.get(int(dxf_id)) if dxf_id.isdigit() else None
    return known is None or bool(known)  # a format the styles do not hold cannot be accounted for


def _background(fill: etree._Element | None, theme: Colours) -> str | None:
    """The RGB a fill paints behind text (white where there is none), or None if uncertain (a
    gradient, a colour that cannot be resolved)."""
    if fill is not None and fill.find("{*}gradientFill") is not None:
        return None
    pattern = fill.find("{*}patternFill") if fill is not None else None
    if pattern is not None and pattern.get("patternType", "none") not in ("none", ""):
        return _colour(pattern.find("{*}fgColor"), theme, "000000")
    return "FFFFFF"


def hidden_runs(box: ZipContainer, book: Book) -> dict[int, str]:
    """Shared strings with rich-text runs that cannot be seen on a white cell (white, or under 4 pt),
    by index, each with the text a white cell shows."""
    part = book.shared_strings
    if part is None or not box.has(part) or not _contains(box.chunks(part), b"<rPr"):
        return {}
    theme = _colours(box)
    found: dict[int, str] = {}
    for index, si in enumerate(_released(box.xml_elements(part, ["{*}si"]))):
        shown = shown_text(si, theme)
        if shown is not None:
            found[index] = shown
    return found


def shown_text(item: etree._Element, theme: Colours) -> str | None:
    """The text of a string item (shared ``si`` or inline ``is``) a white cell shows, or None if it has
    no run that cannot be seen there."""
    runs = list(item.iterfind("{*}r"))
    shown = [run for run in runs if not _invisibility(None, run.find("{*}rPr"), None, theme)]
    if len(shown) == len(runs):
        return None
    return (item.findtext("{*}t") or "") + "".join(
        t.text or "" for run in shown for t in run.iterfind("{*}t")
    )


def _contains(chunks: Iterator[bytes], needle: bytes) -> bool:
    """Whether the bytes, streamed, contain ``needle`` (also across two chunks)."""
    carry = b""
    for chunk in chunks:
        if needle in carry + chunk[: len(needle)] or needle in chunk:
            return True
        carry = chunk[-(len(needle) - 1) :]
    return False


def _plain_format(format_id: int, code: str | None) -> tuple[int, str]:
    """The fresh workbook's format for a cell: ISO dates and times, plain numbers, else General.

    A custom code is kept only when it is digits, separators and currency signs: a format can
    embed literal text or colours (``[White]``) and so carry or hide data of its own.
    """
    if code is None:
        if format_id in DATE_BUILTINS:
            return FRESH_DATE_TIME if format_id == 22 else FRESH_DATE
        if format_id in TIME_BUILTINS:
            return FRESH_TIME
        return (format_id, "") if format_id in PLAIN_BUILTINS else (0, "")
    lowered = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', "", code).lower()
    if re.search(r"[dy]", lowered) or (re.search(r"m", lowered) and not re.search(r"[0#]", lowered)):
        return FRESH_DATE_TIME if re.search(r"[hs]", lowered) else FRESH_DATE
    if re.search(r"[hs]", lowered):
        return FRESH_TIME
    sections = code.split(";")
    if all(SAFE_NUMBER_SECTION.fullmatch(section) for section in sections) and any(sections):
        return (-1, code)
    return (0, "")


def iter_shared_strings(box: ZipContainer, book: Book) -> Iterator[str]:
    """The shared-string table in order, streamed; phonetic guides (``rPh``) are not shown text."""
    for texts in shared_string_batches(box, book):
        yield from texts


def shared_string_batches(box: ZipContainer, book: Book, size: int = 10_000) -> Iterator[list[str]]:
    """The shared-string table in order, a list of strings at a time.

    A table of plain ``<t>`` items (as Excel writes most) is read as bytes, a chunk at a time; at the
    first item that is not plain, lxml takes over from the start and the items already given are
    skipped.
    """
    part = book.shared_strings
    if part is None or not box.has(part):
        return
    given = 0
    try:
        for texts in _plain_shared_strings(box, part):
            given += len(texts)
            yield texts
        return
    except NotPlainStrings:
        pass
    items = (_string_item_text(si) for si in _released(box.xml_elements(part, ["{*}si"])))
    yield from batches(itertools.islice(items, given, None), size)


def _released(elements: Iterator[etree._Element]) -> Iterator[etree._Element]:
    for element in elements:
        yield element
        release_children(element)


def count_shared_strings(box: ZipContainer, book: Book) -> int:
    """How many strings the table holds: counted as bytes where it is plain, else through lxml."""
    part = book.shared_strings
    if part is None or not box.has(part):
        return 0
    count = 0
    chunks = box.chunks(part)
    head = next(chunks, b"")
    start = SST_START.match(head)
    if start is not None:
        carry = head[start.end() :]
        for chunk in itertools.chain((b"",), chunks):
            carry += chunk
            cut = carry.rfind(b"</si>")
            if cut < 0:
                continue
            body, carry = carry[: cut + len(b"</si>")], carry[cut + len(b"</si>") :]
            if PLAIN_STRING_ITEMS.fullmatch(body) is None:
                break
            count += body.count(b"<si>")
        else:
            if carry.strip() == b"</sst>":
                return count
    return sum(1 for _ in iter_shared_strings(box, book))


class NotPlainStrings(Exception):
    """The shared-string table has rich text, character references or an unusual outline."""


SST_START = re.compile(rb'^(?:\xef\xbb\xbf)?(?:<\?xml[^>]*?encoding="(?i:utf-8)"[^>]*\?>\s*)?<sst\b[^>]*>')
SST_TEXT = re.compile(rb'<si><t(?: xml:space="preserve")?>([^<]*)</t></si>')
XML_ENTITIES = {"&quot;": '"', "&apos;": "'"}


def _plain_shared_strings(box: ZipContainer, part: str) -> Iterator[list[str]]:
    chunks = box.chunks(part)
    head = b""
    for chunk in chunks:
        head += chunk
        if len(head) > 4096:
            break
    start = SST_START.match(head)
    if start is None:
        raise NotPlainStrings(part)
    carry = head[start.end() :]
    for chunk in itertools.chain((b"",), chunks):
        carry += chunk
        cut = carry.rfind(b"</si>")
        if cut < 0:
            continue
        body, carry = carry[: cut + len(b"</si>")], carry[cut + len(b"</si>") :]
        if PLAIN_STRING_ITEMS.fullmatch(body) is None:
            raise NotPlainStrings(part)
        texts = SST_TEXT.findall(body)
        if len(texts) != body.count(b"<si>"):
            raise NotPlainStrings(part)
        if b"&" in body:
            yield [unescape(t.decode("utf-8"), XML_ENTITIES) for t in texts]
        else:
            yield [t.decode("utf-8") for t in texts]
    if carry.strip() != b"</sst>":
        raise NotPlainStrings(part)


def _string_item_text(si: etree._Element) -> str:
    if len(si) == 1 and str(si[0].tag).endswith("}t"):
        return si[0].text or ""
    parts: list[str] = []
    for child in si:
        tag = str(child.tag)
        if tag.endswith("}t"):
            parts.append(child.text or "")
        elif tag.endswith("}r"):
            parts.extend(t.text or "" for t in child.iterfind("{*}t"))
    return "".join(parts)


# --- findings about the workbook as a whole --------------------------------------------------------


def _part_findings(box: ZipContainer, book: Book) -> list[Finding]:
    findings: list[Finding] = []
    for name in box.names:
        if name.endswith("/"):
            continue
        rule = next((r for r in PART_RULES if r[0].search(name)), None)
        if rule is not None:
            if rule[1] == "xlsx.custom_properties" and not _has_custom_properties(box, name):
                continue
            findings.append(Finding(rule[1], rule[2], name, rule[3]))
        elif not PLAIN_PARTS.match(name):
            findings.append(
                Finding(
                    "xlsx.unknown_part", Severity.BLOCK, name, "A part the gate does not know may hold data."
                )
            )
        elif re.match(r"^xl/(worksheets|chartsheets)/sheet\d*\.xml$", name) and name not in book.referenced:
            findings.append(
                Finding(
                    "xlsx.unreferenced_part",
                    Severity.BLOCK,
                    name,
                    "A sheet is in the file but not listed in the workbook: no spreadsheet program shows it.",
                )
            )
    return findings + _internal_path_findings(box)


LOCAL_TARGET = re.compile(r"^(file:|\\\\|[a-z]:[\\/])", re.IGNORECASE)


def _internal_path_findings(box: ZipContainer) -> list[Finding]:
    """Links to files on the sender's computer or network name its folders and servers."""
    findings: list[Finding] = []
    for name in box.names:
        if not name.endswith(".rels"):
            continue
        for rel in box.xml(name).iterfind(f"{{{PKG_REL_NS}}}Relationship"):
            if rel.get("TargetMode") == "External" and LOCAL_TARGET.match(rel.get("Target", "")):
                findings.append(
                    Finding(
                        "xlsx.internal_path",
                        Severity.WARN,
                        name,
                        "A link points at a file on the sender's computer or network (its path names them).",
                    )
                )
    return findings


def _has_custom_properties(box: ZipContainer, name: str) -> bool:
    return any(True for _ in box.xml(name).iter("{*}property"))


def _property_findings(box: ZipContainer) -> list[Finding]:
    findings: list[Finding] = []
    for part, wanted in (("docProps/core.xml", CORE_PROPERTIES), ("docProps/app.xml", APP_PROPERTIES)):
        if not box.has(part):
            continue
        root = box.xml(part)
        for element in root.iter():
            local = etree.QName(element).localname if isinstance(element.tag, str) else ""
            if local in wanted and (element.text or "").strip():
                findings.append(
                    Finding(
                        "xlsx.document_properties",
                        Severity.WARN,
                        f"{part} {local}",
                        f"The document property {local} is set (it can name the author or organisation).",
                    )
                )
    return findings


def _name_findings(book: Book) -> list[Finding]:
    findings: list[Finding] = []
    for name in book.names:
        if name.name.startswith("_xlnm."):
            continue
        if name.hidden:
            findings.append(
                Finding(
                    "xlsx.hidden_name", Severity.BLOCK, name.name, "A hidden defined name is in the workbook."
                )
            )
        elif "!" not in name.value and not name.value.startswith("#REF"):
            findings.append(
                Finding(
                    "xlsx.name_with_data",
                    Severity.BLOCK,
                    name.name,
                    "A defined name holds a value of its own rather than pointing at cells.",
                )
            )
        else:
            findings.append(
                Finding(
                    "xlsx.defined_name",
                    Severity.WARN,
                    name.name,
                    f"A defined name points at {name.value[:80]}: check it leads to no hidden data.",
                )
            )
    return findings


def _sheet_state_findings(book: Book) -> list[Finding]:
    findings: list[Finding] = []
    for sheet in book.sheets:
        if sheet.state == "hidden":
            findings.append(
                Finding(
                    "xlsx.hidden_sheet",
                    Severity.BLOCK,
                    sheet.name,
                    "The sheet is hidden; unhiding it takes a click.",
                )
            )
        elif sheet.state == "veryHidden":
            findings.append(
                Finding(
                    "xlsx.very_hidden_sheet",
                    Severity.BLOCK,
                    sheet.name,
                    "The sheet is 'very hidden': Excel does not list it, but its data is in the file.",
                )
            )
    if book.protected:
        findings.append(
            Finding(
                "xlsx.protected",
                Severity.WARN,
                "workbook",
                "The workbook structure is protected, which stops a reader from seeing hidden sheets.",
            )
        )
    if book.shared_by:
        findings.append(
            Finding(
                "xlsx.document_properties",
                Severity.WARN,
                "xl/workbook.xml fileSharing",
                "A user name is saved.",
            )
        )
    return findings


def _openpyxl_findings(path: str, book: Book) -> list[Finding]:
    """What openpyxl's model of the workbook part says, so no sheet state it reads differently is missed.

    Only the workbook part and its links are read through openpyxl (its document properties
    report a creator "openpyxl" where none is set, so those come from the raw part alone): its
    read-only mode would otherwise parse every sheet once more just to size it.
    """
    from openpyxl.reader.excel import ExcelReader

    try:
        reader = ExcelReader(path, read_only=True, keep_links=True)
        reader.read_manifest()
        reader.read_workbook()
        sheets = [(sheet.name, sheet.state) for sheet, _ in reader.parser.find_sheets()]
        links = list(getattr(reader.wb, "_external_links", []))
    except Exception as error:  # openpyxl raises many kinds on a damaged file; each means "cannot read"
        raise CannotInspect(f"openpyxl cannot read the workbook: {error}") from error
    finally:
        if "reader" in locals():
            reader.archive.close()
    findings: list[Finding] = []
    for name, state in sheets:
        if state in ("hidden", "veryHidden"):
            code = "xlsx.hidden_sheet" if state == "hidden" else "xlsx.very_hidden_sheet"
            findings.append(
                Finding(code, Severity.BLOCK, name, f"The sheet is {state} (as openpyxl reads it).")
            )
    if len(sheets) != len(book.sheets):
        findings.append(
            Finding(
                "xlsx.unreferenced_part",
                Severity.BLOCK,
                "workbook",
                "openpyxl and the workbook part disagree on the sheets.",
            )
        )
    if links:
        findings.append(
            Finding(
                "xlsx.external_link", Severity.BLOCK, "workbook", "The workbook links to another workbook."
            )
        )
    return findings


def _deduplicated(findings: list[Finding]) -> list[Finding]:
    seen: set[tuple[str, str]] = set()
    unique: list[Finding] = []
    for finding in findings:
        key = (finding.code, finding.where)
        if key not in seen:
            seen.add(key)
            unique.append(finding)
    return unique


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


MERGE_INDEX_LIMIT = 4_000_000  # (segment, range) pairs the merge index may hold; more is not a real sheet


class MergeIndex:
    """Merged ranges indexed by row, so a cell is looked up in logarithmic time, not against every range.

    The rows are cut into segments at each range's first row and the row after its last; within a
    segment the same ranges apply, kept sorted by first column. Excel forbids ranges that overlap,
    so a cell lies in at most one: the last range starting at or left of its column. Overlapping
    ranges, or so many tall ranges that the index would outgrow ``MERGE_INDEX_LIMIT``, are not a
    sheet the gate can account for, so it refuses to inspect it (fail closed).
    """

    __slots__ = ("_bounds", "_segments")

    def __init__(self, areas: list[CellArea]) -> None:
        areas = list(set(areas))  # the same range listed twice is one range
        bounds = sorted({a.min_row for a in areas} | {a.max_row + 1 for a in areas})
        starting: dict[int, list[CellArea]] = {}
        ending: dict[int, list[CellArea]] = {}
        for area in areas:
            starting.setdefault(area.min_row, []).append(area)
            ending.setdefault(area.max_row + 1, []).append(area)
        active: set[CellArea] = set()
        segments: list[tuple[list[int], list[CellArea]]] = []
        held = 0
        for bound in bounds:
            active.difference_update(ending.get(bound, ()))
            active.update(starting.get(bound, ()))
            ranges = sorted(active, key=lambda a: a.min_col)
            for before, after in itertools.pairwise(ranges):
                if after.min_col <= before.max_col:
                    raise CannotInspect(f"merged ranges overlap ({before} and {after})")
            held += len(ranges)
            if held > MERGE_INDEX_LIMIT:
                raise CannotInspect("too many tall merged ranges to account for")
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
    merge_index: MergeIndex = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.merge_index = MergeIndex(self.merges)

    def merges_touch(self, data: bytes) -> bool:
        """Whether any merged range, or range a conditional format may hide, spans a row of this
        stretch (its cells are then judged one by one)."""
        if not self.merges and not self.conditional:
            return False
        span = row_span(data)
        if span is None:
            return True
        if any(a.min_row <= span[1] and span[0] <= a.max_row for a in self.conditional):
            return True
        return bool(self.merges) and self.merge_index.touches(span[0], span[1])

    def conditionally_hidden(self, row: int, col: int) -> bool:
        return any(area.contains(row, col) for area in self.conditional)

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
        elif local == "cols":
            for col in element.iterfind("{*}col"):
                width = _number(col.get("width"), "a column width")
                if col.get("hidden", "0") in TRUE or (width is not None and width < MIN_COLUMN_WIDTH):
                    outline = int(col.get("outlineLevel", "0") or "0") > 0
                    self.hidden_columns.append((int(col.get("min", "1")), int(col.get("max", "1")), outline))


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
    "{*}mergeCell",
    "{*}dataValidation",
    "{*}conditionalFormatting",
)


def _merges_in(elements: Iterable[etree._Element]) -> list[CellArea]:
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
            ("xlsx.personal_data", Severity.WARN, "A cell looks like personal data."),
            ("xlsx.header_footer", Severity.WARN, "The printed header or footer has text of its own."),
            ("xlsx.validation_list", Severity.WARN, "A drop-down list holds values of its own."),
            ("xlsx.merged_hidden_value", Severity.BLOCK, "A merged cell hides the values beneath it."),
            (
                "xlsx.conditional_hiding",
                Severity.BLOCK,
                "A conditional format that can hide text (a colour on itself, a hiding number format) "
                "applies to cells with values.",
            ),
        )
    }


class SheetScan:
    """One pass over a worksheet's XML, collecting tallies of what a reader would not see."""

    def __init__(
        self, sheet: SheetEntry, book: Book, styles: Styles, flagged: set[int], faint: set[int] | None = None
    ) -> None:
        self.sheet = sheet
        self.styles = styles
        self.flagged = {str(index) for index in flagged}
        self.faint = {str(index) for index in faint or ()}  # strings with runs a white cell hides
        self.layout = SheetLayout(print_area=book.print_areas.get(sheet.position, []))
        self.tallies = _sheet_tallies()
        self.conditional: list[CellArea] = []  # ranges a conditional format may hide, found in a pass

    def run(self, box: ZipContainer) -> list[Finding]:
        """Scan the sheet; merged ranges and conditional formats come after the rows, so a sheet with
        some is scanned again."""
        merges = self._scan(box)
        if merges or self.conditional:
            self.layout = SheetLayout(
                print_area=self.layout.print_area, merges=merges, conditional=self.conditional
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
            or self.layout.hidden_columns
        )

    def _run_sections(self, sections: SheetSections) -> list[CellArea]:
        for element in sections.head.iter("{*}sheetFormatPr", "{*}cols"):
            self.layout.read(element)
        sheet_wide = bool(self.layout.zero_height or self.layout.hidden_columns or self.layout.print_area)
        sheet_wide = sheet_wide or max(len(self.flagged), len(self.faint)) > FLAGGED_PATTERN_LIMIT
        sheet_wide = sheet_wide or 0 in self.styles.value_styles()  # cells without ``s`` have format 0
        flagged = flagged_pattern(self.flagged)
        last_row = 0
        avoided = (cells_with_styles(self.styles.value_styles()), flagged_pattern(self.faint))
        is_plain = stretch_test(plain_rows, avoided, self.layout.merges_touch)

        for data, plain in judged(sections.rows(), is_plain, sheet_wide):
            if plain:
                for match in flagged.finditer(data) if flagged else ():
                    self.tallies["xlsx.personal_data"].add(match.group(1).decode())
                last_row = last_row_number(data, last_row)
                continue
            for row in sections.fragment(data).iterchildren("{*}row"):
                last_row = int(row.get("r") or last_row + 1)
                self._row(row, last_row, self._needs_cells())
        tail = sections.tail_elements()
        for element in tail.iter("{*}headerFooter", "{*}dataValidation"):
            self._settings(element)
        self.conditional = hiding_ranges(tail.iter("{*}conditionalFormatting"), self.styles, self.sheet.part)
        return _merges_in(tail.iter("{*}mergeCell"))

    def _settings(self, element: etree._Element) -> None:
        """Sheet settings after the rows that can carry text of their own."""
        if str(element.tag).endswith("}headerFooter"):
            if text_of(element).strip():
                self.tallies["xlsx.header_footer"].add("header/footer")
        elif (element.findtext("{*}formula1") or "").strip().startswith('"'):
            self.tallies["xlsx.validation_list"].add(element.get("sqref", "data validation"))

    def _run_elements(self, box: ZipContainer) -> list[CellArea]:
        needs_cells = self._needs_cells()
        merges: list[CellArea] = []
        last_row = 0
        for element in box.xml_elements(self.sheet.part, SHEET_TAGS):
            local = etree.QName(element).localname
            if local == "row":
                last_row = int(element.get("r") or last_row + 1)
                self._row(element, last_row, needs_cells)
            elif local in ("headerFooter", "dataValidation"):
                self._settings(element)
            elif local == "mergeCell":
                merges += _merges_in([element])
            elif local == "conditionalFormatting":
                self.conditional += hiding_ranges([element], self.styles, self.sheet.part)
            else:
                self.layout.read(element)
                needs_cells = self._needs_cells()
            release_children(element)
        return merges

    def _row(self, row: etree._Element, number: int, per_cell: bool) -> None:
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
            if personal_data_kind(text_of(inline)):
                self.tallies["xlsx.personal_data"].add(where)
            style = cell.get("s", "0") if cell is not None else "0"
            white = int(style) in self.styles.plain_background if style.isdigit() else True
            if white and shown_text(inline, self.styles.theme) is not None:
                self.tallies["xlsx.invisible_text"].add(where)
        if per_cell:
            self._cells(row, number)

    def _cells(self, row: etree._Element, number: int) -> None:
        col = 0
        for cell in row:
            ref = cell.get("r")
            if ref:
                col = column_index(ref.rstrip("0123456789"))
            else:
                col += 1
                ref = f"{column_letters(col)}{number}"
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
            if self.layout.conditional and self.layout.conditionally_hidden(number, col):
                self.tallies["xlsx.conditional_hiding"].add(ref)
            if shared in self.flagged:
                self.tallies["xlsx.personal_data"].add(ref)


def text_of(element: etree._Element | None) -> str:
    """All text inside an element (an inline string, a header), as ``str``."""
    if element is None:
        return ""
    return "".join(str(piece) for piece in element.itertext())
