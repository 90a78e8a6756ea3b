"""The text checker (src/foidesk/core/notice_text.py) reaches parity with structured input: every code
issue 15 names fires on a letter just outside its rule and is silent on one just inside it, and sound
letters in the styles of many authorities (police, council, NHS, central government, EIR, Scottish) give no
finding at all."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from foidesk.core.notice_findings import FINDING_CODES, Severity
from foidesk.core.notice_text import check_notice_text
from foidesk.core.regime import Regime

REVIEW = "If you are dissatisfied you may ask for an internal review within 40 working days of this letter."
ICO = "You may then complain to the Information Commissioner, Wycliffe House, Water Lane, Wilmslow."
EIR_RIGHTS = (
    "You may ask us to reconsider within 40 working days of this response (regulation 11). You may then "
    "complain to the Information Commissioner."
)
SCOTTISH_RIGHTS = (
    "You may require us to review our decision within 40 working days. You may then apply to the "
    "Scottish Information Commissioner (www.foi.scot)."
)
PIT = (
    "Disclosure would promote transparency and accountability. Against this, it would undermine "
    "investigations. Having weighed these factors, the public interest favours maintaining the exemption."
)


def codes(text: str, regime: Regime | None = None, dated: date | None = None) -> list[str]:
    found = check_notice_text(text, regime, dated).findings
    assert all(f.code in FINDING_CODES for f in found)
    return [f.code for f in found]


# Each case: the code, a letter that breaks the rule, the same letter just inside it, and how serious.
CASES: list[tuple[str, str, str, Severity]] = [
    (
        "notice.outdated_statute",
        "Section 40(2) applies: disclosure would breach the Data Protection Act 1998.\n"
        + REVIEW
        + "\n"
        + ICO,
        "Section 40(2) applies: disclosure would breach the Data Protection Act 2018.\n"
        + REVIEW
        + "\n"
        + ICO,
        Severity.ERROR,
    ),
    (
        "notice.exemption_without_subsection",
        "Section 43 applies because disclosure would prejudice commercial interests. "
        + PIT
        + "\n"
        + REVIEW
        + "\n"
        + ICO,
        "Section 43(2) applies because disclosure would prejudice commercial interests. "
        + PIT
        + "\n"
        + REVIEW
        + "\n"
        + ICO,
        Severity.WARN,
    ),
    (
        "notice.absolute_misdescribed",
        "Section 31(1)(a) is an absolute exemption and applies because disclosure would prejudice crime "
        "prevention. " + PIT + "\n" + REVIEW + "\n" + ICO,
        "Section 31(1)(a) is a qualified exemption and applies because disclosure would prejudice crime "
        "prevention. " + PIT + "\n" + REVIEW + "\n" + ICO,
        Severity.ERROR,
    ),
    (
        "notice.review_window_wrong",
        "Section 40(2) applies because disclosure would identify officers.\n"
        "You may ask for an internal review within 20 working days of this letter.\n" + ICO,
        "Section 40(2) applies because disclosure would identify officers.\n"
        "You may ask for an internal review within 40 working days of this letter.\n" + ICO,
        Severity.WARN,
    ),
    (
        "notice.subsection_mismatch",
        "We consider the request vexatious, because it is the tenth on the same matter this month, and "
        "refuse it under section 14(2) of the Act.\n" + REVIEW + "\n" + ICO,
        "We consider the request vexatious, because it is the tenth on the same matter this month, and "
        "refuse it under section 14(1) of the Act.\n" + REVIEW + "\n" + ICO,
        Severity.ERROR,
    ),
    (
        "notice.wrong_cost_limit",
        "The request is refused under section 12 as it would exceed the appropriate limit of £450, which "
        "equates to 24 hours. Locating the files would take 30 hours; narrow it to one year.\n"
        + REVIEW
        + "\n"
        + ICO,
        "The request is refused under section 12 as it would exceed the appropriate limit of £450, which "
        "equates to 18 hours. Locating the files would take 30 hours; narrow it to one year.\n"
        + REVIEW
        + "\n"
        + ICO,
        Severity.ERROR,
    ),
    (
        "notice.wrong_regulator",
        "Under section 38(1)(b) of FOISA the names are exempt because disclosure would contravene the data "
        "protection principles. You may require us to review our decision within 40 working days. You may "
        "then apply to the Information Commissioner, Wycliffe House.",
        "Under section 38(1)(b) of FOISA the names are exempt because disclosure would contravene the data "
        "protection principles. " + SCOTTISH_RIGHTS,
        Severity.ERROR,
    ),
    (
        "notice.wrong_regime",
        "Your request has been handled under the Environmental Information Regulations 2004. The prices "
        "are withheld under section 43(2) because disclosure would harm the contractor. "
        + PIT
        + "\n"
        + EIR_RIGHTS,
        "Your request has been handled under the Environmental Information Regulations 2004. The prices "
        "are withheld under regulation 12(5)(e) because disclosure would harm the contractor. "
        + PIT
        + "\n"
        + EIR_RIGHTS,
        Severity.ERROR,
    ),
    (
        "notice.no_cost_limit_in_regime",
        "Your request has been handled under the Environmental Information Regulations 2004. It is "
        "refused under section 12 because it would exceed the appropriate limit: it would take 60 hours. "
        + PIT
        + "\n"
        + EIR_RIGHTS,
        "Your request has been handled under the Environmental Information Regulations 2004. It is "
        "refused under regulation 12(4)(b) as manifestly unreasonable: it would take 60 hours. "
        + PIT
        + "\n"
        + EIR_RIGHTS,
        Severity.ERROR,
    ),
    (
        "notice.missing_exemption",
        "Your request has been handled under the Environmental Information Regulations 2004. The Council "
        "does not hold the 2015 survey, which was never carried out.\n" + EIR_RIGHTS,
        "Your request has been handled under the Environmental Information Regulations 2004. The Council "
        "does not hold the 2015 survey, which was never carried out, so regulation 12(4)(a) applies.\n"
        + EIR_RIGHTS,
        Severity.ERROR,
    ),
    (
        "notice.missing_public_interest",
        "Section 31(1)(a) applies because disclosure would prejudice crime prevention. The public interest "
        "in maintaining the exemption outweighs the public interest in disclosure.\n" + REVIEW + "\n" + ICO,
        "Section 31(1)(a) applies because disclosure would prejudice crime prevention. Disclosure would "
        "inform public debate about policing, but the public interest in maintaining the exemption "
        "outweighs the public interest in disclosure.\n" + REVIEW + "\n" + ICO,
        Severity.ERROR,
    ),
]


@pytest.mark.parametrize(("code", "failing", "passing", "severity"), CASES, ids=[c[0] for c in CASES])
def test_each_code_fires_just_outside_its_rule_and_not_inside(
    code: str, failing: str, passing: str, severity: Severity
) -> None:
    found = check_notice_text(failing, dated=date(2024, 1, 8)).findings
    assert [f.code for f in found] == [code]
    assert found[0].severity is severity
    assert codes(passing, dated=date(2024, 1, 8)) == []


def test_every_code_the_issue_names_is_known_and_tested() -> None:
    named = {
        "notice.outdated_statute", "notice.exemption_without_subsection", "notice.absolute_misdescribed",
        "notice.review_window_wrong", "notice.subsection_mismatch", "notice.wrong_cost_limit",
        "notice.wrong_regulator", "notice.wrong_regime", "notice.no_cost_limit_in_regime",
        "notice.missing_exemption", "notice.missing_public_interest",
    }  # fmt: skip
    assert named <= set(FINDING_CODES)
    assert named == {code for code, *_ in CASES}


def test_foisa_cost_limit_is_600_at_up_to_15_an_hour() -> None:
    base = (
        "Under section 12 of the Freedom of Information (Scotland) Act 2002 we are not obliged to comply, as "
        "the cost would exceed the prescribed amount of £600: staff time costed at £{rate} an hour for 60 "
        "hours. You could narrow the request to one year.\n" + SCOTTISH_RIGHTS
    )
    assert codes(base.format(rate=25)) == ["notice.wrong_cost_limit"]
    assert codes(base.format(rate=15)) == []


def test_the_repealed_s40_5_is_a_warning() -> None:
    letter = (
        "The force neither confirms nor denies that it holds the information by virtue of section 40(5), "
        "because confirming would identify an officer.\n" + REVIEW + "\n" + ICO
    )
    [found] = check_notice_text(letter, dated=date(2023, 1, 5)).findings
    assert (found.code, found.severity) == ("notice.outdated_statute", Severity.WARN)


def test_scottish_and_english_law_mixed() -> None:
    letter = (
        "Your request has been handled under the Freedom of Information (Scotland) Act 2002. The names are "
        "exempt under section 40(2) because disclosure would contravene the data protection principles.\n"
        + SCOTTISH_RIGHTS
    )
    assert "notice.wrong_regime" in codes(letter)


def test_foisa_not_held_needs_the_review_particulars_but_no_exemption() -> None:
    letter = "Under the Freedom of Information (Scotland) Act 2002, the information is not held (section 17)."
    assert codes(letter) == ["notice.missing_review_rights", "notice.missing_ico_rights"]
    assert codes(letter + "\n" + SCOTTISH_RIGHTS) == []


# Sound letters, written for these tests in the styles of different authorities: each must stay silent.
SOUND_LETTERS = Path(__file__).resolve().parents[1] / "data" / "notice_text"
SOUND = sorted(SOUND_LETTERS.glob("*.txt"))


def test_there_are_sound_letters_from_many_kinds_of_authority() -> None:
    assert len(SOUND) >= 15


@pytest.mark.parametrize("path", SOUND, ids=[p.stem for p in SOUND])
def test_sound_letters_from_many_authorities_give_no_finding(path: Path) -> None:
    assert codes(path.read_text(encoding="utf-8"), dated=date(2024, 3, 1)) == []


def test_a_full_disclosure_has_no_refusal_findings() -> None:
    check = check_notice_text((SOUND_LETTERS / "nhs_full.txt").read_text(encoding="utf-8"))
    assert not check.is_refusal
    assert check.findings == ()


def test_a_foisa_s18_refusal_needs_its_own_public_interest_finding() -> None:
    # FOISA s.18(1), even under an absolute exemption (DOMAIN.md H).
    letter = (
        "Under section 18 of the Freedom of Information (Scotland) Act 2002 we neither confirm nor deny "
        "holding the information, which would be exempt under section 38(1)(b) because disclosure would "
        "contravene the data protection principles.\n" + SCOTTISH_RIGHTS
    )
    assert codes(letter) == ["notice.missing_public_interest"]
    found = letter.replace(
        "principles.", "principles. Revealing whether it exists would be contrary to the public interest."
    )
    assert codes(found) == []


# ------------------------------------------------- word tests from published letters (tests/data/notices)


def test_a_boilerplate_mention_of_exemptions_is_not_a_refusal() -> None:
    letter = (
        "The purpose of the Act is to allow a general right of access to information, subject to certain "
        "limitations and exemptions. I am able to disclose the information to you as follows: 76.\n"
    )
    assert not check_notice_text(letter).is_refusal


def test_reasons_in_the_words_police_letters_use() -> None:
    letter = (
        "We neither confirm nor deny holding the information under section 40(5B), as confirming would "
        "lead to identifying individuals.\n" + REVIEW + "\n" + ICO
    )
    assert codes(letter) == []


def test_factors_and_a_balance_test_under_headings_are_a_public_interest_test() -> None:
    letter = (
        "We neither confirm nor deny holding the information under section 30(3), because confirming "
        "would deter people from reporting crime.\n"
        "Factors favouring confirming or denying: the public are entitled to know how public funds are "
        "spent.\nFactors against: reports to the police must stay confidential.\n"
        "Balance test: we see no benefit in confirming or denying.\n" + REVIEW + "\n" + ICO
    )
    assert codes(letter) == []
    assert codes(letter.replace("Balance test", "Conclusion").replace("Factors", "Points")) == [
        "notice.missing_public_interest"
    ]


def test_the_route_to_the_eisr_needs_no_factors_weighed() -> None:
    letter = (
        "As the information is environmental, it is exempt under section 39(2) of the Freedom of "
        "Information (Scotland) Act 2002, and we have dealt with it under the EISRs, so the public "
        "interest favours maintaining the exemption.\n" + SCOTTISH_RIGHTS
    )
    assert "notice.missing_public_interest" not in codes(letter)


def test_a_limb_written_without_its_bracket_is_still_a_limb() -> None:
    letter = (
        "Under FOISA an exemption under section 33 1(b) applies because disclosure would substantially "
        "prejudice commercial interests. Disclosure would promote transparency, but the public interest "
        "favours withholding.\n" + SCOTTISH_RIGHTS
    )
    assert "notice.exemption_without_subsection" not in codes(letter)


FOISA_COST = (
    "This is a refusal notice in terms of section 12 of the Freedom of Information (Scotland) Act 2002. The "
    "£600 cost limit equates to 40 hours of work and we estimate that your request would exceed it. To "
    "assist, the minutes of our meetings are published on our website.\n" + SCOTTISH_RIGHTS
)


def test_the_limit_restated_is_not_an_estimate_but_a_count_of_records_is() -> None:
    assert codes(FOISA_COST) == ["notice.s12_without_estimate"]
    counted = FOISA_COST.replace("we estimate", "reading the 9,000 emails concerned means we estimate")
    assert codes(counted) == []


def test_an_estimate_within_the_limit_is_no_ground_for_s12() -> None:
    letter = (
        "We refuse your request under section 12: we estimate it would cost more than £600, calculated at "
        "£25 per hour. Searching 480 days at 3 "
        "minutes a day would take an estimated 24 hours. Narrow the request to one month and we can "
        "help.\n" + REVIEW + "\n" + ICO
    )
    assert codes(letter) == ["notice.s12_limit_not_exceeded"]
    assert codes(letter.replace("24 hours", "30 hours")) == []
