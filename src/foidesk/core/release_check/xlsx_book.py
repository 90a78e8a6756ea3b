"""The structure of an Excel workbook (XLSX, XLSM): its sheets, names, print areas and shared strings.

What ``xl/workbook.xml`` and its relationships say, read once, and the shared-string table, streamed
(as bytes where it is plain, else through lxml). Every other XLSX module reads the workbook through these.
"""

from __future__ import annotations

import itertools
import posixpath
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from xml.sax.saxutils import unescape

from lxml import etree

from foidesk.core.release_check.archive import ZipContainer, release_children
from foidesk.core.release_check.findings import CannotInspect
from foidesk.core.release_check.personal_data import batches
from foidesk.core.release_check.xlsx_rows import PLAIN_STRING_ITEMS

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
TRUE = ("1", "true")
ROW_SEGMENT_LIMIT = 4_000_000  # (segment, area) pairs an index by row may hold; more is not a real sheet


@dataclass(frozen=True, slots=True)
class CellArea:
    """A rectangle of cells, 1-based and inclusive (a print area, a merged range)."""

    min_row: int
    min_col: int
    max_row: int
    max_col: int

    def contains(self, row: int, col: int) -> bool:
        return self.min_row <= row <= self.max_row and self.min_col <= col <= self.max_col


def row_segments(areas: Iterable[CellArea], too_many: str) -> tuple[list[int], list[list[CellArea]]]:
    """The rows cut into segments at each area's first row and the row after its last, with the areas
    over each segment: ``bounds[i]`` is where segment ``i`` starts. An area listed twice is one area.

    So many tall areas that the segments would hold more than ``ROW_SEGMENT_LIMIT`` of them are not a
    sheet the gate can account for: ``CannotInspect(too_many)`` (fail closed).
    """
    unique = set(areas)
    bounds = sorted({a.min_row for a in unique} | {a.max_row + 1 for a in unique})
    starting: dict[int, list[CellArea]] = {}
    ending: dict[int, list[CellArea]] = {}
    for area in unique:
        starting.setdefault(area.min_row, []).append(area)
        ending.setdefault(area.max_row + 1, []).append(area)
    active: set[CellArea] = set()
    segments: list[list[CellArea]] = []
    held = 0
    for bound in bounds:
        active.difference_update(ending.get(bound, ()))
        active.update(starting.get(bound, ()))
        held += len(active)
        if held > ROW_SEGMENT_LIMIT:
            raise CannotInspect(too_many)
        segments.append(list(active))
    return bounds, segments


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
    custom_views: int = 0  # ``customWorkbookView`` elements


def read_book(box: ZipContainer) -> Book:
    workbook_part = _office_document_part(box)
    root = box.xml(workbook_part)
    rels = part_relationships(box, workbook_part)
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
        custom_views=len(root.findall("{*}customWorkbookViews/{*}customWorkbookView")),
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


def part_relationships(box: ZipContainer, part: str) -> dict[str, tuple[str, str]]:
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
    items = (string_item_text(si) for si in released(box.xml_elements(part, ["{*}si"])))
    yield from batches(itertools.islice(items, given, None), size)


def released(elements: Iterator[etree._Element]) -> Iterator[etree._Element]:
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


def string_item_text(si: etree._Element) -> str:
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


def text_of(element: etree._Element | None) -> str:
    """All text inside an element (an inline string, a header), as ``str``."""
    if element is None:
        return ""
    return "".join(str(piece) for piece in element.itertext())
