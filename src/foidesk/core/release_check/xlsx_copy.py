"""The clean copy of an Excel workbook: a fresh workbook of the visible values, and nothing else.

The copy is written from scratch: the values of the visible cells of the visible sheets, each at its
own address, with plain number formats (no formulas, comments, names, fonts, fills, properties or
parts that were not written here). Its shared-string table keeps the source's numbering but blanks
every string no visible cell shows, so that stretches of rows proved copyable (``xlsx_rows``) go
across as bytes; every other row is rebuilt cell by cell through lxml. Inflating the source and
deflating the copy run in threads of their own beside the judging of rows.
"""

from __future__ import annotations

import queue
import re
import threading
import zipfile
from collections.abc import Iterator
from typing import IO
from xml.sax.saxutils import escape

import numpy as np
from isal import isal_zlib
from lxml import etree

from foidesk.core.release_check.archive import ZipContainer, release_children
from foidesk.core.release_check.findings import CannotSanitise, InspectionLimits
from foidesk.core.release_check.personal_data import redact_personal_data
from foidesk.core.release_check.xlsx_book import (
    MAIN_NS,
    PKG_REL_NS,
    REL_NS,
    TRUE,
    Book,
    CellArea,
    SheetEntry,
    column_letters,
    count_shared_strings,
    read_book,
    shared_string_batches,
    string_item_text,
)
from foidesk.core.release_check.xlsx_clipping import CellLook, StringExtents, thorough_for
from foidesk.core.release_check.xlsx_drawings import covered_areas
from foidesk.core.release_check.xlsx_merges import merged_areas
from foidesk.core.release_check.xlsx_rows import (
    FLAGGED_PATTERN_LIMIT,
    SHARED_INDEX,
    NotPlainSheet,
    SheetSections,
    cells_with_styles,
    copyable_rows,
    flagged_pattern,
    judged,
    last_row_number,
    stretch_test,
)
from foidesk.core.release_check.xlsx_scan import (
    MIN_COLUMN_WIDTH,
    SheetLayout,
    cell_extent,
    clip_risks,
    holds_value,
    placed_cells,
    sheet_xml_bytes,
)
from foidesk.core.release_check.xlsx_styles import (
    ERROR_VALUES,
    MAX_INDENT,
    Colours,
    Styles,
    conditional_hiding,
    format_hides_value,
    hidden_runs,
    read_styles,
    shown_text,
)
from foidesk.core.release_check.xlsx_tables import hiding_tables

FRESH_ROOT = (
    f'<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="{MAIN_NS}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" mc:Ignorable="x14ac">'
)


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


class FreshStrings:
    """The copy's shared strings: the source's table with every string no visible cell shows blanked
    (so indices copied as bytes stay valid), then the strings the copy adds (inline and formula text).
    Personal data in them is redacted as they are written."""

    def __init__(
        self,
        count: int,
        faint: dict[int, str] | None = None,
        white: frozenset[int] = frozenset(),
        theme: Colours | None = None,
    ) -> None:
        self.count = count
        self.theme = theme or Colours()  # the theme and palette, for inline rich-text runs
        self.faint = faint or {}  # strings with runs a white cell hides -> the text such a cell shows
        self.white = white  # formats with no fill, or a white one
        self.used = np.zeros(count, dtype=np.bool_)
        self.added: dict[str, int] = {}
        self.extents = StringExtents()  # the source strings' extents, to leave out text cut off

    def keep(self, index: int) -> int:
        if not 0 <= index < self.count:
            raise CannotSanitise("a cell refers to a shared string the workbook does not have")
        self.used[index] = True
        return index

    def keep_all(self, data: bytes) -> bool:
        """Mark the shared strings the cells of a copyable stretch of rows show; False if a cell
        refers to one in a way this does not read (the stretch is then rebuilt cell by cell)."""
        found = SHARED_INDEX.findall(data)
        if len(found) != data.count(b't="s"'):
            return False
        if not found:
            return True
        indices = np.fromstring(b" ".join(found), dtype=np.int64, sep=" ")
        if int(indices.max()) >= self.count:
            raise CannotSanitise("a cell refers to a shared string the workbook does not have")
        self.used[indices] = True
        return True

    def show(self, index: int, style: str | None) -> int:
        """The copy's index for a cell showing source string ``index`` in format ``style``: on a white
        cell, a string with hidden runs becomes the text of its other runs."""
        if index in self.faint and (int(style) if style and style.isdigit() else 0) in self.white:
            return self.add(self.faint[index])
        return self.keep(index)

    def shown_text(self, cell: etree._Element, shared: str | None) -> str | None:
        """The text the copy would show for a cell whose string has runs a white cell hides (and any
        inline string), None for another shared string (measured as the table streamed past)."""
        style = cell.get("s")
        white = (int(style) if style and style.isdigit() else 0) in self.white
        if shared is not None:
            index = shared.strip()
            return self.faint[int(index)] if white and index.isdigit() and int(index) in self.faint else None
        return _inline_text(cell, self) if cell.get("t") == "inlineStr" else None

    def add(self, text: str) -> int:
        found = self.added.get(text)
        if found is None:
            found = self.added[text] = self.count + len(self.added)
        return found

    def texts(self, source: Iterator[list[str]]) -> Iterator[list[str]]:
        """The copy's strings, from the source's table read once more (it is not held in memory)."""
        used = self.used.tolist()
        position = 0
        for batch in source:
            flags = used[position : position + len(batch)]
            if len(flags) != len(batch):
                raise CannotSanitise("the shared-string table changed between two readings")
            yield [text if keep else "" for text, keep in zip(batch, flags, strict=True)]
            position += len(batch)
        if position != self.count:
            raise CannotSanitise("the shared-string table changed between two readings")
        if self.added:
            yield list(self.added)


def sanitise_xlsx(source: str, target: str, limits: InspectionLimits) -> None:
    """Write a fresh workbook of the visible values of ``source`` to ``target``.

    Every visible cell keeps its address (a letter can still say "cell B12"); what was hidden is
    simply absent. Cell formats become plain number formats; the sheets carry nothing else.
    """
    with ZipContainer(source, limits) as box:
        book = read_book(box)
        styles = read_styles(box)
        count = count_shared_strings(box, book)
        fresh = FreshStrings(count, hidden_runs(box, book), styles.plain_background, styles.theme)
        fresh.extents = _measured(box, book, count)
        formats = _FreshFormats(styles)
        visible = [s for s in book.sheets if s.is_worksheet and s.state == "visible" and box.has(s.part)]
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out:
            for number, sheet in enumerate(visible, start=1):
                merges, mentioned = merged_areas(box, sheet.part)
                layout = SheetLayout(
                    print_area=book.print_areas.get(sheet.position, []),
                    merges=merges,
                    invisible_styles=frozenset(str(index) for index in styles.invisible),
                    hiding_formats={str(index): hides for index, hides in styles.by_value.items()},
                    conditional=conditional_hiding(box, sheet.part, styles, mentioned)
                    + _hiding_table_areas(box, sheet.part, styles),
                    covered=covered_areas(box, sheet.part),
                )
                part = f"xl/worksheets/sheet{number}.xml"
                with out.open(part, "w", force_zip64=True) as member, _BackgroundWriter(member) as sink:
                    sink.write(FRESH_ROOT.encode())
                    for chunk in _fresh_sheet(box, sheet, layout, styles, fresh, formats):
                        sink.write(chunk)
                    sink.write(b"</sheetData></worksheet>")
            source_strings = shared_string_batches(box, book)
            _write_package(
                out, [s.name for s in visible], fresh.texts(source_strings), fresh, formats, book.date1904
            )


def _alignment(look: CellLook) -> str:
    """The rest of an ``xf`` element: its alignment, when it has one that is not the default."""
    attributes = ""
    if look.horizontal != "general" and look.horizontal in HORIZONTAL_ALIGNMENTS:
        attributes += f' horizontal="{look.horizontal}"'
    if look.wrap:
        attributes += ' wrapText="1"'
    if look.indent and look.horizontal in INDENTED_ALIGNMENTS:
        attributes += f' indent="{min(look.indent, MAX_INDENT)}"'
    if look.shrink:
        attributes += ' shrinkToFit="1"'
    return f' applyAlignment="1"><alignment{attributes}/></xf>' if attributes else "/>"


def _measured(box: ZipContainer, book: Book, count: int) -> StringExtents:
    """The extents of the source's shared strings, read once through (``xlsx_clipping``)."""
    extents = StringExtents(thorough_for(sheet_xml_bytes(box, book)))
    if count:
        for _ in extents.measure(shared_string_batches(box, book)):
            pass
    return extents


def _fresh_head(layout: SheetLayout) -> str:
    """The copy's column widths: the source's, so that what its cells showed they still show and no
    text is cut off that was not (the check of the copy measures it again)."""
    head = ""
    if layout.default_width >= MIN_COLUMN_WIDTH:
        head = f'<sheetFormatPr defaultColWidth="{layout.default_width:.6g}" defaultRowHeight="15"/>'
    cols, last = [], 0
    for low, high, width in sorted(layout.widths):
        if low > last and width >= MIN_COLUMN_WIDTH:
            cols.append(f'<col min="{low}" max="{high}" width="{width:.6g}" customWidth="1"/>')
            last = high
    return head + (f"<cols>{''.join(cols)}</cols>" if cols else "")


def _hiding_table_areas(box: ZipContainer, sheet_part: str, styles: Styles) -> list[CellArea]:
    """The ranges of tables whose style could hide text: the copy leaves their cells out, as it does
    a hiding conditional format's (``SheetLayout.conditional``)."""
    areas = []
    for table in hiding_tables(box, sheet_part, styles.table_styles, styles.dxf_hiding):
        if table.area is None:
            raise CannotSanitise(f"the range of the table {table.part} cannot be read")
        areas.append(table.area)
    return areas


# ECMA-376 part 1, 18.18.40 ST_HorizontalAlignment; an indent applies to these only (18.8.1).
HORIZONTAL_ALIGNMENTS = frozenset(
    {"general", "left", "center", "right", "fill", "justify", "centerContinuous", "distributed"}
)
INDENTED_ALIGNMENTS = frozenset({"left", "right", "distributed"})
ISAL_LEVEL = 1  # of 0-3: at 1 ISA-L compresses XML better than zlib at 1, three times faster
WRITES_AHEAD = 4  # chunks queued for deflating: a few megabytes held at most


class _BackgroundWriter:
    """Writes to a ZIP member from a thread of its own, so deflating the copy (zlib lets go of the
    GIL) runs beside the judging of the next rows; an error in writing is raised in the caller."""

    def __init__(self, member: IO[bytes]) -> None:
        self._member = member
        _deflate_with_isal(member)
        self._pending: queue.Queue[bytes | None] = queue.Queue(WRITES_AHEAD)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._drain, name="deflate", daemon=True)

    def __enter__(self) -> _BackgroundWriter:
        self._thread.start()
        return self

    def write(self, data: bytes) -> None:
        if self._error is not None:
            raise self._error
        self._pending.put(data)

    def _drain(self) -> None:
        while (data := self._pending.get()) is not None:
            if self._error is None:
                try:
                    self._member.write(data)
                except BaseException as error:  # raised in the caller at its next write or at exit
                    self._error = error

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        self._pending.put(None)
        self._thread.join()
        if self._error is not None and error is None:
            raise self._error


def _deflate_with_isal(member: IO[bytes]) -> None:
    """Have a ZIP member opened for writing deflate with ISA-L rather than zlib: the same format,
    three times as fast and smaller than zlib's fastest level. Nothing is written yet, so swapping
    zipfile's compressor object (a private attribute, unchanged since Python 3.6) is safe; a
    zipfile without it keeps zlib. The copy is read back by the check, with zlib, before it is kept."""
    if getattr(member, "_compressor", None) is not None and getattr(member, "_file_size", None) == 0:
        member._compressor = isal_zlib.compressobj(ISAL_LEVEL, isal_zlib.DEFLATED, -15)  # type: ignore[attr-defined]


class _FreshFormats:
    """The copy keeps each cell's format index; each format becomes its plain number format, with
    the alignment and font size that decide how much of its text shows (``xlsx_clipping``): what the
    source showed whole, the copy shows whole."""

    def __init__(self, styles: Styles) -> None:
        self.plain = styles.plain_formats or [(0, "")]
        self.looks = [styles.look(index) for index in range(len(self.plain))]
        # the default font first: font 0 is the workbook's default, the unit of its column widths
        self.sizes = list(dict.fromkeys([styles.plain_look.points, *(look.points for look in self.looks)]))

    def attribute(self, style: str | None) -> str:
        """`` s="n"`` for a cell with source format ``style``, or '' for General."""
        if not style or not style.isdigit() or int(style) >= len(self.plain) or style == "0":
            return ""
        return f' s="{style}"'

    def styles_xml(self) -> str:
        codes: dict[str, int] = {}
        xfs: list[str] = []
        for (format_id, code), look in zip(self.plain, self.looks, strict=True):
            if format_id == -1:
                format_id = codes.setdefault(code, 164 + len(codes))
            apply = ' applyNumberFormat="1"' if format_id else ""
            font = self.sizes.index(look.points)
            apply += ' applyFont="1"' if font else ""
            xfs.append(
                f'<xf numFmtId="{format_id}" fontId="{font}" fillId="0" borderId="0" xfId="0"{apply}'
                f"{_alignment(look)}"
            )
        fonts = "".join(f'<font><sz val="{size:g}"/><name val="Calibri"/></font>' for size in self.sizes)
        custom = "".join(
            f'<numFmt numFmtId="{n}" formatCode="{_attribute_text(c)}"/>' for c, n in codes.items()
        )
        formats = f'<numFmts count="{len(codes)}">{custom}</numFmts>' if codes else ""
        return (
            f'<?xml version="1.0" encoding="UTF-8"?>\n<styleSheet xmlns="{MAIN_NS}">{formats}'
            f'<fonts count="{len(self.sizes)}">{fonts}</fonts>'
            '<fills count="2"><fill><patternFill patternType="none"/></fill>'
            '<fill><patternFill patternType="gray125"/></fill></fills>'
            '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            f'<cellXfs count="{len(xfs)}">{"".join(xfs)}</cellXfs>'
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
            "</styleSheet>"
        )


def _fresh_sheet(
    box: ZipContainer,
    sheet: SheetEntry,
    layout: SheetLayout,
    styles: Styles,
    fresh: FreshStrings,
    formats: _FreshFormats,
) -> Iterator[bytes]:
    """The visible rows of ``sheet``: plain stretches as they are, the rest rebuilt cell by cell."""
    try:
        sections = SheetSections(box, sheet.part)
    except NotPlainSheet:
        yield from (
            chunk.encode() for chunk in _fresh_rows_by_element(box, sheet, layout, styles, fresh, formats)
        )
        return
    for element in sections.head.iter("{*}sheetFormatPr", "{*}cols"):
        layout.read(element)
    yield (_fresh_head(layout) + "<sheetData>").encode()
    clip_patterns, clip_wide = clip_risks(layout, styles, fresh.extents)
    sheet_wide = bool(layout.zero_height or layout.hidden_columns or layout.print_area or clip_wide)
    sheet_wide = sheet_wide or len(fresh.faint) > FLAGGED_PATTERN_LIMIT
    sheet_wide = sheet_wide or 0 in styles.value_styles()  # cells without ``s`` have format 0
    last_row = 0
    avoided = (
        cells_with_styles(styles.value_styles()),
        flagged_pattern({str(index) for index in fresh.faint}),
        *clip_patterns,
    )
    is_copyable = stretch_test(copyable_rows, avoided, layout.merges_touch)

    for data, copyable in judged(sections.rows(), is_copyable, sheet_wide):
        if copyable and fresh.keep_all(data):
            last_row = last_row_number(data, last_row)
            yield data
            continue
        rows: list[str] = []
        for row in sections.fragment(data).iterchildren("{*}row"):
            last_row = int(row.get("r") or last_row + 1)
            rows.append(_fresh_row(row, last_row, layout, styles, fresh, formats))
        yield "".join(rows).encode()


def _fresh_rows_by_element(
    box: ZipContainer,
    sheet: SheetEntry,
    layout: SheetLayout,
    styles: Styles,
    fresh: FreshStrings,
    formats: _FreshFormats,
) -> Iterator[str]:
    """The same, for a sheet whose outline is unusual: every row through lxml."""
    pending: list[str] = []
    last_row = 0
    head = False
    for element in box.xml_elements(sheet.part, ("{*}sheetFormatPr", "{*}cols", "{*}row")):
        if not str(element.tag).endswith("}row"):
            layout.read(element)
        else:
            if not head:
                pending.append(_fresh_head(layout) + "<sheetData>")
                head = True
            last_row = int(element.get("r") or last_row + 1)
            pending.append(_fresh_row(element, last_row, layout, styles, fresh, formats))
        release_children(element)
        if len(pending) >= ROWS_PER_WRITE:
            yield "".join(pending)
            pending.clear()
    if not head:
        pending.append(_fresh_head(layout) + "<sheetData>")
    yield "".join(pending)


def _fresh_row(
    row: etree._Element,
    number: int,
    layout: SheetLayout,
    styles: Styles,
    fresh: FreshStrings,
    formats: _FreshFormats,
) -> str:
    if layout.row_hidden(row) or not layout.in_print_area_row(number):
        return ""
    cells = _fresh_cells(row, number, layout, styles, fresh, formats)
    return f'<row r="{number}">{cells}</row>' if cells else ""


def _fresh_cells(
    row: etree._Element,
    number: int,
    layout: SheetLayout,
    styles: Styles,
    fresh: FreshStrings,
    formats: _FreshFormats,
) -> str:
    out: list[str] = []
    namespace = str(row.tag)[: str(row.tag).find("}") + 1]
    value_tag = f"{namespace}v"
    placed = placed_cells(row, number)
    filled = {col for cell, col, _ in placed if holds_value(cell)}
    for cell, col, _ in placed:
        if layout.column_hidden(col) or not layout.in_print_area(number, col):
            continue
        style_text = cell.get("s") or "0"
        style_index = int(style_text) if style_text.isdigit() else 0
        shared = cell.findtext(value_tag) if cell.get("t") == "s" else None
        extent = cell_extent(
            cell, shared, cell.find(value_tag), fresh.extents, fresh.shown_text(cell, shared)
        )
        cut = (
            layout.clipped(
                row, (number, col), filled, extent, styles.look(style_index), fresh.extents.thorough
            )
            if extent is not None
            else None
        )
        if cut and not cut.plain:
            continue  # text hidden by its cell: the copy keeps what was proven visible
        if (
            (cell.get("s") or "0") in layout.invisible_styles
            or (layout.merges and layout.covered_by_merge(number, col))
            or (layout.conditional and layout.conditionally_hidden(number, col))
            or layout.covered_by_shape(number, col)
        ):
            continue
        kind = cell.get("t", "n")
        value = cell.findtext(value_tag)
        hides = layout.hiding_formats.get(cell.get("s") or "0")
        if hides and format_hides_value(hides, cell.get("t"), value):
            continue
        if kind == "inlineStr":
            value, kind = str(fresh.add(_inline_text(cell, fresh))), "s"
        elif value is None:
            continue
        elif kind == "s":
            if not value.strip().isdigit():
                continue
            value = str(fresh.show(int(value), cell.get("s")))
        elif kind in ("str", "d"):
            value, kind = str(fresh.add(value)), "s"
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
        type_attribute = "" if kind == "n" else f' t="{kind}"'
        style = formats.attribute(cell.get("s"))
        out.append(f'<c r="{column_letters(col)}{number}"{style}{type_attribute}><v>{escape(value)}</v></c>')
    return "".join(out)


def _inline_text(cell: etree._Element, fresh: FreshStrings) -> str:
    """An inline string's text as the cell shows it: on a white cell, without runs it hides."""
    inline = cell.find("{*}is")
    style = cell.get("s") or "0"
    if inline is not None and (int(style) if style.isdigit() else 0) in fresh.white:
        shown = shown_text(inline, fresh.theme)
        if shown is not None:
            return shown
    return string_item_text(inline) if inline is not None else ""


def _write_package(
    out: zipfile.ZipFile,
    names: list[str],
    texts: Iterator[list[str]],
    fresh: FreshStrings,
    formats: _FreshFormats,
    date1904: bool,
) -> None:
    with out.open("xl/sharedStrings.xml", "w", force_zip64=True) as member, _BackgroundWriter(member) as sink:
        count = fresh.count + len(fresh.added)
        sink.write(
            f'<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="{MAIN_NS}" count="{count}" '
            f'uniqueCount="{count}">'.encode()
        )
        for batch in texts:
            sink.write(_string_items(batch).encode("utf-8"))
        sink.write(b"</sst>")
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
_XML_INVALID_BUT_NUL = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


STRING_ITEM_BREAK = '</t></si><si><t xml:space="preserve">'


def _string_items(texts: list[str]) -> str:
    """``<si>`` items for many strings at once: one escape over the batch, split again by NUL."""
    if any("\x00" in text for text in texts):
        return "".join(
            f'<si><t xml:space="preserve">{_xml_text(redact_personal_data(text))}</t></si>' for text in texts
        )
    # No personal-data pattern can span a NUL, so redacting the joined batch redacts each string.
    escaped = escape(_XML_INVALID_BUT_NUL.sub("", redact_personal_data("\x00".join(texts))))
    return '<si><t xml:space="preserve">' + escaped.replace("\x00", STRING_ITEM_BREAK) + "</t></si>"


def _xml_text(text: str) -> str:
    return escape(_XML_INVALID.sub("", text))


def _attribute_text(text: str) -> str:
    return escape(_XML_INVALID.sub("", text), {'"': "&quot;"})
