"""Tests for foidesk.core.sdc.kanonymity: the least generalisation that is k-anonymous and l-diverse."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foidesk.core.sdc.kanonymity import (
    ANY,
    NOT_DIVERSE,
    TOO_SMALL,
    AnonymisationError,
    QuasiIdentifierHierarchy,
    ReleaseSchema,
    anonymise,
    date_hierarchy,
    mapping_hierarchy,
)
from foidesk.datasets import misconduct_synthetic as synthetic
from foidesk.datasets.record_release import misconduct_records, release_schema
from foidesk.datasets.registry import MISCONDUCT_REGISTER

BANDS = {"PC": "Constable", "DC": "Constable", "PS": "Sergeant", "DS": "Sergeant", "Insp": "Inspector"}
AREAS = {"Camden": "North", "Islington": "North", "Brent": "West", "Harrow": "West"}
SCHEMA = ReleaseSchema(
    hierarchies=(
        date_hierarchy("received"),
        mapping_hierarchy("rank", ("rank", "rank band"), BANDS),
        mapping_hierarchy("borough", ("borough", "area"), AREAS),
    ),
    sensitive=("outcome",),
)
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
    release = anonymise(RECORDS, SCHEMA, k=2, l=2, max_suppression=0)
    assert dict(release.levels) == {"received": "month", "rank": "rank band", "borough": "borough"}
    assert release.suppressed_count == 0
    assert release.smallest_class == 2
    assert release.records[2] == {
        "received": "2021-07",
        "rank": "Sergeant",
        "borough": "Camden",
        "outcome": "WW",
    }


def test_fields_the_schema_does_not_name_are_dropped() -> None:
    release = anonymise(RECORDS, SCHEMA, k=2, l=2, max_suppression=0)
    assert release.dropped == ("id",)
    assert all("id" not in record for record in release.records)


def test_suppressing_the_odd_records_out_is_preferred_when_allowed() -> None:
    release = anonymise(RECORDS, SCHEMA, k=2, l=1, max_suppression=0.34)
    assert dict(release.levels) == {"received": "month", "rank": "rank", "borough": "borough"}
    assert release.suppressed == ((TOO_SMALL, 2),)
    assert [r["outcome"] for r in release.records] == ["WW", "FWW", "WW", "RPRP"]
    assert release.to_json()["released"] == 4


def test_fewer_records_than_k_cannot_be_released() -> None:
    with pytest.raises(AnonymisationError, match="fewer than k"):
        anonymise(RECORDS, SCHEMA, k=7)


def test_values_outside_the_hierarchy_and_bad_dates_are_errors() -> None:
    with pytest.raises(AnonymisationError, match="not in its generalisation hierarchy"):
        anonymise([*RECORDS, {**RECORDS[0], "rank": "Chief Constable"}], SCHEMA, k=2)
    with pytest.raises(AnonymisationError, match="not an ISO date"):
        anonymise([*RECORDS, {**RECORDS[0], "received": "last Tuesday"}], SCHEMA, k=2)


def test_a_hierarchy_that_does_not_end_in_suppression_is_refused() -> None:
    leaky = ReleaseSchema(
        (QuasiIdentifierHierarchy("rank", ("rank", "band"), (BANDS.__getitem__,)),), sensitive=("outcome",)
    )
    with pytest.raises(AnonymisationError, match="does not end"):
        anonymise(RECORDS, leaky, k=2, l=1)


def test_a_field_with_two_roles_is_refused() -> None:
    with pytest.raises(AnonymisationError, match="one role"):
        ReleaseSchema((date_hierarchy("received"),), released=("received",))


def test_l_needs_a_sensitive_field() -> None:
    with pytest.raises(AnonymisationError, match="sensitive field"):
        anonymise(RECORDS, ReleaseSchema((date_hierarchy("received"),)), k=2, l=2)


def test_a_quasi_identifier_with_no_hierarchy_is_withheld_never_released() -> None:
    schema = ReleaseSchema(SCHEMA.hierarchies, withheld=("id",), sensitive=("outcome",))
    release = anonymise(RECORDS, schema, k=1, l=1)
    assert dict(release.levels)["id"] == "withheld"
    assert {record["id"] for record in release.records} == {ANY}


def test_a_group_of_five_all_not_investigated_is_generalised_or_withheld() -> None:
    """The tester's case: five officers of one rank share a finding; the group would tell it."""
    same = [{"rank": "PC", "finding": "not_investigated"} for _ in range(5)]
    mixed = [{"rank": r, "finding": f} for r in ("DS", "PS") for f in ("proven", "not_proven", "proven")]
    schema = ReleaseSchema((mapping_hierarchy("rank", ("rank", "band"), BANDS),), sensitive=("finding",))
    release = anonymise(same + mixed, schema, k=3, l=2, max_suppression=0)
    assert dict(release.levels) == {"rank": "any"}  # PC alone is homogeneous; so is Constable
    assert release.classes[0].distinct == (3,)
    withheld = anonymise(same + mixed, schema, k=3, l=2, max_suppression=0.5)
    assert dict(withheld.levels) == {"rank": "rank"}
    assert withheld.suppressed == ((NOT_DIVERSE.format(field="finding"), 5),)
    assert all(record["finding"] != "not_investigated" for record in withheld.records)


def test_entropy_l_is_reported_per_group() -> None:
    release = anonymise(RECORDS, SCHEMA, k=6, l=2, max_suppression=0)
    (group,) = release.classes
    assert group.distinct == (4,)
    assert group.entropy_l[0] == pytest.approx(2 * 3**0.5)  # exp(H) of 1/2, 1/6, 1/6, 1/6 = 2 * sqrt(3)
    assert release.to_json()["l_diversity"] == {
        "outcome": {"smallest_l": 4, "smallest_entropy_l": group.entropy_l[0]}
    }


STATIONS = {"Kentish Town": "Camden", "Holborn": "Camden", "Islington": "Islington", "Wembley": "Brent"}


def _station_schema() -> ReleaseSchema:
    return ReleaseSchema(
        hierarchies=(
            mapping_hierarchy("borough", ("borough", "area"), AREAS),
            QuasiIdentifierHierarchy("station", ("station", "any"), (lambda _: ANY,), refines="borough"),
        ),
        sensitive=("outcome",),
    )


def test_station_is_never_released_below_a_generalised_borough() -> None:
    """Station -> borough -> area -> force is one chain: no station over an area or ``*``."""
    records = [
        {"station": station, "borough": STATIONS[station], "outcome": outcome}
        for station in STATIONS
        for outcome in ("WW", "FWW", "RPRP")
    ]
    release = anonymise(records, _station_schema(), k=6, l=2, max_suppression=0)
    levels = dict(release.levels)
    assert levels["borough"] != "borough" and levels["station"] == "any"


station_records = st.lists(
    st.fixed_dictionaries(
        {"station": st.sampled_from(sorted(STATIONS)), "outcome": st.sampled_from(["WW", "FWW", "RPRP"])}
    ).map(lambda r: {**r, "borough": STATIONS[r["station"]]}),
    min_size=6,
    max_size=50,
)


@settings(max_examples=40, deadline=None)
@given(records=station_records, k=st.integers(2, 6))
def test_a_station_is_released_only_with_its_borough_and_never_when_the_borough_is_too_small(
    records: list[dict[str, str]], k: int
) -> None:
    try:
        release = anonymise(records, _station_schema(), k=k, l=1, max_suppression=0)
    except AnonymisationError:
        return
    borough_sizes = Counter(r["borough"] for r in records)
    for record in release.records:
        if record["station"] != ANY:
            assert record["borough"] in borough_sizes and borough_sizes[record["borough"]] >= k


records_strategy = st.lists(
    st.fixed_dictionaries(
        {
            "received": st.dates().map(lambda d: d.isoformat()),
            "rank": st.sampled_from(sorted(BANDS)),
            "borough": st.sampled_from(sorted(AREAS)),
            "outcome": st.sampled_from(["WW", "FWW", "RPRP", "NFA"]),
            "name": st.text(min_size=1, max_size=5),
        }
    ),
    min_size=5,
    max_size=60,
)


@settings(max_examples=60, deadline=None)
@given(records=records_strategy, k=st.integers(2, 5), l_min=st.integers(1, 3))
def test_every_released_group_has_k_records_and_l_outcomes(
    records: list[dict[str, str]], k: int, l_min: int
) -> None:
    schema = ReleaseSchema(SCHEMA.hierarchies, withheld=("name",), sensitive=("outcome",))
    try:
        release = anonymise(records, schema, k=k, l=l_min, max_suppression=0.1)
    except AnonymisationError as error:
        assert "no generalisation" in str(error)
        return
    groups: dict[tuple[str, ...], list[str]] = {}
    for record in release.records:
        groups.setdefault((record["received"], record["rank"], record["borough"]), []).append(
            record["outcome"]
        )
        assert record["name"] == ANY
    assert all(len(outcomes) >= k for outcomes in groups.values())
    assert all(len(set(outcomes)) >= l_min for outcomes in groups.values())
    assert release.suppressed_count <= 0.1 * len(records)
    assert len(release.records) + release.suppressed_count == len(records)


# The misconduct register, as the registry declares it.

REGISTER_SCHEMA = release_schema(MISCONDUCT_REGISTER)


def test_the_register_drops_identifiers_and_free_text_and_generalises_every_quasi_identifier() -> None:
    generalised = {h.field for h in REGISTER_SCHEMA.hierarchies}
    assert generalised == {f.name for f in MISCONDUCT_REGISTER.quasi_identifiers}
    assert "category" in generalised and "station" in generalised
    named = REGISTER_SCHEMA.fields
    for never in ("allegation_id", "officer_id", "collar_number", "named_persons", "summary"):
        assert never not in named
    assert REGISTER_SCHEMA.sensitive == ("finding", "outcomes")


def test_category_unique_records_are_never_released_with_their_category() -> None:
    """The tester's case: a category held by one record names it; it is generalised or withheld."""
    settings = synthetic.AllegationGeneratorSettings(n=300, seed=7)
    records = misconduct_records(synthetic.generate_register(settings))
    by_category = Counter(r["category"] for r in records)
    rare = {category for category, n in by_category.items() if n < 5}
    assert rare, "the sample must hold categories rarer than k"
    release = anonymise(records, REGISTER_SCHEMA, k=5, l=2)
    for record in release.records:
        assert record["category"] not in rare
    quasi = release.quasi_identifiers
    combos = Counter(tuple(r[q] for q in quasi) for r in release.records)
    assert min(combos.values()) >= 5
    assert "collar_number" not in release.fields and "summary" not in release.fields


@settings(max_examples=10, deadline=None)
@given(seed=st.integers(0, 10_000), n=st.integers(60, 400))
def test_register_releases_keep_k_and_l_on_every_group(seed: int, n: int) -> None:
    settings = synthetic.AllegationGeneratorSettings(n=n, seed=seed)
    records = misconduct_records(synthetic.generate_register(settings))
    try:
        release = anonymise(records, REGISTER_SCHEMA, k=5, l=2)
    except AnonymisationError:
        return
    groups: dict[tuple[str, ...], list[dict[str, str]]] = {}
    for record in release.records:
        groups.setdefault(tuple(record[q] for q in release.quasi_identifiers), []).append(record)
    for members in groups.values():
        assert len(members) >= 5
        assert len({r["finding"] for r in members}) >= 2 and len({r["outcomes"] for r in members}) >= 2
    station_level = dict(release.levels)["station"]
    if station_level != "any":
        assert dict(release.levels)["borough"] == "borough"
