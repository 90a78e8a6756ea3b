"""The release ledger: every protected table that left, so that a new one is audited with all of them.

A table on its own may be safe while its difference from an earlier release is not: this year's
table minus last year's, two breakdowns of the same records that overlap, a borough table beside a
BCU table (ONS: check for differencing against earlier releases; DOMAIN.md section C). Each
:class:`ReleasedTable` records what was released (protected values only, ``None`` where suppressed),
which records each cell counts (its :class:`TableScope`: dataset, filters such as the period, and the
values of the finest level behind each row and column label), and, for each hidden small count, the
interval an intruder must not be able to narrow it below (the single-table rule of :mod:`audit`).

Records are described by their values, never by labels: a BCU row counts its boroughs, a year its
days, a rank band its ranks. A multi-valued field (an allegation's outcomes) is one value per
*combination* (``"reflective_practice+written_warning"``), so "outcome includes X" is the set of
combinations holding X, and a column per outcome counts a two-outcome record twice, as the table
does. Every table lists every value that occurs among the records it counts, so "anything else"
within its filter is a known zero: that makes tables with different breakdowns of the same records
agree on their totals.

:func:`audit_against` audits a new table jointly with the earlier entries it is linked to (tables
whose records overlap its own, directly or through others). Every cell is a sum of *atoms*, the
finest pieces into which the tables cut the records; pieces no cell tells apart are merged. The
intruder knows each published cell as a linear equation over the atoms, each atom non-negative; the
audit's linear programmes give the interval of every hidden cell, old and new, and of every atom (an
*implied* count, such as 2020 = 2020-21 minus 2021, which no table shows). Every hidden small count,
new or earlier, must cover its required interval (both bounds); an implied count must not be pinned
narrower than the protection level where it may be small. The audit runs within a time bound and
fails closed (:class:`LedgerAuditTimeout`).

Not checked: implied counts that are unions of several atoms (e.g. a borough's 2020 total over all
outcomes when no table shows it); their atoms are checked, which catches most such cases.
"""

from __future__ import annotations

import datetime as dt
import math
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from foidesk.core.sdc.atoms import MAX_ATOMS, Atoms, LedgerTooLarge, overlap
from foidesk.core.sdc.audit import AuditIncomplete, audit_grid, deducible_ranges, required_reach
from foidesk.core.sdc.ledger_entry import (
    EVERY,
    Filter,
    Members,
    ReleasedTable,
    Scope,
    TableScope,
    period_filter,
)
from foidesk.core.sdc.rule import ProtectionRule
from foidesk.core.sdc.suppression import ProtectedTable, Reason, SuppressedCell

# SciPy is imported inside the functions that use it: importing it costs about half a second, which
# start-up and the collection of the tests need not pay.

__all__ = [  # the entry's types and the atoms' limit are re-exported: callers import the ledger
    "EVERY",
    "IMPLIED",
    "MAX_ATOMS",
    "NEW",
    "Filter",
    "JointAudit",
    "JointCell",
    "LedgerAuditTimeout",
    "LedgerTooLarge",
    "Members",
    "ReleasedTable",
    "Scope",
    "TableScope",
    "audit_against",
    "linked_entries",
    "period_filter",
    "protect_against",
]

LEDGER_PRUNE_UP_TO = 40  # cells added for the ledger; above this un-hiding them one by one is too slow
NEW = "(new table)"
IMPLIED = "(implied)"
_TOLERANCE = 1e-6


class LedgerAuditTimeout(TimeoutError):
    """The joint audit did not finish within its time bound: the table is not releasable (fail closed)."""


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


def linked_entries(ledger_entries: Sequence[ReleasedTable], scope: TableScope) -> list[ReleasedTable]:
    """The earlier entries of ``scope``'s dataset whose records overlap the new table's, directly or
    through other such entries: the only ones that can narrow what the new table hides, or be narrowed."""
    same = [e for e in ledger_entries if e.dataset == scope.dataset]
    new = ReleasedTable(
        NEW, "", scope.dataset, "", None, (), (), (), (), (), False, False, scope.filters, (), (), 0, 0
    )
    footprints = [e.footprint() for e in same]
    reached = [False] * len(same)
    frontier = [new.footprint()]
    while frontier:
        current = frontier.pop()
        for i, footprint in enumerate(footprints):
            if not reached[i] and overlap(current, footprint):
                reached[i] = True
                frontier.append(footprint)
    return [e for e, linked in zip(same, reached, strict=True) if linked]


def audit_against(
    ledger_entries: Sequence[ReleasedTable],
    new_table: ProtectedTable,
    *,
    scope: TableScope,
    deadline: float | None = None,
) -> JointAudit:
    """Audit ``new_table`` (counting the records ``scope`` describes) with the earlier releases.

    Checked: every hidden cell of every linked table (a small count, new or earlier, must cover its
    required interval) and every implied count (an atom) that the releases bound: it must not be
    pinned to an interval narrower than the protection level that holds a small count. Raises
    :class:`LedgerAuditTimeout` once ``time.monotonic()`` passes ``deadline``.
    """
    import scipy.sparse as sp

    earlier = linked_entries(ledger_entries, scope)
    entries = [*earlier, ReleasedTable.from_protected(new_table, scope, reference=NEW, released=dt.date.min)]
    system = _JointSystem(entries)
    _check_deadline(deadline)
    rule = new_table.rule
    targets = system.targets()
    if not targets:
        return JointAudit((), tuple(e.reference for e in earlier), system.size)
    reach_low, reach_high, width = _requirements(targets, entries, new_table)
    matrix = sp.vstack([system.target_row(t) for t in targets], format="csr")
    lower, upper = _ranges(system, matrix, reach_low, reach_high, width, deadline)
    exposed = [
        i
        for i, t in enumerate(targets)
        if not _is_protected(t, lower[i], upper[i], reach_low[i], reach_high[i], width[i], rule)
    ]
    blamed_before = _exposed_before(system, matrix, exposed, reach_low, reach_high, width, deadline)
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
    return JointAudit(tuple(cells), tuple(e.reference for e in earlier), system.size)


def protect_against(
    ledger_entries: Sequence[ReleasedTable],
    protected: ProtectedTable,
    *,
    scope: TableScope,
    rounds: int = 10,
    seconds: float | None = None,
) -> tuple[ProtectedTable, JointAudit]:
    """Hide more cells of ``protected`` until the joint audit passes, within ``seconds`` in all.

    Each round hides, in the new table, every published cell that counts some of the same records as
    an exposed count or as any cell (of any table) containing it: coarse, but hiding more never
    narrows an interval, and a new table hidden entirely adds nothing to what was already released,
    so this ends safe (after ``rounds`` the whole new table is hidden). Then, when few cells were
    added, each is un-hidden again, largest first, if both audits still pass without it. Suppressing
    jointly and optimally across releases is not attempted. Raises :class:`LedgerAuditTimeout` when
    the time runs out: the caller must then refuse the table.
    """
    deadline = None if seconds is None else time.monotonic() + seconds
    original = np.array(protected.hidden)
    joint = audit_against(ledger_entries, protected, scope=scope, deadline=deadline)
    for _ in range(rounds):
        if joint.passed:
            break
        protected = _hide_more(protected, scope, ledger_entries, joint)
        joint = audit_against(ledger_entries, protected, scope=scope, deadline=deadline)
    if not joint.passed:
        protected = _with_pattern(protected, np.ones(len(protected.hidden), dtype=bool))
        joint = audit_against(ledger_entries, protected, scope=scope, deadline=deadline)
    added = np.flatnonzero(np.array(protected.hidden) & ~original)
    if 0 < added.size <= LEDGER_PRUNE_UP_TO:
        protected, joint = _unhide_needless(ledger_entries, protected, scope, joint, added, deadline)
    return protected, joint


def _unhide_needless(
    ledger_entries: Sequence[ReleasedTable],
    protected: ProtectedTable,
    scope: TableScope,
    joint: JointAudit,
    added: npt.NDArray[np.intp],
    deadline: float | None,
) -> tuple[ProtectedTable, JointAudit]:
    values = np.array(protected.grid.values)
    for cell in added[np.argsort(-values[added], kind="stable")]:
        if deadline is not None and time.monotonic() > deadline:
            break  # what is hidden now is safe; un-hiding is only a nicety
        pattern = np.array(protected.hidden)
        pattern[cell] = False
        candidate = _with_pattern(protected, pattern)
        if not candidate.audit.passed:
            continue
        try:
            candidate_joint = audit_against(ledger_entries, candidate, scope=scope, deadline=deadline)
        except LedgerAuditTimeout:
            break
        if candidate_joint.passed:
            protected, joint = candidate, candidate_joint
    return protected, joint


def _check_deadline(deadline: float | None) -> None:
    if deadline is not None and time.monotonic() > deadline:
        raise LedgerAuditTimeout("the joint audit with earlier releases ran out of time")


def _ranges(
    system: _JointSystem,
    matrix: Any,
    reach_low: npt.NDArray[np.float64],
    reach_high: npt.NDArray[np.float64],
    width: npt.NDArray[np.float64],
    deadline: float | None,
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """Each target's deducible interval, all from one programme model (its optima witness for every target).

    The time bound is kept inside :func:`deducible_ranges`, between and during solves; running out of
    it fails closed as :class:`LedgerAuditTimeout`.
    """
    _check_deadline(deadline)
    try:
        lower, upper, _ = deducible_ranges(
            system.equalities(),
            system.values(),
            matrix,
            reach_low,
            reach_high,
            exact=False,
            width=width,
            deadline=deadline,
        )
    except AuditIncomplete as error:
        raise LedgerAuditTimeout("the joint audit with earlier releases ran out of time") from error
    return lower, upper


@dataclass(slots=True)
class _JointSystem:
    """Every cell of every entry as a sum of atoms; published cells and known zeros are the equations."""

    entries: Sequence[ReleasedTable]
    rows: list[list[Any]] = field(default_factory=list)  # per entry, per grid cell: a 1 x atoms row
    zeros: list[tuple[int, Any]] = field(default_factory=list)  # (entry, row) of pieces known to be 0
    atoms: Atoms | None = None
    _descriptions: list[str] | None = None

    def __post_init__(self) -> None:
        interiors = [entry.interior_scopes() for entry in self.entries]
        zero_scopes = [entry.zero_scopes() for entry in self.entries]
        atoms = Atoms([s for scopes in (*interiors, *zero_scopes) for s in scopes])
        k = 0
        for entry, scopes in zip(self.entries, interiors, strict=True):
            interior = [atoms.row(k + i) for i in range(len(scopes))]
            k += len(scopes)
            self.rows.append([_sum_rows(interior, terms, atoms.size) for terms in entry.grid_terms()])
        for e, scopes in enumerate(zero_scopes):
            self.zeros += [(e, atoms.row(k + i)) for i in range(len(scopes))]
            k += len(scopes)
        self.atoms = atoms

    @property
    def size(self) -> int:
        assert self.atoms is not None
        return self.atoms.size

    def _known(self, without: int | None) -> list[tuple[Any, float]]:
        known = [
            (self.rows[e][k], float(v))
            for e, entry in enumerate(self.entries)
            if e != without
            for k, v in enumerate(entry.published)
            if v is not None
        ]
        return known + [(z, 0.0) for e, z in self.zeros if e != without]

    def equalities(self, *, without: int | None = None) -> Any:
        import scipy.sparse as sp

        rows = [r for r, _ in self._known(without)]
        return sp.vstack(rows, format="csr") if rows else sp.csr_matrix((0, self.size))

    def values(self, *, without: int | None = None) -> npt.NDArray[np.float64]:
        return np.array([v for _, v in self._known(without)])

    def targets(self) -> list[_Target]:
        hidden = [
            _Target(e, k)
            for e, entry in enumerate(self.entries)
            for k, v in enumerate(entry.published)
            if v is None
        ]
        covered = np.zeros(self.size, dtype=bool)
        for e, entry in enumerate(self.entries):
            for k, v in enumerate(entry.published):
                if v is not None:
                    covered[self.rows[e][k].indices] = True
        # An atom that is a cell of some table is that cell: published, or a target already; an atom
        # in a piece known to be empty is no one's count.
        for rows in self.rows:
            for row in rows:
                if row.nnz == 1:
                    covered[row.indices[0]] = False
        for _, zero in self.zeros:
            covered[zero.indices] = False
        return hidden + [_Target(None, int(a)) for a in np.flatnonzero(covered)]

    def target_row(self, target: _Target) -> Any:
        import scipy.sparse as sp

        if target.entry is None:
            return sp.csr_matrix(([1.0], ([0], [target.cell])), shape=(1, self.size))
        return self.rows[target.entry][target.cell]

    def describe_atom(self, atom: int) -> str:
        assert self.atoms is not None
        return self.atoms.describe(atom)

    def find(self, description: str) -> int:
        if self._descriptions is None:
            self._descriptions = [self.describe_atom(a) for a in range(self.size)]
        return self._descriptions.index(description)

    def describe(self, target: _Target) -> tuple[str, str, str]:
        if target.entry is None:
            return self.describe_atom(target.cell), "", IMPLIED
        entry = self.entries[target.entry]
        row, column = entry.position(target.cell)
        return row, column, entry.reference


def _sum_rows(interior: list[Any], terms: list[int], size: int) -> Any:
    import scipy.sparse as sp

    if len(terms) == 1:
        return interior[terms[0]]
    total = sp.csr_matrix((1, size))
    for t in terms:
        total = total + interior[t]
    return sp.csr_matrix(total)


def _requirements(
    targets: list[_Target], entries: Sequence[ReleasedTable], new_table: ProtectedTable
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
            low_, high_ = entries[target.entry].required_interval(target.cell)
            reach_low[i], reach_high[i], width[i] = low_, high_, high_ - low_
    return reach_low, reach_high, width


def _is_protected(
    target: _Target,
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
    deadline: float | None = None,
) -> set[int]:
    """Which exposures the earlier releases cause on their own (the new table's values left out)."""
    if not exposed:
        return set()
    new = len(system.entries) - 1
    try:
        lower, upper, _ = deducible_ranges(
            system.equalities(without=new),
            system.values(without=new),
            matrix[exposed],
            reach_low[exposed],
            reach_high[exposed],
            exact=True,
            deadline=deadline,
        )
    except AuditIncomplete as error:
        raise LedgerAuditTimeout("the joint audit with earlier releases ran out of time") from error
    return {
        i
        for j, i in enumerate(exposed)
        if lower[j] > reach_low[i] + _TOLERANCE
        or upper[j] < reach_high[i] - _TOLERANCE
        or upper[j] - lower[j] < width[i] - _TOLERANCE
    }


def _hide_more(
    protected: ProtectedTable, scope: TableScope, ledger_entries: Sequence[ReleasedTable], joint: JointAudit
) -> ProtectedTable:
    """Hide the new table's cells that share records with an exposed count or with a cell containing it."""
    earlier = linked_entries(ledger_entries, scope)
    entries = [*earlier, ReleasedTable.from_protected(protected, scope, reference=NEW, released=dt.date.min)]
    system = _JointSystem(entries)
    by_reference = {e.reference: i for i, e in enumerate(entries)}
    exposed_atoms = np.zeros(system.size, dtype=bool)
    for cell in joint.failures:
        if cell.reference == IMPLIED:
            exposed_atoms[system.find(cell.row)] = True
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
