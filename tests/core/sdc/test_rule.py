"""Tests for foidesk.core.sdc.rule: which counts are sensitive and how wide they must stay."""

from __future__ import annotations

import pytest

from foidesk.core.sdc.rule import InvalidRule, ProtectionRule


def test_counts_one_to_four_are_sensitive_by_default_and_zero_is_not() -> None:
    rule = ProtectionRule()
    assert [v for v in range(8) if rule.is_sensitive(v)] == [1, 2, 3, 4]


def test_zero_can_be_configured_sensitive() -> None:
    rule = ProtectionRule(threshold=10, zero_is_sensitive=True)
    assert [v for v in range(12) if rule.is_sensitive(v)] == list(range(10))


@pytest.mark.parametrize(
    ("value", "interval"),
    # Typed from the module docstring: with threshold 5 the intruder's interval must cover these.
    [(0, (0, 5)), (1, (0, 5)), (2, (0, 5)), (3, (1, 6)), (4, (2, 7))],
)
def test_required_interval_always_reaches_the_threshold(value: int, interval: tuple[int, int]) -> None:
    rule = ProtectionRule()
    assert (value - rule.required_lower(value), value + rule.required_upper(value)) == interval


def test_protection_level_defaults_to_the_threshold_and_can_be_set() -> None:
    assert ProtectionRule(threshold=10).level == 10
    assert ProtectionRule(threshold=5, protection_level=3).level == 3


def test_nonsense_rules_are_refused() -> None:
    with pytest.raises(InvalidRule):
        ProtectionRule(threshold=0)
    with pytest.raises(InvalidRule):
        ProtectionRule(protection_level=0)
