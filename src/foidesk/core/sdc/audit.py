"""The independent audit: what an intruder can deduce about every suppressed cell, by linear programming.

The intruder knows every published cell, every published total and that counts are non-negative.
For a suppressed cell the tightest interval they can deduce is [min, max] of that cell over all
non-negative tables that agree with everything published: two linear programmes (HiGHS, one model
re-solved from the previous basis for every objective: core/sdc/lp.py). A sensitive cell with value
``a`` is protected when that interval covers the range the :class:`ProtectionRule` requires,
``[a - lower, a + upper]`` (as wide as the protection level, and reaching the threshold); otherwise it
is too narrow and the release is refused (:meth:`AuditReport.refuse_if_unsafe`).

This module does not trust the suppression methods: it recomputes which cells are sensitive from the
true counts and the rule, and solves the programmes from the published values alone.

Speed: every programme's optimum is itself a table consistent with the release, so its values are
*witnesses*: a cell seen at 0 in one solution and at 7 in another can range at least over [0, 7].
A sensitive cell whose witnessed range already covers its required range is proven protected without
its own programmes; its interval is then reported as "at least" (``exact=False``). Cells still in doubt get
their exact min and max, the furthest from settled first (their optima are witnesses for the rest).
Bounds that need no programme (``z >= 0``, and a count no larger than any published sum it is part
of) make an extreme exact without its programme once a witness reaches them: a piece of a published
0 is 0. With ``exact=True`` every suppressed cell gets both extremes exactly.

Two-way grids (rows and columns with their totals, no subtotal rows) need no programmes at all unless an
exact interval is asked for. Their relation matrix is a network matrix: with the sign of each total
flipped, a change of the table that keeps every published sum is a circulation in the bipartite graph
of rows and columns whose edges are the suppressed cells (Fischetti and Salazar-Gonzalez 1999). A cell
can move up by ``d`` exactly when ``d`` units can flow round a cycle through it, so the deducible
interval's reach is a maximum flow. The audit first proves most cells safe by a *rectangle* of
suppressed cells with enough slack (three matrix products cover every cell at once), then solves a
maximum flow (``scipy.sparse.csgraph.maximum_flow``) for each cell still in doubt. A failing cell's
reach is exact: a flow smaller than the requirement is the true maximum.

The audit runs to a time budget (``time_limit_seconds``); when it is spent the audit raises
:class:`AuditIncomplete` rather than report on cells it never checked: fail closed.
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from foidesk.core.sdc.grid import CellKind, PublishedGrid
from foidesk.core.sdc.lp import SolveStatus, WarmProgramme
from foidesk.core.sdc.rule import ProtectionRule

# SciPy is imported inside the functions that use it: importing it costs about half a second, which
# start-up and the collection of the tests need not pay.

# Random objectives solved first to collect witnesses (see the module docstring).
WITNESS_PROGRAMMES = 40
# Below this many suppressed cells every interval is computed exactly unless told otherwise.
EXACT_BY_DEFAULT_UP_TO = 400
# Every count in a witness programme is capped here, far above any count in an FOI table.
WITNESS_CAP = 1e7
_TOLERANCE = 1e-6

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]


class InconsistentRelease(ValueError):
    """The published values contradict each other: no non-negative table agrees with them."""


class AuditIncomplete(RuntimeError):
    """The audit ran out of its time budget before it had checked every suppressed cell.

    Nothing may be released on an incomplete audit: the caller shows this message and stops.
    """


class UnsafeRelease(Exception):
    """The audit found a sensitive cell an intruder can narrow below the protection level."""

    def __init__(self, report: AuditReport) -> None:
        cells = ", ".join(
            f"({c.row}, {c.column}) in [{c.lower:g}, {c.upper:g}]"
            f" (needs [{c.required_lower}, {c.required_upper}])"
            for c in report.failures
        )
        super().__init__(f"release refused: suppressed cells can be narrowed down: {cells}")
        self.report = report


@dataclass(frozen=True, slots=True)
class CellAudit:
    """The interval an intruder can deduce for one suppressed cell.

    ``exact`` is False when the interval was proven wide enough by witnesses only: the true
    interval then contains [lower, upper].
    """

    row: str
    column: str
    value: int
    sensitive: bool
    lower: float
    upper: float
    exact: bool
    required_lower: int  # the interval must reach down to here ...
    required_upper: int  # ... and up to here (both 0 for a cell that is not sensitive)

    @property
    def width(self) -> float:
        return self.upper - self.lower

    @property
    def protected(self) -> bool:
        if not self.sensitive:
            return True
        return (
            self.lower <= self.required_lower + _TOLERANCE and self.upper >= self.required_upper - _TOLERANCE
        )

    def to_json(self) -> dict[str, object]:
        return {
            "row": self.row,
            "column": self.column,
            "sensitive": self.sensitive,
            "lower": _json_number(self.lower),
            "upper": _json_number(self.upper),
            "exact": self.exact,
            "required": [self.required_lower, self.required_upper] if self.sensitive else None,
            "protected": self.protected,
        }


@dataclass(frozen=True, slots=True)
class AuditReport:
    """Every suppressed cell's deducible interval, and whether the release may go."""

    cells: tuple[CellAudit, ...]
    protection_level: int

    @property
    def failures(self) -> tuple[CellAudit, ...]:
        return tuple(c for c in self.cells if not c.protected)

    @property
    def passed(self) -> bool:
        return not self.failures

    def refuse_if_unsafe(self) -> None:
        if not self.passed:
            raise UnsafeRelease(self)

    def to_json(self) -> dict[str, object]:
        return {
            "passed": self.passed,
            "protection_level": self.protection_level,
            "checked": len(self.cells),
            "failures": [c.to_json() for c in self.failures],
        }


def audit_grid(
    grid: PublishedGrid,
    suppressed: Sequence[bool] | npt.NDArray[np.bool_],
    rule: ProtectionRule,
    *,
    exact: bool | None = None,
    time_limit_seconds: float | None = None,
    network: bool = True,
) -> AuditReport:
    """Audit ``grid`` published with the cells flagged in ``suppressed`` hidden.

    ``exact`` asks for every interval exactly (by programmes); by default tables of up to
    ``EXACT_BY_DEFAULT_UP_TO`` suppressed cells get it. Otherwise a two-way grid is checked by
    maximum flows (``network=False`` forces the programmes, for comparison). Raises
    :class:`AuditIncomplete` if ``time_limit_seconds`` pass first.
    """
    import scipy.sparse as sp

    mask = np.asarray(suppressed, dtype=bool)
    if mask.shape != (grid.size,):
        raise ValueError(f"suppression mask has {mask.size} cells; the grid has {grid.size}")
    values = grid.value_array()
    hidden = np.flatnonzero(mask)
    if hidden.size == 0:
        return AuditReport((), rule.level)
    deadline = None if time_limit_seconds is None else time.monotonic() + time_limit_seconds
    sensitive = np.array([rule.is_sensitive(int(values[k])) for k in hidden], dtype=bool)
    reach_low, reach_high = required_reach(values[hidden], sensitive, rule)
    as_network = _TwoWayNetwork.of(grid) if network and grid.relations else None
    if as_network is not None and not _exact_default(exact, hidden.size):
        lower, upper, is_exact = as_network.reaches(values, mask, reach_low, reach_high, deadline)
    else:
        position = np.full(grid.size, -1)
        position[hidden] = np.arange(hidden.size)
        equalities, rhs = _hidden_system(grid, values, mask, position)
        targets = sp.identity(hidden.size, format="csr")
        lower, upper, is_exact = deducible_ranges(
            equalities,
            rhs,
            targets,
            reach_low,
            reach_high,
            exact=_exact_default(exact, hidden.size),
            deadline=deadline,
        )
    cells = []
    for t, k in enumerate(hidden):
        row, column = grid.position(int(k))
        cells.append(
            CellAudit(
                row=row,
                column=column,
                value=int(values[k]),
                sensitive=bool(sensitive[t]),
                lower=float(lower[t]),
                upper=float(upper[t]),
                exact=bool(is_exact[t]),
                required_lower=int(reach_low[t]) if sensitive[t] else 0,
                required_upper=int(reach_high[t]) if sensitive[t] else 0,
            )
        )
    return AuditReport(tuple(cells), rule.level)


def required_reach(
    values: npt.NDArray[np.int64], sensitive: npt.NDArray[np.bool_], rule: ProtectionRule
) -> tuple[FloatArray, FloatArray]:
    """How low and how high each target's interval must reach; (+inf, -inf) where nothing is required."""
    low = np.full(values.size, math.inf)
    high = np.full(values.size, -math.inf)
    for t in np.flatnonzero(sensitive):
        value = int(values[t])
        low[t] = value - rule.required_lower(value)
        high[t] = value + rule.required_upper(value)
    return low, high


def deducible_ranges(
    equalities: Any,  # scipy sparse matrix (m x n): SciPy ships no type information
    rhs: FloatArray,
    targets: Any,  # scipy sparse matrix (t x n)
    reach_low: FloatArray,
    reach_high: FloatArray,
    *,
    exact: bool,
    width: FloatArray | None = None,
    deadline: float | None = None,
) -> tuple[FloatArray, FloatArray, npt.NDArray[np.bool_]]:
    """For each target ``T_k z``: its min and max over ``{z >= 0 : equalities @ z == rhs}``.

    A target is settled once its range is seen to reach down to ``reach_low[k]``, up to
    ``reach_high[k]`` and to span ``width[k]``; settled targets are not solved exactly unless
    ``exact``. Targets with no requirement (``+inf``, ``-inf``, 0) are solved only when ``exact``.
    Returns (lower, upper, exact flags); where a side was not solved it holds the witnessed value,
    which the true bound goes beyond. Raises :class:`AuditIncomplete` once ``deadline`` (a
    ``time.monotonic()`` instant) has passed.
    """
    span = np.zeros(targets.shape[0]) if width is None else np.asarray(width, dtype=np.float64)
    n_targets = targets.shape[0]
    seen_low = np.full(n_targets, math.inf)
    seen_high = np.full(n_targets, -math.inf)
    lower = np.full(n_targets, math.nan)
    upper = np.full(n_targets, math.nan)
    problem = _Problem(equalities, rhs, targets, deadline)
    bound_low, bound_high = problem.target_bounds()
    if not exact:
        _gather_witnesses(problem, reach_low, reach_high, span, seen_low, seen_high, deadline)

    for k in _query_order(seen_low, seen_high, reach_low, reach_high, span, exact):
        _check_deadline(deadline)
        if seen_high[k] >= bound_high[k] - _TOLERANCE:
            upper[k] = bound_high[k]  # witnessed and proven: no programme needed
        narrow = seen_high[k] - seen_low[k] < span[k] - _TOLERANCE
        if math.isnan(upper[k]) and (exact or narrow or seen_high[k] < reach_high[k] - _TOLERANCE):
            upper[k], solution = problem.extreme(k, maximise=True)
            if solution is not None:
                _witness(problem.targets @ solution, seen_low, seen_high)
        if seen_low[k] <= bound_low[k] + _TOLERANCE:
            lower[k] = bound_low[k]
        narrow = seen_high[k] - seen_low[k] < span[k] - _TOLERANCE
        if math.isnan(lower[k]) and (exact or narrow or seen_low[k] > reach_low[k] + _TOLERANCE):
            lower[k], solution = problem.extreme(k, maximise=False)
            if solution is not None:
                _witness(problem.targets @ solution, seen_low, seen_high)

    is_exact = ~np.isnan(lower) & ~np.isnan(upper)
    lower = np.where(np.isnan(lower), seen_low, lower)
    upper = np.where(np.isnan(upper), seen_high, upper)
    return lower, upper, is_exact


def _query_order(
    seen_low: FloatArray,
    seen_high: FloatArray,
    reach_low: FloatArray,
    reach_high: FloatArray,
    span: FloatArray,
    exact: bool,
) -> IntArray:
    """The targets in the order their programmes are solved: those furthest from settled first.

    A target far short of its requirement is the likeliest to need its own programme; each of those
    optima is a witness for every other target, so targets only a little short are often settled
    along the way without a programme of their own.
    """
    if exact:
        return np.arange(seen_low.size)
    seen = np.where(np.isfinite(seen_high - seen_low), seen_high - seen_low, 0.0)
    shortfall = np.maximum.reduce(
        [
            np.nan_to_num(span - seen, posinf=0.0, neginf=0.0),
            np.nan_to_num(reach_high - seen_high, posinf=0.0, neginf=0.0),
            np.nan_to_num(seen_low - reach_low, posinf=0.0, neginf=0.0),
            np.zeros(seen_low.size),
        ]
    )
    order: IntArray = np.argsort(-shortfall, kind="stable")
    return order


class _Problem:
    """The intruder's feasible set, ``{z >= 0 : A z = b}``, and linear objectives over it.

    One HiGHS model serves every objective (:class:`~foidesk.core.sdc.lp.WarmProgramme`): each solve
    starts from the previous optimal basis instead of from scratch. Variables an equation forces to
    zero (a published 0 over counts that cannot be negative) are left out of the model: HiGHS's presolve
    would remove them, but presolve is off for warm starts, and in the joint audit they are most of them.
    """

    def __init__(self, equalities: Any, rhs: FloatArray, targets: Any, deadline: float | None = None) -> None:
        import scipy.sparse as sp

        self.equalities = sp.csr_matrix(equalities)
        self.rhs = np.asarray(rhs, dtype=np.float64)
        self.targets = sp.csr_matrix(targets)
        self.deadline = deadline
        self.caps = _variable_caps(self.equalities, self.rhs)
        self.free = np.flatnonzero(self.caps != 0)
        reduced = self.equalities[:, self.free].tocsr()
        rows = np.flatnonzero((np.diff(reduced.indptr) > 0) | (self.rhs != 0))
        self.reduced_targets = self.targets[:, self.free].tocsr()
        self.programme = WarmProgramme(reduced[rows], self.rhs[rows]) if self.equalities.shape[0] else None

    def target_bounds(self) -> tuple[FloatArray, FloatArray]:
        """Bounds on every target that need no programme: ``z >= 0`` and the caps of :func:`_variable_caps`.

        Where a witness reaches such a bound the bound is the exact extreme.
        """
        positive = self.targets.multiply(self.targets > 0).tocsr()
        negative = self.targets.multiply(self.targets < 0).tocsr()
        positive.eliminate_zeros()
        negative.eliminate_zeros()
        high = _sparse_times(positive, self.caps)
        low = _sparse_times(negative, self.caps)
        return low, high

    def _full(self, solution: FloatArray) -> FloatArray:
        full = np.zeros(self.equalities.shape[1])
        full[self.free] = solution
        return full

    def optimum(self, target_weights: FloatArray) -> FloatArray | None:
        """A solution minimising ``weights @ targets @ z`` with every ``z`` capped; None if there is none.

        The cap keeps the programme bounded; a capped solution is still consistent with the release.
        """
        cost = np.asarray(self.targets.T @ target_weights, dtype=np.float64).ravel()
        if self.programme is None:
            return np.where(cost < 0, WITNESS_CAP, 0.0)
        outcome, solution = self.programme.minimise(cost[self.free], cap=WITNESS_CAP, deadline=self.deadline)
        if outcome is SolveStatus.OUT_OF_TIME:
            _check_deadline(self.deadline, passed=True)
        return self._full(solution) if outcome is SolveStatus.OPTIMAL and solution is not None else None

    def extreme(self, k: int, *, maximise: bool) -> tuple[float, FloatArray | None]:
        row = self.targets.getrow(k).toarray().ravel()
        _, solution = self._solve(-row if maximise else row)
        if solution is None:
            return (math.inf if maximise else 0.0), None
        return float(row @ solution), solution

    def _solve(self, cost: FloatArray) -> tuple[int, FloatArray | None]:
        if self.programme is None:
            return (3, None) if np.any(cost < 0) else (0, np.zeros(cost.size))
        outcome, solution = self.programme.minimise(cost[self.free], cap=None, deadline=self.deadline)
        if outcome is SolveStatus.INFEASIBLE:
            raise InconsistentRelease("no non-negative table agrees with the published values")
        if outcome is SolveStatus.UNBOUNDED:
            return 3, None
        if outcome is SolveStatus.OUT_OF_TIME or solution is None:
            _check_deadline(self.deadline, passed=True)
        assert solution is not None
        return 0, self._full(solution)


def _gather_witnesses(
    problem: _Problem,
    reach_low: FloatArray,
    reach_high: FloatArray,
    span: FloatArray,
    seen_low: FloatArray,
    seen_high: FloatArray,
    deadline: float | None = None,
) -> None:
    """Push the targets not yet seen high enough up, then those not seen low enough down, in rounds."""
    rng = np.random.default_rng(0)
    for round_ in range(WITNESS_PROGRAMMES):
        _check_deadline(deadline)
        narrow = seen_high - seen_low < span - _TOLERANCE
        short_above = narrow | (seen_high < reach_high - _TOLERANCE)
        short_below = narrow | (seen_low > reach_low + _TOLERANCE)
        if not (short_above.any() or short_below.any()):
            return
        doubtful = short_below if round_ % 2 else short_above
        if not doubtful.any():
            continue
        weights = rng.uniform(0.5, 1.0, reach_low.size) * doubtful
        solution = problem.optimum(weights if round_ % 2 else -weights)
        if solution is not None:
            _witness(problem.targets @ solution, seen_low, seen_high)


def _variable_caps(equalities: Any, rhs: FloatArray) -> FloatArray:
    """An upper bound on each variable: an equation with no negative coefficient caps each of its terms.

    From ``sum_j a_ij z_j = b_i`` with every ``a_ij >= 0`` and ``z >= 0``: ``z_j <= b_i / a_ij``. In the
    joint audit every equation is a published count (a sum of pieces), so every piece is capped by the
    smallest count it is part of, and a piece of a published 0 is 0.
    """
    import scipy.sparse as sp

    matrix = sp.coo_matrix(equalities)
    caps = np.full(matrix.shape[1], math.inf)
    if matrix.nnz == 0:
        return caps
    negative_rows = np.zeros(matrix.shape[0], dtype=bool)
    negative_rows[matrix.row[matrix.data < 0]] = True
    use = ~negative_rows[matrix.row] & (matrix.data > 0)
    np.minimum.at(caps, matrix.col[use], rhs[matrix.row[use]] / matrix.data[use])
    return caps


def _sparse_times(matrix: Any, vector: FloatArray) -> FloatArray:
    """``matrix @ vector`` over the stored entries only, so that an infinite entry of ``vector`` under a
    structural zero of ``matrix`` adds nothing (rather than NaN)."""
    products = matrix.data * vector[matrix.indices]
    result = np.zeros(matrix.shape[0])
    rows = np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))
    np.add.at(result, rows, products)
    return result


def _check_deadline(deadline: float | None, *, passed: bool = False) -> None:
    if passed or (deadline is not None and time.monotonic() > deadline):
        raise AuditIncomplete(
            "the disclosure audit ran out of time before every suppressed cell was checked; "
            "nothing may be released: split the table or coarsen its categories"
        )


def _witness(observed: FloatArray, seen_low: FloatArray, seen_high: FloatArray) -> None:
    np.minimum(seen_low, observed, out=seen_low)
    np.maximum(seen_high, observed, out=seen_high)


def _hidden_system(
    grid: PublishedGrid, values: npt.NDArray[np.int64], mask: npt.NDArray[np.bool_], position: Any
) -> tuple[Any, FloatArray]:
    """Each published sum, rewritten over the hidden cells: (hidden parts - hidden total) = known."""
    import scipy.sparse as sp

    rows: list[int] = []
    columns: list[int] = []
    data: list[float] = []
    rhs: list[float] = []
    for relation in grid.relations:
        terms = [(p, 1.0) for p in relation.parts] + [(relation.total, -1.0)]
        hidden_terms = [(position[k], sign) for k, sign in terms if mask[k]]
        if not hidden_terms:
            continue
        known = sum(sign * float(values[k]) for k, sign in terms if not mask[k])
        r = len(rhs)
        for column, sign in hidden_terms:
            rows.append(r)
            columns.append(int(column))
            data.append(sign)
        rhs.append(-known)
    n_hidden = int(mask.sum())
    matrix = sp.csr_matrix((data, (rows, columns)), shape=(len(rhs), n_hidden))
    return matrix, np.asarray(rhs, dtype=np.float64)


def _exact_default(exact: bool | None, n_hidden: int) -> bool:
    return n_hidden <= EXACT_BY_DEFAULT_UP_TO if exact is None else exact


def _json_number(value: float) -> float | int | None:
    if math.isinf(value):
        return None
    return round(value) if abs(value - round(value)) < _TOLERANCE else value


@dataclass(frozen=True, slots=True)
class _TwoWayNetwork:
    """A grid whose every published sum is a whole row or a whole column, as a flow network.

    Nodes are the rows and the columns (all rows share one *ground* node when rows carry no sum, and
    likewise columns). A suppressed cell is an edge between its row and its column. With ``sign`` the
    product of the cell's row and column signs (-1 for a total, which moves against its parts), moving
    the cell up by ``d`` is ``sign * d`` units of flow from its row to its column; a direction in which
    the cell can fall carries at most its value.
    """

    width: int
    height: int
    row_node: IntArray  # per cell
    column_node: IntArray  # per cell
    sign: IntArray  # per cell, +1 or -1
    nodes: int
    rectangles: bool  # every row and every column has its own node (the rectangle pre-check applies)

    @classmethod
    def of(cls, grid: PublishedGrid) -> _TwoWayNetwork | None:
        """The network of ``grid``, or None if some sum is not a whole row or column (e.g. subtotals)."""
        if CellKind.SUBTOTAL in grid.kinds:
            return None
        width = grid.width
        height = grid.size // width
        row_signs = _line_signs(grid, width, height, along_rows=True)
        column_signs = _line_signs(grid, width, height, along_rows=False)
        if row_signs is None or column_signs is None:
            return None
        if len(row_signs[1]) + len(column_signs[1]) != len(grid.relations):
            return None  # a sum over part of a line
        row_ground, column_ground = len(row_signs[1]) == 0, len(column_signs[1]) == 0
        if row_ground and column_ground:
            return None
        rows, columns = np.divmod(np.arange(grid.size), width)
        ground = height + width
        # ``row_signs[0]`` is each column's coefficient in the row sums, and vice versa.
        sign = row_signs[0][columns] * column_signs[0][rows]
        return cls(
            width=width,
            height=height,
            row_node=np.full(grid.size, ground) if row_ground else rows,
            column_node=np.full(grid.size, ground) if column_ground else height + columns,
            sign=sign.astype(np.int64),
            nodes=ground + 1,
            rectangles=not (row_ground or column_ground),
        )

    def reaches(
        self,
        values: IntArray,
        mask: BoolArray,
        reach_low: FloatArray,
        reach_high: FloatArray,
        deadline: float | None,
    ) -> tuple[FloatArray, FloatArray, BoolArray]:
        """Per suppressed cell, (lower, upper, exact) as :func:`deducible_ranges` reports them."""
        hidden = np.flatnonzero(mask)
        value = values[hidden].astype(np.int64)
        sensitive = np.isfinite(reach_high)
        up_need = np.where(sensitive, np.nan_to_num(reach_high, posinf=0, neginf=0) - value, 0).astype(int)
        down_need = np.where(sensitive, value - np.nan_to_num(reach_low, posinf=0, neginf=0), 0).astype(int)
        # Moving a cell up is flow row -> column when its sign is +1: the rest of the cycle flows back.
        up_backwards = self.sign[hidden] > 0
        lower, upper = value.astype(np.float64), value.astype(np.float64)
        exact_up = np.zeros(hidden.size, dtype=bool)
        exact_down = np.zeros(hidden.size, dtype=bool)
        for need, backwards, sides, exact_side, direction in (
            (up_need, up_backwards, upper, exact_up, 1),
            (down_need, ~up_backwards, lower, exact_down, -1),
        ):
            for amount in np.unique(need[need > 0]):
                cells = np.flatnonzero(need == amount)
                flows = _Flows(self, values, hidden, int(amount))
                if self.rectangles:
                    cells = cells[~flows.rectangle(cells, backwards[cells])]
                for t in cells:
                    _check_deadline(deadline)
                    moved = flows.maximum(int(t), bool(backwards[t]))
                    if moved < amount:
                        sides[t] = value[t] + direction * moved
                        exact_side[t] = True
                need_met = (need == amount) & ~exact_side
                sides[need_met] = value[need_met] + direction * amount
        return lower, upper, exact_up & exact_down


class _Flows:
    """Flows of up to ``amount`` units through the suppressed cells (every capacity capped there).

    Capping is exact for the question asked: a flow of ``amount`` exists in the capped network if and
    only if it exists in the true one, and a smaller maximum is the same in both.
    """

    def __init__(self, network: _TwoWayNetwork, values: IntArray, hidden: IntArray, amount: int) -> None:
        import scipy.sparse as sp

        self.network = network
        self.hidden = hidden
        self.amount = amount
        falls = np.minimum(values[hidden], amount).astype(np.int64)
        rises = np.full(hidden.size, amount, dtype=np.int64)
        plus = network.sign[hidden] > 0
        self.forward = np.where(plus, rises, falls)  # row -> column
        self.backward = np.where(plus, falls, rises)  # column -> row
        rows, columns = network.row_node[hidden], network.column_node[hidden]
        self.rows, self.columns = rows, columns
        sources = np.concatenate([rows, columns])
        targets = np.concatenate([columns, rows])
        graph = sp.csr_array(
            (np.concatenate([self.forward, self.backward]).astype(np.int32), (sources, targets)),
            shape=(network.nodes, network.nodes),
        )
        graph.sum_duplicates()
        graph.sort_indices()
        self.graph = graph
        keys = np.repeat(np.arange(network.nodes), np.diff(graph.indptr)) * network.nodes + graph.indices
        self.forward_at = np.searchsorted(keys, rows * network.nodes + columns)
        self.backward_at = np.searchsorted(keys, columns * network.nodes + rows)

    def rectangle(self, cells: IntArray, backwards: BoolArray) -> BoolArray:
        """Which ``cells`` (indices into the hidden cells) have a rectangle carrying ``amount`` round.

        ``backwards`` is True where the cycle must return from the cell's column to its row. Every
        rectangle of every cell is counted at once: paths column -> row -> column -> row are the matrix
        product ``B F^T B``, minus the paths that reuse the cell's own edge.
        """
        width, height = self.network.width, self.network.height
        shape = (height, width)
        row_index = self.rows
        column_index = self.columns - height
        forward = np.zeros(shape)
        backward = np.zeros(shape)
        forward[row_index, column_index] = self.forward >= self.amount
        backward[row_index, column_index] = self.backward >= self.amount
        both = forward * backward
        along_row, along_column = both.sum(axis=1), both.sum(axis=0)
        i, j = row_index[cells], column_index[cells]
        own_forward, own_backward = forward[i, j], backward[i, j]
        reuse = along_row[i] + along_column[j]
        back_paths = (backward @ forward.T @ backward)[i, j] - own_backward * (reuse - own_forward)
        forth_paths = (forward @ backward.T @ forward)[i, j] - own_forward * (reuse - own_backward)
        found: BoolArray = np.where(backwards, back_paths, forth_paths) > 0.5
        return found

    def maximum(self, cell: int, backwards: bool) -> int:
        """The most that can flow round a cycle through hidden cell ``cell`` (at most ``amount``)."""
        import scipy.sparse as sp
        from scipy.sparse.csgraph import maximum_flow

        data = self.graph.data.copy()
        data[self.forward_at[cell]] -= self.forward[cell]
        data[self.backward_at[cell]] -= self.backward[cell]
        graph = sp.csr_array((data, self.graph.indices, self.graph.indptr), shape=self.graph.shape)
        row, column = int(self.rows[cell]), int(self.columns[cell])
        source, sink = (column, row) if backwards else (row, column)
        return int(maximum_flow(graph, source, sink).flow_value)


def _line_signs(
    grid: PublishedGrid, width: int, height: int, *, along_rows: bool
) -> tuple[IntArray, list[int]] | None:
    """For sums along whole rows (or columns): each column's (row's) coefficient and the lines summed.

    None unless either every line has exactly one sum over all of it, with the same coefficients, or
    no line has one.
    """
    length = width if along_rows else height
    lines = height if along_rows else width
    coefficients: IntArray | None = None
    summed: list[int] = []
    for relation in grid.relations:
        members = np.array((*relation.parts, relation.total))
        rows, columns = np.divmod(members, width)
        line, place = (rows, columns) if along_rows else (columns, rows)
        if not np.all(line == line[0]):
            continue
        if members.size != length:
            return None
        these = np.ones(length, dtype=np.int64)
        these[place[-1]] = -1
        if coefficients is not None and not np.array_equal(these[place], coefficients[place]):
            return None
        coefficients = these
        summed.append(int(line[0]))
    if not summed:
        return np.ones(length, dtype=np.int64), []
    if sorted(summed) != list(range(lines)):
        return None
    assert coefficients is not None
    return coefficients, summed
