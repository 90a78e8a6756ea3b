"""What a letter cites against what it says (src/foidesk/core/notice_citations.py): each rule with a letter
just outside it and one just inside it."""

from __future__ import annotations

import pytest

from foidesk.core.exemptions import exemption, has_limbs, parse_citation
from foidesk.core.notice_citations import (
    citation_findings,
    letter_regime,
    named_regimes,
    not_held_without_exception,
)
from foidesk.core.notice_findings import FINDING_CODES, Severity
from foidesk.core.regime import Regime


def codes(text: str, regime: Regime | None = None) -> list[str]:
    exemptions = parse_citation(text, regime)
    found = citation_findings(text, exemptions, letter_regime(text, exemptions, regime))
    assert all(f.code in FINDING_CODES for f in found)
    return [f.code for f in found]


# --- which regime a letter is under -----------------------------------------------------------------


def test_a_letter_is_read_under_the_law_it_names() -> None:
    assert named_regimes("handled under the Environmental Information Regulations 2004") == {Regime.EIR}
    assert named_regimes("under the Freedom of Information (Scotland) Act 2002") == {Regime.FOISA}
    assert named_regimes("the Environmental Information (Scotland) Regulations 2004") == {Regime.EISR}
    assert named_regimes("the Freedom of Information Act 2000 (FOIA)") == {Regime.FOIA}
    text = "Your request under the EIR. We refuse it under section 43(2)."
    assert letter_regime(text, parse_citation(text)) is Regime.EIR
    assert letter_regime("Section 40(2) applies.", parse_citation("Section 40(2) applies.")) is Regime.FOIA
    assert letter_regime("Regulation 13 applies.", parse_citation("Regulation 13 applies.")) is Regime.EIR
    assert letter_regime("Section 40(2) applies.", [], Regime.FOISA) is Regime.FOISA


# --- notice.wrong_regime ------------------------------------------------------------------------------


def test_foia_sections_in_a_letter_under_the_eir_are_the_wrong_regime() -> None:
    wrong = "We have dealt with your request under the EIR. The prices are withheld under section 43(2)."
    right = (
        "We have dealt with your request under the EIR. The prices are withheld under regulation 12(5)(e)."
    )
    assert codes(wrong) == ["notice.wrong_regime"]
    assert codes(right) == []


def test_eir_exceptions_in_a_letter_under_foia_are_the_wrong_regime_unless_routed_by_s39() -> None:
    wrong = "Your request under the Freedom of Information Act 2000 is refused under regulation 12(5)(e)."
    routed = (
        "Your request under the Freedom of Information Act 2000 is for environmental information, exempt "
        "under section 39; we have refused it under regulation 12(5)(e)."
    )
    assert codes(wrong) == ["notice.wrong_regime"]
    assert codes(routed) == []


def test_english_numbering_in_a_scottish_letter_and_the_reverse() -> None:
    scottish = (
        "We have considered your request under the Environmental Information (Scotland) Regulations 2004."
    )
    assert codes(scottish + " The data are not held: regulation 12(4)(a).") == ["notice.wrong_regime"]
    assert codes(scottish + " The data are not held: regulation 10(4)(a).") == []
    foisa = "Under the Freedom of Information (Scotland) Act 2002 "
    assert codes(foisa + "the names are exempt under section 40(2).") == ["notice.wrong_regime"]
    assert codes(foisa + "the names are exempt under section 38(1)(b).") == []
    english = "Under the Environmental Information Regulations 2004 "
    assert codes(english + "the data are not held: regulation 10(4)(a).") == ["notice.wrong_regime"]


def test_a_letter_naming_two_regimes_is_left_to_its_citations() -> None:
    # An EIR letter quoting s.50 FOIA (applied by reg 18) names both Acts: nothing is wrong.
    letter = (
        "Under the EIR the prices are withheld under regulation 12(5)(e). You may complain under section 50 "
        "of the Freedom of Information Act 2000, as applied by regulation 18."
    )
    assert codes(letter) == []


# --- notice.exemption_without_subsection ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bare", "with_limb"),
    [
        ("Section 31 applies because disclosure would prejudice crime.", "Section 31(1)(a) applies."),
        ("Section 40 applies because the officers would be identified.", "Section 40(2) applies."),
        ("Section 43 applies to the prices.", "Section 43(2) applies to the prices."),
        ("Section 36 applies in the qualified person's opinion.", "Section 36(2)(c) applies."),
        ("Section 38 applies: disclosure would endanger safety.", "Section 38(1)(b) applies."),
    ],
)
def test_a_section_with_limbs_cited_alone_warns(bare: str, with_limb: str) -> None:
    exemptions = parse_citation(bare)
    [found] = citation_findings(bare, exemptions, Regime.FOIA)
    assert (found.code, found.severity) == ("notice.exemption_without_subsection", Severity.WARN)
    assert codes(with_limb) == []


def test_an_ncnd_subsection_names_its_limb() -> None:
    # s.40(5B) is not a catalogue entry (it falls back to s.40), but it names the limb relied on.
    assert codes("The force neither confirms nor denies by virtue of section 40(5B).") == []
    assert has_limbs(exemption("s.40")) and not has_limbs(exemption("s.21"))


# --- notice.subsection_mismatch --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("wrong", "right"),
    [
        (
            "We consider your request vexatious and refuse it under section 14(2).",
            "We consider your request vexatious and refuse it under section 14(1).",
        ),
        (
            "Your request repeats one we answered last month and is refused under section 14(1).",
            "Your request repeats one we answered last month and is refused under section 14(2).",
        ),
        (
            "Section 43(1) applies because disclosure would prejudice the company's commercial interests.",
            "Section 43(2) applies because disclosure would prejudice the company's commercial interests.",
        ),
        (
            "Section 40(1) applies because the records hold the personal data of third parties.",
            "Section 40(2) applies because the records hold the personal data of third parties.",
        ),
    ],
)
def test_the_subsection_must_be_for_the_ground_described(wrong: str, right: str) -> None:
    assert codes(wrong) == ["notice.subsection_mismatch"]
    assert codes(right) == []


def test_a_sentence_naming_both_limbs_and_both_grounds_is_not_a_mismatch() -> None:
    text = "Section 14(1) applies to vexatious requests and section 14(2) to repeated ones."
    assert codes(text) == []


# --- notice.missing_exemption for "not held" under the EIR --------------------------------------------------


@pytest.mark.parametrize(
    ("regime", "without", "with_ground"),
    [
        (Regime.EIR, "The Council does not hold this information.", "Regulation 12(4)(a) applies."),
        (Regime.EISR, "No such information is held.", "Regulation 10(4)(a) applies."),
    ],
)
def test_not_held_under_the_eir_is_an_exception_to_cite(
    regime: Regime, without: str, with_ground: str
) -> None:
    found = not_held_without_exception(without, parse_citation(without, regime), regime)
    assert found is not None and found.code == "notice.missing_exemption"
    assert regime.rules.notice.not_held_ground in found.message
    cited = without + " " + with_ground
    assert not_held_without_exception(cited, parse_citation(cited, regime), regime) is None


def test_not_held_under_foia_is_a_denial_not_an_exception() -> None:
    text = "The force does not hold this information."
    assert not_held_without_exception(text, [], Regime.FOIA) is None
