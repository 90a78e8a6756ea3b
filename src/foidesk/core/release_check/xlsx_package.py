"""An Excel workbook's package accounted for by content type and relationship type, never by part name.

Excel reads a part for what ``[Content_Types].xml`` says it is and for the relationship that leads to
it, whatever the part is called: comments saved as ``xl/worksheets/sheet9.xml`` are still comments.
So every part (except the package's own manifest and relationship parts) must have a content type the
gate knows, be reached from the package root by relationships of types the gate knows, and each
relationship part must belong to a part that exists. A part or relationship that is a known kind of
leak is reported with that kind's code (``xlsx_parts.PART_RULES``); anything else is an
``xlsx.unaccounted`` block naming it (fail closed: issue 14, "Allowlist, fail closed").
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from foidesk.core.release_check.archive import ZipContainer
from foidesk.core.release_check.findings import Finding, Severity
from foidesk.core.release_check.xlsx_book import PKG_REL_NS
from foidesk.core.release_check.xlsx_parts import PART_RULES

UNACCOUNTED = "xlsx.unaccounted"
UNREFERENCED = "xlsx.unreferenced_part"
CONTENT_TYPES_PART = "[Content_Types].xml"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
SML = "application/vnd.openxmlformats-officedocument.spreadsheetml."
OFFICE = "application/vnd.openxmlformats-officedocument."
MS_EXCEL = "application/vnd.ms-excel."

# Content types of the parts a plain workbook is made of: read by the gate (or holding no text).
PLAIN_TYPES = frozenset(
    {
        SML + "sheet.main+xml",
        SML + "template.main+xml",
        MS_EXCEL + "sheet.macroEnabled.main+xml",
        MS_EXCEL + "template.macroEnabled.main+xml",
        SML + "worksheet+xml",
        SML + "chartsheet+xml",
        SML + "styles+xml",
        SML + "sharedStrings+xml",
        SML + "calcChain+xml",
        SML + "sheetMetadata+xml",
        SML + "table+xml",
        OFFICE + "theme+xml",
        OFFICE + "extended-properties+xml",
        "application/vnd.openxmlformats-package.core-properties+xml",
        "application/vnd.openxmlformats-package.relationships+xml",
    }
)
# Content types of parts that are a known kind of leak: the code of their rule in ``PART_RULES``.
_RULED_TYPES = {
    MS_EXCEL + "sheet.binary.macroEnabled.main": "xlsx.macro",
    "application/vnd.ms-office.vbaproject": "xlsx.macro",
    "application/vnd.ms-office.vbaprojectsignature": "xlsx.macro",
    MS_EXCEL + "macrosheet+xml": "xlsx.macro",
    MS_EXCEL + "intlmacrosheet+xml": "xlsx.macro",
    SML + "dialogsheet+xml": "xlsx.macro",
    SML + "externalLink+xml": "xlsx.external_link",
    SML + "pivotCacheDefinition+xml": "xlsx.pivot_cache",
    SML + "pivotCacheRecords+xml": "xlsx.pivot_cache",
    SML + "pivotTable+xml": "xlsx.pivot_table",
    SML + "connections+xml": "xlsx.data_connection",
    SML + "queryTable+xml": "xlsx.query_table",
    OFFICE + "oleObject": "xlsx.embedded_object",
    OFFICE + "activeX+xml": "xlsx.embedded_object",
    "application/vnd.ms-office.activeX+xml": "xlsx.embedded_object",
    "application/vnd.ms-office.activeX": "xlsx.embedded_object",
    MS_EXCEL + "controlproperties+xml": "xlsx.embedded_object",
    SML + "comments+xml": "xlsx.comment",
    OFFICE + "vmlDrawing": "xlsx.comment",  # legacy drawings draw comment boxes and form controls
    "application/vnd.ms-excel.threadedcomments+xml": "xlsx.threaded_comment",
    "application/vnd.ms-excel.person+xml": "xlsx.threaded_comment",
    OFFICE + "drawingml.chart+xml": "xlsx.chart",
    "application/vnd.ms-office.chartstyle+xml": "xlsx.chart",
    "application/vnd.ms-office.chartcolorstyle+xml": "xlsx.chart",
    OFFICE + "drawing+xml": "xlsx.drawing",
    MS_EXCEL + "slicer+xml": "xlsx.pivot_cache",
    MS_EXCEL + "slicerCache+xml": "xlsx.pivot_cache",
    MS_EXCEL + "timeline+xml": "xlsx.pivot_cache",
    MS_EXCEL + "timelineCache+xml": "xlsx.pivot_cache",
    SML + "revisionHeaders+xml": "xlsx.revisions",
    SML + "revisionLog+xml": "xlsx.revisions",
    SML + "userNames+xml": "xlsx.revisions",
    OFFICE + "customXmlProperties+xml": "xlsx.custom_xml",
    OFFICE + "custom-properties+xml": "xlsx.custom_properties",
    SML + "printerSettings": "xlsx.printer_settings",
}
RULED_TYPES = {key.lower(): code for key, code in _RULED_TYPES.items()}
PLAIN_TYPES_LOWER = frozenset(kind.lower() for kind in PLAIN_TYPES)

# Relationship types (the last segment of the type URI) a plain workbook uses.
PLAIN_RELATIONSHIPS = frozenset(
    {
        "officeDocument",
        "core-properties",
        "metadata/core-properties",
        "extended-properties",
        "worksheet",
        "chartsheet",
        "styles",
        "sharedStrings",
        "calcChain",
        "sheetMetadata",
        "theme",
        "table",
        "hyperlink",  # external: judged by ``LOCAL_TARGET``; its tooltip is judged in the sheet
    }
)
# Relationship types that are a known kind of leak: the code of their rule in ``PART_RULES``.
RULED_RELATIONSHIPS = {
    "vbaProject": "xlsx.macro",
    "macrosheet": "xlsx.macro",
    "dialogsheet": "xlsx.macro",
    "externalLink": "xlsx.external_link",
    "externalLinkPath": "xlsx.external_link",
    "pivotCacheDefinition": "xlsx.pivot_cache",
    "pivotCacheRecords": "xlsx.pivot_cache",
    "pivotTable": "xlsx.pivot_table",
    "connections": "xlsx.data_connection",
    "queryTable": "xlsx.query_table",
    "oleObject": "xlsx.embedded_object",
    "package": "xlsx.embedded_object",
    "control": "xlsx.embedded_object",
    "ctrlProp": "xlsx.embedded_object",
    "activeXControlBinary": "xlsx.embedded_object",
    "comments": "xlsx.comment",
    "vmlDrawing": "xlsx.comment",
    "threadedComment": "xlsx.threaded_comment",
    "person": "xlsx.threaded_comment",
    "chart": "xlsx.chart",
    "chartStyle": "xlsx.chart",
    "chartColorStyle": "xlsx.chart",
    "drawing": "xlsx.drawing",
    "image": "xlsx.embedded_image",
    "slicer": "xlsx.pivot_cache",
    "slicerCache": "xlsx.pivot_cache",
    "timeline": "xlsx.pivot_cache",
    "timelineCache": "xlsx.pivot_cache",
    "revisionHeaders": "xlsx.revisions",
    "revisionLog": "xlsx.revisions",
    "usernames": "xlsx.revisions",
    "customXml": "xlsx.custom_xml",
    "customXmlProps": "xlsx.custom_xml",
    "custom-properties": "xlsx.custom_properties",
    "thumbnail": "xlsx.thumbnail",
    "metadata/thumbnail": "xlsx.thumbnail",
    "printerSettings": "xlsx.printer_settings",
}
TABLE_TYPE = (SML + "table+xml").lower()
GENERIC_XML = (
    "application/xml"  # custom XML items have no type of their own: their relationship says what they are
)
RULES = {code: (severity, message) for _, code, severity, message in PART_RULES}


@dataclass(frozen=True, slots=True)
class Relationship:
    """One relationship: the part it belongs to, its type's last segment, and its target part."""

    source: str
    kind: str
    target: str
    external: bool


def package_findings(box: ZipContainer) -> list[Finding]:
    """Every part and relationship of the package that is not a plain part of a plain workbook.

    Custom properties are judged by ``xlsx_parts`` (only set ones count), so none is reported here.
    """
    types = content_types(box)
    parts = [name for name in box.names if not name.endswith("/")]
    relationships, findings = _relationships(box, parts)
    by_target: dict[str, list[Relationship]] = {}
    for rel in relationships:
        if not rel.external:
            by_target.setdefault(rel.target.lower(), []).append(rel)
    reached = _reached(relationships)
    for part in parts:
        if part == CONTENT_TYPES_PART or _is_relationships(part):
            continue
        ruled_by_relationship = any(
            rel.kind in RULED_RELATIONSHIPS for rel in by_target.get(part.lower(), [])
        )
        if not (ruled_by_relationship and types.get(part.lower()) == GENERIC_XML):
            findings += _part_type_findings(part, types.get(part.lower()))
        if types.get(part.lower()) == TABLE_TYPE:
            findings += _table_findings(box, part)
        for rel in by_target.get(part.lower(), []):
            findings += _relationship_findings(rel)
        if part.lower() not in reached:
            findings.append(
                Finding(
                    UNREFERENCED,
                    Severity.BLOCK,
                    part,
                    "A part is in the file that no relationship from the workbook leads to: no "
                    "spreadsheet program shows it, but its data is there.",
                )
            )
    return [f for f in findings if f.code != "xlsx.custom_properties"]


def content_types(box: ZipContainer) -> dict[str, str]:
    """Each part's content type (lower-case part name -> lower-case type): its override, else the
    default for its extension. A package without a manifest has none (every part is unaccounted)."""
    if not box.has(CONTENT_TYPES_PART):
        return {}
    root = box.xml(CONTENT_TYPES_PART)
    defaults = {
        element.get("Extension", "").lower(): element.get("ContentType", "").lower()
        for element in root.iter(f"{{{CT_NS}}}Default")
    }
    overrides = {
        element.get("PartName", "").lstrip("/").lower(): element.get("ContentType", "").lower()
        for element in root.iter(f"{{{CT_NS}}}Override")
    }
    types: dict[str, str] = {}
    for name in box.names:
        lower = name.lower()
        extension = posixpath.splitext(lower)[1].lstrip(".")
        kind = overrides.get(lower) or defaults.get(extension)
        if kind:
            types[lower] = kind
    return types


def _is_relationships(part: str) -> bool:
    folder, name = posixpath.split(part)
    return posixpath.basename(folder) == "_rels" and name.endswith(".rels")


def _source_of(rels_part: str) -> str:
    """``xl/_rels/workbook.xml.rels`` -> ``xl/workbook.xml``; ``_rels/.rels`` -> '' (the package)."""
    folder, name = posixpath.split(rels_part)
    return posixpath.join(posixpath.dirname(folder), name[: -len(".rels")]).lstrip("/")


def _relationships(box: ZipContainer, parts: list[str]) -> tuple[list[Relationship], list[Finding]]:
    """Every relationship of every relationship part, and a block for one that belongs to no part."""
    present = {part.lower() for part in parts}
    relationships: list[Relationship] = []
    findings: list[Finding] = []
    for part in parts:
        if not part.endswith(".rels"):
            continue
        source = _source_of(part)
        if not _is_relationships(part) or (source and source.lower() not in present):
            findings.append(
                Finding(
                    UNACCOUNTED,
                    Severity.BLOCK,
                    part,
                    "A relationship part belongs to no part of the workbook; it can hold addresses "
                    "or text no program shows.",
                )
            )
            continue
        folder = posixpath.dirname(source)
        for rel in box.xml(part).iter(f"{{{PKG_REL_NS}}}Relationship"):
            external = rel.get("TargetMode") == "External"
            target = rel.get("Target", "")
            if not external:
                target = (
                    target.lstrip("/")
                    if target.startswith("/")
                    else posixpath.normpath(posixpath.join(folder, target))
                )
            relationships.append(Relationship(source, _kind(rel.get("Type", "")), target, external))
    return relationships, findings


def _kind(uri: str) -> str:
    """The part of a relationship type URI that names it (``.../relationships/worksheet`` -> worksheet)."""
    for marker in ("/relationships/", "/2006/"):
        if marker in uri:
            return uri.rsplit(marker, 1)[-1]
    return uri


def _reached(relationships: list[Relationship]) -> set[str]:
    """The parts reached from the package root by following relationships (lower-case names)."""
    by_source: dict[str, list[str]] = {}
    for rel in relationships:
        if not rel.external:
            by_source.setdefault(rel.source.lower(), []).append(rel.target.lower())
    reached: set[str] = set()
    pending = list(by_source.get("", []))
    while pending:
        part = pending.pop()
        if part not in reached:
            reached.add(part)
            pending += by_source.get(part, [])
    return reached


def _part_type_findings(part: str, kind: str | None) -> list[Finding]:
    if kind is not None and kind in PLAIN_TYPES_LOWER:
        return []
    if kind is not None and kind in RULED_TYPES:
        return [_ruled(RULED_TYPES[kind], part)]
    if kind is not None and kind.startswith("image/"):
        return [_ruled("xlsx.embedded_image", part)]
    what = f"of content type {kind!r}" if kind else "with no content type"
    return [Finding(UNACCOUNTED, Severity.BLOCK, part, f"A part {what} is one the gate cannot account for.")]


def _relationship_findings(rel: Relationship) -> list[Finding]:
    if rel.kind in PLAIN_RELATIONSHIPS:
        return []
    if rel.kind in RULED_RELATIONSHIPS:
        return [_ruled(RULED_RELATIONSHIPS[rel.kind], rel.target)]
    return [
        Finding(
            UNACCOUNTED,
            Severity.BLOCK,
            rel.target,
            f"A relationship of type {rel.kind!r} from {rel.source or 'the package'} is one the gate "
            "cannot account for.",
        )
    ]


def _ruled(code: str, part: str) -> Finding:
    severity, message = RULES[code]
    return Finding(code, severity, part, message)


def _table_findings(box: ZipContainer, part: str) -> list[Finding]:
    """A table's comments (on the table or a column) are text a reader does not see in a cell."""
    if not any(element.get("comment", "").strip() for element in box.xml(part).iter()):
        return []
    return [Finding("xlsx.comment", Severity.BLOCK, part, "A table or table column carries a comment.")]
