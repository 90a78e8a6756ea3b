"""A response to a request as plain values, and its check against the law of refusal notices.

A refusal, in whole or in part, must (s.17 FOIA; reg 14 EIR; ss.16 and 19 FOISA): say that the request
is refused, name the exemption and say why it applies; for a qualified exemption give the public
interest reasons, or, while that test is still open, an estimated date for the decision (s.17(2)-(3));
and give particulars of the internal review and of the right to complain to the regulator (s.17(7):
s.50 ICO; reg 14(5): reg 11 and reg 18; s.19 FOISA: s.20 review and s.47 Commissioner).

Two entry points:
- ``check_response(response)`` checks a response built from decisions (the ``Response`` value);
- ``check_notice_text(text)`` checks a letter pasted in as text, by reading what it cites and says.

Findings are coded ``notice.*``; the full list with what each means is ``FINDING_CODES``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import TypeVar

from foidesk.core.costs import Activity, AuthorityKind, CostEstimate, CostItem, InvalidCostItem, estimate_cost
from foidesk.core.exemptions import (
    Exemption,
    UnknownExemption,
    exemption,
)
from foidesk.core.notice_findings import FINDING_CODES as FINDING_CODES
from foidesk.core.notice_findings import NOT_CENTRALLY, not_centrally
from foidesk.core.notice_findings import Finding as Finding
from foidesk.core.notice_findings import Severity as Severity
from foidesk.core.notice_findings import error as _error
from foidesk.core.notice_findings import warn as _warn
from foidesk.core.notice_text import NoticeTextCheck as NoticeTextCheck
from foidesk.core.notice_text import check_notice_text as check_notice_text
from foidesk.core.outcome import Outcome
from foidesk.core.regime import Regime


@dataclass(frozen=True, slots=True)
class PublicInterest:
    """The public interest test for one qualified exemption (s.2(1)(b), s.2(2)(b); reg 12(1)(b))."""

    for_disclosure: tuple[str, ...]
    for_withholding: tuple[str, ...]
    conclusion: str


@dataclass(frozen=True, slots=True)
class ExemptionClaim:
    """An exemption relied on for a part, and why it applies (s.17(1)(c))."""

    exemption: Exemption
    reasons: str
    public_interest: PublicInterest | None = None
    # s.17(4) FOIA, s.16(3) FOISA (the regime's NoticeRules.reasons_withheld_provision): the reasons may be
    # left out where stating them would reveal exempt information. The EIR and EISR make no such exception.
    reasons_omitted_under_s17_4: bool = False


@dataclass(frozen=True, slots=True)
class PartResponse:
    """The answer to one part: its outcome, the exemptions relied on, and what goes with them."""

    label: str
    outcome: Outcome
    claims: tuple[ExemptionClaim, ...] = ()
    s21_pointer: str = ""  # where the information is already accessible (a link or a reference)
    advice: str = ""  # s.16 advice and assistance, e.g. how to narrow a request to fit the cost limit
    cost_estimate: CostEstimate | None = None  # s.12
    completion_estimate: str = ""  # EIR reg 14(4): who is finishing unfinished material, and by when
    answer: str = ""  # the answer in words, as the letter gives it


@dataclass(frozen=True, slots=True)
class Response:
    """A response to a request, part by part, with the rights a refusal must state."""

    reference: str
    regime: Regime
    parts: tuple[PartResponse, ...]
    review_rights: str = ""  # the internal review (s.17(7)(a)), reconsideration (reg 11), review (FOISA s.20)
    ico_rights: str = ""  # the regulator: ICO (s.50 FOIA, reg 18 EIR) or Scottish Commissioner (FOISA s.47)
    public_interest_decision_due: date | None = None  # s.17(2): the estimated date for an open PIT
    issued: date | None = None
    due: date | None = None

    @property
    def is_refusal(self) -> bool:
        return any(_needs_notice(part.outcome, self.regime) for part in self.parts)


_NEEDS_EXEMPTION = frozenset({Outcome.WITHHELD, Outcome.PARTLY_DISCLOSED, Outcome.NCND})


def _needs_notice(outcome: Outcome, regime: Regime) -> bool:
    """Not held is a refusal under the EIR (reg 12(4)(a)) and needs a s.17 notice with s.19 particulars
    under FOISA; under FOIA it is a denial under s.1(1)(a), not a refusal (``not_held_needs_notice``)."""
    return outcome.is_refusal or (outcome is Outcome.NOT_HELD and regime.rules.notice.not_held_needs_notice)


# ---------------------------------------------------------------------------------------------------
# A response built from decisions
# ---------------------------------------------------------------------------------------------------


def check_response(response: Response) -> list[Finding]:
    """Every way ``response`` falls short of s.17 FOIA, reg 14 EIR or ss.16-19 FOISA, in reading order."""
    if not response.parts:
        return [_error("notice.no_parts", "response", "The response has no parts.")]
    findings: list[Finding] = []
    for part in response.parts:
        findings.extend(_check_part(part, response))
    findings.extend(_check_public_interest_extension(response))
    findings.extend(_check_rights(response))
    if response.issued is not None and response.due is not None and response.issued > response.due:
        findings.append(
            _warn(
                "notice.late",
                "response",
                f"Issued {response.issued.isoformat()}, due {response.due.isoformat()}.",
            )
        )
    return findings


def _check_part(part: PartResponse, response: Response) -> list[Finding]:
    where = part.label
    if part.outcome is Outcome.UNDECIDED:
        return [_error("notice.undecided_part", where, "Decide this part before the response is issued.")]
    findings: list[Finding] = []
    if part.outcome in _NEEDS_EXEMPTION and not part.claims:
        findings.append(
            _error(
                "notice.missing_exemption", where, f"A '{part.outcome.label}' part must name its exemption."
            )
        )
    if part.outcome is Outcome.ALREADY_PUBLISHED:
        findings.extend(_check_already_published(part, response.regime))
    if part.outcome is Outcome.COST_LIMIT:
        findings.extend(_check_cost_limit(part, response.regime))
    not_held_ground = response.regime.rules.notice.not_held_ground
    if part.outcome is Outcome.NOT_HELD and not_held_ground is not None and not part.claims:
        findings.append(
            _error(
                "notice.missing_exemption",
                where,
                f"Under the {response.regime.short_name} 'not held' is an exception: cite {not_held_ground}.",
            )
        )
    if part.outcome is Outcome.NOT_HELD and NOT_CENTRALLY.search(part.answer):
        findings.append(not_centrally(where))
    for claim in part.claims:
        findings.extend(_check_claim(claim, part, response))
    return findings


def _check_already_published(part: PartResponse, regime: Regime) -> list[Finding]:
    """s.21 FOIA / s.25 FOISA must be cited (s.17(1)(b)); the claim check then wants the pointer. Under
    the EIR, information already publicly available is reg 6(1)(b), not an exception."""
    code = regime.rules.notice.accessible_elsewhere
    if code is not None and not any(c.exemption.code == code for c in part.claims):
        return [
            _error("notice.missing_exemption", part.label, f"Information already published: cite {code}.")
        ]
    if code is None and not part.s21_pointer.strip():
        return [
            _error(
                "notice.s21_without_pointer", part.label, "Say where the information is already accessible."
            )
        ]
    return []


def _check_claim(claim: ExemptionClaim, part: PartResponse, response: Response) -> list[Finding]:
    e = claim.exemption
    where = f"{part.label}: {e.code}"
    findings: list[Finding] = []
    if e.regime is not response.regime:
        findings.append(
            _error(
                "notice.wrong_regime",
                where,
                f"{e.code} belongs to the {e.regime.label}, not the {response.regime.label}.",
            )
        )
    rules = response.regime.rules.notice
    withheld = claim.reasons_omitted_under_s17_4 and rules.reasons_withheld_provision is not None
    if not claim.reasons.strip() and not withheld:
        if (
            e.procedural
        ):  # s.17(5): a s.12 or s.14 notice need only state that fact; reasons are good practice
            findings.append(_warn("notice.missing_reasons", where, f"Explain why {e.code} applies."))
        else:
            unless = (
                f"; the {response.regime.label} has no exception for reasons that would disclose "
                "exempt information"
                if claim.reasons_omitted_under_s17_4
                else ""
            )
            findings.append(
                _error(
                    "notice.missing_reasons",
                    where,
                    f"Say why {e.code} applies ({rules.reasons_provision}){unless}.",
                )
            )
    if part.outcome is Outcome.NCND and not e.allows_ncnd:
        findings.append(
            _error(
                "notice.ncnd_not_available", where, f"{e.code} has no provision to neither confirm nor deny."
            )
        )
    elif (
        part.outcome is Outcome.NCND
        and e.ncnd_needs_public_interest_finding
        and claim.public_interest is None
    ):
        findings.append(_ncnd_finding_missing(where))
    if e.code == "reg.12(4)(d)" and not part.completion_estimate.strip():
        findings.append(
            _error(
                "notice.missing_completion_estimate",
                where,
                "Say which authority is preparing the material and when it should be finished (reg 14(4)).",
            )
        )
    if e.is_accessible_elsewhere and not part.s21_pointer.strip():
        findings.append(
            _error("notice.s21_without_pointer", where, f"{e.code}: say where the information is.")
        )
    findings.extend(_check_public_interest(claim, where, response))
    return findings


def _ncnd_finding_missing(where: str) -> Finding:
    return _error(
        "notice.missing_public_interest",
        where,
        "FOISA s.18(1): neither confirming nor denying needs the finding that revealing whether the "
        "information exists would be contrary to the public interest, even for an absolute exemption.",
    )


def _check_public_interest(claim: ExemptionClaim, where: str, response: Response) -> list[Finding]:
    e, test = claim.exemption, claim.public_interest
    if not e.public_interest_test:
        if test is None:
            return []
        if e.absolute and not e.absolute_only_under_first_condition:
            return [
                _warn("notice.absolute_with_pit", where, f"{e.code} is absolute: no public interest test.")
            ]
        if e.absolute_only_under_first_condition:
            return []  # weighing the public interest is right under the second and third conditions
        return [_warn("notice.pit_not_applicable", where, f"{e.code} takes no public interest test.")]
    if test is None:
        if response.public_interest_decision_due is not None:
            return []  # s.17(2): the test is still open and the notice gives an estimated date
        notice = response.regime.rules.notice
        pending = notice.pit_pending_provision
        or_a_date = f", or an estimated date for the decision ({pending})" if pending else ""
        return [
            _error(
                "notice.missing_public_interest",
                where,
                f"{e.code} is qualified: give the public interest factors and the conclusion "
                f"({notice.public_interest_provision}){or_a_date}.",
            )
        ]
    findings: list[Finding] = []
    if not test.conclusion.strip():
        findings.append(
            _error(
                "notice.missing_public_interest", where, "Say where the balance of the public interest lies."
            )
        )
    if not test.for_disclosure or not test.for_withholding:
        findings.append(
            _warn(
                "notice.public_interest_one_sided", where, "Give the factors both for and against disclosure."
            )
        )
    return findings


def _check_cost_limit(part: PartResponse, regime: Regime) -> list[Finding]:
    where = part.label
    ground = regime.rules.cost.ground
    if not regime.rules.cost.has_limit:
        if any(c.exemption.code == ground for c in part.claims):
            return []
        return [
            _error(
                "notice.no_cost_limit_in_regime",
                where,
                f"The {regime.label} have no cost limit: cite {ground}.",
            )
        ]
    findings: list[Finding] = []
    estimate = part.cost_estimate
    if estimate is None:
        findings.append(
            _error(
                "notice.s12_without_estimate", where, "Give the estimate: activities, hours, cost and limit."
            )
        )
    elif not estimate.exceeds_limit:
        findings.append(
            _error(
                "notice.s12_limit_not_exceeded",
                where,
                f"The estimate (£{estimate.cost}) does not exceed the limit (£{estimate.limit}).",
            )
        )
    if not part.advice.strip():
        findings.append(
            _warn(
                "notice.s12_without_advice", where, "Advise how the request could be narrowed to fit (s.16)."
            )
        )
    return findings


def _check_public_interest_extension(response: Response) -> list[Finding]:
    due = response.public_interest_decision_due
    if due is None:
        return []
    if not response.regime.rules.clock.has_pit_extension:
        # EIR reg 7 extends for complexity and volume only; FOISA s.10 has no extension [S].
        return [
            _error(
                "notice.pit_extension_not_available",
                "response",
                f"The {response.regime.label} has no public interest extension.",
            )
        ]
    findings: list[Finding] = []
    pending = [
        claim
        for part in response.parts
        for claim in part.claims
        if claim.exemption.public_interest_test and claim.public_interest is None
    ]
    if not pending:
        findings.append(
            _warn("notice.pit_extension_without_pending_test", "response", "No public interest test is open.")
        )
    if response.issued is not None and due < response.issued:
        findings.append(
            _error(
                "notice.pit_estimate_in_past", "response", f"The estimated date {due.isoformat()} has passed."
            )
        )
    return findings


def _check_rights(response: Response) -> list[Finding]:
    if not response.is_refusal:
        return []
    rules = response.regime.rules
    findings: list[Finding] = []
    if not response.review_rights.strip():
        findings.append(
            _error(
                "notice.missing_review_rights",
                "response",
                f"Give particulars of the {rules.review.name} ({rules.review.particulars_provision}).",
            )
        )
    if not response.ico_rights.strip():
        findings.append(
            _error(
                "notice.missing_ico_rights",
                "response",
                f"Give particulars of the right to complain to the {rules.regulator.name} "
                f"({rules.regulator.particulars_provision}).",
            )
        )
    return findings


# ---------------------------------------------------------------------------------------------------
# A response as JSON (the check-notice command and the API)
# ---------------------------------------------------------------------------------------------------


_E = TypeVar("_E", bound=StrEnum)


class InvalidResponse(ValueError):
    """A response structure that cannot be read; the message names the field."""


def response_from_mapping(data: Mapping[str, object]) -> Response:
    """Read a response from its JSON form (documented in the check-notice command)."""
    regime = _enum(Regime, data.get("regime", "foia"), "regime")
    parts_data = data.get("parts")
    if not isinstance(parts_data, list):
        raise InvalidResponse("parts: expected a list")
    parts = tuple(
        _part_from_mapping(_mapping(p, f"parts[{i}]"), f"parts[{i}]", regime)
        for i, p in enumerate(parts_data)
    )
    return Response(
        reference=_text(data, "reference"),
        regime=regime,
        parts=parts,
        review_rights=_text(data, "review_rights"),
        ico_rights=_text(data, "ico_rights"),
        public_interest_decision_due=_date(
            data.get("public_interest_decision_due"), "public_interest_decision_due"
        ),
        issued=_date(data.get("issued"), "issued"),
        due=_date(data.get("due"), "due"),
    )


def _part_from_mapping(data: Mapping[str, object], where: str, regime: Regime) -> PartResponse:
    claims_data = data.get("exemptions", [])
    if not isinstance(claims_data, list):
        raise InvalidResponse(f"{where}.exemptions: expected a list")
    claims = tuple(
        _claim_from_mapping(_mapping(c, f"{where}.exemptions[{i}]"), f"{where}.exemptions[{i}]")
        for i, c in enumerate(claims_data)
    )
    estimate_data = data.get("cost_estimate")
    estimate = None
    if estimate_data is not None:
        estimate = _estimate_from_mapping(
            _mapping(estimate_data, f"{where}.cost_estimate"), f"{where}.cost_estimate", regime
        )
    return PartResponse(
        label=_text(data, "label") or where,
        outcome=_enum(Outcome, data.get("outcome"), f"{where}.outcome"),
        claims=claims,
        s21_pointer=_text(data, "s21_pointer"),
        advice=_text(data, "advice"),
        cost_estimate=estimate,
        completion_estimate=_text(data, "completion_estimate"),
    )


def _claim_from_mapping(data: Mapping[str, object], where: str) -> ExemptionClaim:
    code = _text(data, "code")
    try:
        entry = exemption(code)
    except UnknownExemption:
        raise InvalidResponse(f"{where}.code: unknown exemption {code!r}") from None
    test = None
    test_data = data.get("public_interest")
    if test_data is not None:
        t = _mapping(test_data, f"{where}.public_interest")
        test = PublicInterest(
            for_disclosure=_strings(t.get("for_disclosure", []), f"{where}.public_interest.for_disclosure"),
            for_withholding=_strings(
                t.get("for_withholding", []), f"{where}.public_interest.for_withholding"
            ),
            conclusion=_text(t, "conclusion"),
        )
    return ExemptionClaim(
        exemption=entry,
        reasons=_text(data, "reasons"),
        public_interest=test,
        reasons_omitted_under_s17_4=data.get("reasons_omitted_under_s17_4") is True,
    )


def _estimate_from_mapping(data: Mapping[str, object], where: str, regime: Regime) -> CostEstimate | None:
    if not regime.rules.cost.has_limit:
        return None  # no cost limit to measure against; the check reports the missing reg 12(4)(b)
    items_data = data.get("items", [])
    if not isinstance(items_data, list):
        raise InvalidResponse(f"{where}.items: expected a list")
    items = []
    for i, raw in enumerate(items_data):
        item = _mapping(raw, f"{where}.items[{i}]")
        try:
            items.append(
                CostItem(
                    _enum(Activity, item.get("activity"), f"{where}.items[{i}].activity"),
                    Decimal(str(item.get("hours"))),
                    _text(item, "description"),
                )
            )
        except (InvalidOperation, InvalidCostItem) as error:
            raise InvalidResponse(f"{where}.items[{i}]: {error}") from None
    rate = data.get("hourly_rate")
    try:
        return estimate_cost(
            items,
            regime=regime,
            authority=_enum(AuthorityKind, data.get("authority", "other"), f"{where}.authority"),
            hourly_rate=None if rate is None else Decimal(str(rate)),
        )
    except (InvalidOperation, InvalidCostItem) as error:
        raise InvalidResponse(f"{where}: {error}") from None


def _mapping(value: object, where: str) -> Mapping[str, object]:
    if not isinstance(value, Mapping):
        raise InvalidResponse(f"{where}: expected an object")
    return value


def _text(data: Mapping[str, object], key: str) -> str:
    value = data.get(key, "")
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InvalidResponse(f"{key}: expected text")
    return value


def _strings(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InvalidResponse(f"{where}: expected a list of text")
    return tuple(value)


def _date(value: object, where: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise InvalidResponse(f"{where}: expected a date as YYYY-MM-DD") from None


def _enum(kind: type[_E], value: object, where: str) -> _E:
    try:
        return kind(str(value))
    except ValueError:
        allowed = ", ".join(member.value for member in kind)
        raise InvalidResponse(f"{where}: {value!r} is not one of {allowed}") from None
