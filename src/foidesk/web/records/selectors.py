"""Reads of the records: a count query answered on the database with GROUP BY, as a ``CountTable``.

The same ``CountQuery`` that ``datasets.query.count_records`` evaluates in memory is translated to
ORM aggregation here; both build the table with ``table_from_counts``, so they agree cell for cell.
A register held as data (``Record``) is grouped on its JSON values by the definition alone; the
misconduct register, in its own table, holds a multi-valued dimension (the outcome) in two columns,
counted once per column and summed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import product
from typing import Any

from django.db.models import Case, CharField, Count, F, Q, QuerySet, Value, When
from django.db.models.expressions import Combinable
from django.db.models.fields.json import KT
from django.db.models.functions import ExtractMonth, ExtractYear

from foidesk.core.sdc.table import CountTable
from foidesk.datasets import misconduct as m
from foidesk.datasets.query import (
    ALL,
    CountQuery,
    QueryError,
    check_query,
    count_records,
    table_from_counts,
)
from foidesk.datasets.record_release import misconduct_records
from foidesk.datasets.records import Record as RecordValues
from foidesk.datasets.registry import NO_OTHER_OUTCOME, REGISTRY, Dataset, Dimension, FieldKind, Registry
from foidesk.web.records.models import MisconductAllegation, Record

MISCONDUCT = "misconduct"  # the one register with a table of its own (ADR 0011)

UNSUPPORTED_FILTERS = frozenset({"named_persons", "summary"})


@dataclass(frozen=True, slots=True)
class _Variant:
    """One way of reading a dimension off a row: annotations, an extra filter, and the code from the row."""

    annotations: dict[str, Any]  # Django expressions: untyped in the stubs
    condition: Q
    code: Callable[[dict[str, Any]], str]


def register_size(dataset: str = MISCONDUCT) -> int:
    if dataset == MISCONDUCT:
        return MisconductAllegation.objects.count()
    return Record.objects.filter(register=dataset).count()


def synthetic_register_loaded(dataset: str = MISCONDUCT) -> bool:
    if dataset == MISCONDUCT:
        return MisconductAllegation.objects.filter(synthetic=True).exists()
    return Record.objects.filter(register=dataset, synthetic=True).exists()


def registered_ids(dataset: str, ids: list[str]) -> list[str]:
    """Which of ``ids`` the register already holds (sorted)."""
    if dataset == MISCONDUCT:
        allegations = MisconductAllegation.objects.filter(allegation_id__in=ids)
        return sorted(allegations.values_list("allegation_id", flat=True))
    records = Record.objects.filter(register=dataset, record_id__in=ids)
    return sorted(records.values_list("record_id", flat=True))


def allegations_matching(query: CountQuery) -> QuerySet[MisconductAllegation]:
    """The allegations that ``query`` counts (period and conditions), for record-level answers."""
    check_query(query, REGISTRY)
    rows = MisconductAllegation.objects.all()
    if query.period is not None:
        rows = rows.filter(date_received__range=(query.period.start, query.period.end))
    for condition in query.conditions:
        if condition.field in UNSUPPORTED_FILTERS:
            raise QueryError(f"the database cannot filter on {condition.field}")
        codes = sorted(condition.codes)
        if condition.field == "outcomes":
            rows = rows.filter(Q(outcome__in=codes) | Q(second_outcome__in=codes))
        else:
            rows = rows.filter(**{f"{condition.field}__in": codes})
    return rows


def iter_allegations(query: CountQuery) -> Iterator[m.Allegation]:
    for row in allegations_matching(query).iterator(chunk_size=2000):
        yield row.as_allegation()


def records_matching(query: CountQuery, registry: Registry = REGISTRY) -> QuerySet[Record]:
    """The records of a register held as data that ``query`` counts (period and conditions)."""
    check_query(query, registry)
    data = registry.dataset(query.dataset)
    rows = Record.objects.filter(register=data.name)
    if query.period is not None:
        rows = rows.filter(date__range=(query.period.start, query.period.end))
    for condition in query.conditions:
        field = data.field(condition.field)
        if field.multi_valued or field.kind in (FieldKind.FREE_TEXT, FieldKind.DATE):
            raise QueryError(f"the database cannot filter on {field.label.lower()}")
        rows = rows.filter(**{f"values__{field.name}__in": sorted(condition.codes)})
    return rows


def iter_records(query: CountQuery, registry: Registry = REGISTRY) -> Iterator[RecordValues]:
    """The records ``query`` selects as plain records (field -> code), for record-level answers."""
    if query.dataset == MISCONDUCT:
        for allegation in iter_allegations(query):
            yield misconduct_records([allegation])[0]
        return
    for values in (
        records_matching(query, registry).values_list("values", flat=True).iterator(chunk_size=2000)
    ):
        yield {str(key): str(value) for key, value in values.items()}


def count_table(query: CountQuery, registry: Registry = REGISTRY) -> CountTable:
    """Answer ``query`` with GROUP BY on the database (same table as the in-memory evaluation)."""
    if query.dataset != MISCONDUCT:
        return _record_count_table(query, registry)
    data = registry.dataset(query.dataset)
    rows = allegations_matching(query)
    row_variants = _variants(data, data.find_dimension(query.rows), query, "r")
    column_variants = (
        _variants(data, data.find_dimension(query.columns), query, "c")
        if query.columns is not None
        else [_Variant({}, Q(), lambda _: ALL)]
    )
    counts: Counter[tuple[str, str]] = Counter()
    for row_variant, column_variant in product(row_variants, column_variants):
        annotations = {**row_variant.annotations, **column_variant.annotations}
        grouped = (
            rows.filter(row_variant.condition & column_variant.condition)
            .annotate(**annotations)
            .values(*annotations)
            .annotate(n=Count("id"))
            .order_by()
        )
        for result in grouped:
            counts[row_variant.code(result), column_variant.code(result)] += result["n"]
    return table_from_counts(query, counts, registry)


def _variants(data: Dataset, dimension: Dimension, query: CountQuery, key: str) -> list[_Variant]:
    if dimension.field == "outcomes":
        return _outcome_variants(dimension, query, key)
    source = data.field(dimension.field)
    if dimension.level in ("year", "month"):
        return [_date_variant(dimension.field, dimension.level, key)]
    if dimension.level is not None and source.hierarchy is not None:
        mapping = source.hierarchy.mapping(dimension.level, source.codes)
        expression = Case(
            *(When(**{dimension.field: code}, then=Value(parent)) for code, parent in mapping.items()),
            output_field=CharField(),
        )
        return [_Variant({key: expression}, Q(), _column(key))]
    if dimension.level is not None:
        raise QueryError(f"{dimension.label} has no generalisation the database can compute")
    return [_Variant({key: F(dimension.field)}, Q(), _column(key))]


def _outcome_variants(dimension: Dimension, query: CountQuery, key: str) -> list[_Variant]:
    if not dimension.others_than_filter:
        return [
            _Variant({key: F("outcome")}, Q(), _column(key)),
            _Variant({key: F("second_outcome")}, ~Q(second_outcome=""), _column(key)),
        ]
    filtered = sorted(query.codes_filtered_on("outcomes"))
    other: Combinable = Case(
        When(
            Q(outcome__in=filtered) & (Q(second_outcome="") | Q(second_outcome__in=filtered)),
            then=Value(NO_OTHER_OUTCOME),
        ),
        When(outcome__in=filtered, then=F("second_outcome")),
        default=F("outcome"),
        output_field=CharField(),
    )
    return [_Variant({key: other}, Q(), _column(key))]


def _date_variant(field: str, level: str, key: str) -> _Variant:
    year_key = f"{key}_year"
    if level == "year":
        return _Variant({year_key: ExtractYear(field)}, Q(), lambda row: str(row[year_key]))
    month_key = f"{key}_month"
    return _Variant(
        {year_key: ExtractYear(field), month_key: ExtractMonth(field)},
        Q(),
        lambda row: f"{row[year_key]:04d}-{row[month_key]:02d}",
    )


def _column(key: str) -> Callable[[dict[str, Any]], str]:
    return lambda row: str(row[key])


def _record_count_table(query: CountQuery, registry: Registry) -> CountTable:
    """GROUP BY on a register held as data: each dimension read from the JSON values by the definition.

    A multi-valued field (several codes in one value) cannot be grouped on the database; such a
    query is counted in memory by the reference evaluation instead, with the same result.
    """
    data = registry.dataset(query.dataset)
    dimensions = [data.find_dimension(query.rows)]
    if query.columns is not None:
        dimensions.append(data.find_dimension(query.columns))
    if any(data.field(d.field).multi_valued or d.others_than_filter for d in dimensions):
        return count_records(iter_records(query, registry), query, registry)
    rows = records_matching(query, registry)
    row = _record_variant(data, dimensions[0], "r")
    column = (
        _record_variant(data, dimensions[1], "c") if len(dimensions) > 1 else _Variant({}, Q(), lambda _: ALL)
    )
    annotations = {**row.annotations, **column.annotations}
    grouped = rows.annotate(**annotations).values(*annotations).annotate(n=Count("id")).order_by()
    counts: Counter[tuple[str, str]] = Counter()
    for result in grouped:
        counts[row.code(result), column.code(result)] += result["n"]
    return table_from_counts(query, counts, registry)


def _record_variant(data: Dataset, dimension: Dimension, key: str) -> _Variant:
    source = data.field(dimension.field)
    if source.name == data.date_field and dimension.level in ("year", "month"):
        return _date_variant("date", dimension.level, key)
    value = KT(f"values__{source.name}")
    if dimension.level is None:
        return _Variant({key: value}, Q(), _column(key))
    if source.hierarchy is None or source.kind is not FieldKind.CATEGORY:
        raise QueryError(f"{dimension.label} has no generalisation the database can compute")
    mapping = source.hierarchy.mapping(dimension.level, source.codes)
    expression = Case(
        *(When(**{f"values__{source.name}": code}, then=Value(parent)) for code, parent in mapping.items()),
        output_field=CharField(),
    )
    return _Variant({key: expression}, Q(), _column(key))
