"""PDFs written by real tools (LibreOffice, WeasyPrint) and pages a rule excuses (text shown elsewhere)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.core.release_check.corpus import CorpusFile, clean, leaky
from tests.core.release_check.corpus_pdf_build import (
    PAGE_HEIGHT,
    PAGE_WIDTH,
    VISIBLE_PDF,
    _pdf,
    _text,
    make_pdf,
)

# ------------------------------------------------------------------ PDFs written by real tools


def _letter_docx(path: Path, hidden: str | None) -> None:
    import docx

    document = docx.Document()
    document.core_properties.author = ""
    document.core_properties.last_modified_by = ""
    document.add_heading("Response to request 2025-114", 1)
    document.add_paragraph(VISIBLE_PDF + ".")
    table = document.add_table(rows=2, cols=2)
    for (row, column), text in {(0, 0): "Year", (0, 1): "Count", (1, 0): "2024", (1, 1): "14"}.items():
        table.cell(row, column).text = text
    if hidden is not None:
        run = document.add_paragraph().add_run(hidden)
        run.font.hidden = True  # not printed, so not in the PDF's pages: only in the source it carries
    document.save(path)


def _libreoffice_pdf(options: str, hidden: str | None = None) -> Callable[[Path], None]:
    """A letter written by python-docx and exported to PDF by LibreOffice itself (writer_pdf_Export)."""

    def build(path: Path) -> None:
        import os
        import shutil
        import subprocess
        import tempfile

        with tempfile.TemporaryDirectory() as work:
            source = Path(work) / "letter.docx"
            _letter_docx(source, hidden)
            profile = f"file://{work}/profile-{os.getpid()}"
            command = [shutil.which("soffice") or "soffice", "--headless", f"-env:UserInstallation={profile}"]
            subprocess.run(
                [*command, "--convert-to", f"pdf:writer_pdf_Export{options}", "--outdir", work, str(source)],
                check=True,
                capture_output=True,
                timeout=180,
            )
            shutil.copyfile(Path(work) / "letter.pdf", path)

    return build


def _weasyprint_pdf(html: str, **options: object) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        import weasyprint

        weasyprint.HTML(string=html).write_pdf(path, **options)

    return build


TAGGED = ':{"UseTaggedPDF":{"type":"boolean","value":"true"}}'
HYBRID = ':{"IsAddStream":{"type":"boolean","value":"true"}}'
LETTER_HTML = (
    '<html lang="en-GB"><head><title>Response to request 2025-114</title></head><body>'
    "<h1>Response to request 2025-114</h1><p>" + VISIBLE_PDF + ".</p>"
    "<table><tr><th>Year</th><th>Count</th></tr><tr><td>2024</td><td>14</td></tr></table>"
    "<ul><li>First point</li><li>Second point</li></ul>"
    '<p>See <a href="https://example.org/foi">the disclosure log</a>.</p></body></html>'
)

REAL_TOOL_PDFS: list[CorpusFile] = [
    clean("libreoffice-letter.pdf", _libreoffice_pdf(""), VISIBLE_PDF, "Response to request 2025-114"),
    clean("libreoffice-tagged-letter.pdf", _libreoffice_pdf(TAGGED), VISIBLE_PDF, "2024"),
    leaky(
        "libreoffice-hybrid-letter.pdf",
        _libreoffice_pdf(HYBRID, "SECRET-PDF-hybrid hidden paragraph"),
        {"pdf.attachments"},
        None,  # the source document inside is compressed in a zip inside a stream: checked by its code
        VISIBLE_PDF,
    ),
    clean("weasyprint-letter.pdf", _weasyprint_pdf(LETTER_HTML), VISIBLE_PDF, "Second point"),
    clean("weasyprint-tagged-letter.pdf", _weasyprint_pdf(LETTER_HTML, pdf_tags=True), VISIBLE_PDF, "2024"),
]


def wide_table_across_pages(path: Path) -> None:
    """As LibreOffice prints a wide sheet: each page draws the whole row, moved and clipped to the page."""
    import pikepdf

    make_pdf(path, "")
    row = _text(72, 600, "Cases opened in 2024") + _text(72 + PAGE_WIDTH, 600, "Cases closed in 2024")
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        first = pdf.pages[0]
        first.Contents = pdf.make_stream(
            (_text(72, 760, VISIBLE_PDF) + f"q 0 0 {PAGE_WIDTH} {PAGE_HEIGHT} re W n " + row + "Q\n").encode()
        )
        pdf.pages.append(pikepdf.Page(pikepdf.Dictionary(Type=pikepdf.Name.Page, MediaBox=first.MediaBox)))
        second = pdf.pages[1]
        second.Resources = first.Resources
        moved = f"q 0 0 {PAGE_WIDTH} {PAGE_HEIGHT} re W n 1 0 0 1 -{PAGE_WIDTH} 0 cm " + row + "Q\n"
        second.Contents = pdf.make_stream(moved.encode())
        pdf.save(path)


def _cell_overflow(path: Path) -> None:
    """A spreadsheet cell's text clipped at its border through its last character, as LibreOffice draws
    an overflowing cell whose neighbour is not empty: the cut character is hidden (a narrowed column is
    how a name is hidden), unless the document shows that text elsewhere."""
    from foidesk.core.release_check.pdf_fonts import HELVETICA_WIDTHS

    text = "Refused under SECRET-PDF-Z9"
    width = sum(HELVETICA_WIDTHS[ord(c) - 32] for c in text) * 12 / 1000
    make_pdf(path, f"q 60 590 {12 + width - 5:.2f} 30 re W n " + _text(72, 600, text) + "Q\n")


EXCUSED_PDFS: list[CorpusFile] = [
    leaky(
        "cell-overflow-clipped.pdf",
        _cell_overflow,
        {"pdf.clipped_text"},
        "SECRET-PDF-Z9",
        VISIBLE_PDF,
        "Refused under",
    ),
    clean("wide-table-across-pages.pdf", wide_table_across_pages, VISIBLE_PDF, "Cases closed in 2024"),
    leaky(
        "clipped-phrase-shown-in-parts.pdf",
        _pdf(
            _text(72, 700, "clipped")
            + _text(72, 680, "twice")
            + "q 0 0 595 500 re W n "
            + _text(72, 600, "SECRET-PDF-clipped twice")
            + "Q\n"
        ),
        {"pdf.clipped_text"},
        "SECRET-PDF-clipped",
        VISIBLE_PDF,
    ),
]
