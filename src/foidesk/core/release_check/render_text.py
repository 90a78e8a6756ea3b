"""All the text an office file holds, read from its XML parts, to compare with what a renderer shows.

The second opinion (``rendering.py``) renders DOCX, ODT, XLSX and ODS with LibreOffice and asks which of
these words a reader sees. The reading here is deliberately plain and independent of the main check: the
story text of a document (DOCX ``w:t`` in the body, headers, footers, footnotes, endnotes and text boxes;
ODF ``text:p``/``text:h`` and what they hold, in ``content.xml`` and the master pages of ``styles.xml``)
and the text of a spreadsheet's cells (XLSX shared strings used by cells, inline strings and formula
results; ODS cells of string type). Field results the renderer computes afresh (page numbers, dates, cross
references) are left out: the file's cached result is not what LibreOffice shows, and it is not hidden.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from foidesk.core.release_check.archive import ZipContainer
from foidesk.core.release_check.findings import InspectionLimits
from foidesk.core.release_check.render_pdf import split_words

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
S = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
SVG = "{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}"
DOCX_STORY_PARTS = frozenset({"header", "footer", "footnotes", "endnotes"})  # relationship types, last part
# Word fields whose result LibreOffice computes again on loading (ECMA-376 part 1, 17.16.5): pages, dates,
# references and document properties. What such a field could hide (a variable, a property) the main
# check judges.
RECOMPUTED_FIELDS = frozenset(
    {
        "PAGE",
        "NUMPAGES",
        "SECTIONPAGES",
        "SECTION",
        "DATE",
        "TIME",
        "PRINTDATE",
        "SAVEDATE",
        "CREATEDATE",
        "EDITTIME",
        "FILENAME",
        "FILESIZE",
        "PAGEREF",
        "REF",
        "NOTEREF",
        "SEQ",
        "STYLEREF",
        "AUTHOR",
        "TITLE",
        "SUBJECT",
        "KEYWORDS",
        "COMMENTS",
        "DOCPROPERTY",
        "USERNAME",
        "USERINITIALS",
        "LASTSAVEDBY",
        "NUMWORDS",
        "NUMCHARS",
    }
)
# ODF elements left out: fields computed afresh (pages, dates, references, variables and user fields,
# document information), and what is not story text (comments, deleted text, a drawing's title and
# description) — the main check judges those.
ODF_LEFT_OUT = frozenset(
    {
        TEXT + "page-number",
        TEXT + "page-count",
        TEXT + "page-continuation",
        TEXT + "date",
        TEXT + "time",
        TEXT + "file-name",
        TEXT + "print-date",
        TEXT + "print-time",
        TEXT + "sequence",
        TEXT + "sequence-ref",
        TEXT + "bookmark-ref",
        TEXT + "reference-ref",
        TEXT + "note-ref",
        TEXT + "chapter",
        TEXT + "user-field-get",
        TEXT + "user-defined",
        TEXT + "variable-get",
        TEXT + "variable-set",
        TEXT + "expression",
        TEXT + "author-name",
        TEXT + "author-initials",
        TEXT + "title",
        TEXT + "subject",
        TEXT + "description",
        TEXT + "keywords",
        TEXT + "creator",
        TEXT + "initial-creator",
        TEXT + "creation-date",
        TEXT + "creation-time",
        TEXT + "modification-date",
        TEXT + "modification-time",
        TEXT + "editing-duration",
        TEXT + "tracked-changes",
        OFFICE + "annotation",
        OFFICE + "annotation-end",
        SVG + "title",
        SVG + "desc",
    }
)
ODF_PARAGRAPHS = frozenset({TEXT + "p", TEXT + "h"})
ODF_SEPARATORS = frozenset({TEXT + "s", TEXT + "tab", TEXT + "line-break"})  # a space, a tab, a new line
CELL_REFERENCE = re.compile(r"([A-Z]+)(\d+)")


@dataclass(frozen=True, slots=True)
class TextPlace:
    """Words held in one place: a document part, or a spreadsheet cell (with whether a cell beside it
    holds something, so that its text may be clipped at the cell's edge rather than hidden)."""

    where: str
    words: tuple[str, ...]
    is_cell: bool = False
    has_neighbour: bool = False


def words_of(text: str) -> tuple[str, ...]:
    """The words of ``text`` that are compared: runs of letters, normalised (numbers are left out)."""
    return tuple(split_words(text))


def docx_text(path: str, limits: InspectionLimits) -> list[TextPlace]:
    """The story text of a DOCX: the main document, then its headers, footers, footnotes and endnotes."""
    with ZipContainer(path, limits) as container:
        main = _main_part(container, "word/document.xml")
        places = [TextPlace(main, words_of(" ".join(_docx_runs(container.xml(main)))))]
        for part in _related_parts(container, main, DOCX_STORY_PARTS):
            places.append(TextPlace(part, words_of(" ".join(_docx_runs(container.xml(part))))))
    return places


def odt_text(path: str, limits: InspectionLimits) -> list[TextPlace]:
    """The story text of an ODT: the body of ``content.xml`` and the master pages of ``styles.xml``."""
    with ZipContainer(path, limits) as container:
        places = [TextPlace("content.xml", words_of(" ".join(_odf_story(container.xml("content.xml")))))]
        if container.has("styles.xml"):
            masters = container.xml("styles.xml").find(f"{OFFICE}master-styles")
            if masters is not None:
                places.append(TextPlace("styles.xml", words_of(" ".join(_odf_story(masters)))))
    return places


def xlsx_text(path: str, limits: InspectionLimits) -> list[TextPlace]:
    """The text of every cell of every sheet of an XLSX, one place a cell (numbers left out)."""
    with ZipContainer(path, limits) as container:
        workbook = _main_part(container, "xl/workbook.xml")
        shared = _shared_strings(container, workbook)
        names = {
            element.get(f"{R}id", ""): element.get("name", "")
            for element in container.xml(workbook).iter(f"{S}sheet")
        }
        targets = _relationship_targets(container, workbook)
        places: list[TextPlace] = []
        for relationship, sheet_name in names.items():
            part = targets.get(relationship)
            if part is None or not container.has(part):
                continue
            cells = dict(_xlsx_cells(container, part, shared))
            places += _cell_places(sheet_name, cells)
    return places


def ods_text(path: str, limits: InspectionLimits) -> list[TextPlace]:
    """The text of every string cell of every table of an ODS, one place a cell."""
    with ZipContainer(path, limits) as container:
        body = container.xml("content.xml")
    places: list[TextPlace] = []
    for table in body.iter(f"{TABLE}table"):
        places += _cell_places(table.get(f"{TABLE}name", "table"), dict(_ods_cells(table)))
    return places


def _main_part(container: ZipContainer, default: str) -> str:
    """The package's main part (``_rels/.rels``, officeDocument), or the usual name when none is given."""
    if container.has("_rels/.rels"):
        for relationship in container.xml("_rels/.rels").iter(f"{PKG}Relationship"):
            if relationship.get("Type", "").endswith("/officeDocument"):
                target = relationship.get("Target", "").lstrip("/")
                if container.has(target):
                    return target
    return default


def _relationships_name(part: str) -> str:
    folder, _, name = part.rpartition("/")
    return f"{folder}/_rels/{name}.rels" if folder else f"_rels/{name}.rels"


def _relationship_targets(container: ZipContainer, part: str) -> dict[str, str]:
    """Relationship id to the target part's name, for internal targets of ``part``."""
    rels = _relationships_name(part)
    if not container.has(rels):
        return {}
    folder = part.rpartition("/")[0]
    targets: dict[str, str] = {}
    for relationship in container.xml(rels).iter(f"{PKG}Relationship"):
        if relationship.get("TargetMode") == "External":
            continue
        target = relationship.get("Target", "")
        targets[relationship.get("Id", "")] = _resolve(folder, target)
    return targets


def _related_parts(container: ZipContainer, part: str, kinds: frozenset[str]) -> list[str]:
    rels = _relationships_name(part)
    if not container.has(rels):
        return []
    folder = part.rpartition("/")[0]
    found = []
    for relationship in container.xml(rels).iter(f"{PKG}Relationship"):
        kind = relationship.get("Type", "").rpartition("/")[2]
        target = _resolve(folder, relationship.get("Target", ""))
        if kind in kinds and relationship.get("TargetMode") != "External" and container.has(target):
            found.append(target)
    return found


def _resolve(folder: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    parts = (folder.split("/") if folder else []) + target.split("/")
    resolved: list[str] = []
    for piece in parts:
        if piece == "..":
            if resolved:
                resolved.pop()
        elif piece not in ("", "."):
            resolved.append(piece)
    return "/".join(resolved)


def _docx_runs(root: etree._Element) -> Iterator[str]:
    """The ``w:t`` text of a part in order, leaving out results of fields the renderer computes afresh."""
    fields: list[list[str | bool]] = []  # [instruction, showing its result] for each open complex field
    for element in root.iter(f"{W}t", f"{W}fldChar", f"{W}instrText"):
        if element.tag == f"{W}fldChar":
            kind = element.get(f"{W}fldCharType")
            if kind == "begin":
                fields.append(["", False])
            elif kind == "separate" and fields:
                fields[-1][1] = True
            elif kind == "end" and fields:
                fields.pop()
        elif element.tag == f"{W}instrText":
            if fields:
                fields[-1][0] = f"{fields[-1][0]}{element.text or ''}"
        elif not _in_recomputed_field(element, fields):
            yield element.text or ""


def _in_recomputed_field(element: etree._Element, fields: list[list[str | bool]]) -> bool:
    for instruction, showing in fields:
        if showing and _field_name(str(instruction)) in RECOMPUTED_FIELDS:
            return True
    ancestor = element.getparent()
    while ancestor is not None:
        instruction = ancestor.get(f"{W}instr", "") if ancestor.tag == f"{W}fldSimple" else ""
        if _field_name(instruction) in RECOMPUTED_FIELDS:
            return True
        ancestor = ancestor.getparent()
    return False


def _field_name(instruction: str) -> str:
    words = instruction.split()
    return words[0].upper() if words else ""


def _odf_story(root: etree._Element) -> Iterator[str]:
    """The text of every paragraph and heading under ``root``, nested ones (frames, notes) included."""
    for element in root.iter(*ODF_PARAGRAPHS):
        if _odf_left_out(element):
            continue
        yield from _odf_paragraph(element)


def _odf_left_out(element: etree._Element) -> bool:
    ancestor = element.getparent()
    while ancestor is not None:
        if ancestor.tag in ODF_LEFT_OUT:
            return True
        ancestor = ancestor.getparent()
    return False


def _odf_paragraph(element: etree._Element) -> Iterator[str]:
    """A paragraph's own text: its children's text and tails, not nested paragraphs (read on their own)."""
    yield element.text or ""
    for child in element:
        if child.tag not in ODF_LEFT_OUT and child.tag not in ODF_PARAGRAPHS and isinstance(child.tag, str):
            yield " " if child.tag in ODF_SEPARATORS else ""
            yield from _odf_paragraph(child)
        yield child.tail or ""


def _shared_strings(container: ZipContainer, workbook: str) -> list[str]:
    targets = _relationship_targets(container, workbook)
    names = [target for target in targets.values() if target.endswith("sharedStrings.xml")]
    part = names[0] if names else "xl/sharedStrings.xml"
    if not container.has(part):
        return []
    strings = []
    for item in container.xml(part).iter(f"{S}si"):
        texts = [t.text or "" for t in item.iter(f"{S}t") if not _in_phonetic(t, item)]
        strings.append("".join(texts))
    return strings


def _in_phonetic(element: etree._Element, stop: etree._Element) -> bool:
    """Phonetic guides (``rPh``) are not shown by default; the main check judges them."""
    ancestor = element.getparent()
    while ancestor is not None and ancestor is not stop:
        if ancestor.tag == f"{S}rPh":
            return True
        ancestor = ancestor.getparent()
    return False


Cells = Iterator[tuple[tuple[int, int], str]]


def _xlsx_cells(container: ZipContainer, part: str, shared: list[str]) -> Cells:
    """((row, column), text) for every cell holding something; text is empty for numbers."""
    for row_number, row in enumerate(container.xml(part).iter(f"{S}row"), start=1):
        number = int(row.get("r", row_number))
        column = 0
        for cell in row.iter(f"{S}c"):
            column = _column(cell.get("r", ""), column + 1)
            text = _xlsx_cell_text(cell, shared)
            if text is not None:
                yield (number, column), text


def _column(reference: str, default: int) -> int:
    match = CELL_REFERENCE.fullmatch(reference)
    if match is None:
        return default
    column = 0
    for letter in match.group(1):
        column = column * 26 + ord(letter) - ord("A") + 1
    return column


def _xlsx_cell_text(cell: etree._Element, shared: list[str]) -> str | None:
    """The cell's text; "" for a number or other value; None when the cell holds nothing."""
    kind = cell.get("t", "n")
    value = cell.find(f"{S}v")
    if kind == "inlineStr":
        inline = cell.find(f"{S}is")
        return "" if inline is None else "".join(t.text or "" for t in inline.iter(f"{S}t"))
    if value is None or value.text is None:
        return None
    if kind == "s":
        index = int(value.text)
        return shared[index] if 0 <= index < len(shared) else ""
    if kind == "str":
        return value.text
    return ""


def _ods_cells(table: etree._Element) -> Cells:
    row_number = 0
    for row in table.iter(f"{TABLE}table-row"):
        row_number += 1
        rows_repeated = int(row.get(f"{TABLE}number-rows-repeated", "1"))
        column = 0
        for cell in row:
            if cell.tag not in (f"{TABLE}table-cell", f"{TABLE}covered-table-cell"):
                continue
            repeated = int(cell.get(f"{TABLE}number-columns-repeated", "1"))
            text = _ods_cell_text(cell)
            if text is not None:
                for offset in range(min(repeated, 2)):  # a neighbour is all that repetition tells
                    yield (row_number, column + offset + 1), text
            column += repeated
        row_number += rows_repeated - 1


def _ods_cell_text(cell: etree._Element) -> str | None:
    kind = cell.get(f"{OFFICE}value-type")
    paragraphs = [element for element in cell if element.tag in ODF_PARAGRAPHS]
    if kind is None and not paragraphs:
        return None
    if kind not in (None, "string"):
        return ""
    return " ".join(text for paragraph in paragraphs for text in _odf_paragraph(paragraph))


def _cell_places(sheet: str, cells: dict[tuple[int, int], str]) -> list[TextPlace]:
    places = []
    for (row, column), text in cells.items():
        words = words_of(text)
        if not words:
            continue
        neighbour = (row, column - 1) in cells or (row, column + 1) in cells
        where = f"{sheet}!{_column_letters(column)}{row}"
        places.append(TextPlace(where, words, is_cell=True, has_neighbour=neighbour))
    return places


def _column_letters(column: int) -> str:
    letters = ""
    while column > 0:
        column, remainder = divmod(column - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters
