"""A fresh DOCX or ODT built from the visible content of a document, with nothing else in it.

The clean copy is written by python-docx or odfpy from the small model of ``office_visible`` (paragraphs
of styled spans, tables, pictures, displayed headers and footers, notes), then, for DOCX, the package is
stripped of what python-docx's own template brings: its author, thumbnail and custom XML parts.
Pictures go through the image sanitiser first, so they carry pixels only.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from typing import cast

import docx
from docx.document import Document as WordDocument
from docx.oxml import OxmlElement
from docx.oxml.text.paragraph import CT_P
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm
from docx.text.paragraph import Paragraph as DocxParagraph
from odf import teletype
from odf.draw import Frame
from odf.draw import Image as OdfImage
from odf.element import Element as OdfElement
from odf.opendocument import OpenDocumentText
from odf.style import Footer, Header, MasterPage, PageLayout, Style, TextProperties
from odf.table import Table as OdfTable
from odf.table import TableCell, TableColumn, TableRow
from odf.text import H, P
from odf.text import Span as OdfSpan
from PIL import Image

from foidesk.core.release_check.findings import CannotSanitise, InspectionLimits
from foidesk.core.release_check.images import sanitise_image_bytes
from foidesk.core.release_check.office_visible import Paragraph, Span, Table, VisibleDocument

MAX_HEADING_LEVEL = 9  # Word's built-in Heading 1..9 styles
DOCX_PICTURE_FORMATS = frozenset({"PNG", "JPEG", "GIF"})
DROPPED_PACKAGE_PARTS = ("customXml/", "docProps/thumbnail", "docProps/custom.xml", "word/people.xml")
FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # no timestamp of when the copy was made
EMPTY_CORE_PROPERTIES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
    b' xmlns:dc="http://purl.org/dc/elements/1.1/"/>'
)
PLAIN_APP_PROPERTIES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    b"<Application>FOI Desk</Application></Properties>"
)
PICTURE_OMITTED = "[picture omitted: it could not be checked]"
PICTURE_MEDIA_TYPES = {"PNG": "image/png", "JPEG": "image/jpeg", "GIF": "image/gif"}


def _clean_picture(archive: zipfile.ZipFile, part: str, limits: InspectionLimits) -> tuple[bytes, str]:
    """The picture's pixels alone, as PNG, JPEG or GIF (what both formats can hold); and that format."""
    clean = sanitise_image_bytes(archive.read(part), limits)
    with Image.open(io.BytesIO(clean)) as image:
        if image.format in DOCX_PICTURE_FORMATS:
            return clean, str(image.format)
        out = io.BytesIO()
        image.save(out, format="PNG")
        return out.getvalue(), "PNG"


# ------------------------------------------------------------------ DOCX


def rebuilt_docx(archive: zipfile.ZipFile, visible: VisibleDocument, limits: InspectionLimits) -> bytes:
    document = docx.Document()
    anchor = document.element.body.sectPr
    for block in visible.body:
        if isinstance(block, Table):
            _docx_table(document, block)
        else:
            _docx_paragraph(document, anchor, block, archive, limits)
    for note in ["Notes", *visible.notes] if visible.notes else []:
        _appended_paragraph(document, anchor).add_run(note)
    section = document.sections[0]
    for part, lines in ((section.header, visible.header), (section.footer, visible.footer)):
        if lines:
            part.paragraphs[0].text = lines[0]
            for line in lines[1:]:
                part.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return _without_package_metadata(out.getvalue())


def _docx_paragraph(
    document: WordDocument,
    anchor: BaseOxmlElement,
    paragraph: Paragraph,
    archive: zipfile.ZipFile,
    limits: InspectionLimits,
) -> None:
    target = _appended_paragraph(document, anchor)
    if paragraph.heading:
        target.style = f"Heading {min(paragraph.heading, MAX_HEADING_LEVEL)}"
    names = set(archive.namelist())
    for span in paragraph.spans:
        if span.picture is not None and span.picture not in names:
            continue  # a picture linked from outside the package is not copied in
        run = target.add_run()
        if span.picture is not None:
            try:
                picture, _ = _clean_picture(archive, span.picture, limits)
            except CannotSanitise:
                run.text = PICTURE_OMITTED  # a vector or unreadable picture cannot be checked
                continue
            width = Cm(span.picture_size[0]) if span.picture_size and span.picture_size[0] > 0 else None
            run.add_picture(io.BytesIO(picture), width=width)
            continue
        run.text = span.text
        run.bold = span.bold or None
        run.italic = span.italic or None


def _appended_paragraph(document: WordDocument, anchor: BaseOxmlElement) -> DocxParagraph:
    """A new last paragraph of the body, placed just before ``anchor`` (the section properties).

    python-docx's own ``add_paragraph`` looks for the section properties among all the body's children
    each time, which makes a long document quadratic to build.
    """
    element = cast(CT_P, OxmlElement("w:p"))  # python-docx makes every w:p a CT_P
    anchor.addprevious(element)
    return DocxParagraph(element, document)


def _docx_table(document: WordDocument, table: Table) -> None:
    if not table.rows:
        return
    columns = max(len(row) for row in table.rows)
    if columns == 0:
        return
    target = document.add_table(rows=len(table.rows), cols=columns)
    target.style = "Table Grid"
    for row, values in zip(target.rows, table.rows, strict=True):
        for cell, value in zip(row.cells, values, strict=False):
            cell.text = value


def _without_package_metadata(data: bytes) -> bytes:
    """The package less the parts python-docx's template brings, with relationships to them removed."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        names = source.namelist()
        dropped = {n for n in names if n.startswith(DROPPED_PACKAGE_PARTS)}
        for name in names:
            if name in dropped:
                continue
            content = source.read(name)
            if name == "docProps/core.xml":
                content = EMPTY_CORE_PROPERTIES
            elif name == "docProps/app.xml":
                content = PLAIN_APP_PROPERTIES
            elif name.endswith(".rels"):
                content = _without_relationships(name, content, dropped)
            elif name == "[Content_Types].xml":
                content = re.sub(
                    rb'<Override PartName="/([^"]+)"[^>]*/>',
                    lambda m: b"" if m.group(1).decode() in dropped else m.group(0),
                    content,
                )
            target.writestr(zipfile.ZipInfo(name, FIXED_ZIP_TIME), content, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _without_relationships(rels: str, content: bytes, dropped: set[str]) -> bytes:
    source_folder = posixpath.dirname(posixpath.dirname(rels))

    def keep(match: re.Match[bytes]) -> bytes:
        target = match.group(1).decode()
        resolved = (
            target.lstrip("/")
            if target.startswith("/")
            else posixpath.normpath(posixpath.join(source_folder, target))
        )
        return b"" if resolved in dropped else match.group(0)

    return re.sub(rb'<Relationship [^>]*Target="([^"]+)"[^>]*/>', keep, content)


# ------------------------------------------------------------------ ODT


class _OdtBuilder:
    def __init__(self, archive: zipfile.ZipFile, limits: InspectionLimits) -> None:
        self.archive = archive
        self.limits = limits
        self.document = OpenDocumentText()
        self.styles: dict[tuple[bool, bool], Style] = {}
        self.tables = 0

    def _style(self, bold: bool, italic: bool) -> Style:
        if (bold, italic) not in self.styles:
            style = Style(name=f"T{len(self.styles) + 1}", family="text")
            properties = {"fontweight": "bold"} if bold else {}
            properties |= {"fontstyle": "italic"} if italic else {}
            style.addElement(TextProperties(**properties))
            self.document.automaticstyles.addElement(style)
            self.styles[(bold, italic)] = style
        return self.styles[(bold, italic)]

    def paragraph(self, paragraph: Paragraph) -> OdfElement:
        element = H(outlinelevel=paragraph.heading) if paragraph.heading else P()
        for span in paragraph.spans:
            if span.picture is not None:
                if span.picture in self.archive.namelist():  # a linked picture is not copied in
                    self._add_picture(element, span)
            elif span.bold or span.italic:
                styled = OdfSpan(stylename=self._style(span.bold, span.italic))
                teletype.addTextToElement(styled, span.text)
                element.addElement(styled)
            else:
                teletype.addTextToElement(element, span.text)
        return element

    def _add_picture(self, element: OdfElement, span: Span) -> None:
        assert span.picture is not None
        try:
            picture, image_format = _clean_picture(self.archive, span.picture, self.limits)
        except CannotSanitise:
            teletype.addTextToElement(element, PICTURE_OMITTED)  # cannot be checked, so is not copied
            return
        href = self.document.addPictureFromString(picture, PICTURE_MEDIA_TYPES[image_format])
        width, height = span.picture_size or (4.0, 3.0)
        frame = Frame(width=f"{width:.3f}cm", height=f"{height:.3f}cm", anchortype="as-char")
        frame.addElement(OdfImage(href=href))
        element.addElement(frame)

    def table(self, table: Table) -> OdfElement:
        self.tables += 1
        element = OdfTable(name=f"Table{self.tables}")
        columns = max((len(row) for row in table.rows), default=1)
        element.addElement(TableColumn(numbercolumnsrepeated=columns))
        for values in table.rows:
            row = TableRow()
            for value in values:
                cell = TableCell(valuetype="string")
                for line in value.split("\n"):
                    cell.addElement(P(text=line))
                row.addElement(cell)
            element.addElement(row)
        return element

    def page(self, header: list[str], footer: list[str]) -> None:
        if not header and not footer:
            return
        layout = PageLayout(name="PageLayout1")
        self.document.automaticstyles.addElement(layout)
        master = MasterPage(name="Standard", pagelayoutname=layout)
        for kind, lines in ((Header, header), (Footer, footer)):
            if lines:
                part = kind()
                for line in lines:
                    part.addElement(P(text=line))
                master.addElement(part)
        self.document.masterstyles.addElement(master)


def rebuilt_odt(archive: zipfile.ZipFile, visible: VisibleDocument, limits: InspectionLimits) -> bytes:
    builder = _OdtBuilder(archive, limits)
    for block in visible.body:
        element = builder.table(block) if isinstance(block, Table) else builder.paragraph(block)
        builder.document.text.addElement(element)
    if visible.notes:
        builder.document.text.addElement(P(text="Notes"))
        for note in visible.notes:
            builder.document.text.addElement(P(text=note))
    builder.page(visible.header, visible.footer)
    out = io.BytesIO()
    try:
        builder.document.write(out)
    except (ValueError, KeyError) as error:
        raise CannotSanitise(f"the clean document cannot be written: {error}") from error
    return out.getvalue()
