"""Tests for foidesk.core.sdc.atoms: the finest pieces a set of cells cuts the records into."""

from __future__ import annotations

import pytest

from foidesk.core.sdc.atoms import MAX_ATOMS, Atoms, LedgerTooLarge, overlap
from foidesk.core.sdc.ledger_entry import EVERY, Members


def _days(*days: str) -> Members:
    return Members(frozenset(days))


def test_two_overlapping_periods_cut_the_records_into_three_pieces() -> None:
    # Days 1-2 and days 2-3: day 1 alone, day 2 in both, day 3 alone; the days in neither are in no
    # cell, so no piece.
    scopes = [{"day": _days("1", "2")}, {"day": _days("2", "3")}]
    atoms = Atoms(scopes)
    assert atoms.size == 3
    first, second = atoms.row(0).toarray()[0], atoms.row(1).toarray()[0]
    assert sorted(zip(first, second, strict=True)) == [(0, 1), (1, 0), (1, 1)]
    assert sorted(atoms.describe(a) for a in range(3)) == ["day: 1", "day: 2", "day: 3"]


def test_values_no_cell_tells_apart_are_one_piece() -> None:
    atoms = Atoms([{"day": _days("1", "2", "3")}, {"borough": _days("Camden")}])
    # Days 1-3 are never told apart, nor the other days; the pieces in some cell are days 1-3 in
    # Camden, days 1-3 elsewhere, and other days in Camden.
    assert atoms.size == 3
    described = [atoms.describe(a) for a in range(3)]
    assert sum("1, 2, 3" in text for text in described) == 2
    assert sum("day: (any other)" in text for text in described) == 1


def test_footprints_overlap_only_where_every_dimension_meets() -> None:
    assert overlap({"day": _days("1", "2")}, {"day": _days("2")})
    assert not overlap({"day": _days("1")}, {"day": _days("2")})
    assert overlap({"day": _days("1")}, {"borough": _days("Camden")})  # different dimensions meet
    assert overlap({}, {"day": EVERY})


def test_more_pieces_than_the_limit_are_refused() -> None:
    # n single-value scopes in each of two dimensions cut (n + 1)^2 pieces.
    n = int(MAX_ATOMS**0.5) + 1
    scopes = [{"a": _days(str(i))} for i in range(n)] + [{"b": _days(str(i))} for i in range(n)]
    with pytest.raises(LedgerTooLarge):
        Atoms(scopes)
