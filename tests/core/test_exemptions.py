"""Tests for the exemptions catalogue and citation parser (src/foidesk/core/exemptions.py).

Known answers are from the statutes: FOIA s.2(3) lists the absolute exemptions, FOISA s.2(2) its own.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foidesk.core.exemptions import (
    Basis,
    Exemption,
    UnknownExemption,
    exemption,
    exemptions_for,
    parse_citation,
)
from foidesk.core.regime import Regime

# FOIA s.2(3): the absolute exemptions, typed from the statute (s.36 is absolute only for the Houses,
# s.37 only for (1)(a)-(ab), s.40 for (1) and (2) under the first condition).
FOIA_ABSOLUTE = {
    "s.21", "s.23", "s.32", "s.34", "s.37(1)(a)", "s.37(1)(aa)", "s.37(1)(ab)", "s.40", "s.40(1)", "s.40(2)",
    "s.41", "s.44",
}  # fmt: skip


def codes(entries: list[Exemption]) -> list[str]:
    return [e.code for e in entries]


def test_absolute_foia_exemptions_are_those_listed_in_section_2_3() -> None:
    absolute = {e.code for e in exemptions_for(Regime.FOIA) if e.absolute}
    assert absolute == FOIA_ABSOLUTE


def test_foisa_absolute_exemptions_are_those_listed_in_section_2_2() -> None:
    absolute = {e.code for e in exemptions_for(Regime.FOISA) if e.absolute}
    assert absolute == {
        "FOISA s.25", "FOISA s.26", "FOISA s.36(2)", "FOISA s.37", "FOISA s.38", "FOISA s.38(1)(a)",
        "FOISA s.38(1)(b)", "FOISA s.38(1)(c)", "FOISA s.38(1)(d)",
    }  # fmt: skip


def test_section_21_is_absolute_class_based_with_no_ncnd() -> None:
    s21 = exemption("s.21")
    assert (s21.absolute, s21.basis, s21.ncnd_provision, s21.public_interest_test) == (
        True,
        Basis.CLASS,
        None,
        False,
    )


def test_section_31_1_a_is_qualified_prejudice_based_with_ncnd_in_31_3() -> None:
    e = exemption("s.31(1)(a)")
    assert e.title == "Law enforcement: the prevention or detection of crime"
    assert (e.absolute, e.basis, e.ncnd_provision, e.public_interest_test) == (
        False,
        Basis.PREJUDICE,
        "s.31(3)",
        True,
    )


def test_third_party_personal_data_ncnd_is_40_5b_and_own_data_40_5a() -> None:
    assert exemption("s.40(2)").ncnd_provision == "s.40(5B)"
    assert exemption("s.40(1)").ncnd_provision == "s.40(5A)"


def test_every_eir_exception_except_not_held_and_personal_data_takes_the_public_interest_test() -> None:
    without_pit = {e.code for e in exemptions_for(Regime.EIR) if not e.public_interest_test}
    assert without_pit == {"reg.12(4)(a)", "reg.13"}


def test_eir_ncnd_only_for_12_5_a_and_personal_data() -> None:
    assert {e.code for e in exemptions_for(Regime.EIR) if e.allows_ncnd} == {"reg.12(5)(a)", "reg.13"}


def test_section_40_5_is_no_longer_an_ncnd_provision_after_2018() -> None:
    # DPA 2018 Sch 19 replaced s.40(5) with s.40(5A) (own data) and s.40(5B) (third parties).
    codes = {e.ncnd_provision for e in exemptions_for(Regime.FOIA)}
    assert "s.40(5)" not in codes
    assert exemption("s.40").ncnd_provision == "s.40(5B)"


def test_eir_personal_data_ncnd_is_13_5a() -> None:
    assert exemption("reg.13").ncnd_provision == "reg.13(5A)"


def test_personal_data_is_absolute_only_under_the_first_condition_in_every_regime() -> None:
    conditional = {e.code for r in Regime for e in exemptions_for(r) if e.absolute_only_under_first_condition}
    assert conditional == {"s.40(2)", "reg.13", "FOISA s.38(1)(b)", "EISR reg.11"}


def test_foisa_s18_ncnd_covers_39_1_but_not_39_2() -> None:
    assert exemption("FOISA s.39(1)").allows_ncnd
    assert not exemption("FOISA s.39(2)").allows_ncnd


def test_every_foisa_ncnd_needs_its_own_public_interest_finding_even_under_s38() -> None:
    foisa_ncnd = [e for e in exemptions_for(Regime.FOISA) if e.allows_ncnd]
    assert foisa_ncnd and all(e.ncnd_needs_public_interest_finding for e in foisa_ncnd)
    assert exemption("FOISA s.38(1)(b)").ncnd_needs_public_interest_finding
    assert not exemption("s.40(2)").ncnd_needs_public_interest_finding


def test_eisr_has_the_exceptions_of_regulation_10_5_and_ncnd_for_personal_data() -> None:
    codes = {e.code for e in exemptions_for(Regime.EISR)}
    assert {f"EISR reg.10(5)({x})" for x in "cdfg"} <= codes
    assert exemption("EISR reg.11").ncnd_provision == "EISR reg.11(6)"


def test_a_vexatious_refusal_may_neither_confirm_nor_deny() -> None:
    # s.14(1) lifts the whole of s.1(1), the duty to confirm or deny included.
    assert exemption("s.14(1)").allows_ncnd


def test_foisa_uses_its_own_numbering() -> None:
    assert exemption("FOISA s.25").title == "Information otherwise accessible"
    assert exemption("FOISA s.38(1)(b)").title.startswith("Personal information")
    assert exemption("FOISA s.35").title == "Law enforcement"
    assert exemption("FOISA s.34").title.startswith("Investigations")


def test_unknown_code_raises_unknown_exemption() -> None:
    with pytest.raises(UnknownExemption):
        exemption("s.99")


def test_procedural_grounds_are_marked_and_take_no_public_interest_test() -> None:
    for code in ("s.12", "s.14(1)", "s.14(2)", "FOISA s.12"):
        assert exemption(code).procedural
        assert not exemption(code).public_interest_test


def test_codes_are_unique_and_each_regime_holds_its_own() -> None:
    for regime in Regime:
        entries = exemptions_for(regime)
        assert entries
        assert all(e.regime is regime for e in entries)
        assert len({e.code for e in entries}) == len(entries)


def test_absolute_never_takes_the_public_interest_test() -> None:
    for regime in Regime:
        assert not any(e.absolute and e.public_interest_test for e in exemptions_for(regime))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Section 40(2) - Personal Information", ["s.40(2)"]),
        ("s.40(2)&(3A)(a)", ["s.40(2)"]),
        ("Sections 30(1)(a), 31 and 40(2)", ["s.30(1)(a)", "s.31", "s.40(2)"]),
        ("Section 21 - Information reasonably accessible by other means", ["s.21"]),
        ("exempt under s31(1)(a) and s 38(1)(b)", ["s.31(1)(a)", "s.38(1)(b)"]),
        ("Regulation 12(4)(b) and 13 apply", ["reg.12(4)(b)", "reg.13"]),
        ("reg. 12(5)(e) of the Environmental Information Regulations 2004", ["reg.12(5)(e)"]),
        ("FOISA s.38(1)(b)", ["FOISA s.38(1)(b)"]),
        ("section 35(1)(a) of the Freedom of Information (Scotland) Act 2002", ["FOISA s.35(1)(a)"]),
        ("Sections 30(3), 31(3) and 40(5) - neither confirm nor deny", ["s.30", "s.31", "s.40"]),
        ("Section 43(2) and section 12", ["s.43(2)", "s.12"]),
        ("Section 22 of the FOI Act", ["s.22"]),
        ("sections 30 and 40 of the Act", ["s.30", "s.40"]),
        ("Section 31(1)(a)(b) Law Enforcement", ["s.31(1)(a)", "s.31(1)(b)"]),
        ("Section 31(1)(a) and (b) apply", ["s.31(1)(a)", "s.31(1)(b)"]),
        ("Sections 31(1)(a), (b) and 40(2)", ["s.31(1)(a)", "s.31(1)(b)", "s.40(2)"]),
        ("s.36(2)(b)(i) and (ii)", ["s.36(2)(b)(i)", "s.36(2)(b)(ii)"]),
        ("Section 43(2) and (a) of the contract", ["s.43(2)"]),
        ("s.36(2)(b)(ii)", ["s.36(2)(b)(ii)"]),
        ("Section 14(1) of FOIA", ["s.14(1)"]),
    ],
)
def test_parse_citation_known_forms(text: str, expected: list[str]) -> None:
    assert codes(parse_citation(text)) == expected


def test_sections_of_other_acts_are_not_exemptions() -> None:
    text = (
        "a breach of section 24 of the Data Protection Act 2018, section 35 of the Police Act 1996, "
        "section 24(1) DPA 2018, Section 12 of the Section 45 Code of Practice and Section 17 of the Act"
    )
    assert parse_citation(text) == []


def test_bare_section_is_dropped_when_its_subsection_is_cited() -> None:
    text = "Section 40(2) - Personal Information. Section 40 - Personal Information are absolute exemptions"
    assert codes(parse_citation(text)) == ["s.40(2)"]


def test_a_deeper_subsection_than_the_catalogue_falls_back_to_its_section() -> None:
    assert codes(parse_citation("section 42(1)")) == ["s.42"]


def test_regime_argument_reads_bare_sections_as_foisa() -> None:
    assert codes(parse_citation("section 38(1)(b)", Regime.FOISA)) == ["FOISA s.38(1)(b)"]


def test_reference_response_cites_section_21_and_40_2() -> None:
    from tests.reference import REFERENCE_PAGE

    assert codes(parse_citation(REFERENCE_PAGE.read_text(encoding="utf-8"))) == ["s.40(2)", "s.21"]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from([e for regime in Regime for e in exemptions_for(regime)]))
def test_every_code_parses_back_to_itself(entry: Exemption) -> None:
    assert parse_citation(entry.code, entry.regime) == [entry]


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_parse_citation_never_fails_and_returns_catalogue_entries(text: str) -> None:
    for entry in parse_citation(text):
        assert exemption(entry.code) is entry
