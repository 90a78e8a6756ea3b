"""Release-gate inspection and sanitising of Excel workbooks (XLSX, XLSM).

The PSNI released a workbook whose hidden sheet listed 9,483 officers and staff (8 August 2023;
ICO fine £750,000, UK GDPR Art 5(1)(f) and 32). So the gate reads the OOXML parts themselves
(every part in the ZIP, every row and cell of every sheet, streamed) and cross-checks what openpyxl
sees: nothing may hide in a corner of the format that a library's model leaves out.

The clean copy is a fresh workbook written from scratch: the values of the visible cells of the
visible sheets, with plain number formats, and nothing else (no formulas, comments, names, styles,
properties or parts that were not written here).
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from lxml import etree

from foidesk.core.release_check.archive import ZipContainer, release_children
from foidesk.core.release_check.findings import CannotInspect, Finding, InspectionLimits, Severity

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
TINY_FONT_POINTS = 4.0  # text below 4 pt cannot be read on screen or paper
SAME_COLOUR_DISTANCE = 24  # font and fill closer than this per RGB channel are indistinguishable
EXAMPLES_PER_FINDING = 3
TRUE = ("1", "true")
# Excel's colour indices that are white or black in the default palette (ECMA-376 part 1, 18.8.27).
INDEXED_COLOURS = {0: "000000", 1: "FFFFFF", 8: "000000", 9: "FFFFFF", 64: "000000", 65: "FFFFFF"}
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
# Patterns of personal data that should not leave in any cell (UK formats). Names cannot be told by
# pattern; the redaction step and the two-person approval are there for them.
PERSONAL_DATA_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("an email address", re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")),
    (
        "a National Insurance number",  # HMRC NIM39110: prefixes BG, GB, KN, NK, NT, TN, ZZ are never issued
        re.compile(
            r"\b(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b"
        ),
    ),
    (
        "a UK telephone number",
        re.compile(
            r"(?<![\d+])(?:\+44 ?(?:\(0\) ?)?|\b0)(?:7\d{3} ?\d{3} ?\d{3}|[12]\d{1,4} ?\d{3,4} ?\d{3,4})(?!\d)"
        ),
    ),
)
NHS_NUMBER = re.compile(r"(?<![\d.])\d{3} ?\d{3} ?\d{4}(?![\d.])")
MIGHT_BE_PERSONAL = re.compile(r"[\d@]")
REDACTED = "[redacted]"
CORE_PROPERTIES = ("creator", "lastModifiedBy", "description", "keywords", "subject", "category")
APP_PROPERTIES = ("Company", "Manager", "HyperlinkBase")


def personal_data_kind(text: str) -> str | None:
    """What kind of personal data ``text`` looks like, or None. Shared by every tabular format."""
    if not MIGHT_BE_PERSONAL.search(text):
        return None
    for kind, pattern in PERSONAL_DATA_PATTERNS:
        if pattern.search(text):
            return kind
    if any(_valid_nhs_number(match.group()) for match in NHS_NUMBER.finditer(text)):
        return "an NHS number"
    return None


def redact_personal_data(text: str) -> str:
    """``text`` with every personal-data match replaced by ``[redacted]`` (for the clean copy)."""
    if not MIGHT_BE_PERSONAL.search(text):
        return text
    for _, pattern in PERSONAL_DATA_PATTERNS:
        text = pattern.sub(REDACTED, text)
    return NHS_NUMBER.sub(lambda m: REDACTED if _valid_nhs_number(m.group()) else m.group(), text)


def _valid_nhs_number(text: str) -> bool:
    """The modulus 11 check digit of an NHS number (NHS Data Dictionary, "NHS NUMBER")."""
    digits = [int(ch) for ch in text if ch.isdigit()]
    total = sum(digit * (10 - position) for position, digit in enumerate(digits[:9]))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == digits[9]


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


def inspect_xlsx(path: str, limits: InspectionLimits) -> list[Finding]:
    """Every finding in an XLSX/XLSM file: parts, properties, names, sheets, rows, columns, cells."""
    with ZipContainer(path, limits) as box:
        book = read_book(box)
        findings = _part_findings(box, book)
        findings += _property_findings(box)
        findings += _name_findings(book)
        findings += _sheet_state_findings(book)
        styles = read_styles(box)
        strings = read_shared_strings(box, book)
        flagged = {index for index, text in enumerate(strings) if personal_data_kind(text)}
        for sheet in book.sheets:
            if sheet.is_worksheet and box.has(sheet.part):
                findings += SheetScan(sheet, book, styles, strings, flagged).run(box)
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
    theme = _theme_colours(box)
    custom = {
        int(f.get("numFmtId", "0")): f.get("formatCode", "") for f in root.iterfind("{*}numFmts/{*}numFmt")
    }
    fonts = list(root.iterfind("{*}fonts/{*}font"))
    fills = list(root.iterfind("{*}fills/{*}fill"))
    invisible: dict[int, str] = {}
    plain: list[tuple[int, str]] = []
    for index, xf in enumerate(root.iterfind("{*}cellXfs/{*}xf")):
        format_id = int(xf.get("numFmtId", "0"))
        code = custom.get(format_id)
        plain.append(_plain_format(format_id, code))
        reason = _invisibility(code, _nth(fonts, xf.get("fontId")), _nth(fills, xf.get("fillId")), theme)
        if reason:
            invisible[index] = reason
    return Styles(invisible, plain)


def _nth(elements: list[etree._Element], index: str | None) -> etree._Element | None:
    position = int(index or "0")
    return elements[position] if 0 <= position < len(elements) else None


def _theme_colours(box: ZipContainer) -> list[str]:
    part = "xl/theme/theme1.xml"
    if not box.has(part):
        return ["000000", "FFFFFF", "44546A", "E7E6E6"]
    scheme = box.xml(part).find(".//{*}clrScheme")
    colours: list[str] = []
    for slot in scheme if scheme is not None else []:
        value = slot.find("{*}srgbClr")
        system = slot.find("{*}sysClr")
        if value is not None:
            colours.append(value.get("val", "000000").upper())
        elif system is not None:
            colours.append(system.get("lastClr", "000000").upper())
    return colours


def _colour(element: etree._Element | None, theme: list[str], default: str) -> str | None:
    """The RGB of a colour element, or None where a tint or unknown index makes it uncertain."""
    if element is None or element.get("auto") in TRUE:
        return default
    if float(element.get("tint", "0") or "0") != 0:
        return None
    if element.get("rgb"):
        return element.get("rgb", "")[-6:].upper()
    if element.get("theme") is not None:
        index = int(element.get("theme", "0"))
        slot = THEME_ORDER[index] if index < len(THEME_ORDER) else index
        return theme[slot] if slot < len(theme) else None
    if element.get("indexed") is not None:
        return INDEXED_COLOURS.get(int(element.get("indexed", "0")))
    return default


def _invisibility(
    code: str | None, font: etree._Element | None, fill: etree._Element | None, theme: list[str]
) -> str:
    """Why text in this format cannot be seen (``;;;``, tiny, same colour as its fill), or ''."""
    if code is not None and all(not section.strip().strip('"') for section in code.split(";")):
        return f"the number format {code!r} shows nothing"
    if font is not None:
        size = font.find("{*}sz")
        if size is not None and float(size.get("val", "11")) < TINY_FONT_POINTS:
            return f"a {size.get('val')} pt font is too small to read"
    text = _colour(font.find("{*}color") if font is not None else None, theme, "000000")
    pattern = fill.find("{*}patternFill") if fill is not None else None
    background: str | None = "FFFFFF"
    if pattern is not None and pattern.get("patternType", "none") not in ("none", ""):
        background = _colour(pattern.find("{*}fgColor"), theme, "000000")
    if text is None or background is None:
        return ""
    distance = max(abs(int(text[i : i + 2], 16) - int(background[i : i + 2], 16)) for i in (0, 2, 4))
    if distance < SAME_COLOUR_DISTANCE:
        return f"text coloured #{text} on a #{background} background cannot be seen"
    return ""


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


def read_shared_strings(box: ZipContainer, book: Book) -> list[str]:
    """The shared-string table in order; phonetic guides (``rPh``) are not part of the shown text."""
    part = book.shared_strings
    if part is None or not box.has(part):
        return []
    strings: list[str] = []
    for si in box.xml_elements(part, ["{*}si"]):
        strings.append(_string_item_text(si))
        release_children(si)
    return strings


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


@dataclass(slots=True)
class SheetLayout:
    """Which rows and columns of a sheet a reader sees (the same rules for checking and copying)."""

    hidden_columns: list[tuple[int, int, bool]] = field(default_factory=list)
    zero_height: bool = False
    print_area: list[CellArea] = field(default_factory=list)
    merges: list[CellArea] = field(default_factory=list)
    invisible_styles: frozenset[str] = frozenset()

    def covered_by_merge(self, row: int, col: int) -> bool:
        """A cell under a merged range, other than its top-left: its value is never shown."""
        return any(a.contains(row, col) and (row, col) != (a.min_row, a.min_col) for a in self.merges)

    def column_hidden(self, col: int) -> bool:
        return any(low <= col <= high for low, high, _ in self.hidden_columns)

    def row_hidden(self, row: etree._Element) -> bool:
        if row.get("hidden", "0") in TRUE:
            return True
        height = row.get("ht")
        if height is not None and float(height) == 0:
            return True
        return self.zero_height and height is None

    def in_print_area(self, row: int, col: int) -> bool:
        return not self.print_area or any(area.contains(row, col) for area in self.print_area)

    def in_print_area_row(self, row: int) -> bool:
        return not self.print_area or any(a.min_row <= row <= a.max_row for a in self.print_area)

    def printed_rows_between(self, first: int, last: int) -> int:
        """How many of the rows ``first..last`` (absent from the XML, so empty) the copy keeps."""
        if last < first:
            return 0
        if not self.print_area:
            return last - first + 1
        return sum(1 for row in range(first, last + 1) if self.in_print_area_row(row))

    def kept_column(self, col: int) -> int:
        """The column's number in the clean copy (hidden and non-printing columns removed), 0 if dropped."""
        dropped = self._dropped_columns()
        if any(low <= col <= high for low, high in dropped):
            return 0
        return col - sum(min(high, col - 1) - low + 1 for low, high in dropped if low < col)

    def _dropped_columns(self) -> list[tuple[int, int]]:
        spans = [(low, high) for low, high, _ in self.hidden_columns]
        if self.print_area:
            kept = sorted((a.min_col, a.max_col) for a in self.print_area)
            start = 1
            for low, high in kept:
                if low > start:
                    spans.append((start, low - 1))
                start = max(start, high + 1)
            spans.append((start, 16_384))
        merged: list[tuple[int, int]] = []
        for low, high in sorted(spans):
            if merged and low <= merged[-1][1] + 1:
                merged[-1] = (merged[-1][0], max(merged[-1][1], high))
            else:
                merged.append((low, high))
        return merged

    def read(self, element: etree._Element) -> None:
        local = etree.QName(element).localname
        if local == "sheetFormatPr":
            self.zero_height = element.get("zeroHeight", "0") in TRUE
        elif local == "cols":
            for col in element.iterfind("{*}col"):
                width = col.get("width")
                if col.get("hidden", "0") in TRUE or (width is not None and float(width) == 0):
                    outline = int(col.get("outlineLevel", "0") or "0") > 0
                    self.hidden_columns.append((int(col.get("min", "1")), int(col.get("max", "1")), outline))


SHEET_TAGS = ("{*}sheetFormatPr", "{*}cols", "{*}row", "{*}headerFooter")
MERGE_CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^>]*?\bref=[\"']([^\"']+)[\"']")
MERGE_SCAN_OVERLAP = 1024


def merged_areas(box: ZipContainer, part: str) -> list[CellArea]:
    """The sheet's merged ranges, found before its rows are streamed.

    ``mergeCells`` follows ``sheetData`` in the XML, yet the rows need to know them, so the
    decompressed bytes are scanned for them first: at inflate speed, without building elements.
    """
    refs: set[bytes] = set()
    tail = b""
    for chunk in box.chunks(part):
        data = tail + chunk
        refs.update(match.group(1) for match in MERGE_CELL.finditer(data))
        tail = data[-MERGE_SCAN_OVERLAP:]
    areas = [parse_area(ref.decode("ascii", "replace")) for ref in refs]
    return [a for a in areas if a is not None and (a.max_row > a.min_row or a.max_col > a.min_col)]


class SheetScan:
    """One pass over a worksheet's XML, collecting tallies of what a reader would not see."""

    def __init__(
        self, sheet: SheetEntry, book: Book, styles: Styles, strings: list[str], flagged: set[int]
    ) -> None:
        self.sheet = sheet
        self.styles = styles
        self.strings = strings
        self.flagged = {str(index) for index in flagged}
        self.layout = SheetLayout(print_area=book.print_areas.get(sheet.position, []))
        self.tallies = {
            code: Tally(code, severity, message)
            for code, severity, message in (
                ("xlsx.hidden_row", Severity.BLOCK, "Hidden rows (or rows of zero height) hold data."),
                (
                    "xlsx.hidden_column",
                    Severity.BLOCK,
                    "Hidden columns (or columns of zero width) hold data.",
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
                ("xlsx.outside_print_area", Severity.WARN, "Cells outside the print area hold data."),
                ("xlsx.personal_data", Severity.WARN, "A cell looks like personal data."),
                ("xlsx.header_footer", Severity.WARN, "The printed header or footer has text of its own."),
                ("xlsx.merged_hidden_value", Severity.BLOCK, "A merged cell hides the values beneath it."),
            )
        }

    def run(self, box: ZipContainer) -> list[Finding]:
        self.layout.merges = merged_areas(box, self.sheet.part)
        needs_cells = bool(
            self.styles.invisible or self.flagged or self.layout.print_area or self.layout.merges
        )
        last_row = 0
        for element in box.xml_elements(self.sheet.part, SHEET_TAGS):
            local = etree.QName(element).localname
            if local == "row":
                last_row = int(element.get("r") or last_row + 1)
                self._row(element, last_row, needs_cells or bool(self.layout.hidden_columns))
            elif local == "headerFooter":
                if _text_of(element).strip():
                    self.tallies["xlsx.header_footer"].add("header/footer")
            else:
                self.layout.read(element)
            release_children(element)
        return [tally.finding(self.sheet.name) for tally in self.tallies.values() if tally.count]

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
            text = _text_of(inline)
            if personal_data_kind(text):
                self.tallies["xlsx.personal_data"].add(inline.getparent().get("r", str(number)))  # type: ignore[union-attr]
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
            if style in self.styles.invisible:
                self.tallies["xlsx.invisible_text"].add(ref)
            if not self.layout.in_print_area(number, col):
                self.tallies["xlsx.outside_print_area"].add(ref)
            if self.layout.merges and self.layout.covered_by_merge(number, col):
                self.tallies["xlsx.merged_hidden_value"].add(ref)
            if value is not None and cell.get("t") == "s" and value.text in self.flagged:
                self.tallies["xlsx.personal_data"].add(ref)


# --- the clean copy: a fresh workbook of visible values --------------------------------------------

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    "{sheets}</Types>"
)
SHEET_CONTENT_TYPE = (
    '<Override PartName="/xl/worksheets/sheet{n}.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<Relationships xmlns="{PKG_REL_NS}"><Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)
ROWS_PER_WRITE = 2_000
SHEET_START = f'<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="{MAIN_NS}"><sheetData>'


@dataclass(slots=True)
class FreshStrings:
    """The new shared-string table: only strings a visible cell shows, in first-use order."""

    index: dict[str, int] = field(default_factory=dict)

    def add(self, text: str) -> int:
        found = self.index.get(text)
        if found is None:
            found = self.index[text] = len(self.index)
        return found


def sanitise_xlsx(source: str, target: str, limits: InspectionLimits) -> None:
    """Write a fresh workbook of the visible values of ``source`` to ``target``."""
    with ZipContainer(source, limits) as box:
        book = read_book(box)
        styles = read_styles(box)
        strings = read_shared_strings(box, book)
        visible = [s for s in book.sheets if s.is_worksheet and s.state == "visible" and box.has(s.part)]
        fresh = FreshStrings()
        formats = _FreshFormats(styles)
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out:
            for number, sheet in enumerate(visible, start=1):
                layout = SheetLayout(
                    print_area=book.print_areas.get(sheet.position, []),
                    merges=merged_areas(box, sheet.part),
                    invisible_styles=frozenset(str(index) for index in styles.invisible),
                )
                with out.open(f"xl/worksheets/sheet{number}.xml", "w", force_zip64=True) as sink:
                    sink.write(SHEET_START.encode())
                    for chunk in _fresh_rows(box, sheet, layout, strings, fresh, formats):
                        sink.write(chunk.encode("utf-8"))
                    sink.write(b"</sheetData></worksheet>")
            _write_package(out, [s.name for s in visible], fresh, formats, book.date1904)


class _FreshFormats:
    """Maps a source cell format to one of the fresh workbook's few plain formats (``s`` index)."""

    def __init__(self, styles: Styles) -> None:
        self.plain = styles.plain_formats
        self.used: dict[tuple[int, str], int] = {(0, ""): 0}
        self.cache: dict[str, str] = {}

    def attribute(self, style: str | None) -> str:
        """`` s="n"`` for a cell with source format ``style``, or '' for General."""
        if not style:
            return ""
        cached = self.cache.get(style)
        if cached is not None:
            return cached
        index = int(style)
        key = self.plain[index] if 0 <= index < len(self.plain) else (0, "")
        if key not in self.used:
            self.used[key] = len(self.used)
        attribute = f' s="{self.used[key]}"' if self.used[key] else ""
        self.cache[style] = attribute
        return attribute

    def styles_xml(self) -> str:
        custom: list[str] = []
        xfs: list[str] = []
        for position, (format_id, code) in enumerate(self.used):
            if format_id == -1:
                format_id = 164 + position
                custom.append(f'<numFmt numFmtId="{format_id}" formatCode="{_attribute_text(code)}"/>')
            apply = ' applyNumberFormat="1"' if format_id else ""
            xfs.append(f'<xf numFmtId="{format_id}" fontId="0" fillId="0" borderId="0" xfId="0"{apply}/>')
        formats = f'<numFmts count="{len(custom)}">{"".join(custom)}</numFmts>' if custom else ""
        return (
            f'<?xml version="1.0" encoding="UTF-8"?>\n<styleSheet xmlns="{MAIN_NS}">{formats}'
            '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
            '<fills count="2"><fill><patternFill patternType="none"/></fill>'
            '<fill><patternFill patternType="gray125"/></fill></fills>'
            '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            f'<cellXfs count="{len(xfs)}">{"".join(xfs)}</cellXfs>'
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
            "</styleSheet>"
        )


def _fresh_rows(
    box: ZipContainer,
    sheet: SheetEntry,
    layout: SheetLayout,
    strings: list[str],
    fresh: FreshStrings,
    formats: _FreshFormats,
) -> Iterator[str]:
    """The visible rows of ``sheet`` as fresh ``<row>`` XML, renumbered so no gap betrays a hidden row."""
    pending: list[str] = []
    new_row = 0
    last_source_row = 0
    column_map: dict[int, int] = {}
    for element in box.xml_elements(sheet.part, ("{*}sheetFormatPr", "{*}cols", "{*}row")):
        if not str(element.tag).endswith("}row"):
            layout.read(element)
            release_children(element)
            continue
        number = int(element.get("r") or last_source_row + 1)
        skipped = number - last_source_row - 1  # rows absent from the XML: empty, visible unless zeroHeight
        last_source_row = number
        if not layout.zero_height:
            new_row += layout.printed_rows_between(number - skipped, number - 1)
        if layout.row_hidden(element) or not layout.in_print_area_row(number):
            release_children(element)
            continue
        new_row += 1
        cells = _fresh_cells(element, number, new_row, layout, column_map, strings, fresh, formats)
        if cells:
            pending.append(f'<row r="{new_row}">{cells}</row>')
        release_children(element)
        if len(pending) >= ROWS_PER_WRITE:
            yield "".join(pending)
            pending.clear()
    yield "".join(pending)


def _fresh_cells(
    row: etree._Element,
    number: int,
    new_row: int,
    layout: SheetLayout,
    column_map: dict[int, int],
    strings: list[str],
    fresh: FreshStrings,
    formats: _FreshFormats,
) -> str:
    out: list[str] = []
    col = 0
    for cell in row:
        ref = cell.get("r")
        col = column_index(ref.rstrip("0123456789")) if ref else col + 1
        new_col = column_map.get(col)
        if new_col is None:
            new_col = column_map[col] = layout.kept_column(col)
        if new_col == 0 or not layout.in_print_area(number, col):
            continue
        if cell.get("s") in layout.invisible_styles or (
            layout.merges and layout.covered_by_merge(number, col)
        ):
            continue
        kind = cell.get("t", "n")
        value = cell.findtext("{*}v")
        if kind == "inlineStr":
            text = _text_of(cell.find("{*}is"))
            value, kind = str(fresh.add(redact_personal_data(text))), "s"
        elif value is None:
            continue
        elif kind == "s":
            position = int(value)
            text = strings[position] if 0 <= position < len(strings) else ""
            value = str(fresh.add(redact_personal_data(text)))
        elif kind in ("str", "d"):
            value, kind = str(fresh.add(redact_personal_data(value))), "s"
        elif kind == "e":
            if value not in ERROR_VALUES:
                continue
        elif kind == "b":
            value = "1" if value in TRUE else "0"
        else:
            try:
                float(value)
            except ValueError:
                continue
            kind = "n"
        letters = column_letters(new_col)
        style = formats.attribute(cell.get("s")) if kind == "n" else ""
        type_attribute = "" if kind == "n" else f' t="{kind}"'
        out.append(f'<c r="{letters}{new_row}"{style}{type_attribute}><v>{escape(value)}</v></c>')
    return "".join(out)


def _write_package(
    out: zipfile.ZipFile, names: list[str], fresh: FreshStrings, formats: _FreshFormats, date1904: bool
) -> None:
    with out.open("xl/sharedStrings.xml", "w", force_zip64=True) as sink:
        sink.write(
            f'<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="{MAIN_NS}" count="{len(fresh.index)}" '
            f'uniqueCount="{len(fresh.index)}">'.encode()
        )
        batch: list[str] = []
        for text in fresh.index:
            batch.append(f'<si><t xml:space="preserve">{_xml_text(text)}</t></si>')
            if len(batch) >= 10_000:
                sink.write("".join(batch).encode("utf-8"))
                batch.clear()
        sink.write(("".join(batch) + "</sst>").encode("utf-8"))
    out.writestr("xl/styles.xml", formats.styles_xml())
    sheets = "".join(
        f'<sheet name="{_attribute_text(name)}" sheetId="{n}" r:id="rId{n}"/>'
        for n, name in enumerate(names, start=1)
    )
    date_system = '<workbookPr date1904="1"/>' if date1904 else ""
    out.writestr(
        "xl/workbook.xml",
        f'<?xml version="1.0" encoding="UTF-8"?>\n<workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">'
        f"{date_system}<sheets>{sheets}</sheets></workbook>",
    )
    rels = "".join(
        f'<Relationship Id="rId{n}" Type="{REL_NS}/worksheet" Target="worksheets/sheet{n}.xml"/>'
        for n in range(1, len(names) + 1)
    )
    extra = len(names) + 1
    rels += f'<Relationship Id="rId{extra}" Type="{REL_NS}/styles" Target="styles.xml"/>'
    rels += f'<Relationship Id="rId{extra + 1}" Type="{REL_NS}/sharedStrings" Target="sharedStrings.xml"/>'
    out.writestr(
        "xl/_rels/workbook.xml.rels",
        f'<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="{PKG_REL_NS}">{rels}</Relationships>',
    )
    out.writestr("_rels/.rels", ROOT_RELS)
    overrides = "".join(SHEET_CONTENT_TYPE.format(n=n) for n in range(1, len(names) + 1))
    out.writestr("[Content_Types].xml", CONTENT_TYPES.replace("{sheets}", overrides))


_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text_of(element: etree._Element | None) -> str:
    """All text inside an element (an inline string, a header), as ``str``."""
    if element is None:
        return ""
    return "".join(str(piece) for piece in element.itertext())


def _xml_text(text: str) -> str:
    return escape(_XML_INVALID.sub("", text))


def _attribute_text(text: str) -> str:
    return escape(_XML_INVALID.sub("", text), {'"': "&quot;"})
