"""Tests for foidesk.core.sdc.kanonymity: the least generalisation that makes a list k-anonymous."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foidesk.core.sdc.kanonymity import (
    AnonymisationError,
    anonymise,
    date_hierarchy,
    mapping_hierarchy,
)

BANDS = {"PC": "Constable", "DC": "Constable", "PS": "Sergeant", "DS": "Sergeant", "Insp": "Inspector"}
AREAS = {"Camden": "North", "Islington": "North", "Brent": "West", "Harrow": "West"}
HIERARCHIES = [
    date_hierarchy("received"),
    mapping_hierarchy("rank", ("rank", "rank band"), BANDS),
    mapping_hierarchy("borough", ("borough", "area"), AREAS),
]
# Hand-made: months pair 1-2, 3-4 and 5-6, but 3 and 4 differ in rank (PS, DS), not in rank band.
RECORDS = [
    {"id": "1", "received": "2021-03-04", "rank": "PC", "borough": "Camden", "outcome": "WW"},
    {"id": "2", "received": "2021-03-20", "rank": "PC", "borough": "Camden", "outcome": "FWW"},
    {"id": "3", "received": "2021-07-01", "rank": "PS", "borough": "Camden", "outcome": "WW"},
    {"id": "4", "received": "2021-07-09", "rank": "DS", "borough": "Camden", "outcome": "Dismissal"},
    {"id": "5", "received": "2022-01-05", "rank": "PC", "borough": "Brent", "outcome": "WW"},
    {"id": "6", "received": "2022-01-30", "rank": "PC", "borough": "Brent", "outcome": "RPRP"},
]


def test_least_generalisation_is_month_and_rank_band() -> None:
    release = anonymise(RECORDS, HIERARCHIES, 2, max_suppression=0, drop_fields=("id",))
    assert dict(release.levels) == {"received": "month", "rank": "rank band", "borough": "borough"}
    assert release.suppressed == 0
    assert release.smallest_class == 2
    assert release.records[2] == {
        "received": "2021-07",
        "rank": "Sergeant",
        "borough": "Camden",
        "outcome": "WW",
    }


def test_suppressing_the_odd_records_out_is_preferred_when_allowed() -> None:
    release = anonymise(RECORDS, HIERARCHIES, 2, max_suppression=0.34)
    assert dict(release.levels) == {"received": "month", "rank": "rank", "borough": "borough"}
    assert release.suppressed == 2
    assert [r["id"] for r in release.records] == ["1", "2", "5", "6"]
    assert release.to_json()["released"] == 4


def test_k_of_the_whole_list_generalises_everything() -> None:
    release = anonymise(RECORDS, HIERARCHIES, 6, max_suppression=0)
    assert (
        dict(release.levels) == {"received": "any", "rank": "any", "borough": "any"}
        or release.smallest_class == 6
    )


def test_fewer_records_than_k_cannot_be_released() -> None:
    with pytest.raises(AnonymisationError, match="fewer than k"):
        anonymise(RECORDS, HIERARCHIES, 7)


def test_values_outside_the_hierarchy_and_bad_dates_are_errors() -> None:
    with pytest.raises(AnonymisationError, match="not in its generalisation hierarchy"):
        anonymise([*RECORDS, {**RECORDS[0], "rank": "Chief Constable"}], HIERARCHIES, 2)
    with pytest.raises(AnonymisationError, match="not an ISO date"):
        anonymise([*RECORDS, {**RECORDS[0], "received": "last Tuesday"}], HIERARCHIES, 2)


records_strategy = st.lists(
    st.fixed_dictionaries(
        {
            "received": st.dates().map(lambda d: d.isoformat()),
            "rank": st.sampled_from(sorted(BANDS)),
            "borough": st.sampled_from(sorted(AREAS)),
        }
    ),
    min_size=5,
    max_size=60,
)


@settings(max_examples=40, deadline=None)
@given(records=records_strategy, k=st.integers(2, 5))
def test_every_released_class_has_at_least_k_records(records: list[dict[str, str]], k: int) -> None:
    release = anonymise(records, HIERARCHIES, k, max_suppression=0.1)
    classes = Counter((r["received"], r["rank"], r["borough"]) for r in release.records)
    assert all(size >= k for size in classes.values())
    assert release.suppressed <= 0.1 * len(records)
    assert len(release.records) + release.suppressed == len(records)
