"""Tests for foidesk.core.sdc.heuristic: the fast method protects every cell, cheaply."""

from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from foidesk.core.sdc.audit import audit_grid
from foidesk.core.sdc.grid import Margins, PublishedGrid, build_grid
from foidesk.core.sdc.heuristic import fast_suppression
from foidesk.core.sdc.rule import ProtectionRule
from foidesk.core.sdc.table import CountTable, RowGroup

RULE = ProtectionRule()


def _primary(grid: PublishedGrid) -> np.ndarray:
    return np.array([RULE.is_sensitive(v) for v in grid.values])


def _hidden(grid: PublishedGrid, pattern: np.ndarray) -> set[tuple[str, str]]:
    return {grid.position(int(k)) for k in np.flatnonzero(pattern)}


def test_a_single_small_count_gets_the_rectangle_of_four() -> None:
    grid = build_grid(CountTable("r", "c", ("X", "Y"), ("A", "B"), ((2, 8), (6, 9))))
    pattern = fast_suppression(grid, _primary(grid), RULE)
    assert _hidden(grid, pattern) == {("X", "A"), ("X", "B"), ("Y", "A"), ("Y", "B")}


def test_a_rectangle_through_the_totals_moves_the_totals_with_their_parts() -> None:
    # Column B holds only small or zero counts, so X,A's rectangle must use the Total row.
    grid = build_grid(CountTable("r", "c", ("X", "Y"), ("A", "B"), ((3, 9), (0, 20))))
    pattern = fast_suppression(grid, _primary(grid), RULE)
    assert audit_grid(grid, pattern, RULE, exact=True).passed


def test_rectangles_reuse_cells_already_hidden() -> None:
    # Two small counts in row X: X,A = 2 and X,B = 3 alone sum to 5, so the 3 could reach only 5,
    # short of the 6 its rule needs; the whole of both rows goes (six cells, as the optimum).
    grid = build_grid(CountTable("r", "c", ("X", "Y"), ("A", "B", "C"), ((2, 3, 20), (9, 8, 30))))
    pattern = fast_suppression(grid, _primary(grid), RULE)
    assert audit_grid(grid, pattern, RULE, exact=True).passed
    assert pattern.sum() == 6


def test_hierarchical_tables_fall_back_to_programmes() -> None:
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
    assert audit_grid(grid, fast_suppression(grid, _primary(grid), RULE), RULE, exact=True).passed


def test_one_way_table_with_a_total_row() -> None:
    grid = build_grid(
        CountTable.one_way("rank", ["PC", "PS", "Insp"], [3, 10, 12]), Margins(row_totals=False)
    )
    pattern = fast_suppression(grid, _primary(grid), RULE)
    assert audit_grid(grid, pattern, RULE, exact=True).passed
    assert pattern.sum() == 2  # the 3 and one more


def test_big_random_table_passes_the_audit() -> None:
    rng = np.random.default_rng(11)
    values = rng.negative_binomial(1, 0.1, size=(40, 12))
    table = CountTable(
        "r",
        "c",
        tuple(f"r{i}" for i in range(40)),
        tuple(f"c{j}" for j in range(12)),
        tuple(map(tuple, values.tolist())),
    )
    grid = build_grid(table)
    assert audit_grid(grid, fast_suppression(grid, _primary(grid), RULE), RULE).passed


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    cells=st.lists(st.lists(st.integers(0, 12), min_size=1, max_size=6), min_size=1, max_size=6),
    threshold=st.integers(2, 6),
    row_totals=st.booleans(),
    column_totals=st.booleans(),
)
def test_the_fast_pattern_alone_passes_the_exact_audit(
    cells: list[list[int]], threshold: int, row_totals: bool, column_totals: bool
) -> None:
    """Before any repair by :func:`protect`: the greedy pattern itself leaves no small count exposed."""
    width = len(cells[0])
    rows = [(row + [9] * width)[:width] for row in cells]
    table = CountTable(
        "r",
        "c" if width > 1 else None,
        tuple(f"r{i}" for i in range(len(rows))),
        tuple(f"c{j}" for j in range(width)) if width > 1 else ("Count",),
        tuple(tuple(row) for row in rows),
    )
    grid = build_grid(table, Margins(row_totals=row_totals, column_totals=column_totals))
    rule = ProtectionRule(threshold)
    primary = np.array([rule.is_sensitive(v) for v in grid.values])
    pattern = fast_suppression(grid, primary, rule)
    assert audit_grid(grid, pattern, rule, exact=True, network=False).passed
