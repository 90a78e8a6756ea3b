"""One part's decision as the law needs it, and whether it can be recorded as it stands.

A decision is checked when it is made, not only when its letter is composed: a refusal with no exemption,
a qualified exemption with no factors weighed, a neither-confirm-nor-deny without the public interest
finding it needs, a cost-limit refusal with no estimate above the limit. The s.17 rules themselves have
their home in ``core.notice.check_response``; this module runs them on the one part and adds the rules
that belong to making the decision (``DECISION_CODES``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from foidesk.core.costs import Activity, AuthorityKind, CostEstimate, CostItem, InvalidCostItem, estimate_cost
from foidesk.core.exemptions import Exemption, exemption
from foidesk.core.notice import (
    ExemptionClaim,
    Finding,
    PartResponse,
    PublicInterest,
    Response,
    Severity,
    check_response,
)
from foidesk.core.notice_findings import error
from foidesk.core.regime import Regime

DECISION_CODES: dict[str, str] = {
    "decision.public_interest_without_factors": "a public interest balance with no factor on one side",
    "decision.no_open_test": "an estimated public interest decision date, but no test is open",
    "decision.invalid_cost_item": "an item of the s.12 estimate that cannot be right",
}

# s.12 FOIA and s.12 FOISA: the ground a cost-limit refusal relies on (s.17(5) FOIA: say so).
# The activities the decision form asks about, in the order of reg 4(3) SI 2004/3244.
ESTIMATE_ACTIVITIES = (Activity.DETERMINE_HELD, Activity.LOCATE, Activity.RETRIEVE, Activity.EXTRACT)


class InvalidDecision(ValueError):
    """The decision cannot be recorded as it stands; ``findings`` say why."""

    def __init__(self, findings: Iterable[Finding]) -> None:
        self.findings = tuple(findings)
        super().__init__(" ".join(f.message for f in self.findings))


def cost_limit_ground(regime: Regime) -> Exemption | None:
    """The cost-limit provision of ``regime``; None where there is none (EIR, EISR: reg 12(4)(b))."""
    cost = regime.rules.cost
    return exemption(cost.ground) if cost.has_limit else None


def lines_of(text: str) -> tuple[str, ...]:
    """Factors typed one to a line (bullets and dashes allowed) as a tuple of factors."""
    return tuple(line.strip(" -*\t") for line in text.splitlines() if line.strip(" -*\t"))


@dataclass(frozen=True, slots=True)
class ClaimText:
    """An exemption claim as typed on the decision form or stored with the decision."""

    code: str
    reasons: str
    public_interest_for: str = ""
    public_interest_against: str = ""
    public_interest_conclusion: str = ""
    reasons_would_disclose: bool = False  # s.17(4)

    def claim(self) -> ExemptionClaim:
        """The claim as ``core.notice`` reads it; raises ``UnknownExemption`` for an unknown code."""
        test = None
        if self.public_interest_for or self.public_interest_against or self.public_interest_conclusion:
            test = PublicInterest(
                for_disclosure=lines_of(self.public_interest_for),
                for_withholding=lines_of(self.public_interest_against),
                conclusion=self.public_interest_conclusion.strip(),
            )
        return ExemptionClaim(
            exemption=exemption(self.code),
            reasons=self.reasons,
            public_interest=test,
            reasons_omitted_under_s17_4=self.reasons_would_disclose,
        )


def cost_items_from(rows: Iterable[Mapping[str, object]]) -> tuple[CostItem, ...]:
    """Stored estimate rows (``{"activity", "hours", "description"}``) as cost items; raises
    ``InvalidCostItem`` for an unknown activity or hours that are not a non-negative number."""
    items = []
    for row in rows:
        try:
            activity = Activity(str(row.get("activity", "")))
            hours = Decimal(str(row.get("hours", "")))
        except (ValueError, InvalidOperation) as problem:
            raise InvalidCostItem(f"not an item of an estimate: {dict(row)}") from problem
        if not hours.is_finite():
            raise InvalidCostItem(f"{activity.value}: hours must be a number")
        items.append(CostItem(activity, hours, str(row.get("description", "") or "")))
    return tuple(items)


def cost_estimate_for(
    rows: Iterable[Mapping[str, object]], *, regime: Regime, authority: AuthorityKind
) -> CostEstimate | None:
    """The s.12 estimate from stored rows; None when there are no rows or the regime has no cost limit."""
    items = cost_items_from(rows)
    if not items or cost_limit_ground(regime) is None:
        return None
    return estimate_cost(items, regime=regime, authority=authority)


def decision_findings(
    part: PartResponse, *, regime: Regime, public_interest_decision_due: date | None = None
) -> list[Finding]:
    """The errors that stop ``part``'s decision being recorded: the s.17 checks on this part alone, then
    the rules of making the decision."""
    probe = Response(
        reference="(this decision)",
        regime=regime,
        parts=(part,),
        review_rights="(given by the letter)",
        ico_rights="(given by the letter)",
        public_interest_decision_due=public_interest_decision_due,
    )
    findings = [f for f in check_response(probe) if f.severity is Severity.ERROR]
    for claim in part.claims:
        findings.extend(_claim_findings(claim, part))
    if public_interest_decision_due is not None and not _awaiting_test(part):
        findings.append(
            error(
                "decision.no_open_test",
                part.label,
                "An estimated date for the public interest decision (s.17(2)) needs a qualified "
                "exemption whose test is still open: leave its factors and conclusion empty until then.",
            )
        )
    return findings


def _awaiting_test(part: PartResponse) -> bool:
    return any(c.exemption.public_interest_test and c.public_interest is None for c in part.claims)


def _claim_findings(claim: ExemptionClaim, part: PartResponse) -> list[Finding]:
    e, test, where = claim.exemption, claim.public_interest, f"{part.label}: {claim.exemption.code}"
    findings: list[Finding] = []
    if e.public_interest_test and test is not None and (not test.for_disclosure or not test.for_withholding):
        findings.append(
            error(
                "decision.public_interest_without_factors",
                where,
                f"{e.code} is qualified: give the factors for disclosure and for withholding, one to a line, "
                "before saying where the balance lies (s.17(3)).",
            )
        )
    return findings


def decision_check(
    part: PartResponse, *, regime: Regime, public_interest_decision_due: date | None = None
) -> None:
    """Raise ``InvalidDecision`` if ``decision_findings`` finds anything."""
    findings = decision_findings(
        part, regime=regime, public_interest_decision_due=public_interest_decision_due
    )
    if findings:
        raise InvalidDecision(findings)
