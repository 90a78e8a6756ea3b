"""Every regime has its rules, complete (core/regime.py): no KeyError is possible at run time."""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal

import pytest

from foidesk.core.clock import rule_for
from foidesk.core.costs import Activity, NoCostLimit, estimate_cost
from foidesk.core.exemptions import exemption
from foidesk.core.holiday_calendar import WorkingDayRule
from foidesk.core.regime import Regime, RegimeRules


def test_scottish_regimes_are_flagged_for_the_scottish_calendar() -> None:
    assert Regime.FOISA.is_scottish and Regime.EISR.is_scottish
    assert not Regime.FOIA.is_scottish and not Regime.EIR.is_scottish


def test_values_are_the_command_line_names() -> None:
    assert [r.value for r in Regime] == ["foia", "eir", "foisa", "eisr"]
    assert Regime("foia").label == "Freedom of Information Act 2000"


def _leaves(value: object, path: str) -> list[tuple[str, object]]:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        found: list[tuple[str, object]] = []
        for f in dataclasses.fields(value):
            found.extend(_leaves(getattr(value, f.name), f"{path}.{f.name}"))
        return found
    return [(path, value)]


@pytest.mark.parametrize("regime", list(Regime))
def test_every_regime_has_complete_rules(regime: Regime) -> None:
    rules = regime.rules
    assert isinstance(rules, RegimeRules)
    assert rules.regime is regime
    for path, value in _leaves(rules, regime.value):
        if isinstance(value, str):
            assert value.strip(), f"{path} is empty"
        if isinstance(value, tuple):
            assert value and all(line.strip() for line in value), f"{path} is empty"
    # Every ground and code the rules name is in the catalogue of that regime.
    assert exemption(rules.cost.ground).regime is regime
    for code in (rules.notice.accessible_elsewhere, rules.notice.not_held_ground):
        if code is not None:
            assert exemption(code).regime is regime
    # The fields that only make sense together come together.
    clock = rules.clock
    assert (clock.fee_payment_months is None) != (clock.fee_payment_working_days is None)
    assert (clock.pit_extension_provision is None) == (clock.pit_further_working_days is None)
    assert rules.cost.has_limit == (rules.cost.hourly_rate is not None)
    # A limit is cited in a letter by its ground and its regulations, in words; no limit, nothing to cite.
    assert (rules.cost.ground_provision is not None) == rules.cost.has_limit
    assert (rules.cost.regulations_title is not None) == rules.cost.has_limit
    assert rules.review.decide_working_days <= rules.review.decide_maximum_working_days
    # A letter naming the law by its title is read as this regime, and by no other regime's names.
    assert re.search(rules.notice.names, rules.label)
    assert [r for r in Regime if re.search(r.rules.notice.names, rules.label)] == [regime]
    # The Acts list their absolute exemptions; the regulations have exceptions, none absolute by list.
    assert (rules.notice.absolute_list is None) == regime.is_environmental
    assert rules.appeal.days > 0 and rules.appeal.provision.split()[0] in {"s.57", "s.56"}
    # An open public interest test is estimated in the notice only where the clock can wait for it.
    assert (rules.notice.pit_pending_provision is None) == (not clock.has_pit_extension)
    # The Acts let a notice leave out reasons that would disclose exempt information (s.17(4) FOIA,
    # s.16(3) FOISA); the regulations want the reasons (reg 14(3) EIR, reg 13(a) EISR).
    assert (rules.notice.reasons_withheld_provision is None) == regime.is_environmental
    # Only FOIA's cost limit lifts the duty to confirm or deny (s.12(2)).
    assert rules.cost.limit_excuses_confirm_or_deny == (regime is Regime.FOIA)


@pytest.mark.parametrize(
    ("regime", "rule", "regulator", "has_limit"),
    [
        (Regime.FOIA, WorkingDayRule.UNITED_KINGDOM, "Information Commissioner", True),
        (Regime.EIR, WorkingDayRule.UNITED_KINGDOM, "Information Commissioner", False),
        (Regime.FOISA, WorkingDayRule.SCOTLAND, "Scottish Information Commissioner", True),
        (Regime.EISR, WorkingDayRule.SCOTLAND, "Scottish Information Commissioner", False),
    ],
)
def test_the_rules_say_what_domain_md_says(
    regime: Regime, rule: WorkingDayRule, regulator: str, has_limit: bool
) -> None:
    rules = regime.rules
    assert rule_for(regime) is rule  # s.10(6) FOIA; s.73 FOISA
    assert rules.clock.response_working_days == 20
    assert rules.review.request_window_working_days == 40  # reg 11(2); s.20(5); s.45 Code para 5.4
    assert rules.regulator.name == regulator
    assert rules.cost.has_limit is has_limit
    assert regime.is_environmental is not has_limit


def test_the_cost_limits_are_those_of_the_fees_regulations() -> None:
    foia, foisa = Regime.FOIA.rules.cost, Regime.FOISA.rules.cost
    assert (foia.limit, foia.central_government_limit, foia.hourly_rate) == (450, 600, 25)  # SI 2004/3244
    assert (foisa.limit, foisa.hourly_rate, foisa.hourly_rate_is_maximum) == (600, 15, True)  # SSI 2004/467
    assert foia.limits == {Decimal(450), Decimal(600)}


@pytest.mark.parametrize("regime", [Regime.EIR, Regime.EISR])
def test_a_regime_without_a_cost_limit_refuses_an_estimate(regime: Regime) -> None:
    with pytest.raises(NoCostLimit):
        estimate_cost([], regime=regime)


def test_only_foia_has_a_public_interest_extension_and_only_the_eir_one_for_volume() -> None:
    assert [r for r in Regime if r.rules.clock.has_pit_extension] == [Regime.FOIA]
    assert [r for r in Regime if r.rules.clock.has_volume_extension] == [Regime.EIR, Regime.EISR]


def test_counted_activities_are_activities_and_only_where_there_is_a_limit() -> None:
    for regime in Regime:
        counted = regime.rules.cost.counted_activities
        assert counted <= {a.value for a in Activity}
        assert bool(counted) == regime.rules.cost.has_limit
    assert not Activity.REDACT.counts_under(Regime.FOIA)  # reg 4(3) SI 2004/3244
    assert not Activity.DETERMINE_HELD.counts_under(Regime.FOISA)  # reg 3(2)(a)(i) SSI 2004/467
