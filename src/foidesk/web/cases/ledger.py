"""The release ledger in the database: what each answer's table counts, and the joint audit.

core/sdc/ledger.py does the mathematics; this module describes a query's table as a ledger scope
(which records each row and column counts, in the dataset's own values) and keeps the entries.
"""

from __future__ import annotations

import calendar as month_calendar
import datetime as dt
from collections import defaultdict

from django.db import transaction

from foidesk.core.sdc.ledger import Filter, LedgerEntry, TableScope, period_filter
from foidesk.core.sdc.table import CountTable
from foidesk.datasets.query import CountQuery
from foidesk.datasets.registry import REGISTRY, Dataset, Dimension, FieldKind, dimension_label
from foidesk.web.cases import models

# A record has one value of a single-valued field, so a table over it cuts the records into pieces
# the ledger can intersect. Multi-valued fields (outcomes) get their own name per use, which keeps
# the joint audit sound for tables that share that use and never mixes two meanings of one field.
_MULTI_VALUED_SUFFIX = {"filter": " includes", "dimension": " (breakdown)"}


def ledger_scope(query: CountQuery, table: CountTable) -> TableScope:
    """Which records each cell of ``table`` (the answer to ``query``) counts, in ledger terms."""
    data = REGISTRY.dataset(query.dataset)
    filters: list[Filter] = []
    if query.period is not None:
        filters.append(period_filter(data.date_field, query.period.start, query.period.end))
    for condition in query.conditions:
        field = data.field(condition.field)
        name = field.name + (_MULTI_VALUED_SUFFIX["filter"] if field.multi_valued else "")
        filters.append(Filter(name, tuple(sorted(condition.codes))))
    rows = data.find_dimension(query.rows)
    scope_rows = _values_by_label(data, rows, table.row_labels, query)
    scope_columns: tuple[tuple[str, ...], ...] = ()
    if query.columns is not None:
        scope_columns = _values_by_label(data, data.find_dimension(query.columns), table.column_labels, query)
    return TableScope(
        dataset=query.dataset, filters=tuple(filters), row_values=scope_rows, column_values=scope_columns
    )


def dimension_name(data: Dataset, dimension: Dimension) -> str:
    field = data.field(dimension.field)
    if field.multi_valued:
        return dimension.name + _MULTI_VALUED_SUFFIX["dimension"]
    return field.name


def _values_by_label(
    data: Dataset, dimension: Dimension, labels: tuple[str, ...], query: CountQuery
) -> tuple[tuple[str, ...], ...]:
    field = data.field(dimension.field)
    if field.kind is FieldKind.DATE:
        return tuple(_days(label, query) for label in labels)
    if field.multi_valued:
        return tuple((label,) for label in labels)
    codes_by_label: dict[str, list[str]] = defaultdict(list)
    for code in field.codes:
        codes_by_label[dimension_label(data, dimension, code)].append(code)
    return tuple(tuple(sorted(codes_by_label.get(label, [label]))) for label in labels)


def _days(label: str, query: CountQuery) -> tuple[str, ...]:
    """The ISO days of a year ("2021") or month ("2021-03") label, within the query's period."""
    parts = [int(p) for p in label.split("-")[:2]]
    start = dt.date(parts[0], parts[1] if len(parts) > 1 else 1, 1)
    end = (
        dt.date(parts[0], parts[1], month_calendar.monthrange(parts[0], parts[1])[1])
        if len(parts) > 1
        else dt.date(parts[0], 12, 31)
    )
    if query.period is not None:
        start, end = max(start, query.period.start), min(end, query.period.end)
    return period_filter("day", start, end).values


def released_entries(dataset: str, *, excluding: models.Answer | None = None) -> list[LedgerEntry]:
    rows = models.LedgerEntry.objects.filter(dataset=dataset)
    if excluding is not None:
        rows = rows.exclude(answer=excluding)
    return [LedgerEntry.from_json(row.entry) for row in rows]


def ledger_record(*, answer: models.Answer, entry: LedgerEntry, reference: str, released_on: dt.date) -> None:
    """Record an answer's table as released (once per answer)."""
    with transaction.atomic():
        models.LedgerEntry.objects.update_or_create(
            answer=answer,
            defaults={
                "dataset": answer.dataset,
                "reference": reference,
                "released_on": released_on,
                "entry": entry.to_json(),
            },
        )
