"""Tests for foidesk.core.sdc.grid: the published grid of counts, subtotals and totals."""

from __future__ import annotations

import numpy as np
import pytest

from foidesk.core.sdc.grid import CellKind, Margins, build_grid
from foidesk.core.sdc.table import CountTable, InvalidTable, RowGroup


def _table(groups: tuple[RowGroup, ...] = ()) -> CountTable:
    return CountTable(
        "borough", "outcome", ("Camden", "Hackney", "Brent"), ("A", "B"), ((1, 7), (0, 12), (3, 4)), groups
    )


def test_grid_with_both_margins_adds_a_total_row_and_column() -> None:
    grid = build_grid(_table())
    assert grid.row_labels == ("Camden", "Hackney", "Brent", "Total")
    assert grid.column_labels == ("A", "B", "Total")
    assert grid.values == (1, 7, 8, 0, 12, 12, 3, 4, 7, 4, 23, 27)
    assert grid.kinds[2] is CellKind.ROW_TOTAL
    assert grid.kinds[9] is CellKind.COLUMN_TOTAL
    assert grid.kinds[11] is CellKind.GRAND_TOTAL
    assert grid.position(5) == ("Hackney", "Total")
    assert grid.index("Brent", "B") == 7


def test_every_relation_holds_for_the_true_values() -> None:
    grid = build_grid(_table((RowGroup("North", ("Camden", "Hackney")),)))
    assert np.all(grid.relation_matrix() @ grid.value_array() == 0)
    # 5 rows with a total column, 3 columns each with a subtotal and a total row.
    assert len(grid.relations) == 5 + 3 * 2


def test_group_subtotal_rows_come_before_the_total_row() -> None:
    grid = build_grid(_table((RowGroup("North", ("Camden", "Hackney")), RowGroup("West", ("Brent",)))))
    assert grid.row_labels[3:] == ("North", "West", "Total")
    assert grid.values[9:12] == (1, 19, 20)
    assert grid.kinds[9] is CellKind.SUBTOTAL


def test_margins_can_be_left_out() -> None:
    grid = build_grid(_table(), Margins(row_totals=False, column_totals=False))
    assert grid.size == 6
    assert grid.relations == ()


def test_a_row_called_total_clashes_with_the_margin() -> None:
    table = CountTable.one_way("x", ["Total", "b"], [1, 2])
    with pytest.raises(InvalidTable, match="may not be called"):
        build_grid(table, Margins(row_totals=False))
