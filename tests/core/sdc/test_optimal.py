"""Tests for foidesk.core.sdc.optimal: the mixed-integer programme finds the cheapest safe pattern."""

from __future__ import annotations

from itertools import combinations

import numpy as np

from foidesk.core.sdc.audit import audit_grid
from foidesk.core.sdc.grid import PublishedGrid, build_grid
from foidesk.core.sdc.optimal import Objective, cell_costs, optimal_suppression
from foidesk.core.sdc.rule import ProtectionRule
from foidesk.core.sdc.table import CountTable, RowGroup

RULE = ProtectionRule()


def _primary(grid: PublishedGrid) -> np.ndarray:
    return np.array([RULE.is_sensitive(v) for v in grid.values])


def test_a_single_small_count_needs_a_rectangle_of_four() -> None:
    grid = build_grid(CountTable("r", "c", ("X", "Y"), ("A", "B"), ((2, 8), (6, 9))))
    found = optimal_suppression(grid, _primary(grid), RULE)
    assert found.proven_optimal
    hidden = {grid.position(int(k)) for k in np.flatnonzero(found.suppressed)}
    assert hidden == {("X", "A"), ("X", "B"), ("Y", "A"), ("Y", "B")}


def test_no_smaller_pattern_is_safe() -> None:
    """Every pattern with fewer secondary cells than the optimum fails the audit (brute force)."""
    table = CountTable("r", "c", ("X", "Y", "Z"), ("A", "B"), ((3, 8), (9, 7), (6, 1)))
    grid = build_grid(table)
    primary = _primary(grid)
    found = optimal_suppression(grid, primary, RULE)
    assert audit_grid(grid, found.suppressed, RULE).passed
    extra = int(found.suppressed.sum() - primary.sum())
    candidates = [int(k) for k in np.flatnonzero(~primary)]
    for size in range(extra):
        for chosen in combinations(candidates, size):
            pattern = primary.copy()
            pattern[list(chosen)] = True
            assert not audit_grid(grid, pattern, RULE, exact=True).passed


def test_a_total_that_is_itself_small_is_hidden_and_protected() -> None:
    table = CountTable("r", "c", ("X", "Y", "Z"), ("A", "B", "C"), ((1, 0, 2), (5, 9, 7), (8, 6, 12)))
    grid = build_grid(table)
    found = optimal_suppression(grid, _primary(grid), RULE)
    assert found.suppressed[grid.index("X", "Total")]  # the row total 3 is a small count too
    assert audit_grid(grid, found.suppressed, RULE).passed


def test_hierarchical_subtotals_are_protected() -> None:
    rows = ("Camden", "Islington", "Brent", "Harrow")
    table = CountTable(
        "borough",
        "outcome",
        rows,
        ("A", "B", "C"),
        ((2, 9, 11), (8, 7, 6), (10, 3, 12), (9, 8, 14)),
        (RowGroup("North", rows[:2]), RowGroup("West", rows[2:])),
    )
    grid = build_grid(table)
    found = optimal_suppression(grid, _primary(grid), RULE)
    assert audit_grid(grid, found.suppressed, RULE).passed


def test_value_objective_prefers_hiding_smaller_counts() -> None:
    table = CountTable("r", "c", ("X", "Y", "Z"), ("A", "B", "C"), ((2, 50, 6), (40, 60, 7), (30, 90, 8)))
    grid = build_grid(table)
    primary = _primary(grid)
    by_value = optimal_suppression(grid, primary, RULE, Objective.VALUE).suppressed
    by_cells = optimal_suppression(grid, primary, RULE, Objective.CELLS).suppressed
    values = grid.value_array()
    assert values[by_value].sum() <= values[by_cells].sum()
    assert by_cells.sum() <= by_value.sum()
    assert audit_grid(grid, by_value, RULE).passed


def test_costs_rank_cells_first_and_value_second() -> None:
    costs = cell_costs(np.array([0, 5, 100]), Objective.CELLS)
    assert 1 <= costs[0] < costs[1] < costs[2] < 2
    costs = cell_costs(np.array([0, 5, 100]), Objective.VALUE)
    assert 0 < costs[0] < 1 and costs[1] < 6


def test_a_solve_stopped_before_it_finds_a_pattern_is_a_timeout_not_a_failure() -> None:
    """A round begun with a moment left (or on a loaded machine): HiGHS stops with no pattern at all.

    The method reports that it ran out of time, with the cells it could not vouch for, so that the
    caller falls back to a safe pattern; it does not fail the whole request. A tenth of a millisecond
    is too short for the whole method on any machine, so this holds whatever the load.
    """
    cells = np.random.default_rng(3).negative_binomial(1, 0.08, size=(30, 10))
    table = CountTable("r", "c", tuple(f"R{i}" for i in range(30)), tuple(f"C{j}" for j in range(10)),
                       tuple(tuple(int(v) for v in row) for row in cells))  # fmt: skip
    grid = build_grid(table)
    primary = _primary(grid)
    found = optimal_suppression(grid, primary, RULE, time_limit=0.0001)
    assert not found.complete and not found.proven_optimal
    assert found.unprotected and set(found.unprotected) <= set(np.flatnonzero(primary).tolist())
    assert (found.suppressed >= primary).all()
