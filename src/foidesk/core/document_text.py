"""The words of a published file, for the disclosure log's search.

A file reaches the disclosure log only after the release gate passed it (core/release_check), so
every word it holds is one a reader sees. They are read with the gate's own plain readers (the story
text of a DOCX or ODT, the text cells of an XLSX or ODS: ``render_text``), pdfium's text layer for a
PDF, and the cells of a CSV; images and archives give no words. Words only, normalised as the gate
compares them (NFKC, case-folded); numbers are left out, as a search box finds entries by words.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import pypdfium2 as pdfium

from foidesk.core.release_check.csv_files import csv_codec
from foidesk.core.release_check.findings import CannotInspect, InspectionLimits
from foidesk.core.release_check.formats import FileFormat, detect_format
from foidesk.core.release_check.render_pdf import split_words
from foidesk.core.release_check.render_text import TextPlace, docx_text, ods_text, odt_text, xlsx_text

# Enough for the words of a long letter or a table of a few thousand rows; a file longer than this
# is found by its first words, and the search index stays small.
MAX_SEARCH_CHARACTERS = 200_000

_OFFICE_READERS: dict[FileFormat, Callable[[str, InspectionLimits], list[TextPlace]]] = {
    FileFormat.DOCX: docx_text,
    FileFormat.ODT: odt_text,
    FileFormat.XLSX: xlsx_text,
    FileFormat.XLSM: xlsx_text,
    FileFormat.ODS: ods_text,
}


def document_words(path: str, limit: int = MAX_SEARCH_CHARACTERS) -> str:
    """The words of the file at ``path``, space-separated, at most ``limit`` characters (whole words).

    ``CannotInspect`` if the file cannot be read (it passed the gate, so this means it changed since);
    ``OSError`` if it cannot be opened.
    """
    file_format = detect_format(path)
    if file_format in _OFFICE_READERS:
        words = _office_words(_OFFICE_READERS[file_format], path)
    elif file_format is FileFormat.PDF:
        words = _pdf_words(path)
    elif file_format is FileFormat.CSV:
        words = _csv_words(path)
    else:
        return ""
    return _bounded(words, limit)


def _office_words(reader: Callable[[str, InspectionLimits], list[TextPlace]], path: str) -> Iterator[str]:
    for place in reader(path, InspectionLimits()):
        yield from place.words


def _pdf_words(path: str) -> Iterator[str]:
    try:
        document = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as error:
        raise CannotInspect(f"the PDF cannot be opened: {error}") from error
    try:
        for page in document:
            text = page.get_textpage().get_text_range()
            yield from split_words(text)
    finally:
        document.close()


def _csv_words(path: str) -> Iterator[str]:
    with open(path, encoding=csv_codec(path), errors="strict", newline="") as handle:
        text = handle.read(MAX_SEARCH_CHARACTERS * 4)
    yield from split_words(text)  # the delimiters and quotes separate words as spaces do


def _bounded(words: Iterable[str], limit: int) -> str:
    kept: list[str] = []
    length = 0
    for word in words:
        length += len(word) + (1 if kept else 0)
        if length > limit:
            break
        kept.append(word)
    return " ".join(kept)
