"""Tests for foidesk.core.sdc.suppression: protect() end to end, and its invariants on random tables."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from foidesk.core.sdc.audit import audit_grid
from foidesk.core.sdc.grid import Margins, build_grid
from foidesk.core.sdc.rule import ProtectionRule
from foidesk.core.sdc.suppression import Method, Reason, primary_suppression, protect
from foidesk.core.sdc.table import CountTable, RowGroup

# Borough by outcome, small counts scattered (hand-made).
TABLE = CountTable(
    "borough",
    "outcome",
    ("Camden", "Hackney", "Brent"),
    ("Dismissal", "Final written warning", "Reflective practice"),
    ((2, 7, 11), (0, 9, 14), (6, 3, 12)),
)


def test_primary_only_and_one_per_row_are_recoverable_and_both_methods_fix_them() -> None:
    grid = build_grid(TABLE)
    rule = ProtectionRule()
    primary = primary_suppression(grid, rule)
    assert not audit_grid(grid, primary, rule).passed
    one_per_row = primary.copy()
    one_per_row[grid.index("Camden", "Final written warning")] = True
    one_per_row[grid.index("Brent", "Reflective practice")] = True
    naive = audit_grid(grid, one_per_row, rule)
    assert {(c.row, c.column) for c in naive.failures} == {
        ("Camden", "Dismissal"),
        ("Brent", "Final written warning"),
    }
    for method in Method:
        assert protect(TABLE, method=method).audit.passed


def test_display_cells_read_c_where_suppressed_and_totals_are_published() -> None:
    protected = protect(TABLE)
    assert protected.row_labels == ("Camden", "Hackney", "Brent", "Total")
    assert protected.column_labels[-1] == "Total"
    assert protected.display_cells == (
        ("[c]", "[c]", "11", "20"),
        ("0", "9", "14", "23"),
        ("[c]", "[c]", "12", "21"),
        ("8", "19", "37", "64"),
    )
    assert [(c.row, c.column, c.reason) for c in protected.suppressed] == [
        ("Camden", "Dismissal", Reason.PRIMARY),
        ("Camden", "Final written warning", Reason.SECONDARY),
        ("Brent", "Dismissal", Reason.SECONDARY),
        ("Brent", "Final written warning", Reason.PRIMARY),
    ]
    assert protected.information_loss == 4
    assert protected.suppressed_value == 18
    assert protected.release_allowed


def test_report_keeps_the_contract_keys_and_no_hidden_values() -> None:
    report = protect(TABLE, method="fast").to_json()
    assert {"suppressed", "cells", "information_loss", "method", "audit"} <= set(report)
    assert report["cells"] == 16
    assert report["method"] == "fast"
    assert all(set(cell) == {"row", "column", "reason"} for cell in report["suppressed"])


def test_one_way_table_publishes_only_its_total_row() -> None:
    protected = protect(CountTable.one_way("rank", ["PC", "PS", "Insp"], [3, 10, 12]))
    assert protected.column_labels == ("Count",)
    assert protected.display_cells == (("[c]",), ("[c]",), ("12",), ("25",))


def test_zero_can_be_protected_when_configured() -> None:
    protected = protect(TABLE, zero_is_sensitive=True)
    assert ("Hackney", "Dismissal", Reason.PRIMARY) in [
        (c.row, c.column, c.reason) for c in protected.suppressed
    ]
    assert protected.audit.passed


def test_hierarchy_is_protected_by_both_methods() -> None:
    table = CountTable(
        "borough",
        "outcome",
        ("Camden", "Islington", "Brent", "Harrow"),
        ("A", "B", "C"),
        ((2, 9, 11), (8, 7, 6), (10, 3, 12), (9, 8, 14)),
        (RowGroup("North", ("Camden", "Islington")), RowGroup("West", ("Brent", "Harrow"))),
    )
    for method in Method:
        protected = protect(table, method=method)
        assert protected.audit.passed
        assert protected.row_labels[4:] == ("North", "West", "Total")


tables = st.integers(1, 4).flatmap(
    lambda rows: st.integers(1, 4).flatmap(
        lambda columns: st.lists(
            st.lists(st.integers(0, 14), min_size=columns, max_size=columns), min_size=rows, max_size=rows
        )
    )
)


def _table(cells: list[list[int]]) -> CountTable:
    return CountTable(
        "r",
        "c",
        tuple(f"r{i}" for i in range(len(cells))),
        tuple(f"c{j}" for j in range(len(cells[0]))),
        tuple(tuple(row) for row in cells),
    )


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cells=tables, row_totals=st.booleans(), column_totals=st.booleans())
def test_every_released_table_passes_an_exact_audit(
    cells: list[list[int]], row_totals: bool, column_totals: bool
) -> None:
    table = _table(cells)
    margins = Margins(row_totals=row_totals, column_totals=column_totals)
    rule = ProtectionRule()
    for method in Method:
        protected = protect(table, method=method, margins=margins)
        assert protected.audit.passed
        assert audit_grid(protected.grid, np.array(protected.hidden), rule, exact=True).passed


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cells=tables)
def test_optimal_never_suppresses_more_cells_than_fast(cells: list[list[int]]) -> None:
    table = _table(cells)
    optimal = protect(table, method=Method.OPTIMAL)
    fast = protect(table, method=Method.FAST)
    assert optimal.proven_optimal
    assert optimal.information_loss <= fast.information_loss


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    cells=st.lists(st.lists(st.integers(0, 14), min_size=2, max_size=3), min_size=3, max_size=5),
    split=st.integers(1, 2),
)
def test_hierarchical_tables_pass_an_exact_audit(cells: list[list[int]], split: int) -> None:
    width = len(cells[0])
    rows = [(row + [7] * width)[:width] for row in cells]
    table = _table(rows)
    groups = (RowGroup("G1", table.row_labels[:split]), RowGroup("G2", table.row_labels[split:]))
    table = CountTable(
        table.row_dimension,
        table.column_dimension,
        table.row_labels,
        table.column_labels,
        table.cells,
        groups,
    )
    for method in Method:
        protected = protect(table, method=method)
        assert audit_grid(protected.grid, np.array(protected.hidden), ProtectionRule(), exact=True).passed


def _busy_table(rows: int, columns: int, seed: int) -> CountTable:
    cells = np.random.default_rng(seed).negative_binomial(1, 0.08, size=(rows, columns))
    return _table([[int(v) for v in row] for row in cells])


# Time limits the optimal method cannot meet on any machine, whatever its load: none at all (no round
# begins), and a tenth of a millisecond (HiGHS is stopped in its first solve, mostly before it finds a
# pattern). Either way the method runs out of time, so the fallback is what is tested, not the clock.
HOPELESS_TIME_LIMITS = (0.0, 0.0001)


@pytest.mark.parametrize("time_limit", HOPELESS_TIME_LIMITS)
def test_optimal_out_of_time_falls_back_to_a_safe_pattern_and_says_so(time_limit: float) -> None:
    table = _busy_table(30, 10, 3)
    fast = protect(table, method=Method.FAST)
    hurried = protect(table, method=Method.OPTIMAL, time_limit=time_limit)
    assert hurried.time_limit_hit and not hurried.proven_optimal
    assert hurried.audit.passed
    assert audit_grid(hurried.grid, np.array(hurried.hidden), ProtectionRule(), exact=True).passed
    assert hurried.information_loss <= fast.information_loss
    assert hurried.lower_bound is not None and hurried.lower_bound <= hurried.information_loss
    report = hurried.to_json()
    assert report["time_limit_hit"] is True and report["gap"] is not None


def test_optimal_within_its_time_reports_its_bound_as_the_loss() -> None:
    protected = protect(_busy_table(6, 4, 1), method=Method.OPTIMAL)
    assert protected.proven_optimal and not protected.time_limit_hit
    assert protected.lower_bound == protected.information_loss
    assert protected.gap == 0.0


def test_the_bound_is_never_above_the_optimum() -> None:
    table = _busy_table(12, 5, 2)
    optimum = protect(table, method=Method.OPTIMAL).information_loss
    hurried = protect(table, method=Method.OPTIMAL, time_limit=0.05)
    assert hurried.lower_bound is not None and hurried.lower_bound <= optimum <= hurried.information_loss
