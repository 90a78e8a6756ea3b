"""Tests for foidesk.core.sdc.audit: the intervals an intruder can deduce, and the refusal."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foidesk.core.sdc.audit import (
    AuditIncomplete,
    InconsistentRelease,
    UnsafeRelease,
    audit_grid,
    deducible_ranges,
)
from foidesk.core.sdc.grid import Margins, PublishedGrid, build_grid
from foidesk.core.sdc.rule import ProtectionRule
from foidesk.core.sdc.table import CountTable

RULE = ProtectionRule()


def _grid() -> PublishedGrid:
    #         A   B  Total
    # X       2   8   10
    # Y       6   9   15
    # Total   8  17   25
    return build_grid(CountTable("r", "c", ("X", "Y"), ("A", "B"), ((2, 8), (6, 9))))


def _hide(grid: PublishedGrid, *cells: tuple[str, str]) -> list[bool]:
    hidden = [False] * grid.size
    for row, column in cells:
        hidden[grid.index(row, column)] = True
    return hidden


def test_primary_suppression_alone_is_undone_by_the_row_total() -> None:
    grid = _grid()
    report = audit_grid(grid, _hide(grid, ("X", "A")), RULE)
    assert not report.passed
    (cell,) = report.failures
    assert (cell.lower, cell.upper) == (2, 2)  # 10 - 8
    with pytest.raises(UnsafeRelease, match=r"\(X, A\) in \[2, 2\] \(needs \[0, 5\]\)"):
        report.refuse_if_unsafe()


def test_one_more_cell_in_the_row_is_undone_by_the_column_total() -> None:
    grid = _grid()
    report = audit_grid(grid, _hide(grid, ("X", "A"), ("X", "B")), RULE)
    assert [(c.row, c.column, c.lower, c.upper) for c in report.failures] == [("X", "A", 2, 2)]


def test_a_rectangle_leaves_the_intruder_zero_to_eight() -> None:
    grid = _grid()
    report = audit_grid(grid, _hide(grid, ("X", "A"), ("X", "B"), ("Y", "A"), ("Y", "B")), RULE)
    assert report.passed
    by_cell = {(c.row, c.column): (c.lower, c.upper) for c in report.cells}
    # X,A = t, X,B = 10 - t, Y,A = 8 - t, Y,B = 7 + t with 0 <= t <= 8 (worked by hand).
    assert by_cell == {("X", "A"): (0, 8), ("X", "B"): (2, 10), ("Y", "A"): (0, 8), ("Y", "B"): (7, 15)}
    assert all(c.exact for c in report.cells)


def test_a_narrow_rectangle_is_caught() -> None:
    # Column A totals 3, so X,A = t and Y,A = 3 - t with 0 <= t <= 3: both small counts are
    # pinned inside [0, 3], short of the required [0, 5] (worked by hand).
    grid = build_grid(CountTable("r", "c", ("X", "Y"), ("A", "B"), ((2, 8), (1, 9))))
    report = audit_grid(grid, _hide(grid, ("X", "A"), ("X", "B"), ("Y", "A"), ("Y", "B")), RULE)
    assert not report.passed
    assert {(c.row, c.column, c.lower, c.upper) for c in report.failures} == {
        ("X", "A", 0, 3),
        ("Y", "A", 0, 3),
    }


def test_a_cell_in_no_published_sum_is_unbounded() -> None:
    grid = build_grid(
        CountTable.one_way("x", ["a", "b"], [1, 9]), Margins(row_totals=False, column_totals=False)
    )
    report = audit_grid(grid, [True, False], RULE)
    assert report.passed
    assert (report.cells[0].lower, report.cells[0].upper) == (0, math.inf)
    assert report.to_json()["passed"] is True


def test_one_way_table_with_its_total() -> None:
    grid = build_grid(CountTable.one_way("x", ["a", "b", "c"], [3, 10, 12]), Margins(row_totals=False))
    report = audit_grid(grid, _hide(grid, ("a", "Count"), ("b", "Count")), RULE)
    assert [(c.lower, c.upper) for c in report.cells] == [(0, 13), (0, 13)]


def test_witnesses_never_claim_more_than_the_exact_interval() -> None:
    rng = np.random.default_rng(7)
    values = rng.integers(0, 12, size=(6, 5))
    grid = build_grid(
        CountTable("r", "c", tuple("abcdef"), tuple("vwxyz"), tuple(map(tuple, values.tolist())))
    )
    hidden = rng.random(grid.size) < 0.5
    exact = audit_grid(grid, hidden, RULE, exact=True)
    quick = audit_grid(grid, hidden, RULE, exact=False)
    assert exact.passed == quick.passed
    for e, q in zip(exact.cells, quick.cells, strict=True):
        if e.sensitive:
            assert e.lower - 1e-6 <= q.lower and q.upper <= e.upper + 1e-6
            assert e.protected == q.protected


def test_wide_but_lopsided_interval_is_refused() -> None:
    # X,A = 3 with X,B = 8, Y,A = 9, Y,B = 7 and Z row (6, 1): hiding X,A X,B Z,A Z,B leaves
    # X,A = t with X,B = 11 - t, Z,A = 9 - t, Z,B = t - 2, so 2 <= t <= 9: seven wide, yet the
    # intruder learns X,A >= 2; the rule needs [1, 6] for a 3 (worked by hand).
    grid = build_grid(CountTable("r", "c", ("X", "Y", "Z"), ("A", "B"), ((3, 8), (9, 7), (6, 1))))
    report = audit_grid(grid, _hide(grid, ("X", "A"), ("X", "B"), ("Z", "A"), ("Z", "B")), RULE)
    assert [(c.row, c.lower, c.upper, c.required_lower) for c in report.failures] == [("X", 2, 9, 1)]


def test_contradictory_published_values_are_reported() -> None:
    import scipy.sparse as sp

    equalities = sp.csr_matrix(np.array([[1.0, 1.0]]))
    with pytest.raises(InconsistentRelease):
        deducible_ranges(
            equalities, np.array([-1.0]), sp.identity(2, format="csr"), np.zeros(2), np.ones(2), exact=True
        )


def _random_grid(data: st.DataObject) -> PublishedGrid:
    height = data.draw(st.integers(1, 5), label="rows")
    width = data.draw(st.integers(1, 5), label="columns")
    cells = data.draw(
        st.lists(
            st.lists(st.integers(0, 9), min_size=width, max_size=width), min_size=height, max_size=height
        )
    )
    table = CountTable(
        "r",
        "c" if width > 1 else None,
        tuple(f"r{i}" for i in range(height)),
        tuple(f"c{j}" for j in range(width)) if width > 1 else ("Count",),
        tuple(tuple(row) for row in cells),
    )
    margins = Margins(row_totals=data.draw(st.booleans()), column_totals=data.draw(st.booleans()))
    return build_grid(table, margins)


@settings(max_examples=150, deadline=None)
@given(data=st.data(), threshold=st.integers(2, 7), zero=st.booleans())
def test_the_network_shortcut_agrees_with_the_programmes(
    data: st.DataObject, threshold: int, zero: bool
) -> None:
    """Maximum flows (two-way grids) and linear programmes give every cell the same verdict.

    Where a cell fails, the side it fails on has the same reach by both.
    """
    grid = _random_grid(data)
    rule = ProtectionRule(threshold, zero)
    hidden = data.draw(st.lists(st.booleans(), min_size=grid.size, max_size=grid.size))
    by_flows = audit_grid(grid, hidden, rule, exact=False)
    by_programmes = audit_grid(grid, hidden, rule, exact=True)
    assert [c.protected for c in by_flows.cells] == [c.protected for c in by_programmes.cells]
    for quick, exact in zip(by_flows.cells, by_programmes.cells, strict=True):
        assert quick.lower >= exact.lower - 1e-6 and quick.upper <= exact.upper + 1e-6
        if quick.sensitive and quick.upper < quick.required_upper:
            assert quick.upper == pytest.approx(exact.upper)
        if quick.sensitive and quick.lower > quick.required_lower:
            assert quick.lower == pytest.approx(exact.lower)


def test_the_network_shortcut_sees_a_cycle_longer_than_a_rectangle() -> None:
    #          A   B   C  Total
    # X        1   0   6    7
    # Y        0   6   9   15
    # Z        7   8   0   15
    # Hidden: (X,A) (X,C) (Y,B) (Y,C) (Z,A) (Z,B): a six-cycle, no rectangle among them.
    grid = build_grid(
        CountTable("r", "c", ("X", "Y", "Z"), ("A", "B", "C"), ((1, 0, 6), (0, 6, 9), (7, 8, 0)))
    )
    hidden = _hide(grid, ("X", "A"), ("X", "C"), ("Y", "B"), ("Y", "C"), ("Z", "A"), ("Z", "B"))
    quick = audit_grid(grid, hidden, RULE, exact=False)
    assert quick.passed
    assert [c.protected for c in quick.cells] == [
        c.protected for c in audit_grid(grid, hidden, RULE, exact=True).cells
    ]


def test_an_audit_out_of_time_refuses_rather_than_passes() -> None:
    grid = _grid()
    with pytest.raises(AuditIncomplete, match="ran out of time"):
        audit_grid(
            grid, _hide(grid, ("X", "A"), ("X", "B"), ("Y", "A"), ("Y", "B")), RULE, time_limit_seconds=0
        )
