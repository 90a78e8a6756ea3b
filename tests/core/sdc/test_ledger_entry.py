"""Tests for foidesk.core.sdc.ledger_entry: what the ledger keeps of a released table, and which
records each of its cells counts."""

from __future__ import annotations

import datetime as dt
import json

from foidesk.core.sdc.ledger_entry import EVERY, Members, ReleasedTable, TableScope, period_filter
from foidesk.core.sdc.suppression import protect
from foidesk.core.sdc.table import CountTable

BOROUGHS = ("Camden", "Brent")
OUTCOMES = ("Dismissal", "Warning")
YEAR_2020 = CountTable("borough", "outcome", BOROUGHS, OUTCOMES, ((2, 10), (3, 10)))


def _entry(table: CountTable, reference: str) -> ReleasedTable:
    scope = TableScope("register", (period_filter("received", dt.date(2020, 1, 1), dt.date(2020, 12, 31)),))
    return ReleasedTable.from_protected(
        protect(table), scope, reference=reference, released=dt.date(2022, 6, 1)
    )


def test_entries_round_trip_through_json() -> None:
    entry = _entry(YEAR_2020, "01.FOI.22.024648")
    restored = ReleasedTable.from_json(json.loads(json.dumps(entry.to_json())))
    assert restored == entry
    # Brent's 3 needs room up to 6, more than the Dismissal total 5 allows: the total row goes too.
    assert entry.published == (None, None, 12, None, None, 13, None, None, 25)
    assert {entry.position(k) for k in entry.small} == {("Camden", "Dismissal"), ("Brent", "Dismissal")}


def test_period_filter_counts_days_inclusively() -> None:
    assert (
        len(period_filter("received", dt.date(2020, 1, 1), dt.date(2020, 12, 31)).values) == 366
    )  # leap year
    assert period_filter("received", dt.date(2021, 3, 5), dt.date(2021, 3, 5)).values == ("2021-03-05",)


def test_members_meet_as_sets_and_their_complements() -> None:
    camden, brent = Members(frozenset({"Camden"})), Members(frozenset({"Brent"}))
    assert camden.meet(brent).empty
    assert camden.meet(EVERY) == camden
    not_camden = Members(frozenset({"Camden"}), complement=True)
    assert not_camden.holds("Brent") and not not_camden.holds("Camden")
    assert Members(frozenset({"Camden", "Brent"})).meet(not_camden) == brent
    assert not_camden.meet(Members(frozenset({"Brent"}), complement=True)).holds("Ealing")


def test_each_cell_counts_its_row_and_column_within_the_filters() -> None:
    entry = _entry(YEAR_2020, "A")
    scopes = entry.interior_scopes()
    assert len(scopes) == 4  # the interior only, row-major
    assert scopes[1]["borough"] == Members(frozenset({"Camden"}))
    assert scopes[1]["outcome"] == Members(frozenset({"Warning"}))
    assert len(scopes[1]["received"].values) == 366
    # Boroughs and outcomes the table does not name are known zeros within its period.
    zeros = entry.zero_scopes()
    assert {d for z in zeros for d, m in z.items() if m.complement} == {"borough", "outcome"}


def test_grid_terms_sum_the_interior_cells_each_total_covers() -> None:
    entry = _entry(YEAR_2020, "A")
    terms = entry.grid_terms()
    assert terms[0] == [0]  # Camden, Dismissal
    assert terms[entry.index("Camden", "Total")] == [0, 1]
    assert terms[entry.index("Total", "Total")] == [0, 1, 2, 3]
