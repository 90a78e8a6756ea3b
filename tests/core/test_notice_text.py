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


# Found on the tuning half of the published responses (tests/data/notices): each rule with a letter just
# inside it and one just outside.


def test_foisa_s25_for_what_the_requester_already_has_points_to_the_earlier_answer() -> None:
    pointed = (
        "Redactions have been made under section 25(1) of FOISA. As the information has already been "
        "provided to you in response to your original request, it is reasonably accessible to you.\n"
        + SCOTTISH_RIGHTS
    )
    assert "notice.s21_without_pointer" not in codes(pointed, Regime.FOISA)
    unpointed = pointed.replace(
        "has already been provided to you in response to your original request", "is otherwise accessible"
    )
    assert "notice.s21_without_pointer" in codes(unpointed, Regime.FOISA)  # www.foi.scot is no pointer
    on_the_regulators_site = unpointed.replace("is otherwise accessible", "is at https://foi.scot/stats")
    assert "notice.s21_without_pointer" not in codes(on_the_regulators_site, Regime.FOISA)


@pytest.mark.parametrize(
    "reason",
    [
        "disclosure would, if released, be in breach of the data protection principles",
        "disclosure would significantly weaken the supplier's competitive position",
        "collating it would have cost the Council more than the limit",
        "the figures could hinder future detection of crime",
        "it is withheld due to its commercial sensitivity",
    ],
)
def test_reasons_in_the_words_published_letters_use(reason: str) -> None:
    letter = f"The information is exempt under section 40(2): {reason}.\n" + REVIEW + "\n" + ICO
    assert "notice.missing_reasons" not in codes(letter)
    bare = "The information is exempt under section 40(2).\n" + REVIEW + "\n" + ICO
    assert "notice.missing_reasons" in codes(bare)


def test_the_hourly_rate_is_not_an_estimate_of_the_work() -> None:
    letter = (
        "Your request is refused under section 12(1): the appropriate limit is £450, calculated at £25 per "
        "hour, and retrieving and reviewing patients' files would take a member of staff over 18 hours. To "
        "help, you could narrow the request to one year.\n" + REVIEW + "\n" + ICO
    )
    assert codes(letter) == ["notice.s12_without_estimate"]
    counted = letter.replace("reviewing patients' files", "reviewing 400 patients' files at 5 minutes each")
    assert codes(counted) == []


def test_the_quoted_request_of_a_published_answer_is_not_the_authoritys_words() -> None:
    page = (
        "Request 101003832329\n"
        "I am writing to request an internal review. I will be escalating to the ICO.\n"
        "Response 01-09-2025\n"
        "The review panel upheld the original response in full.\n" + SCOTTISH_RIGHTS
    )
    assert "notice.wrong_regulator" not in codes(page, Regime.FOISA)
    unquoted = page.replace("Response 01-09-2025\n", "")
    assert "notice.wrong_regulator" in codes(unquoted, Regime.FOISA)


def test_a_bracket_lost_between_two_limbs_is_restored() -> None:
    letter = (
        "The report is exempt from disclosure under Regulation 12(5(b) of the Environmental Information "
        "Regulations."
    )
    cited = {e.code for e in check_notice_text(letter, Regime.EIR).exemptions}
    assert any(code.endswith("12(5)(b)") for code in cited), cited
    found = codes(letter, Regime.EIR)
    assert "notice.missing_reasons" in found and "notice.missing_public_interest" in found
    assert "notice.missing_exemption" not in found


def test_a_review_outcome_gives_the_regulators_particulars() -> None:
    outcome = (
        "Following your request for a review, a review meeting was held on 30th June 2022. There were "
        "serious delays in responding to you, and we apologise sincerely.\n"
    )
    assert codes(outcome, Regime.FOISA) == ["notice.missing_ico_rights"]
    assert codes(outcome + SCOTTISH_RIGHTS, Regime.FOISA) == []
    answer = "Thank you for your request. The figures you asked for are: 117, 58 and 81.\n"
    assert codes(answer, Regime.FOISA) == []


def test_a_public_interest_test_naming_only_the_case_for_withholding_is_one_sided() -> None:
    letter = (
        "The information is exempt under section 33(1)(b) of FOISA as it is commercially sensitive.\n"
        "The Public Interest Test was applied. There is a need to maintain confidence in the Council, and "
        "developers may be reluctant to approach us if such papers are released. The public interest in "
        "withholding the information outweighs the public interest in releasing it.\n" + SCOTTISH_RIGHTS
    )
    found = check_notice_text(letter, Regime.FOISA).findings
    assert [(f.code, f.severity) for f in found] == [("notice.public_interest_one_sided", Severity.WARN)]
    both = letter.replace(
        "The Public Interest Test was applied.",
        "The Public Interest Test was applied. Disclosure would bring transparency about planning.",
    )
    assert codes(both, Regime.FOISA) == []


def test_arguments_for_and_against_are_a_public_interest_test() -> None:
    letter = (
        "I reconsidered regulation 10(5)(f) of the EISRs, because disclosure would harm the third party's "
        "interests, and revisited the public interest test arguments for and against releasing it. "
        "Transparency about the scheme weighs for release.\n" + SCOTTISH_RIGHTS
    )
    assert "notice.missing_public_interest" not in codes(letter, Regime.EISR)
    assert "notice.missing_public_interest" in codes(
        letter.replace("the public interest test arguments for and against releasing it", "my decision"),
        Regime.EISR,
    )


@pytest.mark.parametrize(
    "mention",
    [
        "The Department had not chosen to exercise its rights under section 12 and answered in full.",
        "The Commissioner ordered a fresh response without relying on section 12(1).",
        "The number of requests that were refused under section 12(1) in 2023 was 162.",
        "When we apply section 12(1) to refuse a request, we first search our systems.",
    ],
)
def test_a_section_named_without_being_relied_on_is_not_a_refusal(mention: str) -> None:
    letter = f"Thank you for your request. {mention} The figures you asked for are below."
    assert check_notice_text(letter, Regime.FOIA).exemptions == ()
    relied_on = "Your request is refused under section 12(1): the cost of compliance exceeds the limit."
    assert [e.code for e in check_notice_text(f"{letter} {relied_on}", Regime.FOIA).exemptions] == ["s.12"]


def test_an_estimate_written_in_words_is_an_estimate() -> None:
    base = (
        "Your request is refused under section 12(1) because the cost of compliance would exceed the "
        f"appropriate limit of £450. You may narrow your request to one year. {REVIEW} {ICO}"
    )
    assert "notice.s12_without_estimate" in codes(base, Regime.FOIA)
    worded = base + " The search returned over thirty thousand records, each of which must be read."
    assert "notice.s12_without_estimate" not in codes(worded, Regime.FOIA)
    per_item = base + " It would take one minute to read each occurrence."
    assert "notice.s12_without_estimate" not in codes(per_item, Regime.FOIA)


def test_a_disclaimed_section_beside_a_relied_on_one_keeps_the_one_relied_on() -> None:
    letter = "We are not relying on section 40(2) but on section 43(2), as the figures are commercial."
    assert [e.code for e in check_notice_text(letter, Regime.FOIA).exemptions] == ["s.43(2)"]
    stats = "The number of requests refused under s.12(1) in 2023 was 162. Your request is answered in full."
    assert check_notice_text(stats, Regime.FOIA).exemptions == ()
