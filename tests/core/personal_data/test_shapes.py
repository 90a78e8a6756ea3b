"""The vehicle shapes of core/personal_data on their own, as the release gate's CSV check uses them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from foidesk.core.personal_data import EntityKind, might_name_vehicle, pattern_matches, vehicle_matches

TEXTS = [
    "car AB12 CDE seen",
    "registration plate gf 63 wnx on the A40",
    "a van, ab12cde, parked",
    "by 20 mph on 12 Mar",
    "Constable 1234 at 3pm",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_vehicle_matches_are_the_vehicles_among_all_matches(text: str) -> None:
    every = [m for m in pattern_matches(text) if m.kind is EntityKind.VEHICLE]
    assert vehicle_matches(text) == every


@given(st.text(alphabet="abcdeAB CDE12 63mphvan-.", max_size=40))
def test_a_text_with_a_vehicle_match_might_name_a_vehicle(text: str) -> None:
    if vehicle_matches(text):
        assert might_name_vehicle(text)


def test_plates_are_found_and_speeds_are_not() -> None:
    assert [m.text for m in vehicle_matches("registration plate gf 63 wnx")] == ["gf 63 wnx"]
    assert vehicle_matches("by 20 mph") == []
