"""Response letters: the sections s.17 requires, in HTML, a tagged PDF and DOCX."""

from __future__ import annotations

import io
import re
from datetime import date
from html import escape, unescape
from pathlib import Path

import pikepdf
import pytest
from docx import Document
from hypothesis import given, settings
from hypothesis import strategies as st

from foidesk.core.exemptions import exemption
from foidesk.core.notice import ExemptionClaim, PartResponse, PublicInterest, Response
from foidesk.core.outcome import Outcome
from foidesk.core.regime import Regime
from foidesk.render.letters import (
    AnswerTable,
    Letter,
    LetterFormat,
    LetterRefused,
    letter_docx,
    letter_html,
    letter_pdf,
    regulator,
    render_letter,
    uk_date,
)


def _response() -> Response:
    return Response(
        reference="01.FOI.22.024648",
        regime=Regime.FOIA,
        parts=(
            PartResponse(label="Q1", outcome=Outcome.DISCLOSED),
            PartResponse(
                label="Q2",
                outcome=Outcome.WITHHELD,
                claims=(
                    ExemptionClaim(
                        exemption=exemption("s.31"),
                        reasons="Disclosure would prejudice the prevention of crime.",
                        public_interest=PublicInterest(
                            for_disclosure=("Transparency in policing.",),
                            for_withholding=("Tactics would be revealed to offenders.",),
                            conclusion="The balance favours withholding.",
                        ),
                    ),
                ),
            ),
            PartResponse(
                label="Q3",
                outcome=Outcome.ALREADY_PUBLISHED,
                claims=(ExemptionClaim(exemption("s.21"), "The figures are published on our website."),),
                s21_pointer="https://example.gov.uk/disclosure-log/stop-and-search/",
            ),
        ),
        review_rights="Write to foi@example.gov.uk to ask for an internal review.",
        ico_rights="You may complain to the ICO under section 50.",
        issued=date(2022, 6, 13),
    )


def _letter(response: Response | None = None) -> Letter:
    return Letter(
        response=response or _response(),
        authority="Metropolitan Police Service",
        requester_name="A. Requester",
        issued=date(2022, 6, 13),
        received=date(2022, 5, 16),
        questions=(("Q1", "How many officers?"), ("Q2", "Your tactics?"), ("Q3", "Stop and search figures?")),
        answers=(("Q1", "The numbers are in the table below."),),
        tables=(("Q1", AnswerTable("Officers by year", ("Year", "Officers"), (("2021", "31,000"),))),),
        attachments=("Officers by year.xlsx",),
        review_email="foi@example.gov.uk",
    )


def test_uk_date() -> None:
    assert uk_date(date(2022, 6, 13)) == "13 June 2022"
    assert uk_date(date(2026, 11, 4)) == "4 November 2026"


def test_html_has_every_section() -> None:
    html = letter_html(_letter())
    assert '<html lang="en-GB">' in html
    assert "<title>Freedom of Information request 01.FOI.22.024648</title>" in html
    for text in (
        "I note you seek access to the following information",
        "I have today decided to disclose some of the requested information",
        "Refusal Notice under section 17",
        "s.31 Law enforcement",
        "Why it applies: Disclosure would prejudice",
        "Factors favouring disclosure",
        "Factors favouring withholding",
        "The balance favours withholding.",
        '<a href="https://example.gov.uk/disclosure-log/stop-and-search/">',
        "<h2>Reason for decision</h2>",
        "<h2>Disclosure</h2>",
        "40 working days",
        "Wycliffe House",
        "SK9 5AF",
        "https://ico.org.uk",
        "13 June 2022",
        "16 May 2022",
        '<th scope="col">Year</th>',
    ):
        assert text in html, text


def test_html_escapes() -> None:
    letter = Letter(
        response=_response(),
        authority="<Council & Co>",
        requester_name="<script>x</script>",
        issued=date(2022, 6, 13),
        review_email="foi@example.gov.uk",
    )
    html = letter_html(letter)
    assert "<script>" not in html
    assert "&lt;Council &amp; Co&gt;" in html


def test_refuses_a_response_failing_s17() -> None:
    bad = Response(
        reference="X1",
        regime=Regime.FOIA,
        parts=(PartResponse(label="Q1", outcome=Outcome.WITHHELD),),
    )
    with pytest.raises(LetterRefused) as caught:
        letter_html(_letter(bad))
    codes = {f.code for f in caught.value.findings}
    assert "notice.missing_exemption" in codes
    assert "notice.missing_review_rights" in codes


def test_pdf_is_tagged_titled_and_has_the_text() -> None:
    from pypdf import PdfReader  # here, not at the top: importing pypdf costs collection most of a second

    data = letter_pdf(_letter())
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert "/StructTreeRoot" in pdf.Root
        assert "/MarkInfo" in pdf.Root
        assert str(pdf.Root.Lang) == "en-GB"
        assert str(pdf.docinfo["/Title"]) == "Freedom of Information request 01.FOI.22.024648"
        assert str(pdf.docinfo.get("/Author", "Metropolitan Police Service")) == "Metropolitan Police Service"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    assert "Refusal Notice" in text
    assert "Wycliffe House" in text


def test_docx_has_heading_styles() -> None:
    doc = Document(io.BytesIO(letter_docx(_letter())))
    styles = {p.style.name for p in doc.paragraphs}
    assert {"Heading 1", "Heading 2", "Heading 3"} <= styles
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 2"]
    assert "Reason for decision" in headings
    assert doc.core_properties.title == "Freedom of Information request 01.FOI.22.024648"
    assert doc.core_properties.author == "Metropolitan Police Service"
    assert len(doc.tables) == 1
    assert "Wycliffe House" in "\n".join(p.text for p in doc.paragraphs)


def test_render_letter_html_bytes() -> None:
    assert render_letter(_letter(), LetterFormat.HTML).startswith(b"<!DOCTYPE html>")


def test_regulator_by_regime() -> None:
    assert regulator(Regime.FOIA).address[-1] == "SK9 5AF"
    assert "Wycliffe House" in regulator(Regime.EIR).particulars
    assert "regulation 18" in regulator(Regime.EIR).provision
    assert regulator(Regime.FOISA).name == "Scottish Information Commissioner"
    assert "section 47" in regulator(Regime.EISR).provision


def test_cost_limit_refusal_gives_the_estimate_and_s16_advice() -> None:
    from decimal import Decimal

    from foidesk.core.costs import Activity, CostItem, estimate_cost

    estimate = estimate_cost(
        [CostItem(Activity.LOCATE, Decimal(30), "Search 600 paper files at 3 minutes each")],
        regime=Regime.FOIA,
    )
    response = Response(
        reference="X2",
        regime=Regime.FOIA,
        parts=(
            PartResponse(
                label="Q1",
                outcome=Outcome.COST_LIMIT,
                claims=(ExemptionClaim(exemption("s.12"), "Locating the files would exceed the limit."),),
                cost_estimate=estimate,
                advice="Narrow the request to one year.",
            ),
        ),
        review_rights="Ask us for a review.",
        ico_rights="Complain to the ICO.",
    )
    html = letter_html(_letter(response))
    # Known answer by hand: 30 hours at £25 (reg 4(4) SI 2004/3244) = £750 against £450 (18 hours).
    assert "30 hours, costing £750" in html
    assert "£450" in html
    assert "Search 600 paper files" in html
    assert "Advice and assistance (section 16): Narrow the request to one year." in html


@settings(max_examples=40, deadline=None)
@given(name=st.text(max_size=40), reasons=st.text(min_size=1, max_size=80).filter(str.strip))
def test_html_never_carries_markup_from_the_values(name: str, reasons: str) -> None:
    response = Response(
        reference="<R&1>",
        regime=Regime.FOIA,
        parts=(PartResponse("Q1", Outcome.WITHHELD, (ExemptionClaim(exemption("s.40(2)"), reasons),)),),
        review_rights="r",
        ico_rights="i",
    )
    letter = Letter(
        response=response,
        authority="A",
        requester_name=name + "<b>",
        issued=date(2024, 1, 1),
        review_email="foi@example.gov.uk",
    )
    html = letter_html(letter)
    assert "<b>" not in html
    assert "<R&1>" not in html
    assert escape(reasons.strip()[:1]) in html


def test_a_wide_table_stays_on_the_page_so_the_letter_passes_the_release_gate(tmp_path: Path) -> None:
    from dataclasses import replace

    from foidesk.core.release_check import check_file

    headers = (
        "Allegation category",
        *(f"Outcome number {i} with a long descriptive name" for i in range(14)),
    )
    rows = tuple(
        (f"Category {r} of sexual misconduct and abuse of position", *(str(r * i) for i in range(14)))
        for r in range(6)
    )
    letter = replace(_letter(), tables=(("Q1", AnswerTable("A wide table", headers, rows)),))
    path = tmp_path / "letter.pdf"
    path.write_bytes(letter_pdf(letter))
    codes = {finding.code for finding in check_file(str(path)).findings}
    assert codes <= {"pdf.metadata"}  # the title and author PDF/UA requires; nothing off the page


# ------------------------------------------------------------------ what a decision maker would sign


def _text(letter: Letter) -> str:
    return unescape(re.sub(r"<[^>]+>", " ", letter_html(letter)))


def test_information_already_accessible_is_not_called_withheld() -> None:
    text = _text(_letter())
    withheld = text.split("withheld by virtue of the following exemptions:")[1].split("accessible to you")[0]
    assert "s.31" in withheld and "s.21" not in withheld
    assert "already reasonably accessible to you, so it is exempt" in text


def test_a_late_response_says_so_and_an_early_one_does_not() -> None:
    base = _response()
    late_response = Response(
        reference=base.reference,
        regime=base.regime,
        parts=base.parts,
        review_rights=base.review_rights,
        ico_rights=base.ico_rights,
        issued=base.issued,
        due=date(2022, 6, 10),
    )
    assert "response is late: it was due on 10 June 2022" in _text(_letter(late_response))
    assert "is late" not in _text(_letter())


def test_the_regulator_particulars_appear_once() -> None:
    base = _response()
    particulars = regulator(Regime.FOIA).particulars
    response = Response(
        reference=base.reference,
        regime=base.regime,
        parts=base.parts,
        review_rights=base.review_rights,
        ico_rights=particulars,
        issued=base.issued,
    )
    text = _text(_letter(response))
    assert text.count("Wycliffe House") == 1
    assert text.count("internal review within 40 working days") == 1


def test_the_letter_is_signed_by_the_decision_maker_and_explains_suppressed_cells() -> None:
    table = AnswerTable("Allegations by year", ("Year", "Allegations"), (("2021", "[c]"), ("2022", "12")))
    base = _letter()
    letter = Letter(
        response=base.response,
        authority=base.authority,
        requester_name=base.requester_name,
        issued=base.issued,
        tables=(("Q1", table),),
        signatory="Dana Decider",
        suppression_note="[c] = confidential: fewer than 5 (section 40(2)).",
        review_email=base.review_email,
    )
    text = _text(letter)
    assert "Yours sincerely," in text and "Dana Decider" in text
    assert text.index("Dana Decider") > text.index("Yours sincerely,")
    assert "[c] = confidential: fewer than 5" in text
    assert "[c] = confidential" not in _text(base)  # no [c] cell, no legend


# ------------------------------------------------------------------ the authority's particulars


def test_a_letter_without_a_review_contact_is_refused() -> None:
    from dataclasses import replace

    with pytest.raises(LetterRefused) as caught:
        letter_html(replace(_letter(), review_email="", review_address=()))
    assert [f.code for f in caught.value.findings] == ["letter.missing_review_contact"]
    assert "FOIDESK_REVIEW_EMAIL" in str(caught.value)
    with_address = replace(_letter(), review_email="", review_address=("Information Rights Unit", "PO Box 1"))
    text = _text(with_address)
    assert "By post:" in text and "PO Box 1" in text


def test_a_letter_with_a_relative_link_is_refused_in_every_format() -> None:
    from dataclasses import replace

    base = _response()
    parts = tuple(
        replace(p, s21_pointer="our disclosure log, 'Stop and search' (reference X): /disclosure-log/x/")
        if p.s21_pointer
        else p
        for p in base.parts
    )
    letter = replace(_letter(), response=replace(base, parts=parts))
    for render in (letter_html, letter_docx, letter_pdf):
        with pytest.raises(LetterRefused) as caught:
            render(letter)
        assert [f.code for f in caught.value.findings] == ["letter.relative_link"]
    assert "'/disclosure-log/x/' is not an absolute address" in str(caught.value)


def test_an_s21_pointer_links_only_its_address() -> None:
    from dataclasses import replace

    base = _response()
    pointer = "our disclosure log, 'Stop and search' (reference X): https://example.gov.uk/disclosure-log/x/"
    parts = tuple(replace(p, s21_pointer=pointer) if p.s21_pointer else p for p in base.parts)
    html = letter_html(replace(_letter(), response=replace(base, parts=parts)))
    assert '<a href="https://example.gov.uk/disclosure-log/x/">' in html
    assert "(reference X):" in html


def test_the_review_email_is_a_mailto_link() -> None:
    assert '<a href="mailto:foi@example.gov.uk">' in letter_html(_letter())


@pytest.mark.parametrize(
    ("regime", "ground", "regulations", "advice"),
    [
        (Regime.FOIA, "section 12(1) of the Freedom of Information Act 2000", "SI", "section 16"),
        (
            Regime.FOISA,
            "section 12(1) of the Freedom of Information (Scotland) Act 2002",
            "(Scotland) Regulations 2004 (regulations 3 and 5)",
            "section 15",
        ),
    ],
)
def test_a_cost_limit_letter_cites_its_own_regimes_provisions(
    regime: Regime, ground: str, regulations: str, advice: str
) -> None:
    from decimal import Decimal

    from foidesk.core.costs import Activity, CostItem, estimate_cost

    estimate = estimate_cost([CostItem(Activity.LOCATE, Decimal(60), "Search every file")], regime=regime)
    part = PartResponse(
        label="Q1",
        outcome=Outcome.COST_LIMIT,
        claims=(ExemptionClaim(exemption(regime.rules.cost.ground), "Over the limit."),),
        cost_estimate=estimate,
        advice="Narrow the request.",
    )
    response = Response(
        reference="X3", regime=regime, parts=(part,), review_rights="Ask us.", ico_rights="Complain."
    )
    html = letter_html(_letter(response))
    # The regime's own rules (core/regime.py), never another regime's: FOISA s.15 is its advice duty.
    assert f"refused under {ground}" in html
    assert f"Advice and assistance ({advice}): Narrow the request." in html
    if regime is Regime.FOISA:
        assert regulations in html and "SI 2004/3244" not in html and "Act 2000" not in html


def _withheld(regime: Regime, claim: ExemptionClaim) -> Response:
    """A response withholding its one part under ``claim``, with the rights in short."""
    return Response(
        reference="X4",
        regime=regime,
        parts=(PartResponse(label="Q1", outcome=Outcome.WITHHELD, claims=(claim,)),),
        review_rights="Ask us.",
        ico_rights="Complain.",
    )


@pytest.mark.parametrize(
    ("regime", "code", "withheld"),
    [
        (Regime.FOIA, "s.40(2)", "(section 17(4))"),
        (Regime.FOISA, "FOISA s.38(1)(b)", "(section 16(3))"),
    ],
)
def test_reasons_left_out_cite_the_regimes_own_provision(regime: Regime, code: str, withheld: str) -> None:
    claim = ExemptionClaim(exemption(code), "", reasons_omitted_under_s17_4=True)
    text = _text(_letter(_withheld(regime, claim)))
    assert f"stating them would reveal exempt information {withheld}." in text
    other = "(section 16(3))" if regime is Regime.FOIA else "(section 17(4))"
    assert other not in text


def test_under_the_eir_reasons_cannot_be_left_out_so_the_letter_is_refused() -> None:
    # reg 14(3) EIR wants the reasons, with no counterpart of s.17(4) FOIA.
    claim = ExemptionClaim(exemption("reg.13"), "", reasons_omitted_under_s17_4=True)
    with pytest.raises(LetterRefused) as refused:
        letter_html(_letter(_withheld(Regime.EIR, claim)))
    assert [f.code for f in refused.value.findings] == ["notice.missing_reasons"]
    # Given, the reasons are printed; the flag adds no citation the regulations do not have.
    given = ExemptionClaim(exemption("reg.13"), "It names a resident.", reasons_omitted_under_s17_4=True)
    text = _text(_letter(_withheld(Regime.EIR, given)))
    assert "Why it applies: It names a resident." in text and "17(4)" not in text
