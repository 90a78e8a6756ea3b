"""What a reader of a word-processing document (DOCX or ODT) actually sees.

Two things the release gate needs from a document's XML: for each piece of text, whether a reader can see it
(not hidden, not too small, not the colour of its background, not deleted, not a field's code), and the
visible content itself, as a small model (paragraphs of styled spans and pictures, tables, displayed headers
and footers, notes) from which a clean document is rebuilt. Styles are followed through their inheritance
(ECMA-376 17.7 for DOCX, ODF 1.2 16.2 for ODT).
"""

from __future__ import annotations

import math
import posixpath
import re
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import TypeVar
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as SafeXml
from defusedxml import DefusedXmlException

from foidesk.core.release_check.findings import CannotInspect
from foidesk.core.release_check.list_labels import DocxNumbering, OdtListStyles

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
FO = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
SVG = "{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}"
XLINK = "{http://www.w3.org/1999/xlink}"

MIN_READABLE_HALF_POINTS = 4  # w:sz is in half-points (ECMA-376 17.3.2.38): under 2 pt cannot be read
MIN_READABLE_POINTS = 2.0
SAME_COLOUR_DISTANCE = 0.08  # Euclidean distance in RGB (0..1) below which text and background look alike
WHITE = (1.0, 1.0, 1.0)
DRAWING_OMITTED = "[chart or diagram omitted: its data is not copied]"
FIRST_REAL_NOTE_ID = 1  # DOCX footnote ids -1 and 0 are the separator lines (ECMA-376 17.11.10)
# ECMA-376 17.18.40 ST_HighlightColor: the sixteen highlight colours Word offers.
HIGHLIGHT_COLOURS = {
    "black": "000000",
    "blue": "0000FF",
    "cyan": "00FFFF",
    "green": "00FF00",
    "magenta": "FF00FF",
    "red": "FF0000",
    "yellow": "FFFF00",
    "white": "FFFFFF",
    "darkBlue": "000080",
    "darkCyan": "008080",
    "darkGreen": "008000",
    "darkMagenta": "800080",
    "darkRed": "800000",
    "darkYellow": "808000",
    "darkGray": "808080",
    "lightGray": "C0C0C0",
}
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
    except (ParseError, DefusedXmlException, KeyError) as error:
        raise CannotInspect(f"{name} cannot be read: {error}") from error
    return root


def hex_colour(value: str | None) -> tuple[float, float, float] | None:
    if not value or not re.fullmatch(r"#?[0-9A-Fa-f]{6}", value):
        return None
    digits = value.lstrip("#")
    return (int(digits[0:2], 16) / 255, int(digits[2:4], 16) / 255, int(digits[4:6], 16) / 255)


def looks_alike(text: str | None, background: str | None) -> bool:
    colour = hex_colour(text)
    if colour is None:
        return False
    behind = hex_colour(background) or WHITE
    return math.dist(colour, behind) < SAME_COLOUR_DISTANCE


Look = TypeVar("Look")


def style_chain(styles: Mapping[str, tuple[Look, str | None]], name: str | None) -> list[Look]:
    """A style's own look, then its parent's and so on up (a loop in the chain ends it)."""
    chain: list[Look] = []
    seen: set[str] = set()
    while name and name in styles and name not in seen:
        seen.add(name)
        look, name = styles[name]
        chain.append(look)
    return chain


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


# ------------------------------------------------------------------ DOCX: how a run looks


@dataclass(frozen=True, slots=True)
class RunLook:
    """The properties of a run that decide whether a reader can see it; None: inherited."""

    hidden: bool | None = None
    colour: str | None = None
    size: float | None = None  # points

    def over(self, base: RunLook) -> RunLook:
        return RunLook(
            self.hidden if self.hidden is not None else base.hidden,
            self.colour if self.colour is not None else base.colour,
            self.size if self.size is not None else base.size,
        )


def _on(element: Element | None) -> bool | None:
    if element is None:
        return None
    return element.get(W + "val", "true") not in ("0", "false", "off")


def _docx_run_look(properties: Element | None) -> RunLook:
    if properties is None:
        return RunLook()
    colour = properties.find(W + "color")
    size = properties.find(W + "sz")
    hidden = _on(properties.find(W + "vanish"))
    size_value = size.get(W + "val", "") if size is not None else ""
    return RunLook(
        hidden if hidden is not None else _on(properties.find(W + "specVanish")),
        colour.get(W + "val") if colour is not None else None,
        int(size_value) / 2 if size_value.isdigit() else None,
    )


class DocxStyles:
    """Style id -> look, following ``basedOn`` chains (ECMA-376 17.7.4.3) from the document defaults."""

    def __init__(self, root: Element | None) -> None:
        self.defaults = RunLook()
        self.styles: dict[str, tuple[RunLook, str | None]] = {}
        if root is None:
            return
        self.defaults = _docx_run_look(root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr"))
        for style in root.iter(W + "style"):
            based = style.find(W + "basedOn")
            self.styles[style.get(W + "styleId", "")] = (
                _docx_run_look(style.find(W + "rPr")),
                based.get(W + "val") if based is not None else None,
            )

    def look(self, style_id: str | None) -> RunLook:
        result = self.defaults
        for look in reversed(style_chain(self.styles, style_id)):
            result = look.over(result)
        return result


def _style_id(properties: Element | None, tag: str) -> str | None:
    element = properties.find(W + tag) if properties is not None else None
    return element.get(W + "val") if element is not None else None


def _docx_fill(properties: Element | None) -> str | None:
    if properties is None:
        return None
    shading = properties.find(W + "shd")
    if shading is not None and shading.get(W + "fill", "auto") != "auto":
        return shading.get(W + "fill")
    highlight = properties.find(W + "highlight")
    return HIGHLIGHT_COLOURS.get(highlight.get(W + "val", "")) if highlight is not None else None


@dataclass(frozen=True, slots=True)
class PlacedRun:
    run: Element
    look: RunLook
    background: str | None

    @property
    def invisible_because(self) -> str:
        """Why a reader cannot see this run ('' if they can): hidden, tiny or white (background colour)."""
        if self.look.hidden:
            return "hidden"
        if self.look.size is not None and self.look.size < MIN_READABLE_POINTS:
            return "tiny"
        if looks_alike(self.look.colour, self.background):
            return "white"
        return ""


def placed_runs(
    element: Element, styles: DocxStyles, unseen: frozenset[str] = frozenset(), fill: str | None = None
) -> Iterator[PlacedRun]:
    """Every run under ``element`` (skipping ``unseen`` subtrees) with its look and the fill behind it."""
    yield from _placed(element, styles, styles.defaults, fill, unseen)


def _placed(
    element: Element, styles: DocxStyles, paragraph: RunLook, fill: str | None, unseen: frozenset[str]
) -> Iterator[PlacedRun]:
    for child in element:
        if child.tag in unseen:
            continue
        if child.tag == W + "tc":
            yield from _placed(child, styles, paragraph, _docx_fill(child.find(W + "tcPr")) or fill, unseen)
        elif child.tag == W + "p":
            properties = child.find(W + "pPr")
            look = styles.look(_style_id(properties, "pStyle"))
            yield from _placed(child, styles, look, _docx_fill(properties) or fill, unseen)
        elif child.tag == W + "r":
            properties = child.find(W + "rPr")
            look = _docx_run_look(properties).over(
                styles.look(_style_id(properties, "rStyle")).over(paragraph)
            )
            yield PlacedRun(child, look, _docx_fill(properties) or fill)
        else:
            yield from _placed(child, styles, paragraph, fill, unseen)


def run_text(run: Element) -> str:
    return "".join(t.text or "" for t in run.iter(W + "t"))


# ------------------------------------------------------------------ DOCX: the visible content


class DocxReader:
    """Reads the visible content of a DOCX package."""

    def __init__(self, archive: zipfile.ZipFile, names: set[str]) -> None:
        self.archive = archive
        self.names = names
        self.styles = DocxStyles(read_xml(archive, "word/styles.xml") if "word/styles.xml" in names else None)
        self.numbering = DocxNumbering(
            read_xml(archive, "word/numbering.xml") if "word/numbering.xml" in names else None
        )
        self.targets = self._targets()

    def _targets(self) -> dict[str, str]:
        rels = "word/_rels/document.xml.rels"
        if rels not in self.names:
            return {}
        targets = {}
        for relation in read_xml(self.archive, rels).iter(PKG_REL + "Relationship"):
            if relation.get("TargetMode") != "External":
                target = relation.get("Target", "")
                resolved = (
                    target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"word/{target}")
                )
                targets[relation.get("Id", "")] = resolved
        return targets

    def displayed_header_parts(self) -> set[str]:
        """Header/footer parts some section shows (ECMA-376 17.10: default; first if titlePg; even if set)."""
        document = read_xml(self.archive, "word/document.xml")
        settings = read_xml(self.archive, "word/settings.xml") if "word/settings.xml" in self.names else None
        even_pages = settings is not None and bool(_on(settings.find(W + "evenAndOddHeaders")))
        shown = set()
        for section in document.iter(W + "sectPr"):
            title_page = bool(_on(section.find(W + "titlePg")))
            for reference in [*section.iter(W + "headerReference"), *section.iter(W + "footerReference")]:
                kind = reference.get(W + "type", "default")
                if kind == "default" or (kind == "first" and title_page) or (kind == "even" and even_pages):
                    shown.add(self.targets.get(reference.get(R + "id", ""), ""))
        return shown

    def visible(self) -> VisibleDocument:
        body = read_xml(self.archive, "word/document.xml").find(W + "body")
        document = VisibleDocument()
        if body is not None:
            document.body.extend(self._blocks(body))
        for part in sorted(self.displayed_header_parts()):
            if part in self.names:
                lines = [
                    p.text for p in self._blocks(read_xml(self.archive, part)) if isinstance(p, Paragraph)
                ]
                kept = [line for line in lines if line.strip()]
                (document.header if "header" in part else document.footer).extend(kept)
        for part, tag in (("word/footnotes.xml", "footnote"), ("word/endnotes.xml", "endnote")):
            if part in self.names:
                for note in read_xml(self.archive, part).iter(W + tag):
                    if int(note.get(W + "id", "0")) >= FIRST_REAL_NOTE_ID:
                        text = " ".join(
                            p.text for p in self._blocks(note) if isinstance(p, Paragraph)
                        ).strip()
                        document.notes.append(f"[{note.get(W + 'id')}] {text}")
        return document

    def _blocks(self, element: Element, fill: str | None = None) -> Iterator[Paragraph | Table]:
        for child in element:
            if child.tag == W + "p":
                yield self._paragraph(child, fill)
                for box in child.iter(W + "txbxContent"):
                    yield from self._blocks(box)
            elif child.tag == W + "tbl":
                yield self._table(child)
            elif child.tag in (W + "sdt", W + "sdtContent", W + "customXml"):
                yield from self._blocks(child, fill)

    def _table(self, table: Element) -> Table:
        rows = []
        for row in table.iter(W + "tr"):
            cells = []
            for cell in row.findall(W + "tc"):
                fill = _docx_fill(cell.find(W + "tcPr"))
                texts = [b.text for b in self._blocks(cell, fill) if isinstance(b, Paragraph)]
                cells.append("\n".join(texts))
            rows.append(tuple(cells))
        return Table(tuple(rows))

    def _paragraph(self, paragraph: Element, fill: str | None) -> Paragraph:
        style = _style_id(paragraph.find(W + "pPr"), "pStyle") or ""
        heading = re.fullmatch(r"Heading(\d)", style)
        level = int(heading.group(1)) if heading else (1 if style == "Title" else 0)
        label = self.numbering.label(paragraph.find(W + "pPr"))
        spans: list[Span] = [Span(label)] if label else []
        fields: list[str] = []  # a stack of 'code' / 'result' for nested fields (ECMA-376 17.16.18)
        wrapper = Element("wrapper")
        wrapper.append(paragraph)
        for placed in placed_runs(wrapper, self.styles, DOCX_UNSEEN, fill):
            for char in placed.run.iter(W + "fldChar"):
                kind = char.get(W + "fldCharType")
                if kind == "begin":
                    fields.append("code")
                elif kind == "separate" and fields:
                    fields[-1] = "result"
                elif kind == "end" and fields:
                    fields.pop()
            if "code" in fields or placed.invisible_because:
                continue
            spans.extend(self._spans(placed.run))
        return Paragraph(tuple(spans), level)

    def _spans(self, run: Element) -> Iterator[Span]:
        properties = run.find(W + "rPr")
        bold = bool(_on(properties.find(W + "b"))) if properties is not None else False
        italic = bool(_on(properties.find(W + "i"))) if properties is not None else False
        for child in run:
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
            size = (int(extent.get("cx", "0")) / emu_per_cm, int(extent.get("cy", "0")) / emu_per_cm)
        for blip in (b for b in drawing.iter(A + "blip") if id(b) not in fallback):
            part = self.targets.get(blip.get(R + "embed", ""))
            if part and part in self.names:
                yield Span(picture=part, picture_size=size)
        kinds = {g.get("uri", "").rsplit("/", 1)[-1] for g in drawing.iter(A + "graphicData")}
        if kinds & {"chart", "diagram", "chartex"}:
            yield Span(DRAWING_OMITTED)


# ------------------------------------------------------------------ ODT


def _points(value: str | None) -> float | None:
    """An ODF length (ODF 1.2 18.3.18) in points; None for percentages and what cannot be read."""
    match = re.fullmatch(r"(-?[0-9.]+)(pt|cm|mm|in|pc|px)", value or "")
    if not match:
        return None
    per_unit = {"pt": 1.0, "cm": 72 / 2.54, "mm": 72 / 25.4, "in": 72.0, "pc": 12.0, "px": 0.75}
    return float(match.group(1)) * per_unit[match.group(2)]


@dataclass(frozen=True, slots=True)
class OdtLook:
    hidden: bool | None = None
    colour: str | None = None
    size: float | None = None
    background: str | None = None
    bold: bool | None = None
    italic: bool | None = None

    def over(self, base: OdtLook) -> OdtLook:
        return OdtLook(
            self.hidden if self.hidden is not None else base.hidden,
            self.colour if self.colour is not None else base.colour,
            self.size if self.size is not None else base.size,
            self.background if self.background is not None else base.background,
            self.bold if self.bold is not None else base.bold,
            self.italic if self.italic is not None else base.italic,
        )

    @property
    def invisible_because(self) -> str:
        if self.hidden:
            return "hidden"
        if self.size is not None and self.size < MIN_READABLE_POINTS:
            return "tiny"
        if looks_alike(self.colour, self.background if self.background != "transparent" else None):
            return "white"
        return ""


class OdtReader:
    """Reads what is visible in an ODT's content.xml, with styles from content.xml and styles.xml."""

    def __init__(self, content: Element, styles: Element | None) -> None:
        self.content = content
        self.styles_root = styles
        self.styles: dict[str, tuple[OdtLook, str | None]] = {}
        for root in (styles, content):
            if root is not None:
                for style in root.iter(STYLE + "style"):
                    self.styles[style.get(STYLE + "name", "")] = (
                        self._own_look(style),
                        style.get(STYLE + "parent-style-name"),
                    )
        self.found: dict[str, list[str]] = {}
        self.list_styles = OdtListStyles(content, styles)

    @staticmethod
    def _own_look(style: Element) -> OdtLook:
        text = style.find(STYLE + "text-properties")
        paragraph = style.find(STYLE + "paragraph-properties")
        background = text.get(FO + "background-color") if text is not None else None
        if background is None and paragraph is not None:
            background = paragraph.get(FO + "background-color")
        if text is None:
            return OdtLook(background=background)
        display = text.get(TEXT + "display")
        weight, posture = text.get(FO + "font-weight"), text.get(FO + "font-style")
        return OdtLook(
            hidden=None if display is None else display in ("none", "condition"),
            colour=text.get(FO + "color"),
            size=_points(text.get(FO + "font-size")),
            background=background,
            bold=None if weight is None else weight == "bold",
            italic=None if posture is None else posture == "italic",
        )

    def look(self, name: str | None) -> OdtLook:
        result = OdtLook()
        for look in reversed(style_chain(self.styles, name)):
            result = look.over(result)
        return result

    def invisible_text(self) -> dict[str, list[str]]:
        """Reason ('hidden', 'tiny', 'white') -> texts a reader cannot see, over the whole document."""
        self.found = {}
        office_text = self.content.find(f"{OFFICE}body/{OFFICE}text")
        if office_text is not None:
            list(self._blocks(office_text))
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
        masters = self.styles_root.iter(STYLE + "master-page") if self.styles_root is not None else iter(())
        for master in masters:
            for tag, lines in ((STYLE + "header", document.header), (STYLE + "footer", document.footer)):
                part = master.find(tag)
                if part is not None and part.get(STYLE + "display") != "false":
                    lines.extend(
                        p.text for p in self._blocks(part) if isinstance(p, Paragraph) and p.text.strip()
                    )
        return document

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
        rows = []
        for row in table.iter(TABLE + "table-row"):
            cells = []
            for cell in row:
                if cell.tag == TABLE + "table-cell":
                    cells.append("\n".join(p.text for p in self._blocks(cell) if isinstance(p, Paragraph)))
            rows.append(tuple(cells))
        return Table(tuple(rows))

    def _paragraph(self, paragraph: Element) -> Iterator[Paragraph | Table]:
        level = int(paragraph.get(TEXT + "outline-level", "1")) if paragraph.tag == TEXT + "h" else 0
        base = self.look(paragraph.get(TEXT + "style-name"))
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
            elif child.tag not in ODT_UNSEEN:
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
            inner = (
                self.look(child.get(TEXT + "style-name")).over(look) if child.tag == TEXT + "span" else look
            )
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

    def _frame(self, frame: Element, spans: list[Span], boxes: list[Paragraph | Table]) -> None:
        size = None
        width, height = _points(frame.get(SVG + "width")), _points(frame.get(SVG + "height"))
        if width and height:
            size = (width * 2.54 / 72, height * 2.54 / 72)
        for child in frame:
            if child.tag == DRAW + "image" and child.find(OFFICE + "binary-data") is None:
                spans.append(Span(picture=child.get(XLINK + "href", ""), picture_size=size))
            elif child.tag == DRAW + "text-box":
                boxes.extend(self._blocks(child))
