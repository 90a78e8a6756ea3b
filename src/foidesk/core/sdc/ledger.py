"""The release ledger: every protected table released, so that a new one is audited with all of them.

A table on its own may be safe while its difference from an earlier release is not: this year's
table minus last year's, or two breakdowns of the same records that overlap (ONS: check for
differencing against earlier releases; DOMAIN.md section C). Each :class:`LedgerEntry` records what
was published (protected values only, ``None`` where suppressed), which records each cell counts
(its :class:`TableScope`: dataset, filters such as the period, and the values behind each row and
column label), and which hidden cells were small counts. Entries round-trip through JSON, so the web
layer can store them.

:func:`audit_against` audits a new table jointly with the earlier entries of the same dataset. Every
cell of every table is a count of records, so it is a sum of *atoms*: the finest pieces into which
all the tables' categories and filters cut the records (for each dimension, the values are grouped
by which sets of any table they fall in, plus "anything else"). The intruder knows every published
cell as a linear equation over the atoms, each atom non-negative; the audit's linear programmes then
give the interval of every hidden cell, old and new, and of every atom (an *implied* count, such as
2020 = 2020-21 minus 2021, which no table shows). A new sensitive cell must cover its required range
as in :mod:`audit`; an earlier small count (whose true value the ledger does not keep) must still
range at least as wide as the protection level and reach the threshold, as it did when released; an
implied count must not be pinned narrower than the protection level where it may be small.

Not checked: implied counts that are unions of several atoms (e.g. a borough's 2020 total over all
outcomes when no table shows it); their atoms are checked, which catches most such cases.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from foidesk.core.sdc.audit import audit_grid, deducible_ranges, required_reach
from foidesk.core.sdc.grid import TOTAL_LABEL
from foidesk.core.sdc.rule import ProtectionRule
from foidesk.core.sdc.suppression import ProtectedTable, Reason, SuppressedCell

MAX_ATOMS = 200_000  # beyond this the joint programme is too big to solve interactively
LEDGER_PRUNE_UP_TO = 40  # cells added for the ledger; above this un-hiding them one by one is too slow
NEW = "(new table)"
IMPLIED = "(implied)"
_OTHER = "\x00other"  # stands for every value no table names
_TOLERANCE = 1e-6


class LedgerTooLarge(ValueError):
    """The earlier releases and the new table cut the records into too many pieces to audit jointly."""


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
class LedgerEntry:
    """One released table: what the intruder saw, and which records each cell counts."""

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

    @classmethod
    def from_protected(
        cls, protected: ProtectedTable, scope: TableScope, *, reference: str, released: dt.date
    ) -> LedgerEntry:
        table = protected.table
        grid = protected.grid
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
            small=tuple(
                grid.index(c.row, c.column) for c in protected.suppressed if c.reason is Reason.PRIMARY
            ),
            threshold=protected.rule.threshold,
            protection_level=protected.rule.level,
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
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LedgerEntry:
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
        )

    def cell_scopes(self) -> list[dict[str, frozenset[str] | None]]:
        """For each grid cell, row-major: dimension -> the values it counts (None: every value)."""
        rows = [frozenset(v) for v in self.row_values]
        index = {label: i for i, label in enumerate(self.row_labels)}
        for _, members in self.row_groups:
            rows.append(frozenset().union(*(rows[index[m]] for m in members)))
        if self.column_totals:
            rows.append(frozenset().union(*rows[: len(self.row_labels)]))
        one_way = self.column_dimension is None
        columns: list[frozenset[str] | None] = [None if one_way else frozenset(v) for v in self.column_values]
        if self.row_totals:
            columns.append(None if one_way else frozenset().union(*(c or () for c in columns)))
        base: dict[str, frozenset[str] | None] = {f.dimension: frozenset(f.values) for f in self.filters}
        scopes = []
        for row in rows:
            for column in columns:
                scope = dict(base)
                scope[self.row_dimension] = _meet(scope.get(self.row_dimension), row)
                if self.column_dimension is not None:
                    scope[self.column_dimension] = _meet(scope.get(self.column_dimension), column)
                scopes.append(scope)
        return scopes

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


@dataclass(frozen=True, slots=True)
class JointCell:
    """A count the intruder can bound using every release: a hidden cell, or an implied count.

    An implied count (``reference`` is ``"(implied)"``) is a piece of the records that no table shows
    but differences of tables can isolate (e.g. 2020 = 2020-21 minus 2021); ``row`` describes it.
    ``already_exposed`` means the earlier releases alone bound it that tightly: the new table is not
    to blame, but the exposure should be looked at.
    """

    reference: str
    row: str
    column: str
    lower: float
    upper: float
    protected: bool
    already_exposed: bool = False

    def to_json(self) -> dict[str, object]:
        return {
            "reference": self.reference,
            "row": self.row,
            "column": self.column,
            "lower": round(self.lower, 6),
            "upper": None if math.isinf(self.upper) else round(self.upper, 6),
            "protected": self.protected,
            "already_exposed": self.already_exposed,
        }


@dataclass(frozen=True, slots=True)
class JointAudit:
    """The audit of a new table together with the earlier releases of the same dataset."""

    cells: tuple[JointCell, ...]
    compared_with: tuple[str, ...]
    atoms: int

    @property
    def failures(self) -> tuple[JointCell, ...]:
        """Exposures the new table would cause (the release is refused while there are any)."""
        return tuple(c for c in self.cells if not c.protected and not c.already_exposed)

    @property
    def already_exposed(self) -> tuple[JointCell, ...]:
        return tuple(c for c in self.cells if not c.protected and c.already_exposed)

    @property
    def passed(self) -> bool:
        return not self.failures

    def to_json(self) -> dict[str, object]:
        return {
            "passed": self.passed,
            "compared_with": list(self.compared_with),
            "failures": [c.to_json() for c in self.failures],
            "already_exposed": [c.to_json() for c in self.already_exposed],
        }


@dataclass(frozen=True, slots=True)
class _Target:
    """A count to bound: an entry's hidden cell (entry index, cell index) or an implied atom."""

    entry: int | None
    cell: int


def audit_against(
    ledger_entries: Sequence[LedgerEntry], new_table: ProtectedTable, *, scope: TableScope
) -> JointAudit:
    """Audit ``new_table`` (counting the records ``scope`` describes) with the earlier releases.

    Checked: every hidden cell of every table (the new table's small counts must cover their
    required range; earlier small counts must still span the protection level and reach the
    threshold) and every implied count (an atom) that the releases bound: it must not be pinned to
    an interval narrower than the protection level that holds a small count.
    """
    earlier = [e for e in ledger_entries if e.dataset == scope.dataset]
    entries = [*earlier, LedgerEntry.from_protected(new_table, scope, reference=NEW, released=dt.date.min)]
    system = _JointSystem(entries)
    rule = new_table.rule
    targets = system.targets()
    if not targets:
        return JointAudit((), tuple(e.reference for e in earlier), system.atoms.size)
    reach_low, reach_high, width = _requirements(targets, entries, new_table)
    matrix = sp.vstack([system.target_row(t) for t in targets], format="csr")
    lower, upper, _ = deducible_ranges(
        system.equalities(), system.values(), matrix, reach_low, reach_high, exact=False, width=width
    )
    exposed = [
        i
        for i, t in enumerate(targets)
        if not _is_protected(t, entries, lower[i], upper[i], reach_low[i], reach_high[i], width[i], rule)
    ]
    blamed_before = _exposed_before(system, matrix, exposed, reach_low, reach_high, width)
    cells = []
    for i, target in enumerate(targets):
        row, column, reference = system.describe(target)
        cells.append(
            JointCell(
                reference,
                row,
                column,
                float(lower[i]),
                float(upper[i]),
                protected=i not in exposed,
                already_exposed=i in blamed_before,
            )
        )
    return JointAudit(tuple(cells), tuple(e.reference for e in earlier), system.atoms.size)


def protect_against(
    ledger_entries: Sequence[LedgerEntry], protected: ProtectedTable, *, scope: TableScope, rounds: int = 10
) -> tuple[ProtectedTable, JointAudit]:
    """Hide more cells of ``protected`` until the joint audit passes.

    Each round hides, in the new table, every published cell that counts some of the same records as
    an exposed count or as any cell (of any table) containing it: coarse, but hiding more never
    narrows an interval, and a new table hidden entirely adds nothing to what was already released,
    so this ends safe (after ``rounds`` the whole new table is hidden). Then, when few cells were
    added, each is un-hidden again, largest first, if both audits still pass without it. Suppressing
    jointly and optimally across releases is not attempted.
    """
    original = np.array(protected.hidden)
    joint = audit_against(ledger_entries, protected, scope=scope)
    for _ in range(rounds):
        if joint.passed:
            break
        protected = _hide_more(protected, scope, ledger_entries, joint)
        joint = audit_against(ledger_entries, protected, scope=scope)
    if not joint.passed:
        protected = _with_pattern(protected, np.ones(len(protected.hidden), dtype=bool))
        joint = audit_against(ledger_entries, protected, scope=scope)
    added = np.flatnonzero(np.array(protected.hidden) & ~original)
    if 0 < added.size <= LEDGER_PRUNE_UP_TO:
        protected, joint = _unhide_needless(ledger_entries, protected, scope, joint, added)
    return protected, joint


def _unhide_needless(
    ledger_entries: Sequence[LedgerEntry],
    protected: ProtectedTable,
    scope: TableScope,
    joint: JointAudit,
    added: npt.NDArray[np.intp],
) -> tuple[ProtectedTable, JointAudit]:
    values = np.array(protected.grid.values)
    for cell in added[np.argsort(-values[added], kind="stable")]:
        pattern = np.array(protected.hidden)
        pattern[cell] = False
        candidate = _with_pattern(protected, pattern)
        if not candidate.audit.passed:
            continue
        candidate_joint = audit_against(ledger_entries, candidate, scope=scope)
        if candidate_joint.passed:
            protected, joint = candidate, candidate_joint
    return protected, joint


class _JointSystem:
    """Every cell of every entry as a sum of atoms; published cells are the intruder's equations."""

    def __init__(self, entries: Sequence[LedgerEntry]) -> None:
        self.entries = entries
        self.scopes = [entry.cell_scopes() for entry in entries]
        self.atoms = _Atoms([s for cells in self.scopes for s in cells])
        self.rows = [[self.atoms.indicator(s) for s in cells] for cells in self.scopes]
        self.known = [
            (e, k) for e, entry in enumerate(entries) for k, v in enumerate(entry.published) if v is not None
        ]

    def equalities(self, *, without: int | None = None) -> Any:
        rows = [self.rows[e][k] for e, k in self.known if e != without]
        return sp.vstack(rows, format="csr") if rows else sp.csr_matrix((0, self.atoms.size))

    def values(self, *, without: int | None = None) -> npt.NDArray[np.float64]:
        return np.array([float(self.entries[e].published[k] or 0) for e, k in self.known if e != without])

    def targets(self) -> list[_Target]:
        hidden = [
            _Target(e, k)
            for e, entry in enumerate(self.entries)
            for k, v in enumerate(entry.published)
            if v is None
        ]
        covered = np.zeros(self.atoms.size, dtype=bool)
        for e, k in self.known:
            covered[self.rows[e][k].indices] = True
        # An atom that is a cell of some table is that cell: published, or a target already.
        for rows in self.rows:
            for row in rows:
                if row.nnz == 1:
                    covered[row.indices[0]] = False
        return hidden + [_Target(None, int(a)) for a in np.flatnonzero(covered)]

    def target_row(self, target: _Target) -> Any:
        if target.entry is None:
            return sp.csr_matrix(([1.0], ([0], [target.cell])), shape=(1, self.atoms.size))
        return self.rows[target.entry][target.cell]

    def describe(self, target: _Target) -> tuple[str, str, str]:
        if target.entry is None:
            return self.atoms.describe(target.cell), "", IMPLIED
        entry = self.entries[target.entry]
        row, column = entry.position(target.cell)
        return row, column, entry.reference


def _requirements(
    targets: list[_Target], entries: Sequence[LedgerEntry], new_table: ProtectedTable
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    n = len(targets)
    reach_low, reach_high, width = np.full(n, math.inf), np.full(n, -math.inf), np.zeros(n)
    rule = new_table.rule
    new = len(entries) - 1
    for i, target in enumerate(targets):
        if target.entry is None:
            width[i] = rule.level
        elif target.entry == new:
            value = new_table.grid.values[target.cell]
            if rule.is_sensitive(value):
                low, high = required_reach(np.array([value]), np.array([True]), rule)
                reach_low[i], reach_high[i] = low[0], high[0]
        elif target.cell in entries[target.entry].small:
            reach_high[i] = entries[target.entry].threshold
            width[i] = entries[target.entry].protection_level
    return reach_low, reach_high, width


def _is_protected(
    target: _Target,
    entries: Sequence[LedgerEntry],
    lower: float,
    upper: float,
    reach_low: float,
    reach_high: float,
    width: float,
    rule: ProtectionRule,
) -> bool:
    if lower > reach_low + _TOLERANCE or upper < reach_high - _TOLERANCE:
        return False
    if upper - lower >= width - _TOLERANCE:
        return True
    if target.entry is not None:
        return False
    # An implied count pinned narrowly is disclosed only if it may be a small count.
    smallest = 0 if rule.zero_is_sensitive else 1
    return upper < smallest - _TOLERANCE or lower > rule.threshold - 1 + _TOLERANCE


def _exposed_before(
    system: _JointSystem,
    matrix: Any,
    exposed: list[int],
    reach_low: npt.NDArray[np.float64],
    reach_high: npt.NDArray[np.float64],
    width: npt.NDArray[np.float64],
) -> set[int]:
    """Which exposures the earlier releases cause on their own (the new table's values left out)."""
    if not exposed:
        return set()
    new = len(system.entries) - 1
    lower, upper, _ = deducible_ranges(
        system.equalities(without=new),
        system.values(without=new),
        matrix[exposed],
        reach_low[exposed],
        reach_high[exposed],
        exact=True,
    )
    return {
        i
        for j, i in enumerate(exposed)
        if lower[j] > reach_low[i] + _TOLERANCE
        or upper[j] < reach_high[i] - _TOLERANCE
        or upper[j] - lower[j] < width[i] - _TOLERANCE
    }


def _hide_more(
    protected: ProtectedTable, scope: TableScope, ledger_entries: Sequence[LedgerEntry], joint: JointAudit
) -> ProtectedTable:
    """Hide the new table's cells that share records with an exposed count or with a cell containing it."""
    earlier = [e for e in ledger_entries if e.dataset == scope.dataset]
    entries = [*earlier, LedgerEntry.from_protected(protected, scope, reference=NEW, released=dt.date.min)]
    system = _JointSystem(entries)
    by_reference = {e.reference: i for i, e in enumerate(entries)}
    exposed_atoms = np.zeros(system.atoms.size, dtype=bool)
    for cell in joint.failures:
        if cell.reference == IMPLIED:
            exposed_atoms[system.atoms.find(cell.row)] = True
        else:
            e = by_reference[cell.reference]
            exposed_atoms[system.rows[e][entries[e].index(cell.row, cell.column)].indices] = True
    # The counts that pin an exposed one down: every cell sharing records with it, in any table.
    neighbourhood = exposed_atoms.copy()
    for rows in system.rows:
        for row in rows:
            if exposed_atoms[row.indices].any():
                neighbourhood[row.indices] = True
    pattern = np.array(protected.hidden)
    for k, row in enumerate(system.rows[-1]):
        if neighbourhood[row.indices].any():
            pattern[k] = True
    return _with_pattern(protected, pattern)


def _with_pattern(protected: ProtectedTable, pattern: npt.NDArray[np.bool_]) -> ProtectedTable:
    """``protected`` re-released with ``pattern`` hidden (and audited again)."""
    grid = protected.grid
    primary = {(c.row, c.column) for c in protected.suppressed if c.reason is Reason.PRIMARY}
    suppressed = tuple(
        SuppressedCell(row, column, Reason.PRIMARY if (row, column) in primary else Reason.SECONDARY)
        for row, column in (grid.position(int(k)) for k in np.flatnonzero(pattern))
    )
    return ProtectedTable(
        table=protected.table,
        grid=grid,
        hidden=tuple(bool(h) for h in pattern),
        suppressed=suppressed,
        method=protected.method,
        objective=protected.objective,
        rule=protected.rule,
        audit=audit_grid(grid, pattern, protected.rule),
        proven_optimal=False,
    )


def _meet(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    if a is None:
        return b
    if b is None:
        return a
    return a & b


class _Atoms:
    """The common refinement of every cell's scope: one atom per combination of value blocks."""

    def __init__(self, scopes: Sequence[dict[str, frozenset[str] | None]]) -> None:
        self.dimensions = sorted({d for scope in scopes for d in scope})
        self.blocks: dict[str, dict[frozenset[str], npt.NDArray[np.bool_]]] = {}
        self.block_values: dict[str, list[list[str]]] = {}
        sizes = []
        for d in self.dimensions:
            sets = sorted({s for scope in scopes if (s := scope.get(d)) is not None}, key=sorted)
            values = sorted(set().union(*sets) | {_OTHER})
            signatures = {v: tuple(v in s for s in sets) for v in values}
            distinct = sorted(set(signatures.values()))
            self.blocks[d] = {
                s: np.array([sig[i] for sig in distinct], dtype=bool) for i, s in enumerate(sets)
            }
            self.block_values[d] = [[v for v in values if signatures[v] == sig] for sig in distinct]
            sizes.append(len(distinct))
        self.shape = tuple(sizes)
        self.size = int(np.prod(sizes)) if sizes else 1
        if self.size > MAX_ATOMS:
            raise LedgerTooLarge(f"{self.size} atoms across {', '.join(self.dimensions)}")
        self._descriptions: list[str] | None = None

    def indicator(self, scope: dict[str, frozenset[str] | None]) -> Any:
        """A 1 x atoms sparse row: which atoms the cell with ``scope`` counts."""
        vector = np.ones(1, dtype=bool)
        for d, size in zip(self.dimensions, self.shape, strict=True):
            values = scope.get(d)
            part = np.ones(size, dtype=bool) if values is None else self.blocks[d][values]
            vector = np.logical_and.outer(vector, part).ravel()
        return sp.csr_matrix(vector.astype(np.float64).reshape(1, -1))

    def describe(self, atom: int) -> str:
        """The records an atom counts, e.g. ``borough: Camden; received: 2020-01-01 .. 2020-12-31 (366)``."""
        blocks = np.unravel_index(atom, self.shape)
        parts = []
        for d, b in zip(self.dimensions, blocks, strict=True):
            values = [v if v != _OTHER else "(any other)" for v in self.block_values[d][int(b)]]
            shown = ", ".join(values) if len(values) <= 3 else f"{values[0]} .. {values[-1]} ({len(values)})"
            parts.append(f"{d}: {shown}")
        return "; ".join(parts)

    def find(self, description: str) -> int:
        if self._descriptions is None:
            self._descriptions = [self.describe(a) for a in range(self.size)]
        return self._descriptions.index(description)
