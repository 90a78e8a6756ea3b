"""Tests for the s.12 cost estimate (src/foidesk/core/costs.py).

Known answers from the regulations: SI 2004/3244 reg 3 (£600 / £450) and reg 4 (£25 an hour, four
activities), i.e. the "18 hour threshold" police responses cite and 24 hours for central government;
SSI 2004/467 reg 3 and 5 (£600 at up to £15 an hour, i.e. 40 hours).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foidesk.core.costs import (
    Activity,
    AuthorityKind,
    CostItem,
    InvalidCostItem,
    NoCostLimit,
    estimate_cost,
)
from foidesk.core.regime import Regime

D = Decimal


def test_police_limit_is_450_pounds_or_18_hours() -> None:
    estimate = estimate_cost([CostItem(Activity.LOCATE, D(18))], regime=Regime.FOIA)
    assert (estimate.limit, estimate.hourly_rate, estimate.limit_hours) == (D(450), D(25), D(18))
    assert estimate.cost == D(450)
    assert not estimate.exceeds_limit  # s.12(1): "would exceed", so exactly the limit is within it


def test_a_quarter_hour_over_18_exceeds_the_police_limit_by_six_pounds_25() -> None:
    estimate = estimate_cost([CostItem(Activity.EXTRACT, D("18.25"))], regime=Regime.FOIA)
    assert estimate.exceeds_limit
    assert estimate.excess == D("6.25")
    assert estimate.excess_hours == D("0.25")


def test_central_government_limit_is_600_pounds_or_24_hours() -> None:
    estimate = estimate_cost([], regime=Regime.FOIA, authority=AuthorityKind.CENTRAL_GOVERNMENT)
    assert (estimate.limit, estimate.limit_hours) == (D(600), D(24))


def test_redaction_and_weighing_exemptions_do_not_count_under_foia() -> None:
    items = [
        CostItem(Activity.DETERMINE_HELD, D(2)),
        CostItem(Activity.LOCATE, D(3)),
        CostItem(Activity.RETRIEVE, D(4)),
        CostItem(Activity.EXTRACT, D(5)),
        CostItem(Activity.REDACT, D(40)),
        CostItem(Activity.CONSIDER_EXEMPTIONS, D(10)),
    ]
    estimate = estimate_cost(items, regime=Regime.FOIA)
    assert estimate.counted_hours == D(14)
    assert estimate.cost == D(350)
    assert not estimate.exceeds_limit
    assert [i.activity for i in estimate.excluded_items] == [Activity.REDACT, Activity.CONSIDER_EXEMPTIONS]


def test_foisa_limit_is_600_pounds_at_15_an_hour_so_40_hours() -> None:
    estimate = estimate_cost([CostItem(Activity.LOCATE, D(41))], regime=Regime.FOISA)
    assert (estimate.limit, estimate.hourly_rate, estimate.limit_hours) == (D(600), D(15), D(40))
    assert estimate.exceeds_limit
    assert estimate.excess == D(15)


def test_foisa_does_not_count_determining_whether_information_is_held() -> None:
    items = [CostItem(Activity.DETERMINE_HELD, D(30)), CostItem(Activity.PROVIDE, D(5))]
    estimate = estimate_cost(items, regime=Regime.FOISA)
    assert estimate.counted_hours == D(5)


def test_foisa_actual_rate_below_the_cap_raises_the_hours_available() -> None:
    estimate = estimate_cost([], regime=Regime.FOISA, hourly_rate=D(12))
    assert estimate.limit_hours == D(50)


def test_foisa_rate_above_15_is_refused() -> None:
    with pytest.raises(InvalidCostItem):
        estimate_cost([], regime=Regime.FOISA, hourly_rate=D(20))


def test_foia_rate_is_fixed_at_25() -> None:
    with pytest.raises(InvalidCostItem):
        estimate_cost([], regime=Regime.FOIA, hourly_rate=D(30))


@pytest.mark.parametrize("regime", [Regime.EIR, Regime.EISR])
def test_environmental_regimes_have_no_cost_limit(regime: Regime) -> None:
    with pytest.raises(NoCostLimit):
        estimate_cost([], regime=regime)


def test_negative_hours_are_refused() -> None:
    with pytest.raises(InvalidCostItem):
        CostItem(Activity.LOCATE, D(-1))


def test_determining_whether_held_alone_over_the_limit_lifts_the_duty_to_confirm_or_deny() -> None:
    estimate = estimate_cost([CostItem(Activity.DETERMINE_HELD, D(19))], regime=Regime.FOIA)
    assert estimate.confirm_or_deny_exceeds_limit


def test_as_dict_is_json_ready() -> None:
    estimate = estimate_cost(
        [CostItem(Activity.LOCATE, D(20), "sampled 10 of 200 files")], regime=Regime.FOIA
    )
    data = estimate.as_dict()
    assert data["cost"] == "500"
    assert data["excess"] == "50"
    assert data["exceeds_limit"] is True


hours = st.decimals(min_value=0, max_value=200, places=2, allow_nan=False, allow_infinity=False)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(list(Activity)), hours), max_size=8))
def test_excess_is_cost_minus_limit_when_exceeded_and_zero_otherwise(
    raw: list[tuple[Activity, Decimal]],
) -> None:
    estimate = estimate_cost([CostItem(a, h) for a, h in raw], regime=Regime.FOIA)
    assert estimate.cost == estimate.counted_hours * 25
    if estimate.exceeds_limit:
        assert estimate.excess == estimate.cost - estimate.limit > 0
    else:
        assert estimate.excess == 0
    assert estimate.counted_hours <= sum((h for _, h in raw), D(0))
