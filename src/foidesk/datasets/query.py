"""A part's question as a query on a dataset: a count by one or two dimensions over a period, with filters.

Words are resolved through the registry, so a query can be written as a requester would put it::

    build_query("allegation category", "other outcome", period=calendar_years(2020, 2021),
                where={"outcome": "reflective practice"})

(``calendar_years`` and ``DateRange`` come from ``foidesk.core.periods``, the periods a parsed part
asks about) counts the allegations received in 2020 and 2021 where reflective practice was an outcome, by
category and by the other outcome applied (MPS 01.FOI.22.024648, Request 2 Q1-Q2). The answer is
the shared ``CountTable`` (cells only; totals are derived), which disclosure control then protects.
``count_records`` evaluates a query over records in memory; the records app evaluates the same
query with GROUP BY on the database and both build the table with ``table_from_counts``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum

from foidesk.core.periods import DateRange, merge_ranges
from foidesk.core.sdc.table import CountTable, RowGroup
from foidesk.datasets.registry import (
    NO_OTHER_OUTCOME,
    REGISTRY,
    AmbiguousTerm,
    Dataset,
    Dimension,
    Field,
    FieldKind,
    Registry,
    UnknownTerm,
    dimension_label,
)

ALL = "__all__"  # the column code of a one-way table


class QueryError(ValueError):
    """A query that cannot be answered as asked (unknown words, contradictory filters, nothing to count)."""


@dataclass(frozen=True, slots=True)
class Condition:
    """Keep records whose ``field`` has any of ``codes`` (for a multi-valued field: includes any)."""

    field: str
    codes: frozenset[str]


@dataclass(frozen=True, slots=True)
class CountQuery:
    """Count ``dataset`` records by ``rows`` (and ``columns``) received in ``period``, meeting the conditions.

    ``rows`` and ``columns`` are dimension names of the registry. With ``include_empty`` every value
    of a closed dimension gets a row or column, zero or not; otherwise only values that occur.
    """

    dataset: str
    rows: str
    columns: str | None = None
    period: DateRange | None = None
    conditions: tuple[Condition, ...] = ()
    include_empty: bool = False

    def codes_filtered_on(self, field: str) -> frozenset[str]:
        """Every code the conditions name for ``field`` (what "other outcome" leaves out)."""
        return frozenset().union(*(c.codes for c in self.conditions if c.field == field))


def build_query(
    rows: str,
    columns: str | None = None,
    *,
    period: DateRange | None = None,
    where: Mapping[str, str | Sequence[str]] | None = None,
    about: Sequence[str] = (),
    dataset: str = "misconduct",
    include_empty: bool = False,
    registry: Registry = REGISTRY,
) -> CountQuery:
    """A query from words: dimensions, ``where`` (field word -> value words) and ``about`` (bare value words).

    Raises ``QueryError`` naming the word that the registry does not know or finds ambiguous.
    """
    try:
        data = registry.dataset(dataset)
        row_dimension = data.find_dimension(rows)
        column_dimension = data.find_dimension(columns) if columns is not None else None
        conditions = [_condition(data, field_word, values) for field_word, values in (where or {}).items()]
        for term in about:
            match = data.find_value(term)
            conditions.append(Condition(match.field, match.codes))
    except (UnknownTerm, AmbiguousTerm) as error:
        raise QueryError(str(error)) from error
    query = CountQuery(
        dataset=data.name,
        rows=row_dimension.name,
        columns=column_dimension.name if column_dimension else None,
        period=period,
        conditions=tuple(conditions),
        include_empty=include_empty,
    )
    check_query(query, registry)
    return query


def period_of_part(date_ranges: Sequence[DateRange]) -> DateRange | None:
    """The one period a parsed part asks about ("2020 and 2021" is one); None if it names none.

    Separate periods (2019 and 2021, not 2020) are not one count: the part is split, or each asked.
    """
    merged = merge_ranges(date_ranges)
    if len(merged) > 1:
        spans = ", ".join(f"{r.start.isoformat()} to {r.end.isoformat()}" for r in merged)
        raise QueryError(f"the part asks about {len(merged)} separate periods ({spans}); count each")
    return merged[0] if merged else None


def conditions_from_topics(
    topics: Sequence[str], dataset: str = "misconduct", registry: Registry = REGISTRY
) -> tuple[tuple[Condition, ...], tuple[str, ...]]:
    """Conditions for the topics of a parsed part that name a value, and the topics that name none."""
    data = registry.dataset(dataset)
    conditions: list[Condition] = []
    unmatched: list[str] = []
    for topic in topics:
        matches = data.find_values(topic)
        if len(matches) == 1:
            conditions.append(Condition(matches[0].field, matches[0].codes))
        else:
            unmatched.append(topic)
    return tuple(conditions), tuple(unmatched)


def _condition(data: Dataset, field_word: str, values: str | Sequence[str]) -> Condition:
    target = data.find_field(field_word)
    words = (values,) if isinstance(values, str) else tuple(values)
    if not words:
        raise QueryError(f"no value given for {target.label.lower()}")
    if target.kind in (FieldKind.TEXT, FieldKind.IDENTIFIER):
        return Condition(target.name, frozenset(words))
    if target.kind is not FieldKind.CATEGORY:
        raise QueryError(f"{target.label} cannot be filtered on by value; use the period for dates")
    return Condition(target.name, frozenset().union(*(target.resolve_values(w) for w in words)))


def check_query(query: CountQuery, registry: Registry = REGISTRY) -> None:
    """Raise ``QueryError`` if the query's names are unknown or its dimensions cannot be counted."""
    try:
        data = registry.dataset(query.dataset)
        dimensions = [data.find_dimension(query.rows)]
        if query.columns is not None:
            dimensions.append(data.find_dimension(query.columns))
        for condition in query.conditions:
            data.field(condition.field)
    except UnknownTerm as error:
        raise QueryError(str(error)) from error
    if query.columns is not None and query.columns == query.rows:
        raise QueryError(f"rows and columns are both {query.rows!r}")
    for dimension in dimensions:
        if dimension.others_than_filter and not query.codes_filtered_on(dimension.field):
            raise QueryError(
                f"{dimension.label.lower()} needs a filter on {data.field(dimension.field).label.lower()} "
                "(e.g. where outcome is reflective practice)"
            )


def describe(query: CountQuery, registry: Registry = REGISTRY) -> str:
    """The query in a sentence, for the answer's notes."""
    data = registry.dataset(query.dataset)
    parts = [f"{data.label}: records"]
    if query.period is not None:
        parts.append(f"{data.date_phrase} {_uk_date(query.period.start)} to {_uk_date(query.period.end)}")
    for condition in query.conditions:
        target = data.field(condition.field)
        labels = " or ".join(sorted(target.label_of(code) for code in condition.codes))
        verb = "includes" if target.multi_valued else "is"
        parts.append(f"where {target.label.lower()} {verb} {labels}")
    by = data.find_dimension(query.rows).label.lower()
    if query.columns is not None:
        by += f" and {data.find_dimension(query.columns).label.lower()}"
    return " ".join(parts) + f", counted by {by}."


def _uk_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


# ---------------------------------------------------------------------------------------------
# Evaluation in memory
# ---------------------------------------------------------------------------------------------


def field_codes(record: object, field: str) -> tuple[str, ...]:
    """The stored codes of ``field`` on ``record`` as strings (several for a multi-valued field).

    A record is an object with the fields as attributes, or a mapping of field to stored code
    (records held as data, datasets/records.py: a multi-valued field's codes joined by ``"; "``).
    """
    if isinstance(record, Mapping):
        stored = str(record.get(field, ""))
        return tuple(code.strip() for code in stored.split(";")) if ";" in stored else (stored,)
    value = getattr(record, field)
    items = value if isinstance(value, tuple | list | frozenset) else (value,)
    return tuple(_code(item) for item in items)


def _code(item: object) -> str:
    if isinstance(item, Enum):
        return str(item.value)
    if isinstance(item, dt.date):
        return item.isoformat()
    if isinstance(item, bool):
        return "true" if item else "false"
    return str(item)


def matches(record: object, query: CountQuery, date_field: str) -> bool:
    """Whether ``record`` is counted by ``query`` (in the period and meeting every condition)."""
    if query.period is not None:
        received = dt.date.fromisoformat(field_codes(record, date_field)[0])
        if not query.period.start <= received <= query.period.end:
            return False
    return all(
        not condition.codes.isdisjoint(field_codes(record, condition.field)) for condition in query.conditions
    )


def dimension_codes(
    record: object, dimension: Dimension, data: Dataset, query: CountQuery
) -> tuple[str, ...]:
    """The codes under which ``record`` is counted in ``dimension`` (one, or several for multi-valued)."""
    codes = field_codes(record, dimension.field)
    if dimension.others_than_filter:
        filtered = query.codes_filtered_on(dimension.field)
        return tuple(c for c in codes if c not in filtered) or (NO_OTHER_OUTCOME,)
    if dimension.level is None:
        return codes
    hierarchy = data.field(dimension.field).hierarchy
    if hierarchy is None:
        raise QueryError(f"{dimension.field} has no generalisation hierarchy")
    generalise = hierarchy.level(dimension.level).generalise
    return tuple(generalise(code) for code in codes)


def count_records(records: Iterable[object], query: CountQuery, registry: Registry = REGISTRY) -> CountTable:
    """Evaluate ``query`` over records held in memory (the reference evaluation)."""
    check_query(query, registry)
    data = registry.dataset(query.dataset)
    row_dimension = data.find_dimension(query.rows)
    column_dimension = data.find_dimension(query.columns) if query.columns is not None else None
    counts: Counter[tuple[str, str]] = Counter()
    for record in records:
        if not matches(record, query, data.date_field):
            continue
        columns = (
            dimension_codes(record, column_dimension, data, query) if column_dimension is not None else (ALL,)
        )
        for row in dimension_codes(record, row_dimension, data, query):
            for column in columns:
                counts[row, column] += 1
    return table_from_counts(query, counts, registry)


def record_rows(
    records: Iterable[object], query: CountQuery, fields: Sequence[str], registry: Registry = REGISTRY
) -> list[dict[str, str]]:
    """The records ``query`` selects, as plain rows of stored codes (a list of allegations).

    Multi-valued fields are joined with ``"; "``. This is the input of record-level disclosure
    control (k-anonymity over the registry's quasi-identifiers and their hierarchies).
    """
    check_query(query, registry)
    data = registry.dataset(query.dataset)
    for name in fields:
        data.field(name)
    return [
        {name: "; ".join(field_codes(record, name)) for name in fields}
        for record in records
        if matches(record, query, data.date_field)
    ]


# ---------------------------------------------------------------------------------------------
# From counts to the released table
# ---------------------------------------------------------------------------------------------


def table_from_counts(
    query: CountQuery, counts: Mapping[tuple[str, str], int], registry: Registry = REGISTRY
) -> CountTable:
    """The ``CountTable`` of ``counts`` keyed by (row code, column code); column code ``ALL`` if one-way."""
    data = registry.dataset(query.dataset)
    row_dimension = data.find_dimension(query.rows)
    column_dimension = data.find_dimension(query.columns) if query.columns is not None else None
    present = [key for key, n in counts.items() if n > 0]
    row_codes = _ordered(data, row_dimension, query, {row for row, _ in present})
    if not row_codes:
        raise QueryError(f"no records match: {describe(query, registry)}")
    row_labels = tuple(dimension_label(data, row_dimension, code) for code in row_codes)
    groups = _row_groups(data, row_dimension, row_codes)
    if column_dimension is None:
        return CountTable.one_way(
            row_dimension.label, row_labels, [counts.get((code, ALL), 0) for code in row_codes], groups
        )
    column_codes = _ordered(data, column_dimension, query, {column for _, column in present})
    return CountTable(
        row_dimension=row_dimension.label,
        column_dimension=column_dimension.label,
        row_labels=row_labels,
        column_labels=tuple(dimension_label(data, column_dimension, code) for code in column_codes),
        cells=tuple(tuple(counts.get((r, c), 0) for c in column_codes) for r in row_codes),
        row_groups=groups,
    )


def _ordered(data: Dataset, dimension: Dimension, query: CountQuery, observed: set[str]) -> tuple[str, ...]:
    """Codes in the registry's order for closed fields, else sorted; all of them with ``include_empty``."""
    domain = _domain(data, dimension, query)
    if domain is None:
        return tuple(sorted(observed))
    if query.include_empty:
        return domain
    return tuple(code for code in domain if code in observed)


def _domain(data: Dataset, dimension: Dimension, query: CountQuery) -> tuple[str, ...] | None:
    source: Field = data.field(dimension.field)
    if source.kind is FieldKind.DATE:
        return _period_domain(dimension.level, query.period)
    if source.kind is not FieldKind.CATEGORY:
        return None
    codes = source.codes
    if dimension.others_than_filter:
        filtered = query.codes_filtered_on(dimension.field)
        return (*(c for c in codes if c not in filtered), NO_OTHER_OUTCOME)
    if dimension.level is None or source.hierarchy is None:
        return codes
    generalise = source.hierarchy.level(dimension.level).generalise
    return tuple(dict.fromkeys(generalise(code) for code in codes))


def _period_domain(level: str | None, period: DateRange | None) -> tuple[str, ...] | None:
    if period is None or level not in ("year", "month"):
        return None
    if level == "year":
        return tuple(str(year) for year in range(period.start.year, period.end.year + 1))
    months = []
    year, month = period.start.year, period.start.month
    while (year, month) <= (period.end.year, period.end.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tuple(months)


def _row_groups(data: Dataset, dimension: Dimension, row_codes: tuple[str, ...]) -> tuple[RowGroup, ...]:
    """Borough rows are published with the subtotal of each BCU (hierarchical totals)."""
    source = data.field(dimension.field)
    if dimension.level is not None or source.hierarchy is None or len(source.hierarchy.levels) < 3:
        return ()
    if source.kind is FieldKind.DATE:
        return ()
    parent = source.hierarchy.levels[1]
    members: dict[str, list[str]] = {}
    for code in row_codes:
        members.setdefault(parent.generalise(code), []).append(dimension_label(data, dimension, code))
    parent_dimension = next(
        (d for d in data.dimensions if d.field == dimension.field and d.level == parent.name), None
    )
    if parent_dimension is None:
        return ()
    return tuple(
        RowGroup(dimension_label(data, parent_dimension, code), tuple(labels))
        for code, labels in members.items()
    )
