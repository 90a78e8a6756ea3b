"""The parts of an Excel workbook, and what the workbook as a whole says (properties, names, sheet states).

Every part in the package is classified: a plain part, a part with a rule (macros, comments, pivot
caches...), or an unknown part, which blocks (fail closed).
"""

from __future__ import annotations

import re

from lxml import etree

from foidesk.core.release_check.archive import PartRule, ZipContainer
from foidesk.core.release_check.findings import CannotInspect, Finding, Severity
from foidesk.core.release_check.xlsx_book import PKG_REL_NS, Book, text_of

# Parts a plain workbook has; anything else is classified below or blocked as unknown.
PLAIN_PARTS = re.compile(
    r"^(\[Content_Types\]\.xml|_rels/\.rels|docProps/(core|app)\.xml|xl/workbook\.xml|xl/styles\.xml"
    r"|xl/sharedStrings\.xml|xl/calcChain\.xml|xl/metadata\.xml|xl/theme/theme\d*\.xml"
    r"|xl/worksheets/sheet\d*\.xml|xl/chartsheets/sheet\d*\.xml|xl/tables/table\d*\.xml"
    r"|(.*/)?_rels/[^/]*\.rels)$"
)
PART_RULES: tuple[PartRule, ...] = tuple(
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
CORE_PROPERTIES = ("title", "creator", "lastModifiedBy", "description", "keywords", "subject", "category")
APP_PROPERTIES = ("Company", "Manager", "HyperlinkBase")


# --- findings about the workbook as a whole --------------------------------------------------------


def part_findings(box: ZipContainer, book: Book) -> list[Finding]:
    findings: list[Finding] = []
    for name, rule in box.parts_with_rule(PART_RULES):
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


def property_values(box: ZipContainer) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The (name, value) pairs of the core and extended properties, and of the custom properties."""
    fields: list[tuple[str, str]] = []
    for part in ("docProps/core.xml", "docProps/app.xml"):
        if box.has(part):
            fields += [
                (etree.QName(e).localname, (e.text or "").strip())
                for e in box.xml(part)
                if isinstance(e.tag, str) and (e.text or "").strip()
            ]
    custom = []
    if box.has("docProps/custom.xml"):
        custom = [
            (e.get("name") or "", text_of(e).strip())
            for e in box.xml("docProps/custom.xml").iter("{*}property")
        ]
    return fields, custom


def property_findings(box: ZipContainer) -> list[Finding]:
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


def name_findings(book: Book) -> list[Finding]:
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
        elif ('"' in name.value or "!" not in name.value) and not name.value.startswith("#REF"):
            findings.append(
                Finding(
                    "xlsx.name_with_data",
                    Severity.BLOCK,
                    name.name,
                    "A defined name holds a value or text of its own rather than only pointing at cells.",
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


def sheet_state_findings(book: Book) -> list[Finding]:
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


def openpyxl_findings(path: str, book: Book) -> list[Finding]:
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


def deduplicated(findings: list[Finding]) -> list[Finding]:
    seen: set[tuple[str, str]] = set()
    unique: list[Finding] = []
    for finding in findings:
        key = (finding.code, finding.where)
        if key not in seen:
            seen.add(key)
            unique.append(finding)
    return unique


def workbook_text_findings(box: ZipContainer, book: Book) -> list[Finding]:
    """Text the workbook keeps outside its cells: custom workbook views, phonetic guides in the
    shared strings, and sheet titles in the document properties that name no sheet or name."""
    findings: list[Finding] = []
    if book.custom_views:
        findings.append(
            Finding(
                "xlsx.custom_view",
                Severity.BLOCK,
                "xl/workbook.xml customWorkbookViews",
                "A custom view keeps another layout of the workbook (hidden sheets, rows, filters) "
                "and the name its author gave it.",
            )
        )
    if book.shared_strings is not None and _has_phonetic_text(box, book.shared_strings):
        findings.append(
            Finding(
                "xlsx.phonetic_text",
                Severity.BLOCK,
                book.shared_strings,
                "A phonetic guide (furigana) holds text Excel does not show unless asked to.",
            )
        )
    return findings + _stale_title_findings(box, book)


def _has_phonetic_text(box: ZipContainer, part: str) -> bool:
    """Whether a string item has a phonetic run (``rPh``) with text: a byte search first, so a table
    without any is not parsed."""
    if not box.has(part):
        return False
    carry = b""
    for chunk in box.chunks(part):
        if b"rPh" in chunk or b"rPh" in carry + chunk[:8]:
            return any(text_of(run).strip() for run in box.xml(part).iter("{*}rPh"))
        carry = chunk[-8:]
    return False


def _stale_title_findings(box: ZipContainer, book: Book) -> list[Finding]:
    """Titles of parts (``docProps/app.xml``) that are not a sheet or defined name of the workbook.

    Excel lists the sheets and named ranges there; a title that names neither was kept from an
    earlier version of the file (a deleted sheet's name, say) and is text no reader sees in a cell.
    """
    part = "docProps/app.xml"
    if not box.has(part):
        return []
    known = {sheet.name for sheet in book.sheets} | {name.name.removeprefix("_xlnm.") for name in book.names}
    stale = []
    for title in box.xml(part).iterfind("{*}TitlesOfParts//{*}lpstr"):
        text = (title.text or "").strip()
        sheet, _, name = text.rpartition("!")
        if text and text not in known and not (sheet.strip("'") in known and name in known):
            stale.append(text)
    if not stale:
        return []
    return [
        Finding(
            "xlsx.stale_title",
            Severity.BLOCK,
            f"{part} TitlesOfParts",
            "The document properties list a title that is no sheet or name of the workbook "
            "(kept from an earlier version).",
        )
    ]
