"""Tests for foidesk.core.sdc.table: the shared table of counts."""

from __future__ import annotations

import pytest

from foidesk.core.sdc.table import CountTable, InvalidTable, RowGroup


def _two_way() -> CountTable:
    return CountTable(
        row_dimension="borough",
        column_dimension="outcome",
        row_labels=("Camden", "Hackney", "Brent"),
        column_labels=("Dismissal", "Warning"),
        cells=((1, 7), (0, 12), (3, 4)),
        row_groups=(RowGroup("North", ("Camden", "Hackney")), RowGroup("West", ("Brent",))),
    )


def test_totals_are_derived_from_the_cells() -> None:
    table = _two_way()
    assert table.row_totals() == (8, 12, 7)
    assert table.column_totals() == (4, 23)
    assert table.grand_total() == 27
    assert table.group_totals(table.row_groups[0]) == (1, 19)
    assert table.shape == (3, 2)
    assert table.count("Brent", "Warning") == 4


def test_one_way_table_has_a_single_count_column() -> None:
    table = CountTable.one_way("rank", ["PC", "PS"], [3, 9])
    assert table.column_labels == ("Count",)
    assert table.is_one_way
    assert table.count("PS") == 9


@pytest.mark.parametrize(
    ("cells", "message"),
    [
        (((1, 2), (3,)), "has 1 cells"),
        (((1, -2), (3, 4)), "negative"),
        (((1, 2.5), (3, 4)), "not an integer"),
        (((1, 2),), "2 row labels but 1 rows"),
    ],
)
def test_bad_cells_are_refused(cells: tuple[tuple[int, ...], ...], message: str) -> None:
    with pytest.raises(InvalidTable, match=message):
        CountTable("r", "c", ("a", "b"), ("x", "y"), cells)


def test_duplicate_labels_and_empty_tables_are_refused() -> None:
    with pytest.raises(InvalidTable, match="appears twice"):
        CountTable("r", "c", ("a", "a"), ("x",), ((1,), (2,)))
    with pytest.raises(InvalidTable, match="no rows"):
        CountTable("r", "c", (), ("x",), ())


def test_row_groups_must_name_known_rows_once() -> None:
    with pytest.raises(InvalidTable, match="unknown row"):
        CountTable.one_way("r", ["a"], [1], [RowGroup("G", ("z",))])
    with pytest.raises(InvalidTable, match="more than one row group"):
        CountTable.one_way("r", ["a"], [1], [RowGroup("G", ("a",)), RowGroup("H", ("a",))])
