"""The misconduct register as a file: read from CSV or XLSX (all or nothing), written as CSV.

Every row is validated; every bad row is reported by its line number with what is wrong, and
nothing is imported when any row is bad, so a register is never half loaded. Headers may be the
field names (``date_received``) or their labels and synonyms (``Date received``); closed values
may be codes, labels or synonyms (``RPRP``); dates are ISO (2021-03-04) or UK (04/03/2021).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from foidesk.datasets import misconduct as m
from foidesk.datasets.misconduct_register import MISCONDUCT_REGISTER
from foidesk.datasets.schema import Dataset, Field, FieldKind, UnknownTerm

REGISTER_COLUMNS = (
    "allegation_id",
    "officer_id",
    "collar_number",
    "rank",
    "gender",
    "borough",
    "station",
    "date_received",
    "category",
    "nature",
    "standard",
    "forum",
    "finding",
    "outcomes",
    "summary",
    "named_persons",
    "synthetic",
)
REQUIRED_COLUMNS = frozenset(REGISTER_COLUMNS) - {
    "collar_number",
    "station",
    "nature",
    "summary",
    "named_persons",
    "synthetic",
}
LIST_SEPARATOR = ";"
HEADER_LINE = 1
FILE_LEVEL = 0  # the line of a problem with the file as a whole
_TRUE = {"true", "yes", "y", "1"}
_FALSE = {"false", "no", "n", "0", ""}


@dataclass(frozen=True, slots=True)
class RowError:
    """What is wrong with one line of the file (``column`` is None for the row as a whole)."""

    line: int
    column: str | None
    message: str

    def __str__(self) -> str:
        if self.line == FILE_LEVEL:
            return self.message
        where = f"line {self.line}" + (f", {self.column}" if self.column else "")
        return f"{where}: {self.message}"

    def as_dict(self) -> dict[str, Any]:
        return {"line": self.line, "column": self.column, "message": self.message}


class RegisterImportError(Exception):
    """The file has bad rows (all listed) or cannot be read; nothing was imported."""

    def __init__(self, errors: Iterable[RowError]) -> None:
        self.errors = tuple(errors)
        shown = "; ".join(str(e) for e in self.errors[:3])
        more = f" (and {len(self.errors) - 3} more)" if len(self.errors) > 3 else ""
        super().__init__(f"{len(self.errors)} problem(s), nothing imported: {shown}{more}")


def read_register(path: str | Path) -> list[m.Allegation]:
    """Every allegation in the CSV or XLSX file, or ``RegisterImportError`` listing every bad row."""
    return parse_register(file_rows(path))


def file_rows(path: str | Path) -> Iterator[tuple[int, list[object]]]:
    """The rows of a CSV (UTF-8) or XLSX file, numbered (``RegisterImportError`` if unreadable)."""
    source = Path(path)
    suffix = source.suffix.lower()
    if suffix == ".csv":
        try:
            text = source.read_bytes().decode("utf-8-sig")
        except OSError as error:
            raise RegisterImportError(
                [RowError(FILE_LEVEL, None, f"cannot read {source}: {error.strerror}")]
            ) from error
        except UnicodeDecodeError as error:
            raise RegisterImportError(
                [RowError(FILE_LEVEL, None, f"{source.name} is not UTF-8 text (byte {error.start})")]
            ) from error
        return csv_rows(text)
    if suffix in (".xlsx", ".xlsm"):
        return _xlsx_rows(source)
    raise RegisterImportError([RowError(FILE_LEVEL, None, f"{source.name}: expected a .csv or .xlsx file")])


def read_register_csv_text(text: str) -> list[m.Allegation]:
    return parse_register(csv_rows(text))


def csv_rows(text: str) -> Iterator[tuple[int, list[object]]]:
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    first_line = 1
    try:
        for cells in reader:
            yield first_line, list(cells)
            first_line = reader.line_num + 1
    except csv.Error as error:
        raise RegisterImportError([RowError(first_line, None, f"not valid CSV: {error}")]) from error


def _xlsx_rows(source: Path) -> Iterator[tuple[int, list[object]]]:
    import openpyxl  # only needed for spreadsheets
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = openpyxl.load_workbook(source, read_only=True, data_only=True)
    except (OSError, InvalidFileException, KeyError, ValueError, zipfile.BadZipFile) as error:
        raise RegisterImportError(
            [RowError(FILE_LEVEL, None, f"cannot read {source.name} as XLSX: {error}")]
        ) from error
    try:
        sheet = workbook.worksheets[0]
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, ["" if cell is None else cell for cell in row]
    finally:
        workbook.close()


def parse_register(
    rows: Iterable[tuple[int, list[object]]], dataset: Dataset = MISCONDUCT_REGISTER
) -> list[m.Allegation]:
    """Validate numbered rows (the first is the header) into allegations, all or nothing."""
    iterator = iter(rows)
    header = next((row for row in iterator if not _blank(row[1])), None)
    if header is None:
        raise RegisterImportError([RowError(HEADER_LINE, None, "the file is empty: no header row")])
    header_line, header_cells = header
    columns, errors = _columns(header_line, header_cells, dataset)
    if errors:
        raise RegisterImportError(errors)
    allegations: list[m.Allegation] = []
    first_seen: dict[str, int] = {}
    for line, cells in iterator:
        if _blank(cells):
            continue
        row_errors: list[RowError] = []
        if len(cells) > len(columns) and not _blank(cells[len(columns) :]):
            row_errors.append(
                RowError(line, None, f"{len(cells)} cells but the header has {len(columns)} columns")
            )
        values = {name: (cells[i] if i < len(cells) else "") for i, name in enumerate(columns)}
        allegation = _allegation(line, values, dataset, row_errors)
        if allegation is not None:
            earlier = first_seen.setdefault(allegation.allegation_id, line)
            if earlier != line:
                row_errors.append(
                    RowError(
                        line, "allegation_id", f"{allegation.allegation_id!r} is already on line {earlier}"
                    )
                )
        errors.extend(row_errors)
        if allegation is not None and not row_errors:
            allegations.append(allegation)
    if errors:
        raise RegisterImportError(errors)
    if not allegations:
        raise RegisterImportError([RowError(header_line, None, "the file has a header but no rows")])
    return allegations


def _blank(cells: list[object]) -> bool:
    return all(str(cell).strip() == "" for cell in cells)


def _columns(line: int, cells: list[object], dataset: Dataset) -> tuple[list[str], list[RowError]]:
    columns: list[str] = []
    errors: list[RowError] = []
    for position, cell in enumerate(cells, start=1):
        heading = str(cell).strip()
        if not heading:
            errors.append(RowError(line, None, f"column {position} has no heading"))
            columns.append("")
            continue
        try:
            name = dataset.find_field(heading).name
        except UnknownTerm:
            errors.append(
                RowError(line, heading, f"unknown column {heading!r}; expected {', '.join(REGISTER_COLUMNS)}")
            )
            columns.append("")
            continue
        if name in columns:
            errors.append(RowError(line, heading, f"column {name!r} appears twice"))
        columns.append(name)
    missing = sorted(REQUIRED_COLUMNS - set(columns))
    if missing:
        errors.append(RowError(line, None, f"missing column(s): {', '.join(missing)}"))
    return columns, errors


def _allegation(
    line: int, values: Mapping[str, object], dataset: Dataset, errors: list[RowError]
) -> m.Allegation | None:
    parsed: dict[str, Any] = {}
    bad_values = 0
    for name in REGISTER_COLUMNS:
        raw = values.get(name, "")
        try:
            parsed[name] = _parse_value(dataset.field(name), raw, required=name in REQUIRED_COLUMNS)
        except ValueError as error:
            errors.append(RowError(line, name, str(error)))
            bad_values += 1
    if bad_values:
        return None
    draft = _unchecked_allegation(parsed)
    problems = m.allegation_problems(draft)
    for problem in problems:
        errors.append(RowError(line, None, problem))
    return None if problems else m.Allegation(**parsed)


def _unchecked_allegation(parsed: Mapping[str, Any]) -> m.Allegation:
    """The allegation without its own validation, so that all its problems can be reported together."""
    draft = object.__new__(m.Allegation)
    for name, value in parsed.items():
        object.__setattr__(draft, name, value)
    return draft


_ENUMS: dict[str, type[Any]] = {
    "rank": m.Rank,
    "gender": m.Gender,
    "borough": m.Borough,
    "category": m.Category,
    "standard": m.Standard,
    "forum": m.Forum,
    "finding": m.MisconductFinding,
    "outcomes": m.MisconductOutcome,
}


def _parse_value(field: Field, raw: object, *, required: bool) -> Any:
    text = _text(raw)
    if not text:
        if required:
            raise ValueError("is empty")
        return _empty(field)
    if field.kind is FieldKind.DATE:
        return parse_date(raw, text)
    if field.kind is FieldKind.FLAG:
        return parse_flag(text)
    if field.kind is FieldKind.CATEGORY:
        enum = _ENUMS[field.name]
        if field.multi_valued:
            return tuple(enum(field.code_of(part)) for part in _split(text))
        return enum(field.code_of(text))
    if field.multi_valued:
        return tuple(_split(text))
    return text


def _empty(field: Field) -> Any:
    if field.kind is FieldKind.FLAG:
        return False
    return () if field.multi_valued else ""


def _text(raw: object) -> str:
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    return str(raw).strip()


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(LIST_SEPARATOR) if part.strip()]


def parse_date(raw: object, text: str) -> dt.date:
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    for parse in (dt.date.fromisoformat, _uk_date):
        try:
            return parse(text)
        except ValueError:
            continue
    raise ValueError(f"{text!r} is not a date (use 2021-03-04 or 04/03/2021)")


def _uk_date(text: str) -> dt.date:
    return dt.datetime.strptime(text, "%d/%m/%Y").date()  # noqa: DTZ007 (a calendar date, no time zone)


def parse_flag(text: str) -> bool:
    lowered = text.lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ValueError(f"{text!r} is not true or false")


# ---------------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------------


def register_row(allegation: m.Allegation) -> list[str]:
    """The allegation as the register's CSV row (codes, ISO dates, lists joined by ``"; "``)."""
    return [
        allegation.allegation_id,
        allegation.officer_id,
        allegation.collar_number,
        allegation.rank.value,
        allegation.gender.value,
        allegation.borough.value,
        allegation.station,
        allegation.date_received.isoformat(),
        allegation.category.value,
        allegation.nature,
        allegation.standard.value,
        allegation.forum.value,
        allegation.finding.value,
        m.outcomes_text(allegation.outcomes),
        allegation.summary,
        f"{LIST_SEPARATOR} ".join(allegation.named_persons),
        "true" if allegation.synthetic else "false",
    ]


def write_register_csv(allegations: Iterable[m.Allegation], handle: TextIO) -> int:
    """Write a header and one row per allegation; returns the number of rows written."""
    writer = csv.writer(handle, lineterminator="\n")
    writer.writerow(REGISTER_COLUMNS)
    written = 0
    for allegation in allegations:
        writer.writerow(register_row(allegation))
        written += 1
    return written
