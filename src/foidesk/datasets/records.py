"""Records as data: any register's file read, checked and written by its definition alone.

A record is a plain mapping of field name to stored code (``"2024-01-05"``, ``"arrest"``,
``"true"``; a multi-valued field's codes joined by ``"; "``), the shape the generic records table
holds. ``read_records`` reads a CSV or XLSX file whose headings are the fields' columns, labels or
synonyms; every row is checked against the definition, every bad row is reported by its line, and
nothing is returned when any row is bad, so a register is never half loaded and no row is lost.
``free_text_findings`` checks a record's free text against the record's own identifiers.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TextIO

from foidesk.core.redaction import KnownEntities, RedactionResult, check_free_text
from foidesk.datasets.importer import (
    FILE_LEVEL,
    HEADER_LINE,
    RegisterImportError,
    RowError,
    file_rows,
    parse_date,
    parse_flag,
)
from foidesk.datasets.schema import Dataset, Field, FieldKind, normalise

Record = dict[str, str]
LIST_SEPARATOR = "; "
ID_DIGEST_CHARS = 10


def read_records(dataset: Dataset, path: str | Path) -> list[Record]:
    """Every record of ``dataset`` in the file, or ``RegisterImportError`` listing every bad row.

    A row without an id gets one from the file's content and its line (``<digest>-<line>``), so
    importing the same file twice names the same records and is refused, never doubled.
    """
    source = Path(path)
    try:
        digest = hashlib.sha256(source.read_bytes()).hexdigest()[:ID_DIGEST_CHARS]
    except OSError as error:
        raise RegisterImportError(
            [RowError(FILE_LEVEL, None, f"cannot read {source}: {error.strerror}")]
        ) from error
    return parse_records(dataset, file_rows(source), id_prefix=digest)


def parse_records(
    dataset: Dataset, rows: Iterable[tuple[int, list[object]]], *, id_prefix: str
) -> list[Record]:
    iterator = iter(rows)
    header = next(iterator, None)
    if header is None:
        raise RegisterImportError([RowError(HEADER_LINE, None, "the file is empty: expected a header row")])
    columns, errors = _columns(header[0], header[1], dataset)
    if errors:
        raise RegisterImportError(errors)
    records: list[Record] = []
    seen: dict[str, int] = {}
    for line, cells in iterator:
        if all(_text(cell) == "" for cell in cells):
            continue
        record, problems = _record(dataset, columns, line, cells, id_prefix)
        errors += problems
        if record is None:
            continue
        if dataset.id_field is not None:
            first = seen.setdefault(record[dataset.id_field], line)
            if first != line:
                id_field = dataset.field(dataset.id_field)
                errors.append(
                    RowError(line, id_field.column or id_field.label, f"the same id as line {first}")
                )
        records.append(record)
    if errors:
        raise RegisterImportError(errors)
    return records


def _columns(line: int, cells: list[object], dataset: Dataset) -> tuple[list[list[Field]], list[RowError]]:
    """The fields each heading fills (a heading may fill several: police.uk's Date gives date and time)."""
    by_heading: dict[str, list[Field]] = {}
    for field in dataset.fields:
        names = {field.column} if field.column else {field.name, field.label, *field.synonyms}
        for name in {normalise(n) for n in names}:
            by_heading.setdefault(name, []).append(field)
    columns: list[list[Field]] = []
    errors: list[RowError] = []
    for cell in cells:
        heading = _text(cell)
        fields = by_heading.get(normalise(heading), [])
        if heading and not fields:
            errors.append(
                RowError(line, heading, f"no field of the {dataset.label.lower()} is called {heading!r}")
            )
        columns.append(fields)
    filled = [f for fields in columns for f in fields]
    for field in dataset.fields:
        if filled.count(field) > 1:
            errors.append(RowError(line, field.column or field.label, "the column appears more than once"))
        if field.required and field not in filled:
            errors.append(RowError(line, field.column or field.label, "a required column is missing"))
    return columns, errors


def _record(
    dataset: Dataset, columns: list[list[Field]], line: int, cells: list[object], id_prefix: str
) -> tuple[Record | None, list[RowError]]:
    if len(cells) > len(columns) and any(_text(c) for c in cells[len(columns) :]):
        return None, [RowError(line, None, f"{len(cells)} cells but {len(columns)} headings")]
    record: Record = {}
    errors: list[RowError] = []
    for fields, raw in zip(columns, cells, strict=False):
        for field in fields:
            try:
                record[field.name] = _value(field, raw)
            except ValueError as error:
                errors.append(RowError(line, field.column or field.label, str(error)))
    if errors:
        return None, errors
    for field in dataset.fields:
        if not record.get(field.name):
            record[field.name] = _missing(field, record)
            if field.required and not record[field.name]:
                errors.append(RowError(line, field.column or field.label, "is required"))
    if dataset.id_field is not None and not record[dataset.id_field]:
        record[dataset.id_field] = f"{id_prefix}-{line}"
    return (None, errors) if errors else (record, [])


def _missing(field: Field, record: Mapping[str, str]) -> str:
    if field.derive is not None:
        return field.derive(record)
    if field.kind is FieldKind.FLAG:
        return "false"
    return field.missing or ""


def _value(field: Field, raw: object) -> str:
    """The stored code of one cell; ValueError saying what is wrong."""
    text = _text(raw)
    if not text:
        return ""
    if field.kind is FieldKind.DATE:
        return _day(raw, text).isoformat()
    if field.kind is FieldKind.FLAG:
        return "true" if parse_flag(text) else "false"
    if field.kind is FieldKind.CATEGORY:
        words = [w.strip() for w in text.split(";")] if field.multi_valued else [text]
        return LIST_SEPARATOR.join(field.code_of(word) for word in words if word)
    return field.parse(text) if field.parse is not None else text


def _day(raw: object, text: str) -> dt.date:
    """A date, or the day of an ISO date and time (police.uk's ``2024-01-05T10:30:00+00:00``)."""
    if "T" in text:
        try:
            return dt.datetime.fromisoformat(text).date()
        except ValueError:
            pass
    return parse_date(raw, text)


def _text(raw: object) -> str:
    if isinstance(raw, dt.datetime):
        return raw.isoformat()
    if isinstance(raw, dt.date):
        return raw.isoformat()
    return str(raw).strip()


# ---------------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------------


def file_headings(dataset: Dataset) -> list[str]:
    """The headings of the register's file, each column once (police.uk's, for stop and search)."""
    return list(dict.fromkeys(field.column or field.label for field in dataset.fields if not field.derive))


def write_records_csv(dataset: Dataset, records: Iterable[Mapping[str, str]], handle: TextIO) -> int:
    """Write records as the register's file (published labels, the original timestamp), which reads back."""
    headings = file_headings(dataset)
    source_of = {heading: _source_field(dataset, heading) for heading in headings}
    writer = csv.writer(handle, lineterminator="\n")
    writer.writerow(headings)
    count = 0
    for record in records:
        writer.writerow([_published(source_of[h], record.get(source_of[h].name, "")) for h in headings])
        count += 1
    return count


def _source_field(dataset: Dataset, heading: str) -> Field:
    """The field whose value fills a heading: of several (Date), the open one that keeps the most."""
    fields = [f for f in dataset.fields if (f.column or f.label) == heading]
    return next((f for f in fields if f.kind is FieldKind.TEXT), fields[0])


def _published(field: Field, code: str) -> str:
    if field.kind is not FieldKind.CATEGORY or not code:
        return code
    if code == field.missing:
        return ""
    return LIST_SEPARATOR.join(field.label_of(c) for c in code.split(LIST_SEPARATOR))


def iter_file_rows(dataset: Dataset, records: Iterable[Mapping[str, str]]) -> Iterator[list[str]]:
    """Records as rows of stored codes in the definition's field order (for record-level release)."""
    for record in records:
        yield [record.get(field.name, "") for field in dataset.fields]


# ---------------------------------------------------------------------------------------------
# Free text
# ---------------------------------------------------------------------------------------------


def free_text_findings(dataset: Dataset, record: Mapping[str, str]) -> list[RedactionResult]:
    """Each free-text field of ``record`` checked against the record's own identifiers and date.

    What the register knows of the people in a record (its person identifiers, its ids, its date)
    are the known entities core/redaction.py looks for, beside its patterns.
    """
    if not dataset.free_text_fields:
        return []
    names = tuple(
        name.strip()
        for field in dataset.person_identifiers
        for name in record.get(field.name, "").split(";")
        if name.strip()
    )
    others = tuple(record.get(f.name, "") for f in dataset.fields if f.kind is FieldKind.IDENTIFIER)
    day = record.get(dataset.date_field, "")
    known = KnownEntities(
        names=names,
        dates=(dt.date.fromisoformat(day),) if day else (),
        other=tuple(o for o in others if o),
    )
    return [check_free_text(record.get(f.name, ""), known) for f in dataset.free_text_fields]
