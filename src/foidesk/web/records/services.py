"""Writes to the records: importing a register (all or nothing, audited) and loading a synthetic one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from itertools import islice
from pathlib import Path
from typing import TypeVar

from django.contrib.auth.models import User
from django.db import transaction

from foidesk.datasets import misconduct as m
from foidesk.datasets import misconduct_synthetic as synthetic
from foidesk.datasets.importer import read_register
from foidesk.datasets.records import read_records
from foidesk.datasets.registry import REGISTRY, Registry
from foidesk.web.audit.actions import AuditAction
from foidesk.web.audit.services import audit_record
from foidesk.web.records.models import MisconductAllegation, Record
from foidesk.web.records.selectors import MISCONDUCT, registered_ids, synthetic_register_loaded

T = TypeVar("T")

BATCH_SIZE = 2000


class AllegationsAlreadyRegistered(Exception):
    """Some allegation ids of an import are already in the register; nothing was imported."""

    def __init__(self, allegation_ids: list[str]) -> None:
        self.allegation_ids = allegation_ids
        shown = ", ".join(allegation_ids[:5]) + (" ..." if len(allegation_ids) > 5 else "")
        super().__init__(f"{len(allegation_ids)} allegation(s) already in the register: {shown}")


def register_import(*, rows: Iterable[m.Allegation]) -> int:
    """Add validated allegations to the register in one transaction; returns how many were added.

    Raises ``AllegationsAlreadyRegistered`` (and adds nothing) if any id is already registered.
    """
    added = 0
    with transaction.atomic():
        for batch in _batches(iter(rows), BATCH_SIZE):
            ids = [allegation.allegation_id for allegation in batch]
            existing = sorted(MisconductAllegation.objects.filter(allegation_id__in=ids).values_list(
                "allegation_id", flat=True
            ))  # fmt: skip
            if existing:
                raise AllegationsAlreadyRegistered(existing)
            MisconductAllegation.objects.bulk_create(
                [MisconductAllegation.from_allegation(allegation) for allegation in batch]
            )
            added += len(batch)
    return added


def register_import_file(*, path: str | Path) -> int:
    """Validate the CSV or XLSX file (``RegisterImportError`` lists every bad row) and import it."""
    return register_import(rows=read_register(path))


def register_generate(
    *, n: int, seed: int, start: dt.date = synthetic.DEMO_START, end: dt.date = synthetic.DEMO_END
) -> int:
    """Load ``n`` synthetic allegations from ``seed``; does nothing if a synthetic register is loaded.

    Returns how many were added (0 when already loaded), so the demo can run it every time.
    """
    if synthetic_register_loaded():
        return 0
    settings = synthetic.AllegationGeneratorSettings(n=n, seed=seed, start=start, end=end)
    return register_import(rows=synthetic.generate_register(settings))


def _batches(items: Iterator[T], size: int) -> Iterator[list[T]]:
    while batch := list(islice(items, size)):
        yield batch


# ---------------------------------------------------------------------------------------------
# Registers held as data (ADR 0011): any register the registry defines, by its definition alone
# ---------------------------------------------------------------------------------------------


class RecordsAlreadyRegistered(Exception):
    """Some record ids of an import are already in the register; nothing was imported."""

    def __init__(self, register: str, record_ids: list[str]) -> None:
        self.register = register
        self.record_ids = record_ids
        shown = ", ".join(record_ids[:5]) + (" ..." if len(record_ids) > 5 else "")
        super().__init__(f"{len(record_ids)} record(s) already in the {register} register: {shown}")


def records_import(
    *,
    dataset: str,
    records: Iterable[Mapping[str, str]],
    actor: User | None = None,
    source: str = "",
    registry: Registry = REGISTRY,
) -> int:
    """Add checked records of ``dataset`` in one transaction, audited; returns how many were added.

    Raises ``RecordsAlreadyRegistered`` (and adds nothing) if any id is already registered.
    """
    data = registry.dataset(dataset)
    if data.name == MISCONDUCT or data.id_field is None:
        raise ValueError(f"the {data.label.lower()} is not held as data; use its own import")
    added = 0
    first: Record | None = None
    with transaction.atomic():
        for batch in _batches(iter(records), BATCH_SIZE):
            ids = [record[data.id_field] for record in batch]
            existing = registered_ids(data.name, ids)
            if existing:
                raise RecordsAlreadyRegistered(data.name, existing)
            created = Record.objects.bulk_create(
                [_record_row(data.name, data.id_field, data.date_field, r) for r in batch]
            )
            first = first or created[0]
            added += len(batch)
        if first is not None:
            audit_record(
                actor=actor,
                action=AuditAction.REGISTER_IMPORTED,
                obj=first,
                details={"register": data.name, "imported": added, "source": source},
                actor_label=None if actor else "foidesk import-register",
            )
    return added


def records_import_file(
    *, dataset: str, path: str | Path, actor: User | None = None, registry: Registry = REGISTRY
) -> int:
    """Check the file by the register's definition (``RegisterImportError`` lists bad rows); import it."""
    data = registry.dataset(dataset)
    records = read_records(data, path)
    return records_import(
        dataset=data.name, records=records, actor=actor, source=Path(path).name, registry=registry
    )


def records_generate(
    *,
    dataset: str,
    n: int,
    seed: int,
    start: dt.date | None = None,
    end: dt.date | None = None,
    registry: Registry = REGISTRY,
) -> int:
    """Load ``n`` synthetic records of ``dataset`` from ``seed`` (made from ``start`` to ``end``, or
    over the generator's own period); nothing if a synthetic register is loaded already."""
    data = registry.dataset(dataset)
    if data.generate is None:
        raise ValueError(f"the {data.label.lower()} has no synthetic generator")
    if synthetic_register_loaded(data.name):
        return 0
    return records_import(
        dataset=data.name, records=data.generate(n, seed, start, end), source=f"synthetic, seed {seed}"
    )


def _record_row(register: str, id_field: str, date_field: str, values: Mapping[str, str]) -> Record:
    return Record(
        register=register,
        record_id=values[id_field],
        date=dt.date.fromisoformat(values[date_field]),
        values=dict(values),
        synthetic=values.get("synthetic") == "true",
    )
