"""Tests for responses and refusal notices (src/foidesk/core/notice.py).

The rules are s.17 FOIA (via FOIwiki and ICO guidance, DOMAIN.md A), reg 14 EIR and ss.16-19 FOISA;
the letter is the MPS response to 01.FOI.22.024648 (/work/shared/reference), a page excerpt that cites
s.21 and s.40(2) and, being an excerpt, shows no review or ICO paragraph.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foidesk.core.costs import Activity, CostItem, estimate_cost
from foidesk.core.exemptions import exemption
from foidesk.core.notice import (
    FINDING_CODES,
    ExemptionClaim,
    InvalidResponse,
    PartResponse,
    PublicInterest,
    Response,
    Severity,
    check_notice_text,
    check_response,
    response_from_mapping,
)
from foidesk.core.outcome import Outcome
from foidesk.core.regime import Regime
from tests.reference import REFERENCE_PAGE

REFERENCE = REFERENCE_PAGE
REVIEW = "You may ask for an internal review within 40 working days of this response."
ICO = "You may then complain to the Information Commissioner under section 50 of the Act."
BALANCED = PublicInterest(
    for_disclosure=("Transparency about how misconduct is handled.",),
    for_withholding=("Disclosure would prejudice live investigations.",),
    conclusion="The balance favours maintaining the exemption.",
)


def claim(
    code: str, *, reasons: str = "Because it would identify officers.", test: PublicInterest | None = None
):
    return ExemptionClaim(exemption(code), reasons, test)


def response(*parts: PartResponse, regime: Regime = Regime.FOIA, **kwargs: object) -> Response:
    fields: dict[str, object] = {"review_rights": REVIEW, "ico_rights": ICO}
    fields.update(kwargs)
    return Response("01.FOI.22.024648", regime, parts, **fields)  # type: ignore[arg-type]


def codes(findings) -> list[str]:
    return [f.code for f in findings]


def test_a_sound_partial_refusal_has_no_findings() -> None:
    parts = (
        PartResponse("Request 1, Q3", Outcome.WITHHELD, (claim("s.40(2)"),)),
        PartResponse("Request 2, Q1", Outcome.PARTLY_DISCLOSED, (claim("s.31(1)(g)", test=BALANCED),)),
        PartResponse("Request 1, Q1", Outcome.ALREADY_PUBLISHED, (claim("s.21"),), s21_pointer="https://x/y"),
        PartResponse("Request 2, Q4", Outcome.NOT_HELD),
    )
    assert check_response(response(*parts)) == []


def test_a_full_disclosure_needs_no_rights() -> None:
    r = response(PartResponse("Q1", Outcome.DISCLOSED), review_rights="", ico_rights="")
    assert check_response(r) == []


def test_withheld_part_without_exemption() -> None:
    found = check_response(response(PartResponse("Request 1, Q3", Outcome.WITHHELD)))
    assert codes(found) == ["notice.missing_exemption"]
    assert found[0].where == "Request 1, Q3"
    assert found[0].severity is Severity.ERROR


def test_exemption_without_reasons() -> None:
    part = PartResponse("Q1", Outcome.WITHHELD, (claim("s.40(2)", reasons="  "),))
    assert codes(check_response(response(part))) == ["notice.missing_reasons"]


def test_reasons_may_be_left_out_under_s17_4() -> None:
    c = dataclasses.replace(claim("s.40(2)", reasons=""), reasons_omitted_under_s17_4=True)
    assert check_response(response(PartResponse("Q1", Outcome.WITHHELD, (c,)))) == []


# The personal data exemption of each regime, with whether its law lets a notice leave the reasons out
# because stating them would disclose exempt information: s.17(4) FOIA and s.16(3) FOISA do; reg 14 EIR
# (legislation.gov.uk, SI 2004/3391) and reg 13 EISR make no such exception.
PERSONAL_DATA = {
    Regime.FOIA: ("s.40(2)", True),
    Regime.EIR: ("reg.13", False),
    Regime.FOISA: ("FOISA s.38(1)(b)", True),
    Regime.EISR: ("EISR reg.11", False),
}


@pytest.mark.parametrize("regime", list(Regime))
def test_reasons_left_out_only_where_the_regimes_law_allows_it(regime: Regime) -> None:
    assert set(PERSONAL_DATA) == set(Regime)  # a new regime says here what its law allows
    code, allowed = PERSONAL_DATA[regime]
    c = dataclasses.replace(claim(code, reasons=""), reasons_omitted_under_s17_4=True)
    found = check_response(response(PartResponse("Q1", Outcome.WITHHELD, (c,)), regime=regime))
    if allowed:
        assert found == []
    else:
        assert codes(found) == ["notice.missing_reasons"]
        assert regime.rules.notice.reasons_provision in found[0].message
        assert regime.rules.label in found[0].message  # says why the flag does not help


@pytest.mark.parametrize(
    ("regime", "code", "cited", "not_cited"),
    [
        (Regime.FOIA, "s.40(2)", "(s.17(1)(c))", "reg 14"),
        (Regime.EIR, "reg.13", "(reg 14(3))", "s.17"),
        (Regime.FOISA, "FOISA s.38(1)(b)", "(s.16(1)(d))", "s.17"),
    ],
)
def test_missing_reasons_cite_the_regimes_own_provision(
    regime: Regime, code: str, cited: str, not_cited: str
) -> None:
    part = PartResponse("Q1", Outcome.WITHHELD, (claim(code, reasons=""),))
    (found,) = check_response(response(part, regime=regime))
    assert found.code == "notice.missing_reasons"
    assert cited in found.message and not_cited not in found.message


ESTIMATE = "an estimated date for the decision (sections 10(3) and 17(2))"


@pytest.mark.parametrize(
    ("regime", "code", "cited", "estimate"),
    [
        (Regime.FOIA, "s.31(1)(a)", "(s.17(3))", ESTIMATE),
        (Regime.EIR, "reg.12(5)(b)", "(reg 14(3)(b))", None),
        (Regime.FOISA, "FOISA s.35(1)(a)", "(s.16(2))", None),
    ],
)
def test_a_missing_public_interest_test_cites_the_regimes_own_provision(
    regime: Regime, code: str, cited: str, estimate: str | None
) -> None:
    (found,) = check_response(response(PartResponse("Q1", Outcome.WITHHELD, (claim(code),)), regime=regime))
    assert found.code == "notice.missing_public_interest"
    assert cited in found.message
    # Only FOIA lets an open test run past the deadline with an estimated date (s.10(3)).
    assert (estimate in found.message) if estimate else ("estimated date" not in found.message)


def test_qualified_exemption_without_public_interest_test() -> None:
    found = check_response(response(PartResponse("Q1", Outcome.WITHHELD, (claim("s.31(1)(a)"),))))
    assert codes(found) == ["notice.missing_public_interest"]
    assert found[0].where == "Q1: s.31(1)(a)"


def test_open_public_interest_test_with_an_estimated_date_is_allowed_s17_2() -> None:
    part = PartResponse("Q1", Outcome.WITHHELD, (claim("s.31(1)(a)"),))
    r = response(part, public_interest_decision_due=date(2022, 7, 8), issued=date(2022, 6, 10))
    assert check_response(r) == []


def test_public_interest_extension_is_foia_only() -> None:
    part = PartResponse("Q1", Outcome.WITHHELD, (claim("FOISA s.35(1)(a)"),))
    r = response(part, regime=Regime.FOISA, public_interest_decision_due=date(2022, 7, 8))
    assert "notice.pit_extension_not_available" in codes(check_response(r))


def test_estimated_pit_date_in_the_past() -> None:
    part = PartResponse("Q1", Outcome.WITHHELD, (claim("s.31(1)(a)"),))
    r = response(part, public_interest_decision_due=date(2022, 6, 1), issued=date(2022, 6, 10))
    assert codes(check_response(r)) == ["notice.pit_estimate_in_past"]


def test_one_sided_public_interest_test_is_a_warning() -> None:
    one_sided = PublicInterest((), ("Prejudice to investigations.",), "Maintain the exemption.")
    found = check_response(
        response(PartResponse("Q1", Outcome.WITHHELD, (claim("s.30(1)(a)", test=one_sided),)))
    )
    assert codes(found) == ["notice.public_interest_one_sided"]
    assert found[0].severity is Severity.WARN


def test_public_interest_test_without_conclusion() -> None:
    no_conclusion = dataclasses.replace(BALANCED, conclusion="")
    found = check_response(
        response(PartResponse("Q1", Outcome.WITHHELD, (claim("s.42", test=no_conclusion),)))
    )
    assert codes(found) == ["notice.missing_public_interest"]


def test_absolute_exemption_with_public_interest_test_is_a_warning() -> None:
    found = check_response(response(PartResponse("Q1", Outcome.WITHHELD, (claim("s.41", test=BALANCED),))))
    assert codes(found) == ["notice.absolute_with_pit"]
    assert found[0].severity is Severity.WARN


def test_missing_review_and_ico_rights_in_a_refusal() -> None:
    part = PartResponse("Q1", Outcome.WITHHELD, (claim("s.40(2)"),))
    found = check_response(response(part, review_rights="", ico_rights=""))
    assert codes(found) == ["notice.missing_review_rights", "notice.missing_ico_rights"]
    assert "s.50" in found[1].message


def test_ncnd_needs_an_exemption_with_an_ncnd_provision() -> None:
    part = PartResponse("Q1", Outcome.NCND, (claim("s.21"),))
    found = check_response(response(part))
    assert "notice.ncnd_not_available" in codes(found)


def test_police_ncnd_under_30_3_31_3_and_40_5_is_available() -> None:
    claims = (claim("s.30(1)(a)", test=BALANCED), claim("s.31(1)(g)", test=BALANCED), claim("s.40(2)"))
    assert check_response(response(PartResponse("Q1", Outcome.NCND, claims))) == []


def test_s21_without_a_pointer() -> None:
    part = PartResponse("Request 1", Outcome.ALREADY_PUBLISHED, (claim("s.21"),))
    found = check_response(response(part))
    assert codes(found) == ["notice.s21_without_pointer"]
    assert found[0].where == "Request 1: s.21"


def test_already_published_must_cite_s21_under_foia() -> None:
    part = PartResponse("Request 1", Outcome.ALREADY_PUBLISHED, s21_pointer="https://example.org/log/1")
    assert codes(check_response(response(part))) == ["notice.missing_exemption"]


def test_already_published_under_the_eir_needs_only_the_pointer_reg_6_1_b() -> None:
    bare = PartResponse("Request 1", Outcome.ALREADY_PUBLISHED)
    assert codes(check_response(response(bare, regime=Regime.EIR))) == ["notice.s21_without_pointer"]
    pointed = dataclasses.replace(bare, s21_pointer="https://example.org/log/1")
    assert check_response(response(pointed, regime=Regime.EIR)) == []


def test_s12_without_estimate_or_advice() -> None:
    found = check_response(response(PartResponse("Q1", Outcome.COST_LIMIT)))
    assert codes(found) == ["notice.s12_without_estimate", "notice.s12_without_advice"]


def test_s12_with_an_estimate_within_the_limit() -> None:
    estimate = estimate_cost([CostItem(Activity.LOCATE, Decimal(10))], regime=Regime.FOIA)
    part = PartResponse("Q1", Outcome.COST_LIMIT, cost_estimate=estimate, advice="Narrow it to one year.")
    assert codes(check_response(response(part))) == ["notice.s12_limit_not_exceeded"]


def test_s12_with_an_estimate_over_the_limit_and_advice() -> None:
    estimate = estimate_cost([CostItem(Activity.EXTRACT, Decimal(30))], regime=Regime.FOIA)
    part = PartResponse("Q1", Outcome.COST_LIMIT, cost_estimate=estimate, advice="Narrow it to one year.")
    assert check_response(response(part)) == []


def test_eir_has_no_cost_limit() -> None:
    part = PartResponse("Q1", Outcome.COST_LIMIT)
    assert codes(check_response(response(part, regime=Regime.EIR))) == ["notice.no_cost_limit_in_regime"]


def test_eir_not_held_is_an_exception_that_needs_reg_12_4_a_and_rights() -> None:
    found = check_response(
        response(PartResponse("Q1", Outcome.NOT_HELD), regime=Regime.EIR, review_rights="")
    )
    assert codes(found) == ["notice.missing_exemption", "notice.missing_review_rights"]


def test_foia_not_held_needs_no_refusal_notice() -> None:
    r = response(PartResponse("Q1", Outcome.NOT_HELD), review_rights="", ico_rights="")
    assert check_response(r) == []


def test_exemption_of_another_regime() -> None:
    found = check_response(response(PartResponse("Q1", Outcome.WITHHELD, (claim("FOISA s.38(1)(b)"),))))
    assert codes(found) == ["notice.wrong_regime"]


def test_undecided_part_and_empty_response() -> None:
    assert codes(check_response(response(PartResponse("Q1", Outcome.UNDECIDED)))) == ["notice.undecided_part"]
    assert codes(check_response(response())) == ["notice.no_parts"]


def test_late_notice_is_a_warning() -> None:
    r = response(PartResponse("Q1", Outcome.DISCLOSED), issued=date(2022, 6, 20), due=date(2022, 6, 17))
    assert codes(check_response(r)) == ["notice.late"]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(list(Outcome)),
            st.lists(
                st.sampled_from(["s.21", "s.31(1)(a)", "s.40(2)", "s.42", "s.12", "FOISA s.25"]), max_size=3
            ),
            st.booleans(),
        ),
        max_size=5,
    ),
    st.booleans(),
)
def test_every_finding_has_a_known_code_and_refusals_without_rights_are_always_flagged(
    raw: list[tuple[Outcome, list[str], bool]], with_rights: bool
) -> None:
    parts = tuple(
        PartResponse(f"Q{i}", outcome, tuple(claim(c, test=BALANCED if pit else None) for c in cs))
        for i, (outcome, cs, pit) in enumerate(raw, start=1)
    )
    r = response(*parts, review_rights=REVIEW if with_rights else "", ico_rights=ICO if with_rights else "")
    found = check_response(r)
    assert all(f.code in FINDING_CODES for f in found)
    assert ("notice.missing_review_rights" in codes(found)) == (r.is_refusal and not with_rights)


# --- letters as text -------------------------------------------------------------------------------


@pytest.fixture
def reference_text() -> str:
    return REFERENCE.read_text(encoding="utf-8")


def test_reference_response_cites_s21_and_s40_2(reference_text: str) -> None:
    check = check_notice_text(reference_text)
    assert [e.code for e in check.exemptions] == ["s.40(2)", "s.21"]
    assert check.is_refusal


def test_reference_excerpt_has_no_review_or_ico_paragraph_and_nothing_else_missing(
    reference_text: str,
) -> None:
    # The page excerpt stops after the disclosure section: the text holds neither "review" nor
    # "Commissioner" (checked below), so both rights are reported missing. s.21 points to "this link";
    # s.40(2) is absolute, so no public interest test is needed; reasons are given ("Reason for decision").
    # The 2022 letter still names the Data Protection Act 1998, repealed in 2018, and answers "not recorded
    # centrally" as if that were "not held" (DOMAIN.md H).
    assert "review" not in reference_text.lower()
    assert "commissioner" not in reference_text.lower()
    check = check_notice_text(reference_text, dated=date(2022, 9, 1))
    assert codes(check.findings) == [
        "notice.missing_review_rights",
        "notice.missing_ico_rights",
        "notice.not_centrally_is_held",
        "notice.outdated_statute",
    ]
    assert not check.states_review_rights
    assert not check.states_regulator_rights


def test_reference_with_rights_appended_is_clean_but_for_the_repealed_act(reference_text: str) -> None:
    check = check_notice_text(reference_text + "\n" + REVIEW + "\n" + ICO + "\n")
    assert codes(check.findings) == ["notice.not_centrally_is_held", "notice.outdated_statute"]
    updated = reference_text.replace("Data Protection Act 1998", "Data Protection Act 2018").replace(
        "not recorded centrally", "not held"
    )
    assert check_notice_text(updated + "\n" + REVIEW + "\n" + ICO + "\n").findings == ()


LETTER_31 = (
    """Freedom of information request reference no: 01.FOI.23.000001
I have decided to withhold the information under Section 31(1)(a) - Law enforcement.
Disclosure would be likely to prejudice the prevention of crime.
"""
    + REVIEW
    + "\n"
    + ICO
)


def test_letter_with_qualified_exemption_and_no_public_interest() -> None:
    check = check_notice_text(LETTER_31)
    assert codes(check.findings) == ["notice.missing_public_interest"]
    assert check.findings[0].where == "line 2"


def test_letter_with_qualified_exemption_and_public_interest() -> None:
    letter = (
        LETTER_31 + "\nDisclosure would give transparency about how crime is tackled. Having weighed the "
        "public interest, the balance favours maintaining the exemption."
    )
    assert check_notice_text(letter).findings == ()


def test_a_public_interest_test_that_only_asserts_the_balance_is_missing() -> None:
    asserted = (
        LETTER_31 + "\nHaving weighed the public interest, the balance favours maintaining the exemption."
    )
    found = check_notice_text(asserted).findings
    assert codes(found) == ["notice.missing_public_interest"]
    assert "weighs no factor" in found[0].message


def test_letter_refusing_without_any_exemption() -> None:
    letter = (
        "We are unable to provide this information and have refused your request.\n" + REVIEW + "\n" + ICO
    )
    assert codes(check_notice_text(letter).findings) == ["notice.missing_exemption"]


def test_letter_s12_without_estimate_or_advice() -> None:
    letter = (
        "Your request is refused under Section 12 as it would exceed the cost limit.\n" + REVIEW + "\n" + ICO
    )
    assert codes(check_notice_text(letter).findings) == [
        "notice.s12_without_estimate",
        "notice.s12_without_advice",
    ]


def test_letter_s12_with_estimate_and_advice() -> None:
    letter = (
        "Your request is refused under Section 12: locating the files would take 40 hours, over the 18 hour "
        "limit. If you narrow your request to one year we may be able to help.\n" + REVIEW + "\n" + ICO
    )
    assert check_notice_text(letter).findings == ()


def test_letter_s21_without_pointer() -> None:
    letter = (
        "This information is exempt under Section 21 as it is reasonably accessible.\n" + REVIEW + "\n" + ICO
    )
    assert codes(check_notice_text(letter).findings) == ["notice.s21_without_pointer"]


def test_letter_ncnd_under_s21_is_not_available() -> None:
    letter = (
        "The MPS can neither confirm nor deny that it holds this information by virtue of Section 21.\n"
        "This is because confirming would reveal information.\n" + REVIEW + "\n" + ICO
    )
    assert codes(check_notice_text(letter).findings) == [
        "notice.s21_without_pointer",
        "notice.ncnd_not_available",
    ]


def test_letter_ncnd_under_40_5b_is_available() -> None:
    letter = (
        "The MPS can neither confirm nor deny that it holds this information by virtue of Section 40(5B).\n"
        "This is because confirming would identify an officer.\n" + REVIEW + "\n" + ICO
    )
    assert check_notice_text(letter).findings == ()


def test_letter_ncnd_under_the_old_40_5_is_outdated_after_2018_but_not_before() -> None:
    letter = (
        "The MPS can neither confirm nor deny that it holds this information by virtue of Section 40(5).\n"
        "This is because confirming would identify an officer.\n" + REVIEW + "\n" + ICO
    )
    assert codes(check_notice_text(letter, dated=date(2022, 1, 5)).findings) == ["notice.outdated_statute"]
    assert check_notice_text(letter, dated=date(2017, 1, 5)).findings == ()


def test_letter_weighing_public_interest_for_absolute_exemption_only_warns() -> None:
    letter = (
        "Section 41 applies because disclosure would be an actionable breach of confidence. "
        "The public interest factors favouring disclosure were weighed against those against.\n"
        + REVIEW
        + "\n"
        + ICO
    )
    found = check_notice_text(letter).findings
    assert codes(found) == ["notice.absolute_with_pit"]
    assert found[0].severity is Severity.WARN


def test_weighing_public_interest_for_third_party_personal_data_is_not_flagged() -> None:
    # s.40(2) is absolute only under the first condition (s.2(3)(fa)); under the others it is weighed.
    letter = (
        "Section 40(2) applies because disclosure would identify officers. "
        "The public interest factors favouring disclosure were weighed against those against.\n"
        + REVIEW
        + "\n"
        + ICO
    )
    assert codes(check_notice_text(letter).findings) == []


def test_letter_saying_absolute_needs_no_public_interest_test_is_fine() -> None:
    letter = (
        "Section 40(2) applies because disclosure would identify officers. "
        "It is absolute, so there is no public interest test.\n" + REVIEW + "\n" + ICO
    )
    assert check_notice_text(letter).findings == ()


def test_a_disclosure_letter_is_not_a_refusal() -> None:
    check = check_notice_text("Please find attached the spreadsheet you asked for.")
    assert not check.is_refusal
    assert check.findings == ()


# --- the JSON form ---------------------------------------------------------------------------------


def test_response_from_mapping_reads_the_documented_shape() -> None:
    data = {
        "reference": "01.FOI.22.024648",
        "regime": "foia",
        "issued": "2022-06-10",
        "review_rights": REVIEW,
        "ico_rights": ICO,
        "parts": [
            {
                "label": "Request 1, Q3",
                "outcome": "withheld",
                "exemptions": [
                    {"code": "s.31(1)(g)", "reasons": "Would prejudice misconduct investigations.",
                     "public_interest": {"for_disclosure": ["a"], "for_withholding": ["b"],
                                         "conclusion": "c"}}
                ],
            },
            {
                "label": "Request 2, Q4",
                "outcome": "cost_limit",
                "advice": "Narrow to one year.",
                "cost_estimate": {"authority": "other", "items": [{"activity": "extract", "hours": 25}]},
            },
        ],
    }  # fmt: skip
    r = response_from_mapping(data)
    assert r.issued == date(2022, 6, 10)
    assert r.parts[0].claims[0].exemption.code == "s.31(1)(g)"
    assert r.parts[1].cost_estimate is not None and r.parts[1].cost_estimate.cost == Decimal(625)
    assert check_response(r) == []


@pytest.mark.parametrize(
    "data",
    [
        {"parts": "nope"},
        {"parts": [{"outcome": "maybe"}]},
        {"parts": [{"outcome": "withheld", "exemptions": [{"code": "s.99"}]}]},
        {"regime": "gdpr", "parts": []},
        {"issued": "10/06/2022", "parts": []},
        {
            "parts": [
                {"outcome": "cost_limit", "cost_estimate": {"items": [{"activity": "locate", "hours": -1}]}}
            ]
        },
    ],
)
def test_response_from_mapping_rejects_bad_input(data: dict[str, object]) -> None:
    with pytest.raises(InvalidResponse):
        response_from_mapping(data)


def test_eir_unfinished_material_needs_who_and_when_reg_14_4() -> None:
    c = claim("reg.12(4)(d)", test=BALANCED)
    bare = PartResponse("Q1", Outcome.WITHHELD, (c,))
    assert codes(check_response(response(bare, regime=Regime.EIR))) == ["notice.missing_completion_estimate"]
    told = dataclasses.replace(bare, completion_estimate="The Environment Agency; by March 2027.")
    assert check_response(response(told, regime=Regime.EIR)) == []


def test_foisa_letter_missing_rights_names_the_scottish_commissioner() -> None:
    letter = "Information is withheld under section 38(1)(b) of FOISA because it would identify officers."
    check = check_notice_text(letter)
    assert [e.code for e in check.exemptions] == ["FOISA s.38(1)(b)"]
    assert codes(check.findings) == ["notice.missing_review_rights", "notice.missing_ico_rights"]
    assert "Scottish Information Commissioner" in check.findings[1].message


def test_citation_parsing_stays_fast_on_hostile_input() -> None:
    import time

    start = time.process_time()
    check_notice_text("s.1" + "(a)" * 5000 + " section 40(2)" + "&(3A)(a)" * 3000)
    assert time.process_time() - start < 2


def test_letter_pointing_to_an_attached_complaint_rights_paper() -> None:
    # The MPS pattern: a "COMPLAINT RIGHTS" heading and a pointer to an attached paper that explains them.
    letter = (
        "Section 40(2) applies because disclosure would identify officers.\n"
        "COMPLAINT RIGHTS\n"
        "If you are dissatisfied with this response, please read the attached paper entitled "
        "Complaint Rights which explains how to make a complaint.\n"
    )
    check = check_notice_text(letter)
    assert check.states_review_rights
    assert [(f.code, f.severity) for f in check.findings] == [("notice.missing_ico_rights", Severity.WARN)]


def test_vexatious_refusal_without_reasons_only_warns_s17_5() -> None:
    part = PartResponse("Q1", Outcome.WITHHELD, (claim("s.14(1)", reasons=""),))
    found = check_response(response(part))
    assert [(f.code, f.severity) for f in found] == [("notice.missing_reasons", Severity.WARN)]


# ------------------------------------------------------------------ word tests that a practitioner broke


def test_a_full_disclosure_that_says_nothing_was_withheld_is_not_a_refusal() -> None:
    letter = "I am pleased to provide the information below. No information has been withheld.\n"
    assert not check_notice_text(letter).is_refusal
    assert check_notice_text("Some information has been withheld.\n").is_refusal


def test_the_words_public_interest_alone_are_not_a_public_interest_test() -> None:
    letter = (
        "I have decided to withhold the information under Section 31(1)(a) - Law enforcement, because "
        "disclosure would be likely to prejudice the prevention of crime. We know it is in the public "
        "interest to be open.\n" + REVIEW + "\n" + ICO
    )
    assert codes(check_notice_text(letter).findings) == ["notice.missing_public_interest"]
    weighed = letter.replace(
        "We know it is in the public interest to be open.",
        "Disclosure would increase public awareness of crime. The public interest in maintaining the "
        "exemption outweighs the public interest in disclosure.",
    )
    assert codes(check_notice_text(weighed).findings) == []


def test_would_contravene_is_a_reason() -> None:
    letter = (
        "Section 40(2) applies: disclosure would contravene the data protection principles.\n"
        + REVIEW
        + "\n"
        + ICO
    )
    assert codes(check_notice_text(letter).findings) == []


def test_foisa_require_a_review_is_a_review_right() -> None:
    letter = (
        "Under section 38(1)(b) of FOISA the information is exempt because disclosure would contravene "
        "the data protection principles. If you are dissatisfied you may require us to carry out a review "
        "within 40 working days. You may then apply to the Scottish Information Commissioner.\n"
    )
    check = check_notice_text(letter)
    assert check.states_review_rights
    assert codes(check.findings) == []


def test_both_limbs_of_31_1_a_and_b_are_cited() -> None:
    letter = "Section 31(1)(a) and (b) apply because disclosure would prejudice law enforcement.\n"
    assert [e.code for e in check_notice_text(letter).exemptions] == ["s.31(1)(a)", "s.31(1)(b)"]


def test_not_recorded_centrally_is_not_not_held() -> None:
    part = PartResponse(
        label="Q4", outcome=Outcome.NOT_HELD, answer="This information is not recorded centrally."
    )
    response = Response(
        reference="X", regime=Regime.FOIA, parts=(part,), review_rights=REVIEW, ico_rights=ICO
    )
    assert codes(check_response(response)) == ["notice.not_centrally_is_held"]
    plain = dataclasses.replace(part, answer="We hold no such records.")
    assert codes(check_response(dataclasses.replace(response, parts=(plain,)))) == []
    assert "notice.not_centrally_is_held" in codes(
        check_notice_text("Q4: this information is not held centrally.\n" + REVIEW + "\n" + ICO).findings
    )


def test_foisa_ncnd_needs_the_s18_public_interest_finding_even_when_absolute() -> None:
    part = PartResponse("Q1", Outcome.NCND, (claim("FOISA s.38(1)(b)"),))
    assert codes(check_response(response(part, regime=Regime.FOISA))) == ["notice.missing_public_interest"]
    found = PublicInterest((), (), "Revealing whether it exists would be contrary to the public interest.")
    with_finding = PartResponse("Q1", Outcome.NCND, (claim("FOISA s.38(1)(b)", test=found),))
    assert codes(check_response(response(with_finding, regime=Regime.FOISA))) == []
