"""Optimal secondary suppression: a mixed-integer programme solved by HiGHS (``scipy.optimize.milp``).

It chooses the cheapest set of extra cells to hide so that every sensitive cell is protected. The
cost is the number of suppressed cells (``Objective.CELLS``, the default), ties going to the cells of
smaller value; or the total value suppressed (``Objective.VALUE``), ties going to fewer cells.

The model is the classical one of Fischetti and Salazar-Gonzalez. A binary ``s_j`` per grid cell
says it is hidden. A sensitive cell ``p`` is protected upwards when some change ``y`` to the table
keeps every published sum (``A y = 0``), moves ``p`` up by its required amount (from :mod:`rule`),
keeps every count non-negative (``y_j >= -value_j``) and touches only hidden cells
(``|y_j| <= bound * s_j``): then ``values + y`` is consistent with the release, so the intruder's
interval reaches that far (and likewise downwards). The bound is ``r``, the required move: for a
two-way grid of totals the relation matrix is a network matrix, so a change of size ``r`` never
needs more than ``r`` in any cell and nothing is lost. Where a structure would need more (we know of
none among ours), the bound only makes the programme stricter: it may hide more, never protect less,
and the audit checks the result regardless.

It is solved by Benders decomposition: a master programme over the ``s_j`` alone, and for each
requirement a linear subproblem whose dual gives a "capacity cut" whenever the master's pattern
fails it. The master is re-solved with the new cuts until every requirement holds; the first
pattern to satisfy all of them is optimal, since every cut is valid for every safe pattern.

The whole loop runs to a wall-clock budget (``time_limit``, also passed to each master solve as HiGHS's
``time_limit``). Every master optimum is a lower bound on the true optimum (the master is a
relaxation), and a master stopped by the clock still proves its dual bound; the best of these is
reported. When the budget runs out before a safe pattern is found the result says so
(``complete=False``) and carries the cells still unprotected; :func:`~foidesk.core.sdc.suppression.protect`
then falls back to the fast method and keeps the better safe pattern.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import numpy as np
import numpy.typing as npt

from foidesk.core.sdc.grid import PublishedGrid
from foidesk.core.sdc.rule import ProtectionRule

# SciPy is imported inside the functions that use it: importing it costs about half a second, which
# start-up and the collection of the tests need not pay.

DEFAULT_TIME_LIMIT_SECONDS = 30.0  # a default for a web request; a setting can raise it
MAX_ROUNDS = 200
_TOLERANCE = 1e-7
_MILP_LIMIT_REACHED = 1  # scipy.optimize.milp: "Iteration or time limit reached"

BoolArray = npt.NDArray[np.bool_]


class Objective(StrEnum):
    """What the optimal method minimises (and what ``information_loss`` reports)."""

    CELLS = "cells"  # the number of suppressed cells
    VALUE = "value"  # the sum of the suppressed counts


class SuppressionFailed(RuntimeError):
    """The solver returned no usable suppression pattern (e.g. the time limit hit before any was found)."""


@dataclass(frozen=True, slots=True)
class OptimalPattern:
    """The cells to hide, whether HiGHS proved the pattern optimal, and the best bound it proved.

    ``complete`` is False when the time limit struck first: ``suppressed`` is then the last master
    pattern, which need not protect the cells in ``unprotected``. ``lower_bound`` is the least cost
    (under :func:`cell_costs`) any safe pattern can have, as far as HiGHS proved it.
    """

    suppressed: BoolArray
    proven_optimal: bool
    lower_bound: float = 0.0
    complete: bool = True
    unprotected: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class _Flow:
    cell: int
    shift: float  # signed required change of the sensitive cell


@dataclass(frozen=True, slots=True)
class _Cut:
    """``sum(coefficients * s[cells]) >= bound``."""

    cells: npt.NDArray[np.intp]
    coefficients: npt.NDArray[np.float64]
    bound: float


def cell_costs(values: npt.NDArray[np.int64], objective: Objective) -> npt.NDArray[np.float64]:
    """The cost of hiding each cell under ``objective`` (shared with the fast method)."""
    as_float: npt.NDArray[np.float64] = values.astype(np.float64)
    if objective is Objective.VALUE:
        return as_float + 1.0 / (values.size + 1)
    return 1.0 + as_float / (float(as_float.sum()) + 1.0)


def optimal_suppression(
    grid: PublishedGrid,
    primary: BoolArray,
    rule: ProtectionRule,
    objective: Objective = Objective.CELLS,
    *,
    time_limit: float = DEFAULT_TIME_LIMIT_SECONDS,
) -> OptimalPattern:
    """The least costly pattern containing ``primary`` that protects every sensitive cell."""
    values = grid.value_array()
    flows = _flows(values, primary, rule)
    cost = cell_costs(values, objective)
    if not flows:
        return OptimalPattern(primary.copy(), proven_optimal=True, lower_bound=float(cost[primary].sum()))
    relation = grid.relation_sparse()
    cuts = _relation_cuts(grid, primary)
    deadline = time.monotonic() + time_limit
    pattern = primary.copy()
    proven = True
    bound = float(cost[primary].sum())
    failing: list[int] = sorted({flow.cell for flow in flows})
    for _ in range(MAX_ROUNDS):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            break
        solved = _solve_master(cost, primary, cuts, remaining)
        if solved is None:  # out of time before HiGHS found a pattern: keep the last round's
            break
        pattern, proven, round_bound = solved
        bound = max(bound, round_bound)
        new_cuts: list[_Cut] = []
        failing = []
        for flow in flows:
            if time.monotonic() > deadline:
                failing = sorted({flow.cell for flow in flows})  # not all checked: trust none
                break
            if cut := _capacity_cut(relation, values, pattern, flow):
                new_cuts.append(cut)
                failing.append(flow.cell)
        else:
            if not new_cuts:
                return OptimalPattern(pattern, proven_optimal=proven, lower_bound=bound)
        cuts += new_cuts
    return OptimalPattern(
        pattern,
        proven_optimal=False,
        lower_bound=bound,
        complete=False,
        unprotected=tuple(sorted(set(failing))),
    )


def bounded_count(bound: float) -> int:
    """The least number of cells (``Objective.CELLS``) or records (``VALUE``) a cost ``bound`` implies.

    Under :func:`cell_costs` a pattern's cost is its count plus a tie-break below 1, so a pattern of
    cost at least ``bound`` has a count of at least ``floor(bound)``.
    """
    return math.floor(bound + _TOLERANCE)


def _solve_master(
    cost: npt.NDArray[np.float64], primary: BoolArray, cuts: list[_Cut], time_limit: float
) -> tuple[BoolArray, bool, float] | None:
    """The cheapest pattern meeting every cut found so far, whether proven, and HiGHS's lower bound.

    None when ``time_limit`` ran out before HiGHS found any pattern (a round begun with moments left,
    or a loaded machine): the caller falls back as for any other timeout.
    """
    import scipy.sparse as sp
    from scipy.optimize import Bounds, LinearConstraint, milp

    n = cost.size
    constraints = []
    if cuts:
        rows = np.concatenate([np.full(len(c.cells), r) for r, c in enumerate(cuts)])
        columns = np.concatenate([c.cells for c in cuts])
        data = np.concatenate([c.coefficients for c in cuts])
        matrix = sp.csr_matrix((data, (rows, columns)), shape=(len(cuts), n))
        constraints.append(LinearConstraint(matrix, [c.bound for c in cuts], np.inf))
    result = milp(
        cost,
        constraints=constraints,
        integrality=np.ones(n),
        bounds=Bounds(primary.astype(np.float64), np.ones(n)),
        options={"time_limit": time_limit, "disp": False},
    )
    if result.x is None and result.status == _MILP_LIMIT_REACHED:
        return None
    if result.x is None:
        raise SuppressionFailed(f"HiGHS found no suppression pattern: {result.message}")
    proven = result.status == 0
    dual_bound = getattr(result, "mip_dual_bound", None)
    bound = float(result.fun) if proven or dual_bound is None else float(dual_bound)
    return (np.asarray(result.x) > 0.5) | primary, proven, bound


def _capacity_cut(
    relation: Any, values: npt.NDArray[np.int64], pattern: BoolArray, flow: _Flow
) -> _Cut | None:
    """None if ``pattern`` lets the flow's cell move as required, else a cut every valid pattern meets.

    The subproblem maximises the cell's move ``y_p`` (in the flow's direction) over changes ``y``
    with ``A y = 0`` and ``-floor_j s_j <= y_j <= size s_j``. Its dual prices ``mu`` (upper bounds)
    and ``nu`` (lower bounds) bound the move for *every* pattern: ``move(s) <= sum_j (mu_j size +
    nu_j floor_j) s_j`` (weak duality), so a valid pattern must make that sum reach ``size``.
    """
    from scipy.optimize import linprog

    size = abs(flow.shift)
    direction = 1.0 if flow.shift > 0 else -1.0
    floor = np.minimum(values, size).astype(np.float64)
    hidden = pattern.astype(np.float64)
    cost = np.zeros(values.size)
    cost[flow.cell] = -direction
    result = linprog(
        cost,
        A_eq=relation,
        b_eq=np.zeros(relation.shape[0]),
        bounds=np.column_stack([-floor * hidden, size * hidden]),
        method="highs",
    )
    if result.status != 0:
        raise SuppressionFailed(f"HiGHS could not solve a protection subproblem: {result.message}")
    if -result.fun >= size - _TOLERANCE:
        return None
    mu = np.maximum(-np.asarray(result.upper.marginals), 0.0)
    nu = np.maximum(np.asarray(result.lower.marginals), 0.0)
    coefficients = mu * size + nu * floor
    cells = np.flatnonzero(coefficients > _TOLERANCE)
    return _Cut(cells=cells, coefficients=coefficients[cells], bound=size - _TOLERANCE)


def _relation_cuts(grid: PublishedGrid, primary: BoolArray) -> list[_Cut]:
    """A sensitive cell alone among published cells of a sum is its own difference: hide one more."""
    cuts = []
    for relation in grid.relations:
        members = np.array((*relation.parts, relation.total))
        for cell in members[primary[members]]:
            others = members[members != cell]
            cuts.append(_Cut(cells=others, coefficients=np.ones(others.size), bound=1.0))
    return cuts


def _flows(values: npt.NDArray[np.int64], primary: BoolArray, rule: ProtectionRule) -> list[_Flow]:
    flows: list[_Flow] = []
    for cell in np.flatnonzero(primary):
        value = int(values[cell])
        if not rule.is_sensitive(value):
            continue
        flows.append(_Flow(int(cell), float(rule.required_upper(value))))
        if rule.required_lower(value) > 0:
            flows.append(_Flow(int(cell), -float(rule.required_lower(value))))
    return flows
