"""The particulars a letter states as law: each rule with a letter that breaks it and one just inside it."""

from __future__ import annotations

from datetime import date

import pytest

from foidesk.core.notice_findings import FINDING_CODES, Severity
from foidesk.core.notice_particulars import REVIEW_WINDOW_WORKING_DAYS, particulars_findings
from foidesk.core.regime import Regime


def codes(text: str, regime: Regime = Regime.FOIA, dated: date | None = None) -> list[str]:
    found = particulars_findings(text, regime, dated)
    assert all(f.code in FINDING_CODES for f in found)
    return [f.code for f in found]


@pytest.mark.parametrize(
    "text",
    [
        "Disclosure would breach the first principle of the Data Protection Act 1998.",
        "The MPS neither confirms nor denies under section 40(5) of the Act.",
        "Section 40(2) by virtue of section 40(3)(a)(i) applies.",
        "This request falls under the Environmental Information Regulations 1992.",
        "You may appeal to the Information Tribunal.",
    ],
)
def test_a_repealed_or_replaced_provision_is_outdated_law(text: str) -> None:
    assert codes(text) == ["notice.outdated_statute"]


@pytest.mark.parametrize(
    "text",
    [
        "Disclosure would breach the UK GDPR and the Data Protection Act 2018.",
        "The MPS neither confirms nor denies under section 40(5B) of the Act.",
        "The MPS neither confirms nor denies under section 40(5A) of the Act.",
        "Section 40(2) by virtue of section 40(3A)(a) applies.",
        "You may appeal to the First-tier Tribunal (Information Rights).",
    ],
)
def test_the_provisions_in_force_are_not_outdated(text: str) -> None:
    assert codes(text) == []


def test_a_letter_written_before_the_repeal_may_cite_what_was_in_force() -> None:
    text = "Disclosure would breach the Data Protection Act 1998 and s.40(5) applies."
    assert codes(text, dated=date(2016, 3, 1)) == []
    assert codes(text, dated=date(2018, 5, 25)) == ["notice.outdated_statute", "notice.outdated_statute"]


def test_a_foisa_letter_must_name_the_scottish_commissioner() -> None:
    wrong = "If you remain dissatisfied you may apply to the Information Commissioner, Wycliffe House."
    right = "If you remain dissatisfied you may apply to the Scottish Information Commissioner (foi.scot)."
    assert codes(wrong, Regime.FOISA) == ["notice.wrong_regulator"]
    assert codes(right, Regime.FOISA) == []
    [found] = particulars_findings(wrong, Regime.FOISA)
    assert found.severity is Severity.ERROR


def test_a_uk_letter_must_not_send_the_requester_to_the_scottish_commissioner() -> None:
    assert codes("You may appeal to the Scottish Information Commissioner.", Regime.EIR) == [
        "notice.wrong_regulator"
    ]
    assert codes("You may complain to the Information Commissioner's Office (ICO).", Regime.EIR) == []


def test_naming_both_commissioners_is_only_a_warning() -> None:
    text = "Complain to the Scottish Information Commissioner, not the Information Commissioner in Wilmslow."
    [found] = particulars_findings(text, Regime.FOISA)
    assert found.severity is Severity.WARN


@pytest.mark.parametrize(
    "text",
    [
        "Your request for an internal review must be made within 20 working days of this letter.",
        "If you are dissatisfied you should ask for a review within one month of the date of this response.",
        "You have six weeks from the date of this letter to request a review.",
        "Requests for review should be received within 28 days.",
    ],
)
def test_a_review_window_shorter_than_forty_working_days_is_an_error(text: str) -> None:
    assert codes(text) == ["notice.review_window_wrong"]


@pytest.mark.parametrize(
    "text",
    [
        f"You may ask for a review within {REVIEW_WINDOW_WORKING_DAYS} working days of this letter.",
        "You should request a review within two months of the date of this letter.",
        "You may ask for an internal review within 60 calendar days of this letter.",
        # the authority's own timescale for the review is not the requester's window
        "We will respond to your request for an internal review within 20 working days.",
        "We aim to complete reviews within 20 working days of receiving them.",
        # a window for something other than a review
        "You must pay the fee within 20 working days of this notice.",
    ],
)
def test_a_review_window_of_forty_working_days_or_an_authority_timescale_passes(text: str) -> None:
    assert codes(text) == []


@pytest.mark.parametrize(
    ("text", "regime"),
    [
        ("The appropriate limit for the police is £450, which equates to 24 hours of work.", Regime.FOIA),
        ("The cost limit is set at £500 for this authority.", Regime.FOIA),
        ("Staff time is costed at £30 per hour towards the appropriate limit.", Regime.FOIA),
        ("Complying would exceed the 20 hour limit set by the regulations.", Regime.FOIA),
        ("The limit of £450 applies to Scottish authorities under section 12.", Regime.FOISA),
        ("Under section 12 we cost staff time at £25 per hour towards the £600 limit.", Regime.FOISA),
    ],
)
def test_a_cost_limit_the_regulations_do_not_set_is_an_error(text: str, regime: Regime) -> None:
    assert "notice.wrong_cost_limit" in codes(text, regime)


@pytest.mark.parametrize(
    ("text", "regime"),
    [
        (
            "The appropriate limit for the police is £450, which equates to 18 hours at £25 an hour.",
            Regime.FOIA,
        ),
        ("For central government the cost limit is £600, equivalent to 24 hours.", Regime.FOIA),
        ("It would take 45 hours, well over the 18 hour limit.", Regime.FOIA),
        ("Locating the files would take 24 hours, which exceeds the appropriate limit of £450.", Regime.FOIA),
        ("Under section 12 the limit is £600, with staff time at £15 per hour.", Regime.FOISA),
    ],
)
def test_the_cost_limits_the_regulations_set_pass(text: str, regime: Regime) -> None:
    assert codes(text, regime) == []


def test_a_cost_limit_refusal_under_the_eir_is_wrong_unless_it_is_manifestly_unreasonable() -> None:
    assert codes("Complying would exceed the appropriate limit.", Regime.EIR) == [
        "notice.no_cost_limit_in_regime"
    ]
    assert codes("The cost limit is exceeded, so regulation 12(4)(b) applies.", Regime.EIR) == []


@pytest.mark.parametrize(
    "text",
    [
        "Section 31(1)(a) is an absolute exemption.",
        "Section 21 is a qualified exemption and the public interest was weighed.",
        "We rely on section 43(2), which is an absolute exemption.",
    ],
)
def test_an_exemption_called_what_it_is_not_is_an_error(text: str) -> None:
    assert codes(text) == ["notice.absolute_misdescribed"]


@pytest.mark.parametrize(
    "text",
    [
        "Section 40(2) is an absolute exemption and section 31(1)(a) is a qualified exemption.",
        "Section 21 is an absolute exemption.",
        "Section 31 is not an absolute exemption, so the public interest was weighed.",
        # personal data is absolute only under the first condition: either description can be right
        "Section 40(2) is a qualified exemption under the second condition.",
        "This is an absolute exemption.",
    ],
)
def test_an_exemption_called_what_it_is_passes(text: str) -> None:
    assert codes(text) == []


def test_a_bare_s40_3_after_may_2018_is_outdated_as_a_warning() -> None:
    text = "Section 40(2) by virtue of section 40(3) applies."
    found = particulars_findings(text, Regime.FOIA, date(2021, 9, 9))
    assert [(f.code, f.severity) for f in found] == [("notice.outdated_statute", Severity.WARN)]
    assert codes(text, dated=date(2018, 5, 24)) == []
    assert codes("Section 40(2) by virtue of section 40(3A)(a) applies.", dated=date(2021, 9, 9)) == []
