"""Tests for foidesk.core.sdc.ledger: differencing across releases is caught, entries round-trip."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foidesk.core.sdc.ledger import (
    IMPLIED,
    NEW,
    Filter,
    LedgerTooLarge,
    ReleasedTable,
    TableScope,
    audit_against,
    period_filter,
    protect_against,
)
from foidesk.core.sdc.suppression import protect
from foidesk.core.sdc.table import CountTable

BOROUGHS = ("Camden", "Brent")
OUTCOMES = ("Dismissal", "Warning")
# Hand-made: 2020 is (2, 10), (3, 10); 2021 is (10, 20), (6, 15); 2020-21 is their sum.
BOTH_YEARS = CountTable("borough", "outcome", BOROUGHS, OUTCOMES, ((12, 30), (9, 25)))
YEAR_2021 = CountTable("borough", "outcome", BOROUGHS, OUTCOMES, ((10, 20), (6, 15)))
YEAR_2020 = CountTable("borough", "outcome", BOROUGHS, OUTCOMES, ((2, 10), (3, 10)))


def _scope(start: int, end: int, dataset: str = "register") -> TableScope:
    return TableScope(dataset, (period_filter("received", dt.date(start, 1, 1), dt.date(end, 12, 31)),))


def _entry(table: CountTable, scope: TableScope, reference: str) -> ReleasedTable:
    return ReleasedTable.from_protected(
        protect(table), scope, reference=reference, released=dt.date(2022, 6, 1)
    )


def test_this_year_minus_the_two_years_before_is_caught() -> None:
    earlier = [_entry(BOTH_YEARS, _scope(2020, 2021), "FOI-1")]
    joint = audit_against(earlier, protect(YEAR_2021), scope=_scope(2021, 2021))
    assert not joint.passed
    pinned = {(c.row, c.lower, c.upper) for c in joint.failures}
    # 2020 Camden dismissals = 12 - 10 = 2; Brent = 9 - 6 = 3 (by hand).
    assert pinned == {
        ("borough: Camden; outcome: Dismissal; received: 2020-01-01 .. 2020-12-31 (366)", 2, 2),
        ("borough: Brent; outcome: Dismissal; received: 2020-01-01 .. 2020-12-31 (366)", 3, 3),
    }
    assert all(c.reference == IMPLIED for c in joint.failures)
    assert joint.to_json()["compared_with"] == ["FOI-1"]


def test_protecting_against_the_ledger_hides_enough() -> None:
    earlier = [_entry(BOTH_YEARS, _scope(2020, 2021), "FOI-1")]
    protected, joint = protect_against(earlier, protect(YEAR_2021), scope=_scope(2021, 2021))
    assert joint.passed
    assert protected.audit.passed
    # Hiding the four counts is enough: the 2020 dismissals are then t and 5 - t with 0 <= t <= 5
    # (2020 totals by difference: rows 12 and 13, columns 5 and 20), so the margins can stay.
    assert protected.display_cells == (("[c]", "[c]", "30"), ("[c]", "[c]", "21"), ("16", "35", "51"))


def test_separate_years_alone_do_not_difference() -> None:
    earlier = [_entry(YEAR_2020, _scope(2020, 2020), "FOI-1")]
    assert audit_against(earlier, protect(YEAR_2021), scope=_scope(2021, 2021)).passed


def test_a_table_already_disclosed_by_earlier_releases_is_not_blamed() -> None:
    earlier = [
        _entry(BOTH_YEARS, _scope(2020, 2021), "FOI-1"),
        _entry(YEAR_2021, _scope(2021, 2021), "FOI-2"),
    ]
    joint = audit_against(earlier, protect(YEAR_2020), scope=_scope(2020, 2020))
    assert joint.passed
    assert {(c.reference, c.row, c.column) for c in joint.already_exposed} >= {(NEW, "Camden", "Dismissal")}


def test_overlapping_bands_isolate_their_difference() -> None:
    # Ages 18-25: 8 and 26-35: 9 released; then 18-30: 10 and 31-35: 7. So 26-30 = 10 - 8 = 2.
    def ages(first: int, last: int) -> tuple[str, ...]:
        return tuple(str(a) for a in range(first, last + 1))

    first = CountTable.one_way("age", ["18-25", "26-35"], [8, 9])
    scope_first = TableScope("register", row_values=(ages(18, 25), ages(26, 35)))
    earlier = [
        ReleasedTable.from_protected(
            protect(first), scope_first, reference="FOI-1", released=dt.date(2022, 1, 1)
        )
    ]
    second = CountTable.one_way("age", ["18-30", "31-35"], [10, 7])
    joint = audit_against(
        earlier, protect(second), scope=TableScope("register", row_values=(ages(18, 30), ages(31, 35)))
    )
    assert [(c.row, c.lower, c.upper) for c in joint.failures] == [("age: 26 .. 30 (5)", 2, 2)]


def test_an_earlier_small_count_pinned_by_the_new_table_is_caught() -> None:
    # FOI-1 (2020) hid all four counts and the total row but published Brent's total, 13. A new
    # table of Brent's 2020 warnings (10, not small) pins Brent's dismissals at 13 - 10 = 3.
    earlier = [_entry(YEAR_2020, _scope(2020, 2020), "FOI-1")]
    # A table lists every value among the records it counts, so the filter names the outcome too.
    brent_warnings = CountTable.one_way("outcome", ["Warning"], [10])
    filters = (*_scope(2020, 2020).filters, Filter("borough", ("Brent",)), Filter("outcome", ("Warning",)))
    joint = audit_against(earlier, protect(brent_warnings), scope=TableScope("register", filters))
    exposed = {(c.reference, c.row, c.column, c.lower, c.upper) for c in joint.failures}
    assert ("FOI-1", "Brent", "Dismissal", 3, 3) in exposed
    assert not any(c.row == "Camden" for c in joint.failures)  # the Dismissal total stays hidden


def test_other_datasets_are_not_compared() -> None:
    earlier = [_entry(BOTH_YEARS, _scope(2020, 2021, dataset="complaints"), "FOI-1")]
    joint = audit_against(earlier, protect(YEAR_2021), scope=_scope(2021, 2021))
    assert joint.passed
    assert joint.compared_with == ()


def test_too_many_pieces_are_refused() -> None:
    many = CountTable.one_way("officer", [f"o{i}" for i in range(600)], [7] * 600)
    other = CountTable.one_way("station", [f"s{i}" for i in range(600)], [7] * 600)
    earlier = [
        ReleasedTable.from_protected(
            protect(many, method="fast"), TableScope("register"), reference="A", released=dt.date(2022, 1, 1)
        )
    ]
    with pytest.raises(LedgerTooLarge):
        audit_against(earlier, protect(other, method="fast"), scope=TableScope("register"))


@settings(max_examples=10, deadline=None)
@given(
    earlier=st.lists(st.lists(st.integers(0, 15), min_size=2, max_size=2), min_size=2, max_size=2),
    later=st.lists(st.lists(st.integers(0, 15), min_size=2, max_size=2), min_size=2, max_size=2),
)
def test_protecting_against_the_ledger_always_ends_safe(
    earlier: list[list[int]], later: list[list[int]]
) -> None:
    """Two years released as 2020 and 2020-21: whatever the counts, the second release ends safe."""
    year_2020 = CountTable("borough", "outcome", BOROUGHS, OUTCOMES, tuple(map(tuple, earlier)))
    both = [[a + b for a, b in zip(r1, r2, strict=True)] for r1, r2 in zip(earlier, later, strict=True)]
    both_years = CountTable("borough", "outcome", BOROUGHS, OUTCOMES, tuple(map(tuple, both)))
    ledger = [_entry(year_2020, _scope(2020, 2020), "FOI-1")]
    protected, joint = protect_against(ledger, protect(both_years), scope=_scope(2020, 2021))
    assert joint.passed
    assert protected.audit.passed


def test_an_earlier_small_count_keeps_both_bounds_of_its_single_table_interval() -> None:
    # FOI-1 hid Camden's 1 (needs [0, 5]). A new table fixing it at no less than 1 breaks the rule,
    # even though the intruder's upper bound stays far above the threshold.
    first = CountTable.one_way("borough", ["Camden", "Brent"], [1, 40])
    entry = _entry(first, _scope(2020, 2020), "FOI-1")
    assert entry.required_interval(entry.index("Camden", entry.column_labels[0])) == (0, 5)
    restored = ReleasedTable.from_json(json.loads(json.dumps(entry.to_json())))
    assert restored.required == entry.required


def test_a_total_over_a_multi_valued_column_counts_a_record_once_per_value() -> None:
    # Two outcomes on one allegation: the columns sum to 3 though there are 2 records.
    table = CountTable("borough", "outcomes", ("Camden",), ("A", "B"), ((2, 1),))
    scope = TableScope("register", column_values=(("A", "A+B"), ("B", "A+B")))
    entry = ReleasedTable.from_protected(
        protect(table), scope, reference="FOI-1", released=dt.date(2022, 1, 1)
    )
    terms = entry.grid_terms()
    assert terms[entry.index("Camden", "Total")] == [0, 1]
