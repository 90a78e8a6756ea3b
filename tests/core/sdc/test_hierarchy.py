"""Tests for foidesk.core.sdc.hierarchy: declared totals and subtotals, checked and protected against.

:func:`pinned_small_cells` is an intruder written here, apart from the code under test: a linear
programme over every cell of the table as written, every declared sum and every published value.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foidesk.core.sdc.grid import TOTAL_LABEL, CellKind
from foidesk.core.sdc.hierarchy import (
    Axis,
    DeclaredSums,
    InvalidHierarchy,
    ResolvedAxis,
    SumConstraint,
    SumMismatch,
    build_hierarchical_grid,
    check_sums,
    hierarchy_from_json,
    resolve_axis,
    undeclared_sums,
)
from foidesk.core.sdc.optimal import Objective
from foidesk.core.sdc.rule import ProtectionRule
from foidesk.core.sdc.suppression import Method, protect_grid
from foidesk.core.sdc.table import CountTable, RowGroup

ROWS = ("Barnet", "Camden", "North", "Brent", "Hackney", "South", "All allegations")
COLUMNS = ("Assault", "Dishonesty", "Total")
# By hand: North = Barnet + Camden, South = Brent + Hackney, All = North + South; Total = the two.
VALUES = ((3, 12, 15), (10, 2, 12), (13, 14, 27), (7, 11, 18), (9, 1, 10), (16, 12, 28), (29, 26, 55))
DECLARED = (
    SumConstraint("north", ("Barnet", "camden")),
    SumConstraint("South", ("Brent", "Hackney")),
    SumConstraint("All allegations", ("North", "South")),
)


def pinned_small_cells(
    row_labels: Sequence[str],
    column_labels: Sequence[str],
    values: Sequence[Sequence[int]],
    published: Sequence[Sequence[int | None]],
    row_sums: Mapping[str, Sequence[str]],
    column_sums: Mapping[str, Sequence[str]],
    threshold: int,
) -> list[tuple[str, str, float, float]]:
    """Hidden cells holding 1..threshold-1 that an intruder can bound narrower than ``threshold``."""
    from scipy.optimize import linprog

    n_rows, n_columns = len(row_labels), len(column_labels)
    rows = {label: i for i, label in enumerate(row_labels)}
    columns = {label: j for j, label in enumerate(column_labels)}

    def var(i: int, j: int) -> int:
        return i * n_columns + j

    equations: list[dict[int, float]] = []
    targets: list[float] = []
    for total, parts in row_sums.items():
        for j in range(n_columns):
            equations.append({var(rows[total], j): -1.0} | {var(rows[p], j): 1.0 for p in parts})
            targets.append(0.0)
    for total, parts in column_sums.items():
        for i in range(n_rows):
            equations.append({var(i, columns[total]): -1.0} | {var(i, columns[p]): 1.0 for p in parts})
            targets.append(0.0)
    for i in range(n_rows):
        for j in range(n_columns):
            if published[i][j] is not None:
                equations.append({var(i, j): 1.0})
                targets.append(float(published[i][j] or 0))
    matrix = np.zeros((len(equations), n_rows * n_columns))
    for r, equation in enumerate(equations):
        for k, coefficient in equation.items():
            matrix[r, k] = coefficient
    pinned = []
    for i in range(n_rows):
        for j in range(n_columns):
            if published[i][j] is not None or not 0 < values[i][j] < threshold:
                continue
            cost = np.zeros(n_rows * n_columns)
            cost[var(i, j)] = 1.0
            low = linprog(cost, A_eq=matrix, b_eq=targets, bounds=(0, None), method="highs")
            high = linprog(-cost, A_eq=matrix, b_eq=targets, bounds=(0, None), method="highs")
            assert low.status == 0, "the published table contradicts its own sums"
            upper = math.inf if high.status == 3 else -high.fun
            if upper - low.fun < threshold - 1e-6:
                pinned.append((row_labels[i], column_labels[j], low.fun, upper))
    return pinned


def _axes() -> tuple[ResolvedAxis, ResolvedAxis]:
    rows = resolve_axis(Axis.ROW, ROWS, DECLARED)
    columns = resolve_axis(Axis.COLUMN, COLUMNS)
    return rows, columns


def test_declared_sums_resolve_to_the_labels_as_written() -> None:
    rows = resolve_axis(Axis.ROW, ROWS, DECLARED)
    assert rows.leaves == ("Barnet", "Camden", "Brent", "Hackney")
    assert rows.grand_total == "All allegations"  # its leaves are every leaf
    assert [s.total for s in rows.subtotals] == ["North", "South"]
    assert rows.sums[0] == SumConstraint("North", ("Barnet", "Camden"))
    assert rows.grid_order() == ("Barnet", "Camden", "Brent", "Hackney", "North", "South", "All allegations")
    assert rows.grid_label("All allegations") == TOTAL_LABEL


def test_a_total_label_sums_every_leaf_and_is_case_blind() -> None:
    axis = resolve_axis(
        Axis.COLUMN, ("A", " all ALLEGATIONS ", "B"), total_labels=("Total", "All allegations")
    )
    assert axis.grand_total == " all ALLEGATIONS "
    assert axis.sums == (SumConstraint(" all ALLEGATIONS ", ("A", "B")),)


@pytest.mark.parametrize("label", ["Σ North", "North (subtotal)", "north (Subtotal)"])
def test_the_header_convention_sums_the_rows_since_the_previous_sum(label: str) -> None:
    axis = resolve_axis(Axis.ROW, ("Barnet", "Camden", label, "Brent", "Σ South", "Total"))
    assert axis.sums == (
        SumConstraint(label, ("Barnet", "Camden")),
        SumConstraint("Σ South", ("Brent",)),
        SumConstraint("Total", ("Barnet", "Camden", "Brent")),
    )
    assert axis.row_groups() is not None


def test_nested_or_overlapping_sums_are_not_row_groups() -> None:
    nested = resolve_axis(
        Axis.ROW,
        ("A", "B", "C", "AB", "ABC"),
        (SumConstraint("AB", ("A", "B")), SumConstraint("ABC", ("AB", "C"))),
    )
    assert nested.grand_total == "ABC"
    # The grand total is not a group, so this is one level of groups as the ledger knows them.
    assert nested.row_groups() == (RowGroup("AB", ("A", "B")),)
    deeper = resolve_axis(
        Axis.ROW,
        ("A", "B", "C", "D", "AB", "ABC"),
        (SumConstraint("AB", ("A", "B")), SumConstraint("ABC", ("AB", "C"))),
    )
    assert deeper.grand_total is None
    assert deeper.row_groups() is None


@pytest.mark.parametrize(
    ("labels", "declared", "message"),
    [
        (("A", "B"), (SumConstraint("C", ("A",)),), "which the table does not have"),
        (("A", "B"), (SumConstraint("A", ()),), "has no parts"),
        (("A", "B"), (SumConstraint("A", ("A", "B")),), "part of itself"),
        (("A", "B", "C"), (SumConstraint("A", ("B", "b")),), "names a part twice"),
        (
            ("A", "B", "C"),
            (SumConstraint("A", ("B", "C")), SumConstraint("B", ("A", "C"))),
            "round in a circle: A -> B -> A",
        ),
        (("A", "a"), (), "appears twice"),
        (("Total", "A", "All"), (), "are both totals"),
        (("Σ A", "B"), (), "no rows come before it"),
        (("Total",), (), "no counts to protect"),
        (("A", "B"), (SumConstraint("A", ("B",)), SumConstraint("a", ("B",))), "declared as a sum twice"),
    ],
)
def test_a_declaration_that_cannot_apply_is_refused(
    labels: tuple[str, ...], declared: tuple[SumConstraint, ...], message: str
) -> None:
    with pytest.raises(InvalidHierarchy, match=message):
        resolve_axis(Axis.ROW, labels, declared, total_labels=("Total", "All"))


def test_hierarchy_json_shape_is_checked() -> None:
    parsed = hierarchy_from_json({"rows": {" North ": ["Barnet", "Camden"]}, "columns": {}})
    assert parsed == DeclaredSums(rows=(SumConstraint("North", ("Barnet", "Camden")),))
    assert hierarchy_from_json(parsed.to_json()) == parsed
    for bad, message in [
        ([], "JSON object"),
        ({"row": {}}, "unknown key 'row'"),
        ({"rows": []}, "map each sum"),
        ({"rows": {"N": "Barnet"}}, "list of labels"),
        ({"rows": {"N": [1]}}, "list of labels"),
    ]:
        with pytest.raises(InvalidHierarchy, match=message):
            hierarchy_from_json(bad)


def test_sums_that_disagree_name_the_cell() -> None:
    rows, columns = _axes()
    check_sums(rows, columns, VALUES)
    wrong = [list(row) for row in VALUES]
    wrong[2][0] = 14  # North, Assault
    wrong[2][2] = 28  # ... and its Total, so the row still adds up
    with pytest.raises(
        SumMismatch, match=r"cell \('North', 'Assault'\) is 14, but as a sum of 'Barnet' \+ 'Camden'"
    ):
        check_sums(rows, columns, wrong)


def test_an_undeclared_subtotal_makes_the_total_disagree_with_a_hint() -> None:
    rows = resolve_axis(Axis.ROW, ("Barnet", "Camden", "North", "Total"))
    columns = resolve_axis(Axis.COLUMN, ("Count",))
    with pytest.raises(SumMismatch, match=r"is 13, but as a sum of .* should be 26 .*not declared"):
        check_sums(rows, columns, ((3,), (10,), (13,), (13,)))


def test_undeclared_sums_are_found() -> None:
    rows = resolve_axis(Axis.ROW, ("Barnet", "Camden", "North", "Brent"))
    vectors = {"Barnet": (3, 1), "Camden": (10, 2), "North": (13, 3), "Brent": (4, 4)}
    assert undeclared_sums(rows, vectors, runs=True) == ["'North' = 'Barnet' + 'Camden'"]
    assert undeclared_sums(rows, vectors, runs=False) == []
    everything = {"Barnet": (3,), "Camden": (10,), "North": (17,), "Brent": (4,)}
    assert undeclared_sums(rows, everything, runs=False) == ["'North' = 'Barnet' + 'Camden' + 'Brent'"]


def test_the_grid_has_a_relation_per_declared_sum_and_cell() -> None:
    rows, columns = _axes()
    grid = build_hierarchical_grid(rows, columns, VALUES)
    assert grid.row_labels == ("Barnet", "Camden", "Brent", "Hackney", "North", "South", TOTAL_LABEL)
    assert grid.column_labels == ("Assault", "Dishonesty", TOTAL_LABEL)
    assert len(grid.relations) == 3 * 3 + 7  # three row sums in 3 columns, one column sum in 7 rows
    assert not (grid.relation_matrix() @ grid.value_array()).any()
    assert grid.kinds[grid.index("North", "Assault")] is CellKind.SUBTOTAL
    assert grid.kinds[grid.index("Barnet", "Total")] is CellKind.ROW_TOTAL
    assert grid.kinds[grid.index("Total", "Total")] is CellKind.GRAND_TOTAL


@pytest.mark.parametrize("method", [Method.OPTIMAL, Method.FAST])
def test_no_small_count_can_be_worked_out_from_the_subtotals(method: Method) -> None:
    rows, columns = _axes()
    grid = build_hierarchical_grid(rows, columns, VALUES)
    table = CountTable(
        "borough",
        "allegation",
        ("Barnet", "Camden", "Brent", "Hackney"),
        ("Assault", "Dishonesty"),
        ((3, 12), (10, 2), (7, 11), (9, 1)),
    )
    protected = protect_grid(table, grid, ProtectionRule(), method, Objective.CELLS)
    assert protected.audit.passed
    published = _published_in_file_order(protected.published_values(), grid.row_labels, grid.column_labels)
    assert published[0][0] is None and published[1][1] is None and published[4][1] is None
    assert not pinned_small_cells(
        ROWS, COLUMNS, VALUES, published, _rows(), {"Total": ["Assault", "Dishonesty"]}, 5
    )


def _rows() -> dict[str, list[str]]:
    return {
        "North": ["Barnet", "Camden"],
        "South": ["Brent", "Hackney"],
        "All allegations": ["North", "South"],
    }


def _published_in_file_order(
    values: tuple[int | None, ...], grid_rows: tuple[str, ...], grid_columns: tuple[str, ...]
) -> list[list[int | None]]:
    by_label = {
        (r, c): values[i * len(grid_columns) + j]
        for i, r in enumerate(grid_rows)
        for j, c in enumerate(grid_columns)
    }
    return [[by_label[("Total" if r == "All allegations" else r, c)] for c in COLUMNS] for r in ROWS]


def test_the_independent_intruder_pins_a_cell_when_a_subtotal_is_ignored() -> None:
    """The failure the declarations prevent: North published, Barnet hidden, Camden shown."""
    published: list[list[int | None]] = [list(row) for row in VALUES]
    published[0][0] = None  # Barnet's 3 hidden, but North - Camden = 13 - 10 = 3
    pinned = pinned_small_cells(ROWS, COLUMNS, VALUES, published, _rows(), {}, 5)
    assert [(r, c) for r, c, _, _ in pinned] == [("Barnet", "Assault")]


@st.composite
def random_tables(
    draw: st.DrawFn,
) -> tuple[list[str], list[str], list[list[int]], dict[str, list[str]], dict[str, list[str]]]:
    """A small table with random row (and sometimes column) subtotals, nested at random."""
    n_rows = draw(st.integers(2, 5))
    n_columns = draw(st.integers(1, 3))
    leaves = [
        [draw(st.sampled_from((0, 1, 2, 3, 4, 6, 9, 15))) for _ in range(n_columns)] for _ in range(n_rows)
    ]
    row_labels = [f"r{i}" for i in range(n_rows)]
    column_labels = [f"c{j}" for j in range(n_columns)]
    row_vectors = {label: leaves[i] for i, label in enumerate(row_labels)}
    row_sums: dict[str, list[str]] = {}
    pool = list(row_labels)
    for g in range(draw(st.integers(1, 3))):
        if len(pool) < 2:
            break
        parts = draw(st.lists(st.sampled_from(pool), min_size=2, max_size=len(pool), unique=True))
        name = f"S{g}"
        row_sums[name] = parts
        row_vectors[name] = [sum(row_vectors[p][j] for p in parts) for j in range(n_columns)]
        row_labels.append(name)
        pool = [p for p in pool if p not in parts] + [name]
    values = [row_vectors[label] for label in row_labels]
    column_sums: dict[str, list[str]] = {}
    if n_columns > 1 and draw(st.booleans()):
        column_sums["Total"] = list(column_labels)
        column_labels.append("Total")
        values = [[*row, sum(row)] for row in values]
    return row_labels, column_labels, values, row_sums, column_sums


@settings(max_examples=30, deadline=None)
@given(random_tables(), st.sampled_from([Method.OPTIMAL, Method.FAST]))
def test_random_hierarchies_never_leave_a_small_count_recoverable(
    drawn: tuple[list[str], list[str], list[list[int]], dict[str, list[str]], dict[str, list[str]]],
    method: Method,
) -> None:
    row_labels, column_labels, values, row_sums, column_sums = drawn
    rows = resolve_axis(Axis.ROW, row_labels, tuple(SumConstraint(t, tuple(p)) for t, p in row_sums.items()))
    columns = resolve_axis(Axis.COLUMN, column_labels)
    check_sums(rows, columns, values)
    index_r = {label: i for i, label in enumerate(row_labels)}
    index_c = {label: j for j, label in enumerate(column_labels)}
    table = CountTable(
        "r",
        None if len(columns.leaves) == 1 else "c",
        rows.leaves,
        columns.leaves,
        tuple(tuple(values[index_r[r]][index_c[c]] for c in columns.leaves) for r in rows.leaves),
    )
    grid = build_hierarchical_grid(rows, columns, values)
    protected = protect_grid(table, grid, ProtectionRule(), method, Objective.CELLS)
    assert protected.audit.passed
    shown = protected.published_values()
    by_label = {
        (r, c): shown[i * grid.width + j]
        for i, r in enumerate(grid.row_labels)
        for j, c in enumerate(grid.column_labels)
    }
    published = [
        [by_label[(rows.grid_label(r), columns.grid_label(c))] for c in column_labels] for r in row_labels
    ]
    assert not pinned_small_cells(row_labels, column_labels, values, published, row_sums, column_sums, 5)
