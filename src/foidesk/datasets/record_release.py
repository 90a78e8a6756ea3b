"""A dataset's records as a release: the registry's declarations turned into core's release schema.

The registry says what each field is; ``release_schema`` turns that into what
``core.sdc.kanonymity.anonymise`` needs, failing closed (ICO Anonymisation code of practice: remove
direct identifiers, then make the rest safe against the motivated intruder):

- identifiers of a record or a person, free text and open text not declared otherwise are
  dropped, whatever else is said of them;
- a quasi-identifier is generalised through its hierarchy, or withheld when it has none;
- sensitive fields (the outcome, the finding) are kept l-diverse; other closed fields, dates
  and flags go out as recorded.

``release_table`` gives the released records with published labels, for a CSV or a workbook.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from foidesk.core.sdc.kanonymity import (
    ANY,
    DEFAULT_MAX_SUPPRESSION,
    QuasiIdentifierHierarchy,
    RecordRelease,
    ReleaseSchema,
    anonymise,
)
from foidesk.datasets import misconduct as m
from foidesk.datasets.importer import REGISTER_COLUMNS, register_row
from foidesk.datasets.schema import Dataset, Field, FieldKind

NEVER_RELEASED = frozenset({FieldKind.IDENTIFIER, FieldKind.FREE_TEXT})
LIST_SEPARATOR = "; "  # a multi-valued field's values in one cell, as the register's CSV holds them


def release_schema(dataset: Dataset) -> ReleaseSchema:
    """What each field of ``dataset`` is for a record-level release (module docstring)."""
    hierarchies: list[QuasiIdentifierHierarchy] = []
    withheld: list[str] = []
    sensitive: list[str] = []
    released: list[str] = []
    for field in dataset.fields:
        if _never_released(field):
            continue
        if field.quasi_identifier and field.hierarchy is None:
            withheld.append(field.name)
        elif field.quasi_identifier and field.hierarchy is not None:
            hierarchies.append(
                QuasiIdentifierHierarchy(
                    field.name,
                    field.hierarchy.names,
                    field.hierarchy.functions()[1:],
                    refines=field.refines,
                )
            )
        elif field.sensitive:
            sensitive.append(field.name)
        else:
            released.append(field.name)
    return ReleaseSchema(tuple(hierarchies), tuple(withheld), tuple(sensitive), tuple(released))


def _never_released(field: Field) -> bool:
    """Direct identifiers, free text, and open text that is neither a quasi-identifier nor sensitive."""
    if field.identifies_person or field.kind in NEVER_RELEASED:
        return True
    return field.kind is FieldKind.TEXT and not (field.quasi_identifier or field.sensitive)


def misconduct_records(allegations: Iterable[m.Allegation]) -> list[dict[str, str]]:
    """Allegations as plain records (codes, ISO dates, outcomes joined by ``"; "``), as the register's CSV."""
    return [dict(zip(REGISTER_COLUMNS, register_row(a), strict=True)) for a in allegations]


def anonymise_dataset(
    dataset: Dataset,
    records: Sequence[dict[str, str]],
    *,
    k: int,
    l: int,  # noqa: E741 - the measure's own letter
    max_suppression: float = DEFAULT_MAX_SUPPRESSION,
) -> RecordRelease:
    """``records`` of ``dataset`` made k-anonymous and l-diverse by the registry's declarations."""
    return anonymise(records, release_schema(dataset), k=k, l=l, max_suppression=max_suppression)


def release_table(dataset: Dataset, release: RecordRelease) -> tuple[list[str], list[list[str]]]:
    """The header (field labels) and rows (published labels of the released values)."""
    levels = dict(release.levels)
    header = [_heading(dataset.field(name), levels.get(name)) for name in release.fields]
    rows = [
        [_label(dataset.field(name), levels.get(name), record[name]) for name in release.fields]
        for record in release.records
    ]
    return header, rows


def _as_recorded(field: Field, level: str | None) -> bool:
    """Whether ``level`` is the field's own level (or the field is not generalised at all)."""
    return level is None or field.hierarchy is None or level == field.hierarchy.names[0]


def _heading(field: Field, level: str | None) -> str:
    if _as_recorded(field, level) or level in ("any", "withheld"):
        return field.label
    return f"{field.label} ({level})"


def _label(field: Field, level: str | None, value: str) -> str:
    if value == ANY:
        return ANY
    if field.multi_valued:
        codes = (code.strip() for code in value.split(LIST_SEPARATOR.strip()))
        return LIST_SEPARATOR.join(field.label_of(code) for code in codes if code)
    if field.kind is FieldKind.FLAG:
        return value
    if not _as_recorded(field, level) and field.hierarchy is not None and level in field.hierarchy.names:
        return field.hierarchy.level(level).label_of(value)
    if not _as_recorded(field, level):
        return value
    return field.label_of(value)
