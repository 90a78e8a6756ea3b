"""Writes to the records: importing a register (all or nothing) and loading the synthetic one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path

from django.db import transaction

from foidesk.datasets import misconduct as m
from foidesk.datasets.importer import read_register
from foidesk.web.records.models import MisconductAllegation
from foidesk.web.records.selectors import synthetic_register_loaded

BATCH_SIZE = 2000


class AllegationsAlreadyRegistered(Exception):
    """Some allegation ids of an import are already in the register; nothing was imported."""

    def __init__(self, allegation_ids: list[str]) -> None:
        self.allegation_ids = allegation_ids
        shown = ", ".join(allegation_ids[:5]) + (" ..." if len(allegation_ids) > 5 else "")
        super().__init__(f"{len(allegation_ids)} allegation(s) already in the register: {shown}")


def register_import(*, rows: Iterable[m.MisconductAllegation]) -> int:
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


def register_generate(*, n: int, seed: int, start: dt.date = m.DEMO_START, end: dt.date = m.DEMO_END) -> int:
    """Load ``n`` synthetic allegations from ``seed``; does nothing if a synthetic register is loaded.

    Returns how many were added (0 when already loaded), so the demo can run it every time.
    """
    if synthetic_register_loaded():
        return 0
    settings = m.GeneratorSettings(n=n, seed=seed, start=start, end=end)
    return register_import(rows=m.generate_register(settings))


def _batches(items: Iterator[m.MisconductAllegation], size: int) -> Iterator[list[m.MisconductAllegation]]:
    while batch := list(islice(items, size)):
        yield batch
