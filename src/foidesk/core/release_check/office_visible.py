"""What a reader of a word-processing document (DOCX or ODT) actually sees.

Two things the release gate needs from a document's XML: for each piece of text, whether a reader can see it
(not hidden, not too small, not the colour of its background, not deleted, not a field's code), and the
visible content itself, as a small model (paragraphs of styled spans and pictures, tables, displayed headers
and footers, notes) from which a clean document is rebuilt. Styles are followed through their inheritance
(ECMA-376 17.7 for DOCX in ``docx_styles``, ODF 1.2 16.2 for ODT in ``odf_styles``). Only what is proven
visible reaches the model: runs of unknown elements, text boxes beyond the page or in a fallback copy,
notes nothing refers to, master pages no page uses, collapsed rows and columns are all left out.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as SafeXml
from defusedxml import DefusedXmlException

from foidesk.core.release_check.docx_elements import MC, WP, Page, W, is_off_page_frame, shown_text_boxes
from foidesk.core.release_check.docx_styles import DocxStyles, PlacedRun, colour_of, placed_runs, style_id
from foidesk.core.release_check.findings import CannotInspect
from foidesk.core.release_check.list_labels import DocxNumbering, OdtListStyles
from foidesk.core.release_check.odf_styles import OdfStyles, OdtLook, points
from foidesk.core.release_check.odt_elements import is_known as odt_is_known

R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
FO = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
SVG = "{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}"
XLINK = "{http://www.w3.org/1999/xlink}"

DRAWING_OMITTED = "[chart or diagram omitted: its data is not copied]"
# Parts of a DOCX paragraph a reader never sees: deletions, the fallback copy of alternate content,
# properties, and text boxes (taken separately, as paragraphs of their own).
DOCX_UNSEEN = frozenset(
    {W + "del", W + "moveFrom", MC + "Fallback", W + "pPr", W + "rPr", W + "txbxContent", W + "sectPr"}
)
ODT_UNSEEN = frozenset(
    {OFFICE + "annotation", OFFICE + "annotation-end", TEXT + "tracked-changes", TEXT + "change"}
    | {TEXT + "hidden-text", TEXT + "hidden-paragraph", TEXT + "note", DRAW + "frame", TEXT + "bookmark"}
    | {TEXT + "sequence-decls", TEXT + "variable-decls", TEXT + "user-field-decls", OFFICE + "forms"}
)


def read_xml(archive: zipfile.ZipFile, name: str) -> Element:
    """A package part parsed with entity expansion and external references refused (defusedxml)."""
    try:
        root: Element = SafeXml.fromstring(archive.read(name))
    except (
        ParseError,
        DefusedXmlException,
        KeyError,
        LookupError,
        ValueError,
    ) as error:  # LookupError: encoding
        raise CannotInspect(f"{name} cannot be read: {error}") from error
    return root


# ------------------------------------------------------------------ the visible content, as a model


@dataclass(frozen=True, slots=True)
class Span:
    text: str = ""
    bold: bool = False
    italic: bool = False
    picture: str | None = None  # the package part holding the picture
    picture_size: tuple[float, float] | None = None  # centimetres


@dataclass(frozen=True, slots=True)
class Paragraph:
    spans: tuple[Span, ...]
    heading: int = 0  # 0: body text; 1..9: heading level

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)


@dataclass(frozen=True, slots=True)
class Table:
    rows: tuple[tuple[str, ...], ...]


@dataclass(slots=True)
class VisibleDocument:
    body: list[Paragraph | Table] = field(default_factory=list)
    header: list[str] = field(default_factory=list)
    footer: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def texts(self) -> Iterator[str]:
        """Every piece of text a reader sees: paragraphs, table cells, headers, footers, notes."""
        for block in self.body:
            if isinstance(block, Paragraph):
                yield block.text
            else:
                yield from (cell for row in block.rows for cell in row)
        yield from self.header
        yield from self.footer
        yield from self.notes


# ------------------------------------------------------------------ DOCX: the visible content


class DocxReader:
    """Reads the visible content of a DOCX package, its parts found by their roles (``docx_parts``)."""

    def __init__(
        self, archive: zipfile.ZipFile, names: set[str], roles: dict[str, str] | None = None
    ) -> None:
        self.archive = archive
        self.names = names
        self.roles = roles if roles is not None else _roles_by_name(names)
        self.main = self.part("main") or "word/document.xml"
        theme = self.part("theme")
        self.styles = DocxStyles(self._xml("styles"), read_xml(archive, theme) if theme else None)
        self.numbering = DocxNumbering(self._xml("numbering"))
        self.targets = self._targets()
        document = read_xml(archive, self.main)
        self.page = Page.of(document)
        self.page_fill = self._page_fill(document)

    def part(self, role: str) -> str | None:
        return next((name for name, kind in sorted(self.roles.items()) if kind == role), None)

    def _xml(self, role: str) -> Element | None:
        name = self.part(role)
        return read_xml(self.archive, name) if name else None

    def _page_fill(self, document: Element) -> str | None:
        """The page colour, when the settings display it (ECMA-376 17.2.1, 17.15.1.34)."""
        settings = self._xml("settings")
        if settings is None or not _on(settings.find(W + "displayBackgroundShape")):
            return None
        background = document.find(W + "background")
        return colour_of(background, self.styles.theme, "color")

    def _targets(self) -> dict[str, str]:
        rels = posixpath.join(posixpath.dirname(self.main), "_rels", posixpath.basename(self.main) + ".rels")
        if rels not in self.names:
            return {}
        targets = {}
        for relation in read_xml(self.archive, rels).iter(PKG_REL + "Relationship"):
            if relation.get("TargetMode") != "External":
                target = relation.get("Target", "")
                folder = posixpath.dirname(self.main)
                resolved = (
                    target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"{folder}/{target}")
                )
                targets[relation.get("Id", "")] = resolved
        return targets

    def displayed_header_parts(self) -> set[str]:
        """Header/footer parts some section shows (ECMA-376 17.10: default; first if titlePg; even if set)."""
        document = read_xml(self.archive, self.main)
        settings = self._xml("settings")
        even_pages = settings is not None and bool(_on(settings.find(W + "evenAndOddHeaders")))
        shown = set()
        for section in document.iter(W + "sectPr"):
            title_page = bool(_on(section.find(W + "titlePg")))
            for reference in [*section.iter(W + "headerReference"), *section.iter(W + "footerReference")]:
                kind = reference.get(W + "type", "default")
                if kind == "default" or (kind == "first" and title_page) or (kind == "even" and even_pages):
                    shown.add(self.targets.get(reference.get(R + "id", ""), ""))
        return shown

    def referenced_notes(self, tag: str) -> set[str]:
        """Ids of the footnotes or endnotes ('footnote', 'endnote') the body, headers or footers refer to.

        A note no text refers to is never printed: its text is hidden.
        """
        parts = [self.main, *(p for p, role in self.roles.items() if role in ("header", "footer"))]
        ids = set()
        for part in parts:
            if part in self.names:
                ids |= {r.get(W + "id", "") for r in read_xml(self.archive, part).iter(W + f"{tag}Reference")}
        return ids

    def story_runs(self, root: Element) -> dict[int, PlacedRun]:
        """Every run of a story part a reader may see, by element id, with its look in place."""
        unseen = DOCX_UNSEEN - {W + "txbxContent"}  # text boxes' runs are placed on their own ground
        return {id(p.run): p for p in placed_runs(root, self.styles, unseen, page=self.page_fill)}

    def visible(self) -> VisibleDocument:
        root = read_xml(self.archive, self.main)
        body = root.find(W + "body")
        document = VisibleDocument()
        if body is not None:
            document.body.extend(self._blocks(body, self.story_runs(root)))
        for part in sorted(self.displayed_header_parts()):
            if part in self.names and self.roles.get(part) in ("header", "footer"):
                story = read_xml(self.archive, part)
                lines = [
                    p.text for p in self._blocks(story, self.story_runs(story)) if isinstance(p, Paragraph)
                ]
                kept = [line for line in lines if line.strip()]
                (document.header if self.roles[part] == "header" else document.footer).extend(kept)
        for role, tag in (("footnotes", "footnote"), ("endnotes", "endnote")):
            notes = self.part(role)
            if notes is None:
                continue
            story = read_xml(self.archive, notes)
            runs = self.story_runs(story)
            referenced = self.referenced_notes(tag)
            for note in story.iter(W + tag):
                if note.get(W + "id") in referenced and note.get(W + "type") is None:
                    text = " ".join(
                        p.text for p in self._blocks(note, runs) if isinstance(p, Paragraph)
                    ).strip()
                    document.notes.append(f"[{note.get(W + 'id')}] {text}")
        return document

    def _blocks(self, element: Element, runs: dict[int, PlacedRun]) -> Iterator[Paragraph | Table]:
        for child in element:
            if child.tag == W + "p":
                if is_off_page_frame(child, self.page):
                    continue
                yield self._paragraph(child, runs)
                for box in shown_text_boxes(child, self.page):
                    yield from self._blocks(box, runs)
            elif child.tag == W + "tbl":
                yield self._table(child, runs)
            elif child.tag in (W + "sdt", W + "sdtContent", W + "customXml"):
                yield from self._blocks(child, runs)

    def _table(self, table: Element, runs: dict[int, PlacedRun]) -> Table:
        rows = []
        for row in table.iter(W + "tr"):
            cells = []
            for cell in row.findall(W + "tc"):
                texts = [b.text for b in self._blocks(cell, runs) if isinstance(b, Paragraph)]
                cells.append("\n".join(texts))
            rows.append(tuple(cells))
        return Table(tuple(rows))

    def _paragraph(self, paragraph: Element, runs: dict[int, PlacedRun]) -> Paragraph:
        style = style_id(paragraph.find(W + "pPr"), "pStyle") or ""
        heading = re.fullmatch(r"Heading(\d)", style)
        level = int(heading.group(1)) if heading else (1 if style == "Title" else 0)
        label = self.numbering.label(paragraph.find(W + "pPr"))
        spans: list[Span] = [Span(label)] if label else []
        fields: list[str] = []  # a stack of 'code' / 'result' for nested fields (ECMA-376 17.16.18)
        for run in _runs_in_paragraph(paragraph):
            placed = runs.get(id(run))
            for char in run.iter(W + "fldChar"):
                kind = char.get(W + "fldCharType")
                if kind == "begin":
                    fields.append("code")
                elif kind == "separate" and fields:
                    fields[-1] = "result"
                elif kind == "end" and fields:
                    fields.pop()
            if placed is None or "code" in fields or placed.invisible_because:
                continue
            spans.extend(self._spans(placed))
        return Paragraph(tuple(spans), level)

    def _spans(self, placed: PlacedRun) -> Iterator[Span]:
        bold, italic = bool(placed.look.bold), bool(placed.look.italic)
        for child in placed.run:
            if child.tag == W + "t":
                yield Span(child.text or "", bold, italic)
            elif child.tag == W + "tab":
                yield Span("\t")
            elif child.tag in (W + "br", W + "cr"):
                yield Span("\n")
            elif child.tag == W + "noBreakHyphen":
                yield Span("-")
            elif child.tag in (W + "footnoteReference", W + "endnoteReference"):
                yield Span(f"[{child.get(W + 'id')}]")
            elif child.tag in (W + "drawing", MC + "AlternateContent"):
                yield from self._pictures(child)

    def _pictures(self, drawing: Element) -> Iterator[Span]:
        fallback = {id(b) for copy in drawing.iter(MC + "Fallback") for b in copy.iter(A + "blip")}
        extent = next(drawing.iter(WP + "extent"), None)
        size = None
        if extent is not None:
            emu_per_cm = 360_000  # ECMA-376 20.1.2.1: 914,400 EMU an inch
            size = (_int(extent.get("cx")) / emu_per_cm, _int(extent.get("cy")) / emu_per_cm)
        for blip in (b for b in drawing.iter(A + "blip") if id(b) not in fallback):
            part = self.targets.get(blip.get(R + "embed", ""))
            if part and part in self.names and self.roles.get(part) == "picture":
                yield Span(picture=part, picture_size=size)
        kinds = {g.get("uri", "").rsplit("/", 1)[-1] for g in drawing.iter(A + "graphicData")}
        if kinds & {"chart", "diagram", "chartex"}:
            yield Span(DRAWING_OMITTED)


def _runs_in_paragraph(paragraph: Element) -> Iterator[Element]:
    """The paragraph's runs in order, not those of its text boxes (read as paragraphs of their own)."""
    for child in paragraph:
        if child.tag == W + "r":
            yield child
        elif child.tag not in DOCX_UNSEEN:
            yield from _runs_in_paragraph(child)


def _on(element: Element | None) -> bool:
    return element is not None and element.get(W + "val", "true") not in ("0", "false", "off")


def _int(value: str | None) -> int:
    try:
        return int(value or "0")
    except ValueError:
        return 0


A4_POINTS = (595.0, 842.0)


def _page_size(styles: Element | None) -> tuple[float, float]:
    """The first page layout's size in points (A4 when none is given)."""
    layout = next(styles.iter(STYLE + "page-layout-properties"), None) if styles is not None else None
    if layout is None:
        return A4_POINTS
    return (
        points(layout.get(FO + "page-width")) or A4_POINTS[0],
        points(layout.get(FO + "page-height")) or A4_POINTS[1],
    )


def _page_colour(styles: Element | None) -> str | None:
    """The first page layout's background colour, behind all text that has none of its own."""
    layout = next(styles.iter(STYLE + "page-layout-properties"), None) if styles is not None else None
    colour = layout.get(FO + "background-color") if layout is not None else None
    return colour if colour and colour != "transparent" else None


MAX_REPEAT = 16_384  # more columns than any sheet has: a larger repeat is a hostile file's


def _repeat(value: str | None) -> int:
    try:
        return max(1, min(int(value or "1"), MAX_REPEAT))
    except ValueError:
        return 1


def _hidden_columns(table: Element) -> set[int]:
    """Indices of the columns a table collapses or filters away."""
    hidden, index = set(), 0
    for column in table.iter(TABLE + "table-column"):
        count = _repeat(column.get(TABLE + "number-columns-repeated"))
        if column.get(TABLE + "visibility", "visible") != "visible":
            hidden |= set(range(index, index + count))
        index += count
    return hidden


def _least(a: float | None, b: float | None) -> float | None:
    return b if a is None else a if b is None else min(a, b)


def _roles_by_name(names: set[str]) -> dict[str, str]:
    """Roles for a package read without its relationships (the clean copy's own, known parts)."""
    known = {
        "word/document.xml": "main",
        "word/styles.xml": "styles",
        "word/numbering.xml": "numbering",
        "word/settings.xml": "settings",
        "word/theme/theme1.xml": "theme",
        "word/footnotes.xml": "footnotes",
        "word/endnotes.xml": "endnotes",
    }
    roles = {name: role for name, role in known.items() if name in names}
    for name in names:
        found = re.fullmatch(r"word/(header|footer)\d*\.xml", name)
        if found:
            roles[name] = found.group(1)
        elif name.startswith("word/media/"):
            roles[name] = "picture"
    return roles


# ------------------------------------------------------------------ ODT


class OdtReader:
    """Reads what is visible in an ODT's content.xml, with styles from content.xml and styles.xml."""

    def __init__(self, content: Element, styles: Element | None) -> None:
        self.content = content
        self.styles_root = styles
        self.odf_styles = OdfStyles(content, styles)
        self.page_size = _page_size(styles)
        # What is behind the text: the page's colour, then a table cell's fill and exact row height.
        self.ground = OdtLook(background=_page_colour(styles))
        self.found: dict[str, list[str]] = {}
        self.list_styles = OdtListStyles(content, styles)

    def look(self, name: str | None, family: str = "paragraph") -> OdtLook:
        return self.odf_styles.look(name, family)

    def _span_look(self, element: Element, family: str) -> OdtLook:
        """The element's style over the styles its ``text:class-names`` list (ODF 1.2 19.770), in order."""
        result = self.odf_styles.look(None, family)  # the family's default style
        names = [*element.get(TEXT + "class-names", "").split(), element.get(TEXT + "style-name")]
        for name in names:
            result = self.odf_styles.look(name, family, defaults=False).over(result)
        return result

    def invisible_text(self) -> dict[str, list[str]]:
        """Reason ('hidden', 'tiny', 'white') -> texts a reader cannot see: body, notes, headers, footers."""
        self.found = {}
        self.visible()  # the body, the notes, and the headers and footers shown
        for element in self.content.iter():
            if element.tag in (TEXT + "hidden-text", TEXT + "hidden-paragraph"):
                text = element.get(TEXT + "string-value", "") or "".join(element.itertext())
                self.found.setdefault("hidden", []).append(text or "a hidden paragraph")
        return self.found

    def visible(self) -> VisibleDocument:
        document = VisibleDocument()
        office_text = self.content.find(f"{OFFICE}body/{OFFICE}text")
        if office_text is not None:
            document.body.extend(self._blocks(office_text))
        for note in self.content.iter(TEXT + "note"):
            citation = note.find(TEXT + "note-citation")
            body = note.find(TEXT + "note-body")
            if body is not None:
                text = " ".join(p.text for p in self._blocks(body) if isinstance(p, Paragraph))
                document.notes.append(
                    f"[{''.join(citation.itertext()) if citation is not None else ''}] {text}"
                )
        for master in self.master_pages(used=True):
            for tag, lines in ((STYLE + "header", document.header), (STYLE + "footer", document.footer)):
                part = master.find(tag)
                if part is not None and part.get(STYLE + "display") != "false":
                    lines.extend(
                        p.text for p in self._blocks(part) if isinstance(p, Paragraph) and p.text.strip()
                    )
        return document

    def master_pages(self, used: bool) -> list[Element]:
        """The master pages some page uses (``used``), or those no page uses.

        A page uses the default master ('Standard', else the first), a master a style names with
        ``style:master-page-name``, and a used master's ``style:next-style-name`` (ODF 1.2 16.9).
        """
        masters = list(self.styles_root.iter(STYLE + "master-page")) if self.styles_root is not None else []
        names = {m.get(STYLE + "name") for m in masters}
        wanted = {
            "Standard" if "Standard" in names else (masters[0].get(STYLE + "name") if masters else None)
        }
        for root in (self.styles_root, self.content):
            for style in root.iter(STYLE + "style") if root is not None else ():
                wanted.add(style.get(STYLE + "master-page-name"))
        for _ in masters:  # a chain of next pages, followed as far as it goes
            for current in masters:
                if current.get(STYLE + "name") in wanted:
                    wanted.add(current.get(STYLE + "next-style-name"))
        return [m for m in masters if (m.get(STYLE + "name") in wanted) == used]

    def _blocks(self, element: Element) -> Iterator[Paragraph | Table]:
        for child in element:
            if child.tag in (TEXT + "p", TEXT + "h"):
                if child.find(TEXT + "hidden-paragraph") is not None:
                    continue
                yield from self._paragraph(child)
            elif child.tag == TABLE + "table":
                yield self._table(child)
            elif child.tag == TEXT + "section":
                if child.get(TEXT + "display") in ("none", "condition") or child.get(TEXT + "condition"):
                    hidden = "".join(child.itertext()).strip()
                    if hidden:
                        self.found.setdefault("hidden", []).append(hidden)
                    continue
                yield from self._blocks(child)
            elif child.tag == TEXT + "list":
                yield from self._list(child, None, 1)
            elif child.tag == TABLE + "table-row-group":
                yield from self._blocks(child)

    def _list(self, element: Element, style: str | None, level: int) -> Iterator[Paragraph | Table]:
        """A list's items, the first paragraph of each labelled with its bullet or number."""
        style = element.get(TEXT + "style-name") or style
        number = 0
        for item in element:
            if item.tag not in (TEXT + "list-item", TEXT + "list-header"):
                continue
            label = ""
            if item.tag == TEXT + "list-item":
                number += 1
                label = self.list_styles.label(style, level, number)
            for child in item:
                if child.tag == TEXT + "list":
                    yield from self._list(child, style, level + 1)
                    continue
                wrapper = Element("item")
                wrapper.append(child)
                for block in self._blocks(wrapper):
                    if label and isinstance(block, Paragraph):
                        block, label = Paragraph((Span(label), *block.spans), block.heading), ""
                    yield block

    def _table(self, table: Element) -> Table:
        """A table's rows; each cell's text is seen against the cell's fill and cut to an exact row height.

        Rows and columns with ``table:visibility`` collapse or filter (ODF 1.2 19.749) are hidden.
        """
        rows = []
        outer = self.ground
        hidden_columns = _hidden_columns(table)
        for row in table.iter(TABLE + "table-row"):
            row_look = self.look(row.get(TABLE + "style-name"), "table-row")
            row_hidden = row.get(TABLE + "visibility", "visible") != "visible"
            cells, column = [], 0
            for cell in row:
                if cell.tag not in (TABLE + "table-cell", TABLE + "covered-table-cell"):
                    continue
                cell_look = self.look(cell.get(TABLE + "style-name"), "table-cell")
                self.ground = OdtLook(
                    hidden=True if row_hidden or column in hidden_columns else None,
                    background=cell_look.background or outer.background,
                    row_height=_least(row_look.row_height, outer.row_height),
                )
                column += _repeat(cell.get(TABLE + "number-columns-repeated"))
                text = "\n".join(p.text for p in self._blocks(cell) if isinstance(p, Paragraph))
                if cell.tag == TABLE + "table-cell":
                    cells.append(text)
            self.ground = outer
            rows.append(tuple(cells))
        return Table(tuple(rows))

    def _paragraph(self, paragraph: Element) -> Iterator[Paragraph | Table]:
        level = int(paragraph.get(TEXT + "outline-level", "1")) if paragraph.tag == TEXT + "h" else 0
        base = self._span_look(paragraph, "paragraph").over(self.ground)
        spans: list[Span] = []
        boxes: list[Paragraph | Table] = []
        self._mixed(paragraph, base, spans, boxes)
        yield Paragraph(tuple(spans), level)
        yield from boxes

    def _mixed(
        self, element: Element, look: OdtLook, spans: list[Span], boxes: list[Paragraph | Table]
    ) -> None:
        self._text(element.text, look, spans)
        for child in element:
            if child.tag == DRAW + "frame":
                self._frame(child, spans, boxes)
            elif child.get(TEXT + "display") == "none" and child.tag != TEXT + "span":
                self._text("".join(child.itertext()), OdtLook(hidden=True), spans)
            elif child.tag not in ODT_UNSEEN and odt_is_known(child.tag):
                self._child(child, look, spans, boxes)
            self._text(child.tail, look, spans)

    def _child(
        self, child: Element, look: OdtLook, spans: list[Span], boxes: list[Paragraph | Table]
    ) -> None:
        if child.tag == TEXT + "s":
            self._text(" " * int(child.get(TEXT + "c", "1")), look, spans)
        elif child.tag == TEXT + "tab":
            self._text("\t", look, spans)
        elif child.tag == TEXT + "line-break":
            self._text("\n", look, spans)
        else:
            inner = self._span_look(child, "text").over(look) if child.tag == TEXT + "span" else look
            self._mixed(child, inner, spans, boxes)

    def _text(self, text: str | None, look: OdtLook, spans: list[Span]) -> None:
        if not text:
            return
        reason = look.invisible_because
        if reason:
            if text.strip():
                self.found.setdefault(reason, []).append(text)
            return
        spans.append(Span(text, bool(look.bold), bool(look.italic)))

    def _off_page(self, frame: Element, width: float, height: float) -> bool:
        """A frame placed wholly beyond the page, wherever its anchor lies (as for DOCX anchors)."""
        page_width, page_height = self.page_size
        x, y = points(frame.get(SVG + "x")) or 0, points(frame.get(SVG + "y")) or 0
        from_page = frame.get(TEXT + "anchor-type") == "page"
        return any(
            offset >= length or offset + extent <= (0 if from_page else -length)
            for offset, extent, length in ((x, width, page_width), (y, height, page_height))
        )

    def _frame(self, frame: Element, spans: list[Span], boxes: list[Paragraph | Table]) -> None:
        size = None
        width, height = points(frame.get(SVG + "width")), points(frame.get(SVG + "height"))
        if width and height:
            size = (width * 2.54 / 72, height * 2.54 / 72)
        if self._off_page(frame, width or 0, height or 0) or frame.get(DRAW + "display") == "none":
            text = "".join(frame.itertext()).strip()
            if text:
                reason = "hidden" if frame.get(DRAW + "display") == "none" else "offpage"
                self.found.setdefault(reason, []).append(text)
            return
        for child in frame:
            if child.tag == DRAW + "image" and child.find(OFFICE + "binary-data") is None:
                spans.append(Span(picture=child.get(XLINK + "href", ""), picture_size=size))
            elif child.tag == DRAW + "text-box":
                boxes.extend(self._blocks(child))
