"""Release-gate inspection and sanitising of CSV (and TSV) files.

A CSV hides nothing by itself, but a spreadsheet program runs a cell that starts with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return as a formula (CSV/formula injection, OWASP), so a
requester who opens the release can be attacked through it. Numbers such as ``-12`` are fine.
The clean copy is UTF-8, rectangular, with such cells prefixed by an apostrophe.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass

from foidesk.core.release_check.findings import (
    CannotInspect,
    CannotSanitise,
    Finding,
    InspectionLimits,
    Severity,
)
from foidesk.core.release_check.personal_data import personal_data_kind, redact_personal_data

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")  # OWASP "CSV Injection"
PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?")
NEUTRALISER = "'"  # Excel and LibreOffice show a leading apostrophe's cell as text
EXAMPLES_PER_FINDING = 3
MAX_FIELD_CHARACTERS = 10_000_000  # a single field larger than this is not a table


@dataclass(frozen=True, slots=True)
class CsvShape:
    """What the gate learnt reading a CSV: its encoding, dialect, and row and column counts."""

    encoding: str
    delimiter: str
    rows: int
    columns: int


def is_formula(cell: str) -> bool:
    """A cell a spreadsheet program would treat as a formula: not a plain (signed) number."""
    return cell.startswith(FORMULA_TRIGGERS) and not PLAIN_NUMBER.fullmatch(cell.strip())


def neutralise(cell: str) -> str:
    return NEUTRALISER + cell if is_formula(cell) else cell


def inspect_csv(path: str, limits: InspectionLimits) -> list[Finding]:
    findings, _ = inspect_csv_shape(path, limits)
    return findings


def inspect_csv_shape(path: str, limits: InspectionLimits) -> tuple[list[Finding], CsvShape]:
    """Findings and the shape (encoding, delimiter, counts) of the CSV at ``path``."""
    encoding = _encoding(path, limits)
    findings: list[Finding] = []
    if encoding != "utf-8":
        findings.append(
            Finding(
                "csv.encoding",
                Severity.WARN,
                "file",
                f"The file is not UTF-8 (read as {encoding}); some programs will show the wrong characters.",
            )
        )
    formulas = _Places()
    personal = _Places()
    widths: dict[int, int] = {}
    rows = 0
    delimiter = ","
    for rows, (seen_delimiter, row) in enumerate(_rows(path, encoding), start=1):
        delimiter = seen_delimiter
        widths[len(row)] = widths.get(len(row), 0) + 1
        for col, cell in enumerate(row, start=1):
            if is_formula(cell):
                formulas.add(f"row {rows} column {col}")
            elif personal_data_kind(cell):
                personal.add(f"row {rows} column {col}")
    if formulas.count:
        findings.append(
            Finding(
                "csv.formula_injection",
                Severity.BLOCK,
                formulas.where(),
                "Cells start with =, +, -, @, a tab or a carriage return and would run as formulas.",
            )
        )
    if personal.count:
        findings.append(
            Finding("csv.personal_data", Severity.WARN, personal.where(), "Cells look like personal data.")
        )
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
    shape = CsvShape(encoding, delimiter, rows, max(widths, default=0))
    return findings, shape


def sanitise_csv(source: str, target: str, limits: InspectionLimits) -> None:
    """A UTF-8 copy, every row as wide as the widest, formulas neutralised, personal data redacted."""
    try:
        encoding = _encoding(source, limits)
        width = max((len(row) for _, row in _rows(source, encoding)), default=0)
        with open(target, "w", encoding="utf-8", newline="") as sink:
            writer = csv.writer(sink, lineterminator="\r\n")
            for _, row in _rows(source, encoding):
                cells = [neutralise(redact_personal_data(cell)) for cell in row]
                writer.writerow(cells + [""] * (width - len(cells)))
    except CannotInspect as error:
        raise CannotSanitise(str(error)) from error


def _encoding(path: str, limits: InspectionLimits) -> str:
    """UTF-8 (with or without BOM) if the whole file decodes as such, else Windows-1252."""
    try:
        with open(path, encoding="utf-8-sig", errors="strict") as handle:
            while chunk := handle.read(1 << 20):
                if "\x00" in chunk:
                    raise CannotInspect("the text holds NUL characters: it is not a CSV file")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        with open(path, encoding="cp1252", errors="strict") as handle:
            while handle.read(1 << 20):
                pass
    except UnicodeDecodeError as error:
        raise CannotInspect("the file is neither UTF-8 nor Windows-1252 text") from error
    return "cp1252"


def _rows(path: str, encoding: str) -> Iterator[tuple[str, list[str]]]:
    codec = "utf-8-sig" if encoding == "utf-8" else encoding
    with open(path, encoding=codec, newline="") as handle:
        sample = handle.read(65_536)
        handle.seek(0)
        delimiter = _delimiter(sample)
        reader = csv.reader(handle, delimiter=delimiter, strict=False)
        try:
            for row in reader:
                yield delimiter, row
        except csv.Error as error:
            raise CannotInspect(f"the CSV cannot be parsed: {error}") from error


def _delimiter(sample: str) -> str:
    first_line = sample.split("\n", 1)[0]
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
