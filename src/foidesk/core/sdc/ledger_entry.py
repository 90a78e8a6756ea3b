"""What the release ledger records of one released table (:class:`ReleasedTable`), and which records
each of its cells counts (:class:`TableScope`, :class:`Filter`, :class:`Members`).

Records are described by their values, never by labels: a BCU row counts its boroughs, a year its
days, a rank band its ranks. A multi-valued field (an allegation's outcomes) is one value per
*combination* (``"reflective_practice+written_warning"``). Every table lists every value that occurs
among the records it counts, so "anything else" within its filter is a known zero
(:meth:`ReleasedTable.zero_scopes`). The joint audit over entries is :mod:`foidesk.core.sdc.ledger`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import numpy as np

from foidesk.core.sdc.audit import required_reach
from foidesk.core.sdc.grid import TOTAL_LABEL
from foidesk.core.sdc.suppression import ProtectedTable, Reason


@dataclass(frozen=True, slots=True)
class Members:
    """A set of values of one dimension: ``values``, or every value but them when ``complement``."""

    values: frozenset[str] = frozenset()
    complement: bool = False

    def meet(self, other: Members) -> Members:
        if not self.complement and not other.complement:
            return Members(self.values & other.values)
        if self.complement and other.complement:
            return Members(self.values | other.values, complement=True)
        positive, negative = (self, other) if other.complement else (other, self)
        return Members(positive.values - negative.values)

    def holds(self, value: str) -> bool:
        return (value in self.values) != self.complement

    @property
    def empty(self) -> bool:
        return not self.complement and not self.values


EVERY = Members(complement=True)
Scope = dict[str, Members]


@dataclass(frozen=True, slots=True)
class Filter:
    """Only records whose ``dimension`` is one of ``values`` are counted (e.g. the period, as ISO days)."""

    dimension: str
    values: tuple[str, ...]


def period_filter(dimension: str, start: dt.date, end: dt.date) -> Filter:
    """A filter on a date dimension from ``start`` to ``end`` inclusive, one ISO day per value.

    Days, not months, so that periods which start or end mid-month overlap exactly as they do.
    """
    days = (end - start).days + 1
    return Filter(dimension, tuple((start + dt.timedelta(days=d)).isoformat() for d in range(max(days, 0))))


@dataclass(frozen=True, slots=True)
class TableScope:
    """Which records a table counts: the dataset, its filters, and the values behind each label.

    ``row_values[i]`` are the values of the row dimension counted in row ``i`` (empty: the label
    itself); likewise ``column_values``. A one-way table's single column counts every value.
    """

    dataset: str
    filters: tuple[Filter, ...] = ()
    row_values: tuple[tuple[str, ...], ...] = ()
    column_values: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True, slots=True)
class ReleasedTable:
    """One released table: what the intruder saw, and which records each cell counts.

    ``required[i]`` is the interval the intruder's deduction of hidden small count ``small[i]`` must
    cover (the single-table rule, from its true value when it was protected). Entries written before
    it was kept have none; they are held to ``[0, threshold]``, which is never weaker.
    """

    reference: str
    released: str  # ISO date
    dataset: str
    row_dimension: str
    column_dimension: str | None
    row_labels: tuple[str, ...]
    column_labels: tuple[str, ...]
    row_values: tuple[tuple[str, ...], ...]
    column_values: tuple[tuple[str, ...], ...]
    row_groups: tuple[tuple[str, tuple[str, ...]], ...]
    row_totals: bool
    column_totals: bool
    filters: tuple[Filter, ...]
    published: tuple[int | None, ...]  # the grid row-major; None where suppressed
    small: tuple[int, ...]  # grid indices of hidden cells that were small counts (primary)
    threshold: int
    protection_level: int
    required: tuple[tuple[int, int], ...] = ()

    @classmethod
    def from_protected(
        cls, protected: ProtectedTable, scope: TableScope, *, reference: str, released: dt.date
    ) -> ReleasedTable:
        table = protected.table
        grid = protected.grid
        small = tuple(grid.index(c.row, c.column) for c in protected.suppressed if c.reason is Reason.PRIMARY)
        values = np.array([grid.values[k] for k in small], dtype=np.int64)
        low, high = required_reach(values, np.ones(values.size, dtype=bool), protected.rule)
        return cls(
            reference=reference,
            released=released.isoformat(),
            dataset=scope.dataset,
            row_dimension=table.row_dimension,
            column_dimension=table.column_dimension,
            row_labels=table.row_labels,
            column_labels=table.column_labels,
            row_values=scope.row_values or tuple((label,) for label in table.row_labels),
            column_values=scope.column_values or tuple((label,) for label in table.column_labels),
            row_groups=tuple((g.label, g.members) for g in table.row_groups),
            row_totals=TOTAL_LABEL in grid.column_labels[len(table.column_labels) :],
            column_totals=TOTAL_LABEL in grid.row_labels[len(table.row_labels) :],
            filters=scope.filters,
            published=protected.published_values(),
            small=small,
            threshold=protected.rule.threshold,
            protection_level=protected.rule.level,
            required=tuple((int(a), int(b)) for a, b in zip(low, high, strict=True)),
        )

    def to_json(self) -> dict[str, Any]:  # Any: JSON values of several types
        return {
            "reference": self.reference,
            "released": self.released,
            "dataset": self.dataset,
            "row_dimension": self.row_dimension,
            "column_dimension": self.column_dimension,
            "row_labels": list(self.row_labels),
            "column_labels": list(self.column_labels),
            "row_values": [list(v) for v in self.row_values],
            "column_values": [list(v) for v in self.column_values],
            "row_groups": [[label, list(members)] for label, members in self.row_groups],
            "row_totals": self.row_totals,
            "column_totals": self.column_totals,
            "filters": [{"dimension": f.dimension, "values": list(f.values)} for f in self.filters],
            "published": list(self.published),
            "small": list(self.small),
            "threshold": self.threshold,
            "protection_level": self.protection_level,
            "required": [list(r) for r in self.required],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ReleasedTable:
        return cls(
            reference=str(data["reference"]),
            released=str(data["released"]),
            dataset=str(data["dataset"]),
            row_dimension=str(data["row_dimension"]),
            column_dimension=data["column_dimension"],
            row_labels=tuple(data["row_labels"]),
            column_labels=tuple(data["column_labels"]),
            row_values=tuple(tuple(v) for v in data["row_values"]),
            column_values=tuple(tuple(v) for v in data["column_values"]),
            row_groups=tuple((str(label), tuple(members)) for label, members in data["row_groups"]),
            row_totals=bool(data["row_totals"]),
            column_totals=bool(data["column_totals"]),
            filters=tuple(Filter(f["dimension"], tuple(f["values"])) for f in data["filters"]),
            published=tuple(None if v is None else int(v) for v in data["published"]),
            small=tuple(int(k) for k in data["small"]),
            threshold=int(data["threshold"]),
            protection_level=int(data["protection_level"]),
            required=tuple((int(a), int(b)) for a, b in data.get("required", [])),
        )

    def required_interval(self, cell: int) -> tuple[int, int]:
        """The interval hidden small count ``cell`` must keep covering."""
        if len(self.required) == len(self.small):
            return self.required[self.small.index(cell)]
        return 0, self.threshold

    def footprint(self) -> Scope:
        """The records the whole table counts: its filters."""
        scope: Scope = {}
        for f in self.filters:
            scope[f.dimension] = scope.get(f.dimension, EVERY).meet(Members(frozenset(f.values)))
        return scope

    def interior_scopes(self) -> list[Scope]:
        """The records each cell of the table itself counts (no totals), row-major."""
        base = self.footprint()
        columns = (
            [EVERY] if self.column_dimension is None else [Members(frozenset(v)) for v in self.column_values]
        )
        scopes = []
        for row in self.row_values:
            for column in columns:
                scope = dict(base)
                scope[self.row_dimension] = scope.get(self.row_dimension, EVERY).meet(Members(frozenset(row)))
                if self.column_dimension is not None:
                    scope[self.column_dimension] = scope.get(self.column_dimension, EVERY).meet(column)
                scopes.append(scope)
        return scopes

    def zero_scopes(self) -> list[Scope]:
        """Records within the filters that no row (or no column) counts: none, since every value that
        occurs has its row. The intruder knows these are zero."""
        base = self.footprint()
        zeros = []
        for dimension, values in (
            (self.row_dimension, self.row_values),
            (self.column_dimension, self.column_values),
        ):
            if dimension is None:
                continue
            named = frozenset(v for vs in values for v in vs)
            rest = base.get(dimension, EVERY).meet(Members(named, complement=True))
            if not rest.empty:
                zeros.append({**base, dimension: rest})
        return zeros

    def grid_terms(self) -> list[list[int]]:
        """For each grid cell, row-major: the interior cells (indices into ``interior_scopes``) it sums."""
        n_rows = len(self.row_labels)
        n_columns = 1 if self.column_dimension is None else len(self.column_values)
        index = {label: i for i, label in enumerate(self.row_labels)}
        rows = [[r] for r in range(n_rows)]
        rows += [[index[m] for m in members] for _, members in self.row_groups]
        rows += [list(range(n_rows))] if self.column_totals else []
        columns = [[c] for c in range(len(self.column_labels))]
        columns += [list(range(n_columns))] if self.row_totals else []
        if self.column_dimension is None:
            columns = [[0] for _ in columns]
        return [[r * n_columns + c for r in row for c in column] for row in rows for column in columns]

    def _grid_labels(self) -> tuple[list[str], list[str]]:
        rows = [*self.row_labels, *(g for g, _ in self.row_groups)]
        rows += [TOTAL_LABEL] if self.column_totals else []
        columns = [*self.column_labels, *([TOTAL_LABEL] if self.row_totals else [])]
        return rows, columns

    def position(self, index: int) -> tuple[str, str]:
        """The (row, column) display labels of grid cell ``index``."""
        rows, columns = self._grid_labels()
        return rows[index // len(columns)], columns[index % len(columns)]

    def index(self, row: str, column: str) -> int:
        rows, columns = self._grid_labels()
        return rows.index(row) * len(columns) + columns.index(column)
