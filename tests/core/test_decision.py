"""core/decision.py: a part's decision is checked against the law before it is recorded."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from foidesk.core.costs import Activity, AuthorityKind, InvalidCostItem
from foidesk.core.decision import (
    DECISION_CODES,
    ClaimText,
    InvalidDecision,
    cost_estimate_for,
    cost_items_from,
    cost_limit_ground,
    decision_check,
    decision_findings,
    lines_of,
)
from foidesk.core.notice import PartResponse
from foidesk.core.outcome import Outcome
from foidesk.core.regime import Regime


def _part(outcome: Outcome, *claims: ClaimText, **kwargs: object) -> PartResponse:
    return PartResponse("Q1", outcome, tuple(c.claim() for c in claims), **kwargs)  # type: ignore[arg-type]


def _codes(part: PartResponse, regime: Regime = Regime.FOIA, due: date | None = None) -> list[str]:
    return [f.code for f in decision_findings(part, regime=regime, public_interest_decision_due=due)]


def test_factors_are_one_to_a_line_without_bullets() -> None:
    assert lines_of("- Transparency.\n\n* Accountability.\n") == ("Transparency.", "Accountability.")


def test_a_claim_reads_its_s17_4_flag_and_its_test() -> None:
    claim = ClaimText("s.31(1)(a)", "", "a", "b", "c", reasons_would_disclose=True).claim()
    assert claim.reasons_omitted_under_s17_4
    assert claim.public_interest is not None and claim.public_interest.conclusion == "c"
    assert ClaimText("s.40(2)", "r").claim().public_interest is None


def test_a_refusal_without_an_exemption_cannot_be_recorded() -> None:
    assert _codes(_part(Outcome.WITHHELD)) == ["notice.missing_exemption"]
    with pytest.raises(InvalidDecision) as caught:
        decision_check(_part(Outcome.NCND), regime=Regime.FOIA)
    assert "must name its exemption" in str(caught.value)


def test_a_qualified_balance_needs_factors_on_both_sides() -> None:
    one_sided = ClaimText("s.31(1)(a)", "Prejudice.", "Transparency.", "", "Withhold.")
    assert "decision.public_interest_without_factors" in _codes(_part(Outcome.WITHHELD, one_sided))
    weighed = ClaimText("s.31(1)(a)", "Prejudice.", "Transparency.", "Tactics revealed.", "Withhold.")
    assert _codes(_part(Outcome.WITHHELD, weighed)) == []


def test_an_open_test_needs_its_date_and_a_date_needs_an_open_test() -> None:
    pending = _part(Outcome.WITHHELD, ClaimText("s.31(1)(a)", "Prejudice."))
    assert _codes(pending) == ["notice.missing_public_interest"]
    assert _codes(pending, due=date(2024, 3, 19)) == []
    absolute = _part(Outcome.WITHHELD, ClaimText("s.40(2)", "Personal data."))
    assert _codes(absolute, due=date(2024, 3, 19)) == ["decision.no_open_test"]


def test_foisa_has_no_public_interest_extension() -> None:
    pending = _part(Outcome.WITHHELD, ClaimText("FOISA s.35(1)(a)", "Prejudice."))
    assert "notice.pit_extension_not_available" in _codes(pending, Regime.FOISA, date(2024, 3, 19))


def test_foisa_s18_needs_a_public_interest_finding_even_under_an_absolute_exemption() -> None:
    bare = _part(Outcome.NCND, ClaimText("FOISA s.38(1)(b)", "Personal data."))
    # One home: the notice check (core/notice.py) holds the rule, the decision check does not repeat it.
    assert _codes(bare, Regime.FOISA) == ["notice.missing_public_interest"]
    found = _part(
        Outcome.NCND,
        ClaimText("FOISA s.38(1)(b)", "Personal data.", "a", "b", "Contrary to the public interest."),
    )
    assert _codes(found, Regime.FOISA) == []
    # under FOIA, s.40(5B) NCND for personal data is absolute under the first condition: no finding needed
    assert _codes(_part(Outcome.NCND, ClaimText("s.40(2)", "Personal data."))) == []


def test_ncnd_only_where_the_exemption_has_the_provision() -> None:
    assert "notice.ncnd_not_available" in _codes(_part(Outcome.NCND, ClaimText("s.21", "Published.")))


def test_a_cost_limit_needs_an_estimate_above_the_limit() -> None:
    rows = [{"activity": "locate", "hours": "18"}]
    at_limit = cost_estimate_for(rows, regime=Regime.FOIA, authority=AuthorityKind.OTHER)
    assert _codes(_part(Outcome.COST_LIMIT, advice="x")) == ["notice.s12_without_estimate"]
    assert _codes(_part(Outcome.COST_LIMIT, cost_estimate=at_limit, advice="x")) == [
        "notice.s12_limit_not_exceeded"  # s.12(1): "would exceed", so exactly £450 does not
    ]
    over = cost_estimate_for(
        [{"activity": "locate", "hours": "18.25"}], regime=Regime.FOIA, authority=AuthorityKind.OTHER
    )
    assert over is not None and over.cost == Decimal("456.25")
    assert _codes(_part(Outcome.COST_LIMIT, cost_estimate=over, advice="x")) == []


def test_stored_estimate_rows_are_parsed_or_refused() -> None:
    items = cost_items_from([{"activity": "extract", "hours": "2.5", "description": "d"}])
    assert items[0].activity is Activity.EXTRACT and items[0].hours == Decimal("2.5")
    for bad in ({"activity": "guessing", "hours": "1"}, {"activity": "locate", "hours": "x"}):
        with pytest.raises(InvalidCostItem):
            cost_items_from([bad])
    with pytest.raises(InvalidCostItem):
        cost_items_from([{"activity": "locate", "hours": "-1"}])
    with pytest.raises(InvalidCostItem):
        cost_items_from([{"activity": "locate", "hours": "NaN"}])


def test_no_estimate_under_a_regime_without_a_cost_limit() -> None:
    assert cost_limit_ground(Regime.EIR) is None
    assert (
        cost_estimate_for(
            [{"activity": "locate", "hours": "50"}], regime=Regime.EIR, authority=AuthorityKind.OTHER
        )
        is None
    )
    assert cost_limit_ground(Regime.FOISA) is not None


def test_every_decision_code_is_described() -> None:
    assert all(code.startswith("decision.") and text for code, text in DECISION_CODES.items())
