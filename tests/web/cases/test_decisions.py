"""Decisions that carry the law, made over real HTTP by a decision maker, each producing a letter that
passes the s.17 checker: a cost-limit refusal with its estimate, neither confirm nor deny, a public
interest extension's holding letter, the s.17(4) flag, and the errors a bad decision gets."""

from __future__ import annotations

import datetime as dt
import re
from html import unescape

import pytest
from django.test import Client

from foidesk.core.notice import Severity, check_response
from foidesk.core.outcome import Outcome
from foidesk.core.regime import Regime
from foidesk.web.accounts.roles import Role
from foidesk.web.audit.models import AuditEvent
from foidesk.web.cases import services
from foidesk.web.cases.letters import letter_for_case, response_for_case
from foidesk.web.cases.models import Request
from tests.factories import UserFactory, a_decider

pytestmark = pytest.mark.django_db

ISSUED = dt.date(2024, 2, 20)


@pytest.fixture
def decider_client(client: Client) -> Client:
    client.force_login(UserFactory(username="dana", role=Role.DECISION_MAKER))
    return client


def _case(regime: Regime = Regime.FOIA, question: str = "Every misconduct file since 2000?") -> Request:
    request = services.request_open(
        text=question,
        requester_name="A. Requester",
        actor=None,
        received_on=dt.date(2024, 2, 1),
        parse=False,
        regime=regime,
    )
    services.request_parts_set(
        request=request, actor=a_decider(), parts=[services.PartSpec(label="Q1", text=question)]
    )
    return request


def _url(case: Request) -> str:
    return f"/staff/cases/{case.reference}/parts/1/decision/"


def _entries(*entries: dict[str, str]) -> dict[str, str]:
    data = {"ex-TOTAL_FORMS": str(len(entries)), "ex-INITIAL_FORMS": "0"}
    for i, entry in enumerate(entries):
        data.update({f"ex-{i}-{name}": value for name, value in entry.items()})
    return data


def _text(case: Request) -> str:
    html = letter_for_case(case, "html", issued=ISSUED).decode()
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def _errors(case: Request) -> list[str]:
    response = response_for_case(case, issued=ISSUED)
    return [f.code for f in check_response(response) if f.severity is Severity.ERROR]


# ------------------------------------------------------------------------------------------ s.12


def test_a_cost_limit_decision_records_its_estimate_and_its_letter_passes(decider_client: Client) -> None:
    case = _case()
    response = decider_client.post(
        _url(case),
        {
            "outcome": "cost_limit",
            "hours_determine_held": "2",
            "basis_determine_held": "Searching the case index",
            "hours_locate": "12.5",
            "basis_locate": "250 files across 32 boroughs, 3 minutes each",
            "hours_retrieve": "",
            "hours_extract": "10",
            "basis_extract": "Reading each file for the allegation, 2.4 minutes each",
            "advice": "Narrow the request to one year, or to one borough.",
            **_entries(),
        },
    )
    assert response.status_code == 302, response.content.decode()
    decision = case.parts.get().decision
    assert [item["activity"] for item in decision.cost_items] == ["determine_held", "locate", "extract"]
    audit = AuditEvent.objects.filter(action="decision.recorded").latest("id")
    assert audit.details["cost_items"][1]["hours"] == "12.5"
    assert _errors(case) == []
    text = _text(case)
    # Known answer by hand: 2 + 12.5 + 10 = 24.5 hours at £25 (reg 4(4) SI 2004/3244) = £612.50,
    # against £450 (18 hours) for a police force (reg 3(3)); excess £162.50.
    assert "The limit for Metropolitan Police Service is £450" in text
    assert "that is 18 hours" in text
    assert "complying would take 24.5 hours, costing £612.50, above the limit by £162.50" in text
    assert "Locating the information: 12.5 hours (250 files across 32 boroughs, 3 minutes each)" in text
    assert "Section 12(1) of the Freedom of Information Act 2000 does not oblige" in text
    assert "Advice and assistance (section 16): Narrow the request to one year" in text


def test_the_cost_limit_follows_the_authority_kind_setting(decider_client: Client, settings: object) -> None:
    settings.FOIDESK_AUTHORITY_KIND = "central_government"  # type: ignore[attr-defined]
    case = _case()
    decider_client.post(
        _url(case), {"outcome": "cost_limit", "hours_locate": "30", "advice": "Narrow it.", **_entries()}
    )
    text = _text(case)
    assert "is £600" in text and "that is 24 hours" in text  # reg 3(2): FOIA Sch 1 Part I


def test_a_cost_limit_decision_without_an_estimate_gets_a_form_error(decider_client: Client) -> None:
    case = _case()
    response = decider_client.post(
        _url(case), {"outcome": "cost_limit", "advice": "Narrow it.", **_entries()}
    )
    assert response.status_code == 200
    assert "Give the estimate in hours for at least one activity" in response.content.decode()


def test_an_estimate_within_the_limit_cannot_be_a_cost_limit_refusal(decider_client: Client) -> None:
    case = _case()
    response = decider_client.post(
        _url(case), {"outcome": "cost_limit", "hours_locate": "18", "advice": "Narrow it.", **_entries()}
    )
    assert response.status_code == 200
    assert "does not exceed the limit" in response.content.decode()  # exactly 18 hours is within (s.12(1))


def test_negative_hours_are_a_form_error_not_a_crash(decider_client: Client) -> None:
    case = _case()
    response = decider_client.post(
        _url(case), {"outcome": "cost_limit", "hours_locate": "-3", "advice": "x", **_entries()}
    )
    assert response.status_code == 200
    assert "greater than or equal to 0" in response.content.decode()


def test_a_foisa_cost_limit_is_600_pounds_at_15_an_hour(decider_client: Client) -> None:
    case = _case(Regime.FOISA)
    response = decider_client.post(
        _url(case), {"outcome": "cost_limit", "hours_locate": "45", "advice": "Narrow it.", **_entries()}
    )
    assert response.status_code == 302, response.content.decode()
    text = _text(case)
    assert "Freedom of Information (Scotland) Act 2002 does not oblige" in text
    assert "is £600" in text and "at £15 an hour" in text and "that is 40 hours" in text


# ------------------------------------------------------------------------------------------ NCND


def test_neither_confirm_nor_deny_under_s40_5b_passes_and_says_no_inference(decider_client: Client) -> None:
    case = _case(question="Is PC Smith under investigation for misconduct?")
    response = decider_client.post(
        _url(case),
        {
            "outcome": "ncnd",
            **_entries(
                {
                    "code": "s.40(2)",
                    "reasons": "Confirming either way would disclose whether a named officer is under "
                    "investigation, which would be unfair to them.",
                }
            ),
        },
    )
    assert response.status_code == 302, response.content.decode()
    assert _errors(case) == []
    text = _text(case)
    assert "We neither confirm nor deny whether we hold information, by virtue of: s.40(5B)" in text
    assert "no inference can be drawn" in text
    assert "Information is withheld by virtue" not in text


def test_a_qualified_ncnd_needs_its_public_interest_test(decider_client: Client) -> None:
    case = _case(question="Is there an investigation into the Camden shop?")
    entry = {"code": "s.30(1)(a)", "reasons": "Confirming would reveal whether an investigation exists."}
    refused = decider_client.post(_url(case), {"outcome": "ncnd", **_entries(entry)})
    assert refused.status_code == 200
    assert "is qualified: give the public interest factors" in refused.content.decode()
    weighed = decider_client.post(
        _url(case),
        {
            "outcome": "ncnd",
            **_entries(
                entry
                | {
                    "public_interest_for": "Openness about how investigations are run.",
                    "public_interest_against": "Suspects would learn whether they are investigated.",
                    "public_interest_conclusion": "The balance favours neither confirming nor denying.",
                }
            ),
        },
    )
    assert weighed.status_code == 302
    assert _errors(case) == []
    text = _text(case)
    assert "Public interest test (s.30(3))" in text
    assert "The public interest in confirming or denying whether the information is held" in text


def test_foisa_s18_needs_its_own_public_interest_finding_even_for_an_absolute_exemption(
    decider_client: Client,
) -> None:
    case = _case(Regime.FOISA, question="Is PC Smith under investigation?")
    entry = {"code": "FOISA s.38(1)(b)", "reasons": "Personal data of a named officer."}
    refused = decider_client.post(_url(case), {"outcome": "ncnd", **_entries(entry)})
    assert refused.status_code == 200
    assert "FOISA s.18(1): neither confirming nor denying needs the finding" in refused.content.decode()
    found = decider_client.post(
        _url(case),
        {
            "outcome": "ncnd",
            **_entries(
                entry
                | {
                    "public_interest_for": "Accountability of officers.",
                    "public_interest_against": "Revealing an investigation would be unfair to the officer.",
                    "public_interest_conclusion": "Revealing whether the information exists would be "
                    "contrary to the public interest.",
                }
            ),
        },
    )
    assert found.status_code == 302, found.content.decode()
    assert _errors(case) == []
    assert "by virtue of: FOISA s.18(1)" in _text(case)


def test_ncnd_under_an_exemption_without_the_provision_is_refused(decider_client: Client) -> None:
    case = _case()
    response = decider_client.post(
        _url(case), {"outcome": "ncnd", **_entries({"code": "s.21", "reasons": "Published."})}
    )
    assert response.status_code == 200
    assert "has no provision to neither confirm nor deny" in response.content.decode()


# ------------------------------------------------------------------------------- s.17(2), s.17(4)


def test_a_public_interest_extension_gives_a_holding_letter_that_passes(decider_client: Client) -> None:
    case = _case(question="Your covert surveillance tactics in Camden?")
    response = decider_client.post(
        _url(case),
        {
            "outcome": "withheld",
            "public_interest_decision_due": "2024-03-19",
            **_entries(
                {"code": "s.31(1)(a)", "reasons": "Disclosure would prejudice the prevention of crime."}
            ),
        },
    )
    assert response.status_code == 302, response.content.decode()
    assert case.parts.get().decision.public_interest_decision_due == dt.date(2024, 3, 19)
    assert _errors(case) == []
    text = _text(case)
    assert "I have not yet been able to decide all of your request" in text
    assert "engages a qualified exemption (Q1: s.31(1)(a)" in text
    assert "we expect to reach a decision by 19 March 2024" in text
    assert "Why it applies: Disclosure would prejudice the prevention of crime." in text


def test_an_estimated_date_with_no_open_test_is_refused(decider_client: Client) -> None:
    case = _case()
    response = decider_client.post(
        _url(case),
        {
            "outcome": "withheld",
            "public_interest_decision_due": "2024-03-19",
            **_entries({"code": "s.40(2)", "reasons": "Personal data."}),
        },
    )
    assert response.status_code == 200
    assert "needs a qualified exemption whose test is still open" in response.content.decode()


def test_the_s17_4_flag_leaves_the_reasons_out_of_the_letter(decider_client: Client) -> None:
    case = _case(question="Which informants were paid in 2023?")
    response = decider_client.post(
        _url(case),
        {
            "outcome": "withheld",
            **_entries(
                {
                    "code": "s.23",
                    "reasons": "",
                    "reasons_would_disclose": "on",
                }
            ),
        },
    )
    assert response.status_code == 302, response.content.decode()
    assert case.parts.get().decision.exemptions.get().reasons_would_disclose
    assert _errors(case) == []
    assert "stating them would reveal exempt information (section 17(4))" in _text(case)


def test_the_reasons_withheld_flag_names_the_regimes_provision_on_the_page(decider_client: Client) -> None:
    foisa = decider_client.get(_url(_case(Regime.FOISA))).content.decode()
    assert "Stating the reasons would itself disclose exempt information (section 16(3))" in foisa
    foia = decider_client.get(_url(_case())).content.decode()
    assert "Stating the reasons would itself disclose exempt information (section 17(4))" in foia


def test_under_the_eir_the_reasons_are_always_given(decider_client: Client) -> None:
    case = _case(Regime.EIR, question="What pollution readings did you take on the estate in 2023?")
    page = decider_client.get(_url(case)).content.decode()
    assert "Stating the reasons would itself disclose" not in page
    response = decider_client.post(
        _url(case),
        {
            "outcome": "withheld",
            **_entries({"code": "reg.12(5)(a)", "reasons": "", "reasons_would_disclose": "on"}),
        },
    )
    assert response.status_code == 200
    assert "Say why reg.12(5)(a) applies (reg 14(3))." in unescape(response.content.decode())


# ------------------------------------------------------------------------------------ bad input


def test_a_refusal_with_no_exemption_is_a_form_error(decider_client: Client) -> None:
    case = _case()
    response = decider_client.post(
        _url(case), {"outcome": "withheld", **_entries({"code": "", "reasons": ""})}
    )
    assert response.status_code == 200
    assert "A &#x27;Withheld&#x27; part must name its exemption" in response.content.decode()
    assert not hasattr(case.parts.get(), "decision") or case.parts.get().decision.outcome != "withheld"


def test_a_qualified_exemption_with_a_balance_but_no_factors_is_a_form_error(decider_client: Client) -> None:
    case = _case()
    response = decider_client.post(
        _url(case),
        {
            "outcome": "withheld",
            **_entries(
                {
                    "code": "s.31(1)(a)",
                    "reasons": "Prejudice to the prevention of crime.",
                    "public_interest_conclusion": "The balance favours withholding.",
                }
            ),
        },
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "s.31(1)(a) is qualified: give the factors for disclosure." in body
    assert "s.31(1)(a) is qualified: give the factors for withholding." in body
    assert 'href="#id_ex-0-public_interest_for"' in body  # the error summary links to the field


def test_a_qualified_exemption_with_nothing_weighed_and_no_date_is_refused(decider_client: Client) -> None:
    case = _case()
    response = decider_client.post(
        _url(case),
        {"outcome": "withheld", **_entries({"code": "s.31(1)(a)", "reasons": "Prejudice to crime."})},
    )
    assert response.status_code == 200
    assert "give the public interest factors and the conclusion" in response.content.decode()


def test_each_exemption_has_its_own_reasons_and_factors(decider_client: Client) -> None:
    case = _case(question="The misconduct file of PC Smith and your tactics?")
    response = decider_client.post(
        _url(case),
        {
            "outcome": "withheld",
            **_entries(
                {"code": "s.40(2)", "reasons": "Personal data of a named officer."},
                {
                    "code": "s.31(1)(a)",
                    "reasons": "Tactics would be revealed.",
                    "public_interest_for": "Transparency.\nAccountability.",
                    "public_interest_against": "Offenders would adapt.",
                    "public_interest_conclusion": "Withholding.",
                },
            ),
        },
    )
    assert response.status_code == 302, response.content.decode()
    rows = {row.code: row for row in case.parts.get().decision.exemptions.all()}
    assert rows["s.40(2)"].reasons == "Personal data of a named officer."
    assert rows["s.31(1)(a)"].public_interest_for == "Transparency.\nAccountability."
    assert _errors(case) == []


def test_add_another_exemption_works_without_javascript(decider_client: Client) -> None:
    case = _case()
    response = decider_client.post(
        _url(case),
        {
            "outcome": "withheld",
            "add_exemption": "1",
            **_entries({"code": "s.40(2)", "reasons": "Personal data."}),
        },
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Exemption 2" in body and 'name="ex-1-code"' in body
    assert 'value="s.40(2)"' in body and "Personal data." in body  # what was typed is kept
    assert "There is a problem" not in body  # no errors for the entry just added
    assert not hasattr(case.parts.get(), "decision") or case.parts.get().decision.outcome == "undecided"


def test_the_same_exemption_twice_is_a_form_error(decider_client: Client) -> None:
    case = _case()
    response = decider_client.post(
        _url(case),
        {
            "outcome": "withheld",
            **_entries({"code": "s.40(2)", "reasons": "a"}, {"code": "s.40(2)", "reasons": "b"}),
        },
    )
    assert response.status_code == 200
    assert "Each exemption once" in response.content.decode()


def test_the_decision_page_shows_the_recorded_decision_again(decider_client: Client) -> None:
    case = _case()
    services.decision_record(
        part=case.parts.get(),
        outcome=Outcome.COST_LIMIT,
        actor=a_decider(),
        advice="Narrow it.",
        cost_items=[{"activity": "locate", "hours": "20", "description": "Paper files"}],
    )
    body = decider_client.get(_url(case)).content.decode()
    assert 'name="hours_locate"' in body and 'value="20"' in body and 'value="Paper files"' in body


def test_the_case_page_shows_the_estimate_and_the_expected_public_interest_date(
    decider_client: Client,
) -> None:
    case = _case()
    services.decision_record(
        part=case.parts.get(),
        outcome=Outcome.COST_LIMIT,
        actor=a_decider(),
        advice="Narrow it.",
        cost_items=[{"activity": "locate", "hours": "20", "description": ""}],
    )
    body = decider_client.get(f"/staff/cases/{case.reference}/").content.decode()
    assert "Locating the information: 20 hours" in body
    other = _case()
    services.decision_record(
        part=other.parts.get(),
        outcome=Outcome.WITHHELD,
        actor=a_decider(),
        exemptions=[services.ExemptionSpec(code="s.31(1)(a)", reasons="Prejudice.")],
        public_interest_decision_due=dt.date(2024, 3, 19),
    )
    body = decider_client.get(f"/staff/cases/{other.reference}/").content.decode()
    assert "Public interest decision expected (s.17(2))" in body and "19 March 2024" in body


def test_a_case_cannot_go_for_approval_while_the_letter_lacks_a_review_contact(
    client: Client, settings: object
) -> None:
    from tests.factories import decided_case, staff

    officer = staff(Role.CASE_OFFICER)
    case = decided_case(officer=officer)
    settings.FOIDESK_REVIEW_EMAIL = ""  # type: ignore[attr-defined]
    settings.FOIDESK_REVIEW_ADDRESS = ""  # type: ignore[attr-defined]
    client.force_login(officer)
    url = f"/staff/cases/{case.reference}/events/submit-for-approval/"
    refused = client.post(url, {"version": case.version})
    assert refused.status_code == 200  # the form again, with what stands in the way
    assert "nowhere to ask for an internal review" in refused.content.decode()
    state = case.state
    case.refresh_from_db()
    assert case.state == state
    settings.FOIDESK_REVIEW_EMAIL = "foi@example.org"  # type: ignore[attr-defined]
    case.refresh_from_db()
    assert client.post(url, {"version": case.version}).status_code == 302


def test_under_the_eir_a_costly_request_is_manifestly_unreasonable_not_a_cost_limit(
    decider_client: Client,
) -> None:
    case = _case(Regime.EIR, question="Every air quality reading since 1990?")
    refused = decider_client.post(_url(case), {"outcome": "cost_limit", "advice": "Narrow it.", **_entries()})
    assert refused.status_code == 200
    assert "have no cost limit: cite reg.12(4)(b)" in refused.content.decode()
    assert "Give the estimate in hours" not in refused.content.decode()  # no hours asked of the EIR
