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
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp
from scipy.optimize import Bounds, LinearConstraint, linprog, milp

from foidesk.core.sdc.grid import PublishedGrid
from foidesk.core.sdc.rule import ProtectionRule

DEFAULT_TIME_LIMIT_SECONDS = 60.0
MAX_ROUNDS = 200
_TOLERANCE = 1e-7

BoolArray = npt.NDArray[np.bool_]


class Objective(StrEnum):
    """What the optimal method minimises (and what ``information_loss`` reports)."""

    CELLS = "cells"  # the number of suppressed cells
    VALUE = "value"  # the sum of the suppressed counts


class SuppressionFailed(RuntimeError):
    """The solver returned no usable suppression pattern (e.g. the time limit hit before any was found)."""


@dataclass(frozen=True, slots=True)
class OptimalPattern:
    """The cells to hide, and whether HiGHS proved the pattern optimal within its time limit."""

    suppressed: BoolArray
    proven_optimal: bool


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
    if not flows:
        return OptimalPattern(primary.copy(), proven_optimal=True)
    relation = sp.csr_matrix(grid.relation_matrix())
    cost = cell_costs(values, objective)
    cuts = _relation_cuts(grid, primary)
    deadline = time.monotonic() + time_limit
    pattern = primary.copy()
    proven = True
    for _ in range(MAX_ROUNDS):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            break
        pattern, proven = _solve_master(cost, primary, cuts, remaining)
        new_cuts = [cut for flow in flows if (cut := _capacity_cut(relation, values, pattern, flow))]
        if not new_cuts:
            return OptimalPattern(pattern, proven_optimal=proven)
        cuts += new_cuts
    raise SuppressionFailed("the optimal method ran out of time; use the fast method for this table")


def _solve_master(
    cost: npt.NDArray[np.float64], primary: BoolArray, cuts: list[_Cut], time_limit: float
) -> tuple[BoolArray, bool]:
    """The cheapest pattern meeting every cut found so far."""
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
    if result.x is None:
        raise SuppressionFailed(f"HiGHS found no suppression pattern: {result.message}")
    return (np.asarray(result.x) > 0.5) | primary, result.status == 0


def _capacity_cut(
    relation: Any, values: npt.NDArray[np.int64], pattern: BoolArray, flow: _Flow
) -> _Cut | None:
    """None if ``pattern`` lets the flow's cell move as required, else a cut every valid pattern meets.

    The subproblem maximises the cell's move ``y_p`` (in the flow's direction) over changes ``y``
    with ``A y = 0`` and ``-floor_j s_j <= y_j <= size s_j``. Its dual prices ``mu`` (upper bounds)
    and ``nu`` (lower bounds) bound the move for *every* pattern: ``move(s) <= sum_j (mu_j size +
    nu_j floor_j) s_j`` (weak duality), so a valid pattern must make that sum reach ``size``.
    """
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
