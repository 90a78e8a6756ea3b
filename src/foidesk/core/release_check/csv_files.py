"""Release-gate inspection and sanitising of CSV (and TSV) files.

A CSV hides nothing by itself, but a spreadsheet program runs a cell that starts with ``=``,
``+``, ``-`` or ``@`` (after any leading spaces, tabs or line breaks, and in the full-width forms
too) as a formula: CSV/formula injection (OWASP), DDE forms like ``=cmd|' /C calc'!A0`` among them.
Plain signed numbers such as ``-12`` or ``-3.2`` are numbers, not formulas.

The gate judges a CSV as its readers will open it, not as its first line suggests: UK Excel and
LibreOffice with default settings split a ``.csv`` on commas whatever the file looks like, other
locales on semicolons, and a ``sep=`` first line or a TSV habit on something else. So the file is
read under every plausible reading (commas; the delimiter its first line suggests; a ``sep=``
line's; semicolons and tabs if they occur) and a finding under any reading counts (fail closed).
A file whose bytes do not decode (or whose BOM promises an encoding the bytes break) cannot be
inspected: nothing is replaced silently.

The clean copy is UTF-8, comma separated, rectangular, in the author's columns (the first line's
delimiter), with personal data redacted and formulas dropped: a cell that would run is left empty,
and where another reading of the file splits a cell (a comma in a semicolon file, a semicolon or tab
that occurs) and a formula starts there, the cell ends before it. A formula's text is not what a
reader sees (the spreadsheet shows its result, which the gate cannot compute), and a neutralised
formula kept as text would put a secret it carries (a ``=HYPERLINK`` address, an ``@IF`` branch)
in plain view. Where a cell holds a semicolon, tab, pipe or line break after which a program losing
track of the quotes would start a cell with a sign, an apostrophe is put there (the one visible
change to a value), so that the copy is clean under every reading of it.
Known false alarm: a row whose first cell is a lone sign or a negative number ("-", "-5"), in a
file that also holds a semicolon or tab, reads as a formula ("-5,x") when split on those, so the
file is blocked and no clean copy is made.
"""

from __future__ import annotations

import codecs
import csv
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from foidesk.core.personal_data import POSTCODE, might_name_vehicle, vehicle_matches
from foidesk.core.release_check.findings import (
    CannotInspect,
    CannotSanitise,
    Finding,
    InspectionLimits,
    Severity,
)
from foidesk.core.release_check.personal_data import (
    NHS_NUMBER,
    PERSONAL_DATA_MESSAGE,
    PERSONAL_DATA_PATTERNS,
    REDACTED,
    personal_data_kind,
    redact_personal_data,
)

FORMULA_STARTS = frozenset("=+-@\uff1d\uff0b\uff0d\uff20")  # ASCII and full-width = + - @ (OWASP)
LONE_SIGNS = frozenset({"-", "+"})  # a cell of just a dash is "nil" in a table, shown as text
# A signed number, with a decimal point or a decimal comma (a ";"-separated file from a continental
# locale writes "-3,00") and thousands separators: a number to every spreadsheet, never a formula.
PLAIN_NUMBER = re.compile(r"[+-]?[£$€]?(\d+([.,]\d+)*[.,]?|[.,]\d+)([eE][+-]?\d+)?%?")
NEUTRALISER = "'"  # Excel and LibreOffice show a leading apostrophe's cell as text
OTHER_SPLITS = re.compile(r"([;\t|\r\n])")  # where another reading of the copy may start a cell
PLAUSIBLE_DELIMITERS = (";", "\t")  # checked whenever they occur, besides the comma
SEP_LINE = re.compile(r"sep=(.)\r?\n?", re.IGNORECASE)  # Excel's own "sep=;" first line
EXAMPLES_PER_FINDING = 3
MAX_FIELD_CHARACTERS = 10_000_000  # a single field larger than this is not a table
CHUNK = 1 << 20
SAMPLE = 65_536
# CSV-only shapes besides the shared ones (personal_data.py): a CSV is raw text typed or exported
# any which way, so NI numbers with hyphens or dots and postcodes in any case are found here too.
# One postcode alone can point at a handful of households: a warning, as every personal-data find.
CSV_ONLY_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "a National Insurance number",
        re.compile(
            r"\b(?!(?i:BG|GB|KN|NK|NT|TN|ZZ))(?i:[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]"
            r"(?:[ ./-]?\d{2}){3}[ ./-]?[A-D])\b"
        ),
    ),
    ("a UK postcode", re.compile(POSTCODE, re.IGNORECASE)),
    (  # written with dots, as 0161.496.0000 or +44.161.496.0000 (the shared shape allows spaces, hyphens)
        "a UK telephone number",
        re.compile(r"(?<![\w.+])(?:\+44\.?(?:\(0\)\.?)?|0)\d{2,4}\.\d{3,4}\.\d{3,4}(?![\w.])"),
    ),
)
# A row's cells joined by NUL are searched once for every personal-data shape before any cell is:
# no shape matches a NUL, and every shape treats it as it treats the edge of a cell's text (a word
# boundary, outside every character class), so a shape that occurs in a cell occurs in the row.
ROW_JOINER = "\x00"
BLOCK_ROWS = 256  # rows searched together for personal data before any row is searched alone
_ROW_SHAPES = (*(p for _, p in PERSONAL_DATA_PATTERNS), NHS_NUMBER, *(p for _, p in CSV_ONLY_PATTERNS))
DELIMITER_NAMES = {",": "commas", ";": "semicolons", "\t": "tabs", "|": "pipes"}


@dataclass(frozen=True, slots=True)
class CsvShape:
    """What the gate learnt reading a CSV: its encoding, dialect, and row and column counts."""

    encoding: str
    delimiter: str
    rows: int
    columns: int


@dataclass(frozen=True, slots=True)
class _Text:
    """How the file decodes, and what its text says about the readings to check."""

    codec: str  # the Python codec that reads it (BOM consumed)
    label: str  # the encoding as reported: utf-8, utf-16, cp1252
    delimiter: str  # the one the first line (or a sep= line) suggests: the author's columns
    readings: tuple[str, ...]  # every delimiter a reader's program may split on


def is_formula(cell: str) -> bool:
    """A cell a spreadsheet program would evaluate: its first non-blank character is ``=``, ``+``,
    ``-`` or ``@`` (or their full-width forms), unless the cell is a plain signed number or a lone
    sign. Leading spaces, tabs and line breaks are skipped, as some programs strip them first."""
    stripped = cell.lstrip()
    if not stripped or stripped[0] not in FORMULA_STARTS:
        return False
    value = stripped.rstrip()
    return not (PLAIN_NUMBER.fullmatch(value) or value in LONE_SIGNS)


def neutralise(cell: str) -> str:
    """The cell with an apostrophe in front if it would run as a formula, else unchanged."""
    return NEUTRALISER + cell if is_formula(cell) else cell


def inspect_csv(path: str, limits: InspectionLimits) -> list[Finding]:
    findings, _ = inspect_csv_shape(path, limits)
    return findings


def inspect_csv_shape(path: str, limits: InspectionLimits) -> tuple[list[Finding], CsvShape]:
    """Findings under every plausible reading, and the shape of the author's reading, of ``path``."""
    text = _decode(path)
    findings: list[Finding] = []
    if text.label not in ("utf-8", "utf-16"):
        findings.append(
            Finding(
                "csv.encoding",
                Severity.WARN,
                "file",
                f"The file is not UTF-8 (read as {text.label}); "
                "some programs will show the wrong characters.",
            )
        )
    formulas = _Places()
    personal = _Places()
    widths: dict[int, int] = {}
    rows = 0
    for delimiter in text.readings:
        label = "" if delimiter == "," else f" (split on {DELIMITER_NAMES.get(delimiter, repr(delimiter))})"
        authors = delimiter == text.delimiter
        numbered = enumerate(_rows(path, text.codec, delimiter), start=1)
        while block := list(itertools.islice(numbered, BLOCK_ROWS)):
            # One search of the whole block for each shape; a row at a time only in a block with a hit.
            block_flagged = _might_hold_personal_data([cell for _, row in block for cell in row])
            for number, row in block:
                if authors:
                    rows = number
                    widths[len(row)] = widths.get(len(row), 0) + 1
                personal_here = block_flagged and _might_hold_personal_data(row)
                for col, cell in enumerate(row, start=1):
                    if is_formula(cell):
                        formulas.add(f"row {number} column {col}{label}")
                    elif personal_here and _personal_kind(cell):
                        personal.add(f"row {number} column {col}{label}")
    if formulas.count:
        findings.append(
            Finding(
                "csv.formula_injection",
                Severity.BLOCK,
                formulas.where(),
                "Cells start with =, +, -, or @ (perhaps after spaces or tabs) and would run as formulas "
                "in a spreadsheet program.",
            )
        )
    if personal.count:
        findings.append(Finding("csv.personal_data", Severity.WARN, personal.where(), PERSONAL_DATA_MESSAGE))
    if len(widths) > 1:
        usual = max(widths, key=lambda width: widths[width])
        findings.append(
            Finding(
                "csv.ragged_rows",
                Severity.WARN,
                f"{rows - widths[usual]} of {rows} rows",
                f"Rows have different numbers of columns ({', '.join(str(w) for w in sorted(widths))}).",
            )
        )
    shape = CsvShape(text.label, text.delimiter, rows, max(widths, default=0))
    return findings, shape


def sanitise_csv(source: str, target: str, limits: InspectionLimits) -> None:
    """A UTF-8 comma-separated copy in the author's columns, every row as wide as the widest,
    personal data redacted, formulas dropped (under every reading of the file) and cells that
    another reading of the copy could start with a sign neutralised."""
    try:
        text = _decode(source)
        width = max((len(row) for row in _rows(source, text.codec, text.delimiter)), default=0)
        with open(target, "w", encoding="utf-8", newline="") as sink:
            writer = csv.writer(sink, lineterminator="\r\n")
            splits = _reading_splits(text)
            for row in _rows(source, text.codec, text.delimiter):
                cells = [_without_formulas(cell, splits) for cell in row]
                if _might_hold_personal_data(cells):
                    cells = [_redact(cell) for cell in cells]
                cells = [_safe_everywhere(cell) for cell in cells]
                writer.writerow(cells + [""] * (width - len(cells)))
    except CannotInspect as error:
        raise CannotSanitise(str(error)) from error


def _reading_splits(text: _Text) -> re.Pattern[str] | None:
    """Where the check's other readings split a cell of the author's reading (None: nowhere)."""
    others = [d for d in text.readings if d != text.delimiter]
    return re.compile("|".join(re.escape(d) for d in others)) if others else None


def _without_formulas(cell: str, splits: re.Pattern[str] | None) -> str:
    """The cell with every formula dropped: empty if it runs itself, else cut before the first
    place where another reading splits it and a formula starts (the formula runs on to the cell's
    end under that reading, its arguments swallowing the next separators). Quote marks a reading
    keeps as text are skipped, as ``_safe_everywhere`` does."""
    if is_formula(cell.lstrip().lstrip('"')):
        return ""
    if splits is None:
        return cell
    for split in splits.finditer(cell):
        if is_formula(_piece(cell[split.end() :], splits)):
            return cell[: split.start()]
    return cell


def _piece(rest: str, splits: re.Pattern[str]) -> str:
    """The text of the cell a reading starts at ``rest``: up to its next split, quote marks skipped."""
    found = splits.search(rest)
    return (rest[: found.start()] if found else rest).lstrip().lstrip('"')


def _safe_everywhere(cell: str) -> str:
    """The cell with an apostrophe wherever a reading could start a formula: at its start, and
    after a semicolon, tab, pipe or line break in it (where a program splitting on those, or losing
    track of the quotes, starts a new cell). Leading quote marks are skipped as a reader may."""
    parts = OTHER_SPLITS.split(cell)
    for index in range(0, len(parts), 2):  # the pieces between the separators
        if index == 0:
            risky = is_formula(cell.lstrip().lstrip('"'))
        else:
            # A piece after a separator may run on into the rest of the cell and the next cells of
            # the row under a reading that does not split there ("-" becomes "-\t,x"): any sign counts.
            piece = parts[index].lstrip().lstrip('"').lstrip()
            risky = piece[:1] in FORMULA_STARTS
        if risky:
            parts[index] = NEUTRALISER + parts[index]
    return "".join(parts)


def _might_hold_personal_data(row: list[str]) -> bool:
    """False only where no cell of the row holds personal data as ``_personal_kind`` and ``_redact``
    find it: one search of the whole row for each shape (a tenth of the work of a cell at a time).

    The cells of several rows may be passed as one row: no shape matches across ROW_JOINER (a NUL, in
    none of their classes) and each treats it as the start or end of the text, so the answer for rows
    joined is whether any of them might (tested against the rows one by one)."""
    text = ROW_JOINER.join(row)
    return any(shape.search(text) for shape in _ROW_SHAPES) or might_name_vehicle(text)


def _personal_kind(cell: str) -> str | None:
    """The kind of personal data in the cell: the shared shapes, and vehicle plates in any case."""
    kind = personal_data_kind(cell)
    if kind is not None or not any(ch.isdigit() for ch in cell):
        return kind
    for name, pattern in CSV_ONLY_PATTERNS:
        if pattern.search(cell):
            return name
    return "a vehicle registration" if vehicle_matches(cell) else None


def _redact(cell: str) -> str:
    """The cell with every personal-data match (as ``_personal_kind`` finds them) redacted."""
    cell = redact_personal_data(cell)
    if not any(ch.isdigit() for ch in cell):
        return cell
    for _, pattern in CSV_ONLY_PATTERNS:
        cell = pattern.sub(REDACTED, cell)
    plates = sorted(vehicle_matches(cell), key=lambda m: m.start, reverse=True)
    end = len(cell) + 1
    for match in plates:
        if match.end <= end:  # overlapping spans: the later (already redacted) one wins
            cell = cell[: match.start] + REDACTED + cell[match.end :]
            end = match.start
    return cell


def csv_codec(path: str) -> str:
    """The Python codec that reads the CSV at ``path`` as the gate reads it (BOM first, else UTF-8, else
    Windows-1252); ``CannotInspect`` if none does."""
    return _decode(path).codec


def _decode(path: str) -> _Text:
    """The file's encoding, checked over all its bytes, and the readings to check it under.

    A UTF-16 or UTF-8 BOM is a promise: bytes that break it are ``CannotInspect``. Without a BOM the
    text is UTF-8 if all of it decodes so, else Windows-1252 (warned), else ``CannotInspect``.
    """
    with open(path, "rb") as handle:
        head = handle.read(4)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = [("utf-16", "utf-16")]
    elif head.startswith(codecs.BOM_UTF8):
        candidates = [("utf-8-sig", "utf-8")]
    else:
        candidates = [("utf-8", "utf-8"), ("cp1252", "cp1252")]
    for codec, label in candidates:
        try:
            sample, present = _scan(path, codec)
        except UnicodeError:
            continue
        delimiter = _delimiter(sample)
        readings = [",", delimiter, *(d for d in PLAUSIBLE_DELIMITERS if d in present)]
        return _Text(codec, label, delimiter, tuple(dict.fromkeys(readings)))
    names = " nor ".join(label for _, label in candidates)
    raise CannotInspect(f"the file's bytes do not decode as {names} text: it cannot be read as a table")


def _scan(path: str, codec: str) -> tuple[str, set[str]]:
    """The first part of the text and which plausible delimiters occur; ``UnicodeError`` if any
    byte does not decode, ``CannotInspect`` if the text holds NUL characters."""
    sample = ""
    present: set[str] = set()
    with open(path, encoding=codec, errors="strict", newline="") as handle:
        while chunk := handle.read(CHUNK):
            if "\x00" in chunk:
                raise CannotInspect("the text holds NUL characters: it is not a CSV file")
            if len(sample) < SAMPLE:
                sample += chunk[: SAMPLE - len(sample)]
            present.update(d for d in PLAUSIBLE_DELIMITERS if d in chunk)
    return sample, present


def _rows(path: str, codec: str, delimiter: str) -> Iterator[list[str]]:
    """The rows of the file split on ``delimiter`` (quotes, embedded and mixed line breaks handled)."""
    with open(path, encoding=codec, errors="strict", newline="") as handle:
        reader = csv.reader(handle, delimiter=delimiter, strict=False)
        try:
            yield from reader
        except csv.Error as error:
            raise CannotInspect(f"the CSV cannot be parsed: {error}") from error
        except UnicodeError as error:
            raise CannotInspect(f"the file's bytes do not decode: {error}") from error


def _delimiter(sample: str) -> str:
    """The delimiter the author meant: a ``sep=`` first line's, else the commonest on the first line."""
    sep = SEP_LINE.fullmatch(sample.split("\n", 1)[0] + "\n")
    if sep and sep.group(1) not in '"\r\n':
        return sep.group(1)
    first_line = re.split(r"\r\n|\r|\n", sample, maxsplit=1)[0]
    counts = {d: first_line.count(d) for d in (",", "\t", ";", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


class _Places:
    """Where cells of one kind are: the first few, and how many in all."""

    __slots__ = ("count", "examples")

    def __init__(self) -> None:
        self.count = 0
        self.examples: list[str] = []

    def add(self, place: str) -> None:
        self.count += 1
        if len(self.examples) < EXAMPLES_PER_FINDING:
            self.examples.append(place)

    def where(self) -> str:
        more = f" and {self.count - len(self.examples)} more" if self.count > len(self.examples) else ""
        return ", ".join(self.examples) + more


csv.field_size_limit(MAX_FIELD_CHARACTERS)
