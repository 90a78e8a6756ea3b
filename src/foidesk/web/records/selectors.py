"""Reads of the records: a count query answered on the database with GROUP BY, as a ``CountTable``.

The same ``CountQuery`` that ``datasets.query.count_records`` evaluates in memory is translated to
ORM aggregation here; both build the table with ``table_from_counts``, so they agree cell for cell.
A multi-valued dimension (the outcome, held in two columns) is counted once per column and summed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import product
from typing import Any

from django.db.models import Case, CharField, Count, F, Q, QuerySet, Value, When
from django.db.models.expressions import Combinable
from django.db.models.functions import ExtractMonth, ExtractYear

from foidesk.core.sdc.table import CountTable
from foidesk.datasets import misconduct as m
from foidesk.datasets.query import ALL, CountQuery, QueryError, check_query, table_from_counts
from foidesk.datasets.registry import NO_OTHER_OUTCOME, REGISTRY, Dataset, Dimension, Registry
from foidesk.web.records.models import MisconductAllegation

UNSUPPORTED_FILTERS = frozenset({"named_persons", "summary"})


@dataclass(frozen=True, slots=True)
class _Variant:
    """One way of reading a dimension off a row: annotations, an extra filter, and the code from the row."""

    annotations: dict[str, Any]  # Django expressions: untyped in the stubs
    condition: Q
    code: Callable[[dict[str, Any]], str]


def register_size() -> int:
    return MisconductAllegation.objects.count()


def synthetic_register_loaded() -> bool:
    return MisconductAllegation.objects.filter(synthetic=True).exists()


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


def iter_allegations(query: CountQuery) -> Iterator[m.MisconductAllegation]:
    for row in allegations_matching(query).iterator(chunk_size=2000):
        yield row.as_allegation()


def count_table(query: CountQuery, registry: Registry = REGISTRY) -> CountTable:
    """Answer ``query`` with GROUP BY on the database (same table as the in-memory evaluation)."""
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
