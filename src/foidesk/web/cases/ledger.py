"""The release ledger in the database: what each answer's table counts, and the joint audit.

core/sdc/ledger.py does the mathematics; this module describes a query's table as a ledger scope
(which records each row and column counts, in the dataset's own values) and keeps the entries.
"""

from __future__ import annotations

import calendar as month_calendar
import datetime as dt

from django.conf import settings
from django.db import transaction

from foidesk.core.sdc.grid import TOTAL_LABEL
from foidesk.core.sdc.ledger import Filter, ReleasedTable, TableScope, period_filter
from foidesk.core.sdc.stated_counts import disclosing_counts
from foidesk.core.sdc.table import CountTable
from foidesk.datasets.query import CountQuery
from foidesk.datasets.registry import (
    COMBINATION_SEPARATOR,
    NO_OTHER_OUTCOME,
    REGISTRY,
    Dataset,
    Dimension,
    Field,
    FieldKind,
    dimension_label,
)
from foidesk.web.cases import models


def ledger_scope(query: CountQuery, table: CountTable) -> TableScope:
    """Which records each cell of ``table`` (the answer to ``query``) counts, in ledger terms.

    Every label is described by the most detailed values it counts (a BCU by its boroughs, a rank
    band by its ranks, a year or month by its days) and a multi-valued field by the combinations of
    values a record may hold, so that any two tables of the dataset can be intersected.
    """
    data = REGISTRY.dataset(query.dataset)
    filters: list[Filter] = []
    if query.period is not None:
        filters.append(period_filter(data.date_field, query.period.start, query.period.end))
    for condition in query.conditions:
        field = data.field(condition.field)
        if field.multi_valued:
            held = tuple(c for c in field.combinations() if not condition.codes.isdisjoint(_held(c)))
            filters.append(Filter(field.name, held))
        else:
            filters.append(Filter(field.name, tuple(sorted(condition.codes))))
    rows = data.find_dimension(query.rows)
    scope_rows = _values_by_label(data, rows, table.row_labels, query)
    scope_columns: tuple[tuple[str, ...], ...] = ()
    if query.columns is not None:
        scope_columns = _values_by_label(data, data.find_dimension(query.columns), table.column_labels, query)
    return TableScope(
        dataset=query.dataset, filters=tuple(filters), row_values=scope_rows, column_values=scope_columns
    )


def dimension_name(data: Dataset, dimension: Dimension) -> str:
    """The ledger's name for a dimension: its field's, whatever the level (borough and BCU are one)."""
    return data.field(dimension.field).name


def _held(combination: str) -> frozenset[str]:
    return frozenset(combination.split(COMBINATION_SEPARATOR))


def _values_by_label(
    data: Dataset, dimension: Dimension, labels: tuple[str, ...], query: CountQuery
) -> tuple[tuple[str, ...], ...]:
    field = data.field(dimension.field)
    if field.kind is FieldKind.DATE:
        return tuple(_days(label, query) for label in labels)
    codes = _codes_by_label(data, dimension)
    return tuple(_values_of(field, dimension, codes.get(label, label), query) for label in labels)


def _codes_by_label(data: Dataset, dimension: Dimension) -> dict[str, str]:
    """Published label -> code at the dimension's level (a BCU's label -> the BCU's code)."""
    field = data.field(dimension.field)
    domain = field.codes
    if dimension.level is not None and field.hierarchy is not None:
        generalise = field.hierarchy.level(dimension.level).generalise
        domain = tuple(dict.fromkeys(generalise(code) for code in field.codes))
    if dimension.others_than_filter:
        domain = (*domain, NO_OTHER_OUTCOME)
    return {dimension_label(data, dimension, code): code for code in domain}


def _values_of(field: Field, dimension: Dimension, code: str, query: CountQuery) -> tuple[str, ...]:
    """The most detailed values counted under ``code``: combinations for a multi-valued field."""
    if field.multi_valued:
        combinations = field.combinations()
        if dimension.others_than_filter and code == NO_OTHER_OUTCOME:
            filtered = query.codes_filtered_on(field.name)
            return tuple(c for c in combinations if _held(c) <= filtered)
        return tuple(c for c in combinations if code in _held(c))
    if dimension.level is not None and field.hierarchy is not None:
        return field.hierarchy.members(dimension.level, code, field.codes) or (code,)
    return (code,)


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


def released_entries(dataset: str, *, excluding: models.Answer | None = None) -> list[ReleasedTable]:
    rows = models.LedgerEntry.objects.filter(dataset=dataset)
    if excluding is not None:
        rows = rows.exclude(answer=excluding)
    return [ReleasedTable.from_json(row.entry) for row in rows]


def ledger_record(
    *, answer: models.Answer, entry: ReleasedTable, reference: str, released_on: dt.date
) -> None:
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


def stated_count_findings(case: models.Request) -> tuple[str, ...]:
    """Counts written in the case's answers that would disclose a small count (core/sdc/stated_counts.py).

    Compared with every value published in the case's own tables and with the total of every table
    in the ledger (its totals): a stated count a small amount away from one of them discloses the difference.
    """
    texts: list[tuple[str, str]] = []
    for part in case.parts.select_related("decision").order_by("position"):
        decision = getattr(part, "decision", None)
        if decision is not None:
            texts += [(part.label, decision.answer), (f"{part.label} (advice)", decision.advice)]
    if not any(text.strip() for _, text in texts):
        return ()
    released: set[int] = set()
    for answer in models.Answer.objects.filter(part__request=case):
        published = answer.report.get("ledger_entry", {}).get("published", [])
        released.update(int(v) for v in published if v is not None)
    for row in models.LedgerEntry.objects.all():
        entry = ReleasedTable.from_json(row.entry)
        for k, value in enumerate(entry.published):
            if value is not None and TOTAL_LABEL in entry.position(k):
                released.add(value)
    return disclosing_counts(texts, threshold=settings.FOIDESK_SDC_THRESHOLD, released=released)
