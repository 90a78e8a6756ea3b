"""The s.12 cost estimate: whether complying with a request would exceed the appropriate limit.

FOIA: the Freedom of Information and Data Protection (Appropriate Limit and Fees) Regulations 2004
(SI 2004/3244): only four activities count (reg 4(3)), staff time at £25 per person per hour (reg 4(4)),
a limit of £600 for the bodies in FOIA Sch 1 Part I and £450 for everyone else (reg 3) [V].
FOISA: the Freedom of Information (Fees for Required Disclosure) (Scotland) Regulations 2004
(SSI 2004/467): locating, retrieving and providing count, determining whether the information is held
does not (reg 3(2)(a)), staff time at the actual rate but at most £15 per hour (reg 3(2)(b)), and a
prescribed amount of £600 (reg 5) [V: legislation.gov.uk, reg 3 and the Explanatory Note].
The EIR and EISR have no cost limit: a costly request is "manifestly unreasonable" (EIR reg 12(4)(b),
EISR reg 10(4)(b)), a judgement rather than a sum, so estimating one raises ``NoCostLimit``.

Aggregation of related requests (reg 5 SI 2004/3244) is decided elsewhere; pass the summed items in.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

# The sums have their one home in the regime's rules (core/regime.py); the names stay importable here.
from foidesk.core.regime import FOIA_CENTRAL_GOVERNMENT_LIMIT as FOIA_CENTRAL_GOVERNMENT_LIMIT
from foidesk.core.regime import FOIA_HOURLY_RATE as FOIA_HOURLY_RATE
from foidesk.core.regime import FOIA_OTHER_LIMIT as FOIA_OTHER_LIMIT
from foidesk.core.regime import FOISA_MAXIMUM_HOURLY_RATE as FOISA_MAXIMUM_HOURLY_RATE
from foidesk.core.regime import FOISA_PRESCRIBED_AMOUNT as FOISA_PRESCRIBED_AMOUNT
from foidesk.core.regime import Regime


class Activity(StrEnum):
    """What staff time is spent on. Only some activities count towards the limit, and which ones
    depends on the regime (``counts_under``)."""

    DETERMINE_HELD = "determine_held"  # reg 4(3)(a) SI 2004/3244
    LOCATE = "locate"  # reg 4(3)(b)
    RETRIEVE = "retrieve"  # reg 4(3)(c)
    EXTRACT = "extract"  # reg 4(3)(d)
    PROVIDE = "provide"  # FOISA only: reg 3(1) SSI 2004/467 "providing"
    REDACT = "redact"  # never counts under FOIA (not in reg 4(3))
    CONSIDER_EXEMPTIONS = "consider_exemptions"  # never counts (FOIA reg 4(3); FOISA reg 3(2)(a)(ii))

    def counts_under(self, regime: Regime) -> bool:
        """Whether time on this activity counts towards the limit of ``regime``."""
        return self.value in regime.rules.cost.counted_activities

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    Activity.DETERMINE_HELD: "Determining whether the information is held",
    Activity.LOCATE: "Locating the information",
    Activity.RETRIEVE: "Retrieving the information",
    Activity.EXTRACT: "Extracting the information",
    Activity.PROVIDE: "Providing the information",
    Activity.REDACT: "Redacting",
    Activity.CONSIDER_EXEMPTIONS: "Considering exemptions",
}


class AuthorityKind(StrEnum):
    """Which FOIA limit applies (reg 3 SI 2004/3244)."""

    CENTRAL_GOVERNMENT = "central_government"  # listed in FOIA Sch 1 Part I: £600
    OTHER = "other"  # local government, police, NHS, schools...: £450


class NoCostLimit(ValueError):
    """The regime has no cost limit (EIR, EISR): use "manifestly unreasonable" instead."""


class InvalidCostItem(ValueError):
    """An item of the estimate cannot be right (negative hours, a rate above the statutory maximum)."""


@dataclass(frozen=True, slots=True)
class CostItem:
    """Time one activity is expected to take, with how it was worked out (the ICO expects a "sensible,
    realistic and supported" estimate, so say what was sampled)."""

    activity: Activity
    hours: Decimal
    description: str = ""

    def __post_init__(self) -> None:
        if self.hours < 0:
            raise InvalidCostItem(f"{self.activity.value}: hours cannot be negative ({self.hours})")


@dataclass(frozen=True, slots=True)
class CostEstimate:
    """An estimate under s.12 FOIA or s.12 FOISA, and whether it exceeds the limit."""

    regime: Regime
    items: tuple[CostItem, ...]
    hourly_rate: Decimal
    limit: Decimal
    authority: AuthorityKind | None = None  # FOIA only

    @property
    def counted_items(self) -> tuple[CostItem, ...]:
        return tuple(item for item in self.items if item.activity.counts_under(self.regime))

    @property
    def excluded_items(self) -> tuple[CostItem, ...]:
        """Items that the regulations do not let the authority count (redaction, weighing exemptions)."""
        return tuple(item for item in self.items if not item.activity.counts_under(self.regime))

    @property
    def counted_hours(self) -> Decimal:
        return sum((item.hours for item in self.counted_items), Decimal(0))

    @property
    def cost(self) -> Decimal:
        return self.counted_hours * self.hourly_rate

    @property
    def limit_hours(self) -> Decimal:
        """The limit in hours: 18 for most FOIA authorities, 24 for central government, 40 under FOISA."""
        return self.limit / self.hourly_rate

    @property
    def exceeds_limit(self) -> bool:
        """s.12(1) FOIA: the cost "would exceed" the limit, so exactly the limit does not."""
        return self.cost > self.limit

    @property
    def excess(self) -> Decimal:
        """By how much the cost exceeds the limit (zero if it does not)."""
        return max(self.cost - self.limit, Decimal(0))

    @property
    def excess_hours(self) -> Decimal:
        return max(self.counted_hours - self.limit_hours, Decimal(0))

    @property
    def confirm_or_deny_exceeds_limit(self) -> bool:
        """s.12(2) FOIA: determining whether the information is held costs more than the limit on its own,
        so the duty to confirm or deny falls away too [UNVERIFIED wording]."""
        if not self.regime.rules.cost.limit_excuses_confirm_or_deny:
            return False
        held = sum((i.hours for i in self.items if i.activity is Activity.DETERMINE_HELD), Decimal(0))
        return held * self.hourly_rate > self.limit

    def as_dict(self) -> dict[str, object]:
        return {
            "regime": self.regime.value,
            "authority": None if self.authority is None else self.authority.value,
            "hourly_rate": str(self.hourly_rate),
            "limit": str(self.limit),
            "limit_hours": str(self.limit_hours),
            "counted_hours": str(self.counted_hours),
            "cost": str(self.cost),
            "exceeds_limit": self.exceeds_limit,
            "excess": str(self.excess),
            "items": [
                {
                    "activity": i.activity.value,
                    "hours": str(i.hours),
                    "counted": i.activity.counts_under(self.regime),
                    "description": i.description,
                }
                for i in self.items
            ],
        }


def estimate_cost(
    items: Iterable[CostItem],
    *,
    regime: Regime,
    authority: AuthorityKind = AuthorityKind.OTHER,
    hourly_rate: Decimal | None = None,
) -> CostEstimate:
    """Estimate the cost of complying with a request under ``regime``.

    FOIA fixes the rate at £25 (reg 4(4)), so ``hourly_rate`` must be None or 25. FOISA takes the actual
    staff rate, capped at £15 (reg 3(2)(b) SSI 2004/467); None means the cap.
    """
    items = tuple(items)
    rules = regime.rules.cost
    if rules.limit is None or rules.hourly_rate is None:
        raise NoCostLimit(f"{regime.label} has no cost limit: consider 'manifestly unreasonable' instead")
    if rules.hourly_rate_is_maximum:
        rate = rules.hourly_rate if hourly_rate is None else hourly_rate
        if not Decimal(0) < rate <= rules.hourly_rate:
            raise InvalidCostItem(
                f"{regime.short_name} staff time is costed at most £{rules.hourly_rate} an hour "
                f"({rules.regulations})"
            )
        return CostEstimate(regime, items, rate, rules.limit)
    if hourly_rate is not None and hourly_rate != rules.hourly_rate:
        raise InvalidCostItem(
            f"{regime.short_name} staff time is costed at £{rules.hourly_rate} an hour ({rules.regulations})"
        )
    limit = rules.limit
    if authority is AuthorityKind.CENTRAL_GOVERNMENT and rules.central_government_limit is not None:
        limit = rules.central_government_limit
    return CostEstimate(regime, items, rules.hourly_rate, limit, authority)
