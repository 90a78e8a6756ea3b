"""A table as published: every cell shown (counts, group subtotals, totals) and the sums that bind them.

Suppression and the audit work on this grid, not on the bare counts, because an intruder sees the
totals too and every total is itself a count that may be small or may need suppressing. The grid's
rows are the table's rows, then one subtotal row per row group, then ``Total`` (when column totals
are published); its columns are the table's columns, then ``Total`` (when row totals are published).
Each published sum is a :class:`Relation`: the total cell equals the sum of its part cells.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import numpy as np
import numpy.typing as npt

from foidesk.core.sdc.table import CountTable, InvalidTable

# SciPy is imported inside the functions that use it: importing it costs about half a second, which
# start-up and the collection of the tests need not pay.

TOTAL_LABEL = "Total"


class CellKind(StrEnum):
    COUNT = "count"  # a cell of the table itself
    SUBTOTAL = "subtotal"  # a row group's subtotal in a column
    ROW_TOTAL = "row_total"  # a row's (or group's) total over the columns
    COLUMN_TOTAL = "column_total"  # a column's total over the rows
    GRAND_TOTAL = "grand_total"


@dataclass(frozen=True, slots=True)
class Margins:
    """Which totals are published: row totals form a ``Total`` column, column totals a ``Total`` row."""

    row_totals: bool = True
    column_totals: bool = True


@dataclass(frozen=True, slots=True)
class Relation:
    """A published sum: ``cell[total] == sum(cell[p] for p in parts)`` (flat cell indices)."""

    total: int
    parts: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class PublishedGrid:
    """The display grid of a table, row-major: cell ``k`` is row ``k // width``, column ``k % width``."""

    row_labels: tuple[str, ...]
    column_labels: tuple[str, ...]
    values: tuple[int, ...]
    kinds: tuple[CellKind, ...]
    relations: tuple[Relation, ...]

    @property
    def width(self) -> int:
        return len(self.column_labels)

    @property
    def size(self) -> int:
        return len(self.values)

    def position(self, index: int) -> tuple[str, str]:
        """The (row label, column label) of flat cell ``index``."""
        return self.row_labels[index // self.width], self.column_labels[index % self.width]

    def index(self, row: str, column: str) -> int:
        return self.row_labels.index(row) * self.width + self.column_labels.index(column)

    def value_array(self) -> npt.NDArray[np.int64]:
        return np.asarray(self.values, dtype=np.int64)

    def relation_matrix(self) -> npt.NDArray[np.float64]:
        """Dense ``relations x cells`` matrix ``A`` with ``A @ values == 0`` (parts +1, total -1)."""
        matrix = np.zeros((len(self.relations), self.size))
        for r, relation in enumerate(self.relations):
            matrix[r, list(relation.parts)] = 1.0
            matrix[r, relation.total] = -1.0
        return matrix

    def relation_sparse(self) -> Any:  # scipy.sparse csr_matrix: SciPy ships no type information
        """:meth:`relation_matrix` as a sparse matrix: a table of 100,000 cells would not fit densely."""
        import scipy.sparse as sp

        rows: list[int] = []
        columns: list[int] = []
        data: list[float] = []
        for r, relation in enumerate(self.relations):
            rows += [r] * (len(relation.parts) + 1)
            columns += [*relation.parts, relation.total]
            data += [1.0] * len(relation.parts) + [-1.0]
        return sp.csr_matrix((data, (rows, columns)), shape=(len(self.relations), self.size))


def build_grid(table: CountTable, margins: Margins = Margins()) -> PublishedGrid:
    """The grid published for ``table`` with the given margins and the table's row groups."""
    reserved = {TOTAL_LABEL}
    if margins.column_totals and TOTAL_LABEL in table.row_labels:
        raise InvalidTable(f"a row may not be called {TOTAL_LABEL!r}: that name is the column totals")
    if margins.row_totals and TOTAL_LABEL in table.column_labels:
        raise InvalidTable(f"a column may not be called {TOTAL_LABEL!r}: that name is the row totals")
    for group in table.row_groups:
        if group.label in table.row_labels or group.label in reserved:
            raise InvalidTable(f"row group {group.label!r} has the name of a row")

    counts = np.asarray(table.cells, dtype=np.int64)
    group_rows = [list(table.group_rows(group)) for group in table.row_groups]
    row_blocks: list[npt.NDArray[np.int64]] = [counts]
    row_kinds = [CellKind.COUNT] * len(table.row_labels)
    if group_rows:
        row_blocks.append(np.stack([counts[rows].sum(axis=0) for rows in group_rows]))
        row_kinds += [CellKind.SUBTOTAL] * len(group_rows)
    if margins.column_totals:
        row_blocks.append(counts.sum(axis=0, keepdims=True))
        row_kinds.append(CellKind.COLUMN_TOTAL)
    body = np.vstack(row_blocks)
    if margins.row_totals:
        body = np.hstack([body, body.sum(axis=1, keepdims=True)])

    row_labels = table.row_labels + tuple(g.label for g in table.row_groups)
    row_labels += (TOTAL_LABEL,) if margins.column_totals else ()
    column_labels = table.column_labels + ((TOTAL_LABEL,) if margins.row_totals else ())
    width = len(column_labels)
    n_columns = len(table.column_labels)

    kinds: list[CellKind] = []
    for row_kind in row_kinds:
        kinds += [row_kind] * n_columns
        if margins.row_totals:
            kinds.append(_total_column_kind(row_kind))

    relations: list[Relation] = []
    if margins.row_totals:
        for r in range(len(row_labels)):
            relations.append(Relation(r * width + n_columns, tuple(r * width + c for c in range(n_columns))))
    n_rows = len(table.row_labels)
    for c in range(width):
        for g, rows in enumerate(group_rows):
            relations.append(Relation((n_rows + g) * width + c, tuple(r * width + c for r in rows)))
        if margins.column_totals:
            total_row = len(row_labels) - 1
            relations.append(Relation(total_row * width + c, tuple(r * width + c for r in range(n_rows))))

    return PublishedGrid(
        row_labels=row_labels,
        column_labels=column_labels,
        values=tuple(int(v) for v in body.ravel()),
        kinds=tuple(kinds),
        relations=tuple(relations),
    )


def _total_column_kind(row_kind: CellKind) -> CellKind:
    if row_kind is CellKind.COLUMN_TOTAL:
        return CellKind.GRAND_TOTAL
    if row_kind is CellKind.SUBTOTAL:
        return CellKind.SUBTOTAL
    return CellKind.ROW_TOTAL
