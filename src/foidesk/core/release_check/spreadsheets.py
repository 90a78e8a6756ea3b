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

from itertools import chain

from foidesk.core.release_check.archive import ZipContainer
from foidesk.core.release_check.findings import Finding, InspectionLimits, Severity
from foidesk.core.release_check.personal_data import batches as string_batches
from foidesk.core.release_check.personal_data import strings_with_personal_data
from foidesk.core.release_check.unseen_text import property_finding, property_texts, seen_in_batches
from foidesk.core.release_check.xlsx_book import Book, read_book, released, shared_string_batches, text_of
from foidesk.core.release_check.xlsx_clipping import StringExtents, thorough_for
from foidesk.core.release_check.xlsx_package import package_findings
from foidesk.core.release_check.xlsx_parts import (
    deduplicated,
    name_findings,
    openpyxl_findings,
    part_findings,
    property_findings,
    property_values,
    sheet_state_findings,
    workbook_text_findings,
)
from foidesk.core.release_check.xlsx_scan import SharedStringUse, SheetScan, sheet_xml_bytes
from foidesk.core.release_check.xlsx_styles import Styles, hidden_runs, read_styles
from foidesk.core.release_check.xlsx_tables import hiding_tables


def inspect_xlsx(path: str, limits: InspectionLimits) -> list[Finding]:
    """Every finding in an XLSX/XLSM file: parts, properties, names, sheets, rows, columns, cells."""
    with ZipContainer(path, limits) as box:
        book = read_book(box)
        findings = part_findings(box, book)
        findings += package_findings(box)
        findings += property_findings(box)
        findings += name_findings(book)
        findings += sheet_state_findings(book)
        findings += workbook_text_findings(box, book)
        styles = read_styles(box)
        sheet_bytes = sheet_xml_bytes(box, book)
        extents = StringExtents(thorough_for(sheet_bytes))  # measured as the strings stream past once
        flagged, count = strings_with_personal_data(extents.measure(shared_string_batches(box, book)))
        faint = set(hidden_runs(box, book))
        used = SharedStringUse(count if sheet_bytes <= UNUSED_STRING_SCAN_LIMIT else 0)
        for sheet in book.sheets:
            if sheet.is_worksheet and box.has(sheet.part):
                findings += SheetScan(sheet, book, styles, flagged, faint, used, extents).run(box)
                findings += table_style_findings(box, sheet.part, styles)
        findings += unused_string_findings(box, book, used)
        findings += hidden_property_findings(box, book)
    findings += openpyxl_findings(path, book)
    return deduplicated(findings)


def hidden_property_findings(box: ZipContainer, book: Book) -> list[Finding]:
    """A block when a free-text or custom property holds words no cell or sheet tab shows
    (``unseen_text``); the shared and inline strings are read batch by batch, only when such a
    property is set, and only until each of its texts is found."""
    texts = property_texts(*property_values(box))
    if not texts:
        return []
    inline = (
        text_of(item)
        for sheet in book.sheets
        if sheet.is_worksheet and box.has(sheet.part)
        for item in released(box.xml_elements(sheet.part, ["{*}is"]))
    )
    names = [[sheet.name for sheet in book.sheets]]
    batches = chain(names, shared_string_batches(box, book), string_batches(inline))
    return property_finding("xlsx.document_properties", "docProps", texts, seen_in_batches(texts, batches))


def table_style_findings(box: ZipContainer, sheet_part: str, styles: Styles) -> list[Finding]:
    """A block for each table of the sheet whose style could hide its text (``xlsx_tables``)."""
    return [
        Finding(
            "xlsx.table_style_hiding",
            Severity.BLOCK,
            f"{table.part} ({table.area or 'range unreadable'})",
            f"A table's style could hide its cells' text: {table.reason}.",
        )
        for table in hiding_tables(box, sheet_part, styles.table_styles, styles.dxf_hiding)
    ]


# Sheets up to this much XML (a workbook of some 35 MB) are searched for the shared strings their
# cells show, which costs about a third of judging the rows again. Bigger workbooks keep the byte
# path's speed (ADR 0008: the 100 MB benchmark, 690 MB of XML, must stay >= 30 MB/s) and are not
# searched: a known gap, closed for them by releasing the clean copy, which keeps only the strings a
# cell shows (``xlsx_copy.FreshStrings``).
UNUSED_STRING_SCAN_LIMIT = 256_000_000


def unused_string_findings(box: ZipContainer, book: Book, used: SharedStringUse) -> list[Finding]:
    """A block when the shared-string table holds text that no cell of any sheet shows (searched in
    workbooks up to ``UNUSED_STRING_SCAN_LIMIT``)."""
    unused = set(used.unused())
    if not unused:
        return []
    texts = (text for batch in shared_string_batches(box, book) for text in batch)
    if not any(text.strip() for index, text in enumerate(texts) if index in unused):
        return []
    return [
        Finding(
            "xlsx.unused_string",
            Severity.BLOCK,
            book.shared_strings or "xl/sharedStrings.xml",
            f"The shared-string table holds {len(unused)} text(s) that no cell shows.",
        )
    ]
