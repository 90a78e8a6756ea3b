"""The access-to-information regimes a request can fall under, each with its rules as data.

A regime is the ``Regime`` enum; what the law says under it is ``Regime.X.rules``, one ``RegimeRules`` per
regime and the one home of its particulars: the clock (which days count, the response time, extensions,
pauses and the provisions behind them), the cost limit (and whether there is one, and how a letter cites
it), the review (the window to ask for it, the time to decide), the regulator (name, address, website,
statute), the appeal from its decision notice, and the provisions a refusal notice rests on and the names
a letter gives the law. The clock, the cost estimate, the escalation dates, the notice checks and the
letters read them here; adding a regime is adding an entry, and ``tests/core/test_regime.py`` proves every
member has one.

Sources: DOMAIN.md sections A, G and H; the statutes on legislation.gov.uk. Marks as there: [V] checked,
[S] secondary, [UNVERIFIED] from memory.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from foidesk.core.holiday_calendar import WorkingDayRule


class Regime(StrEnum):
    """Which law governs a request (DOMAIN.md sections A and G)."""

    FOIA = "foia"  # Freedom of Information Act 2000
    EIR = "eir"  # Environmental Information Regulations 2004 (SI 2004/3391)
    FOISA = "foisa"  # Freedom of Information (Scotland) Act 2002
    EISR = "eisr"  # Environmental Information (Scotland) Regulations 2004 (SSI 2004/520)

    @property
    def rules(self) -> RegimeRules:
        """Everything the law of this regime says that FOI Desk applies."""
        return _RULES[self]

    @property
    def label(self) -> str:
        return self.rules.label

    @property
    def short_name(self) -> str:
        """The name the regime is known by in letters: FOIA, EIR, FOISA or EISR."""
        return self.rules.short_name

    @property
    def is_scottish(self) -> bool:
        """Scottish regimes count Scottish bank holidays only (FOISA s.73)."""
        return self.rules.clock.working_day_rule is WorkingDayRule.SCOTLAND

    @property
    def is_environmental(self) -> bool:
        """The EIR and EISR: every exception weighed, no cost limit, "not held" is an exception."""
        return not self.rules.cost.has_limit


@dataclass(frozen=True, slots=True)
class ClockRules:
    """When the response is due, which days count, and what moves the date."""

    working_day_rule: WorkingDayRule
    working_day_provision: str  # which days count
    response_working_days: int
    response_provision: str  # the time for compliance
    clarification_provision: str  # a fresh period from the clarification (s.1(3) FOIA)
    fee_pause_provision: str  # the days from a fees notice to payment do not count
    fee_lapse_provision: str  # unpaid, the duty to comply falls away
    fee_payment_months: int | None  # the time to pay, in calendar months ...
    fee_payment_working_days: int | None  # ... or in working days
    pit_extension_provision: str | None  # a public interest extension (s.10(3) FOIA), or None
    pit_further_working_days: int | None  # how long the Code of Practice lets it run
    volume_extension_working_days: int | None  # EIR reg 7: complex and voluminous requests
    procedural_refusal_provision: str  # the notice for a cost-limit or vexatious refusal

    @property
    def has_pit_extension(self) -> bool:
        return self.pit_extension_provision is not None

    @property
    def has_volume_extension(self) -> bool:
        return self.volume_extension_working_days is not None


@dataclass(frozen=True, slots=True)
class CostRules:
    """The cost limit: the ground a costly request is refused on, and the sums when there is a limit.

    ``limit`` is None where the regime has none (EIR, EISR): a costly request is then "manifestly
    unreasonable", a judgement rather than a sum.
    """

    ground: str  # the catalogue code a costly request is refused under
    regulations: str
    # How a letter cites them, in words; None where there is no limit to cite (EIR, EISR: the
    # refusal is the "manifestly unreasonable" exception, cited as an exception).
    ground_provision: str | None  # "section 12(1) of the Freedom of Information Act 2000"
    regulations_title: str | None  # the regulations that set the limit, with the regulations used
    limit: Decimal | None = None
    central_government_limit: Decimal | None = None  # FOIA Sch 1 Part I bodies
    hourly_rate: Decimal | None = None
    hourly_rate_is_maximum: bool = False  # FOISA: the actual rate, up to the cap
    # The activities whose staff time counts (values of core.costs.Activity); none without a limit.
    counted_activities: frozenset[str] = frozenset()
    # s.12(2) FOIA: when determining whether it is held alone costs more than the limit, the duty to
    # confirm or deny falls away too [UNVERIFIED wording]; FOISA s.12 has no such subsection.
    limit_excuses_confirm_or_deny: bool = False

    @property
    def has_limit(self) -> bool:
        return self.limit is not None

    @property
    def limits(self) -> frozenset[Decimal]:
        """Every sum the regulations set as a limit under this regime."""
        return frozenset(x for x in (self.limit, self.central_government_limit) if x is not None)


@dataclass(frozen=True, slots=True)
class ReviewRules:
    """The review of a response: what it is called, whether statute requires it, and its periods."""

    name: str  # "internal review", "reconsideration", "review"
    statutory: bool
    request_window_working_days: int  # the requester's time to ask, from the response
    request_window_provision: str
    window_rule: str  # what the window means for a late request, as the review's page explains it
    decide_working_days: int  # the authority's time to decide
    decide_maximum_working_days: int
    decide_provision: str
    particulars_provision: str  # where a refusal notice must describe it


@dataclass(frozen=True, slots=True)
class Regulator:
    """Who the requester may complain to after a review, and under which provision."""

    name: str
    provision: str  # in words, as a letter cites it
    address: tuple[str, ...]
    website: str
    particulars_provision: str  # where a refusal notice must name it

    @property
    def particulars(self) -> str:
        """One sentence naming the right, the regulator, its address and website."""
        return (
            f"You have the right to apply to the {self.name} for a decision ({self.provision}): "
            f"{', '.join(self.address)}; {self.website}."
        )


@dataclass(frozen=True, slots=True)
class NoticeRules:
    """The provisions a refusal notice rests on."""

    provision: str  # in words: "section 17 of the Freedom of Information Act 2000"
    short: str  # "s.17 FOIA"
    ncnd_provision: str  # where the power to neither confirm nor deny comes from
    accessible_elsewhere: str | None  # s.21 FOIA, s.25 FOISA; the EIR have none (reg 6(1)(b))
    not_held_ground: str | None  # EIR reg 12(4)(a): "not held" is an exception to cite
    not_held_needs_notice: bool  # a "not held" answer carries review and regulator particulars
    names: str  # how a letter names the law it applies (a pattern); "(Scotland)" keeps the UK ones apart
    absolute_list: str | None  # where the statute lists its absolute exemptions; the regulations have none
    advice_provision: str  # the duty to advise and assist, as a letter cites it
    reasons_provision: str  # the notice says why each exemption applies
    public_interest_provision: str  # ... and why the public interest favours withholding (a qualified one)
    # Where the reasons may be left out because stating them would itself disclose exempt information, as a
    # letter cites it; None where the law makes no such exception.
    reasons_withheld_provision: str | None
    pit_pending_provision: str | None  # an estimated date for an open public interest test (letter wording)


# s.57(1) FOIA (reg 18 EIR applies it): appeal to the First-tier Tribunal; r.22(1)(b) of the Tribunal
# Procedure (First-tier Tribunal) (General Regulatory Chamber) Rules 2009: the notice of appeal must be
# received "within 28 days of the date on which notice of the act or decision ... was sent" [V].
FIRST_TIER_TRIBUNAL_APPEAL_DAYS = 28
# s.56 FOISA (reg 17 EISR applies it): appeal to the Court of Session on a point of law only. The time limit
# is in the Rules of the Court of Session (Chapter 41), 42 days from intimation of the decision
# [UNVERIFIED: from memory; one secondary source (Shelter Scotland) says 45 days].
COURT_OF_SESSION_APPEAL_DAYS = 42
FIRST_TIER_TRIBUNAL = "First-tier Tribunal (General Regulatory Chamber)"
COURT_OF_SESSION = "Court of Session (on a point of law only)"


@dataclass(frozen=True, slots=True)
class AppealForum:
    """Where a decision notice of the regulator can be appealed, under which provision, and within how
    many (calendar) days.

    ``moves_to`` is the working-day rule under which a time limit ending on a non-working day moves to the
    next working day, or None where no such rule is known (the strict date is then kept).
    """

    name: str
    provision: str
    days: int
    moves_to: WorkingDayRule | None


@dataclass(frozen=True, slots=True)
class RegimeRules:
    """One regime's law, complete: every field is required, so no regime can miss a rule."""

    regime: Regime
    label: str
    short_name: str
    citation_prefix: str  # how the catalogue codes its exemptions: "s.40(2)", "reg.12(4)(a)"
    clock: ClockRules
    cost: CostRules
    review: ReviewRules
    regulator: Regulator
    appeal: AppealForum  # from the regulator's decision notice
    notice: NoticeRules


# --- the regulators -----------------------------------------------------------------------------------

ICO_ADDRESS = (
    "Information Commissioner's Office",
    "Wycliffe House",
    "Water Lane",
    "Wilmslow",
    "Cheshire",
    "SK9 5AF",
)  # s.50 FOIA: the regulator the requester may complain to
ICO_WEBSITE = "https://ico.org.uk"
SIC_ADDRESS = (
    "Scottish Information Commissioner",
    "Kinburn Castle",
    "Doubledykes Road",
    "St Andrews",
    "Fife",
    "KY16 9DS",
)  # s.47 FOISA: the regulator for Scottish public authorities
SIC_WEBSITE = "https://www.foi.scot"  # the Commissioner's site since 2024 [S: DOMAIN.md H]

# --- shared periods -----------------------------------------------------------------------------------

RESPONSE_WORKING_DAYS = 20  # s.10(1) FOIA; s.10(1) FOISA; reg 5(2) EIR; reg 5(2) EISR
VOLUME_EXTENSION_WORKING_DAYS = 40  # reg 7(1) EIR / EISR: complex and voluminous requests
PIT_FURTHER_WORKING_DAYS = 20  # s.45 Code of Practice (2018): at most 20 further WD for the PIT [S]
REVIEW_REQUEST_WINDOW_WORKING_DAYS = 40  # reg 11(2) EIR; s.20(5) FOISA; reg 16(2) EISR; s.45 Code para 5.4
REVIEW_WORKING_DAYS = 20  # ICO Good Practice Guidance No. 5 (FOIA); s.21(1) FOISA; reg 16(4) EISR
REVIEW_MAXIMUM_WORKING_DAYS = 40  # ICO guidance: a FOIA review never more than 40 WD (not statutory)
EIR_RECONSIDERATION_WORKING_DAYS = 40  # reg 11(4) EIR: the authority decides within 40 WD
FEE_PAYMENT_MONTHS = 3  # s.9(2) FOIA; s.9(4) FOISA: unpaid after three months, no duty to comply
EIR_FEE_PAYMENT_WORKING_DAYS = 60  # reg 8(5) EIR [UNVERIFIED: ICO guidance, from memory]

# --- cost limits ---------------------------------------------------------------------------------------

FOIA_HOURLY_RATE = Decimal(25)  # reg 4(4) SI 2004/3244: £25 per person per hour
FOIA_CENTRAL_GOVERNMENT_LIMIT = Decimal(600)  # reg 3(2) SI 2004/3244: authorities in FOIA Sch 1 Part I
FOIA_OTHER_LIMIT = Decimal(450)  # reg 3(3) SI 2004/3244: every other authority, police included
FOISA_MAXIMUM_HOURLY_RATE = Decimal(15)  # reg 3(2)(b) SSI 2004/467: at most £15 per hour per member of staff
FOISA_PRESCRIBED_AMOUNT = Decimal(600)  # reg 5 SSI 2004/467

_ICO_REVIEW_DECISION = "ICO guidance and the s.45 Code of Practice: 20 working days, never more than 40"

_RULES: dict[Regime, RegimeRules] = {
    Regime.FOIA: RegimeRules(
        regime=Regime.FOIA,
        label="Freedom of Information Act 2000",
        short_name="FOIA",
        citation_prefix="s.",
        clock=ClockRules(
            working_day_rule=WorkingDayRule.UNITED_KINGDOM,  # a bank holiday in any part of the UK [V]
            working_day_provision="s.10(6) FOIA",
            response_working_days=RESPONSE_WORKING_DAYS,
            response_provision="s.10(1) FOIA",
            clarification_provision="s.1(3) FOIA",
            fee_pause_provision="s.10(2) FOIA",
            fee_lapse_provision="s.9(2) FOIA",
            fee_payment_months=FEE_PAYMENT_MONTHS,
            fee_payment_working_days=None,
            pit_extension_provision="s.10(3) FOIA",
            pit_further_working_days=PIT_FURTHER_WORKING_DAYS,
            volume_extension_working_days=None,
            procedural_refusal_provision="s.17(5) FOIA",
        ),
        cost=CostRules(
            ground="s.12",
            regulations="SI 2004/3244",
            ground_provision="section 12(1) of the Freedom of Information Act 2000",
            regulations_title="the Freedom of Information and Data Protection (Appropriate Limit and Fees) "
            "Regulations 2004 (regulations 3 and 4)",
            limit=FOIA_OTHER_LIMIT,
            central_government_limit=FOIA_CENTRAL_GOVERNMENT_LIMIT,
            hourly_rate=FOIA_HOURLY_RATE,
            # reg 4(3) SI 2004/3244: determining whether it is held, locating, retrieving, extracting [V]
            counted_activities=frozenset({"determine_held", "locate", "retrieve", "extract"}),
            limit_excuses_confirm_or_deny=True,
        ),
        review=ReviewRules(
            name="internal review",
            statutory=False,
            request_window_working_days=REVIEW_REQUEST_WINDOW_WORKING_DAYS,
            request_window_provision="s.45 Code of Practice (2018) para 5.4",
            window_rule=(
                "ICO guidance: a review asked for more than 40 working days after the response may be refused"
            ),
            decide_working_days=REVIEW_WORKING_DAYS,
            decide_maximum_working_days=REVIEW_MAXIMUM_WORKING_DAYS,
            decide_provision=_ICO_REVIEW_DECISION,
            particulars_provision="s.17(7)(a)",
        ),
        regulator=Regulator(
            name="Information Commissioner",
            provision="section 50 of the Freedom of Information Act 2000",
            address=ICO_ADDRESS,
            website=ICO_WEBSITE,
            particulars_provision="s.17(7)(b), s.50",
        ),
        # r.12(2) GRC Rules 2009: a time that ends on a day other than a working day is met on the next
        # working day; "working day" there names bank holidays under the 1971 Act without saying which part
        # of the UK, so England and Wales, the tribunal's seat, is taken: the earlier date [S: the same rule
        # as r.12 of the Upper Tribunal Rules 2008; jurisdiction UNVERIFIED].
        appeal=AppealForum(
            FIRST_TIER_TRIBUNAL,
            "s.57 FOIA",
            FIRST_TIER_TRIBUNAL_APPEAL_DAYS,
            WorkingDayRule.ENGLAND_AND_WALES,
        ),
        notice=NoticeRules(
            provision="section 17 of the Freedom of Information Act 2000",
            short="s.17 FOIA",
            advice_provision="section 16",
            reasons_provision="s.17(1)(c)",
            public_interest_provision="s.17(3)",
            reasons_withheld_provision="section 17(4)",  # [V] the (1)(c) and (3) statements
            pit_pending_provision="sections 10(3) and 17(2)",
            names=r"Freedom of Information Act|\bFOIA\b|\bFOI Act\b",
            absolute_list="FOIA s.2(3)",
            ncnd_provision="the exemption's own provision (s.2(1)); none for s.21",
            accessible_elsewhere="s.21",
            not_held_ground=None,  # a denial under s.1(1)(a), not a refusal
            not_held_needs_notice=False,
        ),
    ),
    Regime.EIR: RegimeRules(
        regime=Regime.EIR,
        label="Environmental Information Regulations 2004",
        short_name="EIR",
        citation_prefix="reg.",
        clock=ClockRules(
            working_day_rule=WorkingDayRule.UNITED_KINGDOM,  # reg 2(1) EIR takes s.10(6) FOIA's meaning
            working_day_provision="reg 2(1) EIR",
            response_working_days=RESPONSE_WORKING_DAYS,
            response_provision="reg 5(2) EIR",
            clarification_provision="reg 9 EIR",
            fee_pause_provision="reg 8 EIR",
            fee_lapse_provision="reg 8 EIR",
            fee_payment_months=None,
            fee_payment_working_days=EIR_FEE_PAYMENT_WORKING_DAYS,
            pit_extension_provision=None,  # reg 7 extends for complexity and volume only
            pit_further_working_days=None,
            volume_extension_working_days=VOLUME_EXTENSION_WORKING_DAYS,
            procedural_refusal_provision="reg 14 EIR",
        ),
        cost=CostRules(
            ground="reg.12(4)(b)",
            regulations="none: reg 12(4)(b) manifestly unreasonable",
            ground_provision=None,
            regulations_title=None,
        ),
        review=ReviewRules(
            name="reconsideration",
            statutory=True,
            request_window_working_days=REVIEW_REQUEST_WINDOW_WORKING_DAYS,
            request_window_provision="reg 11(2) EIR",
            window_rule="reg 11(2) EIR: within 40 working days after the response",
            decide_working_days=EIR_RECONSIDERATION_WORKING_DAYS,
            decide_maximum_working_days=EIR_RECONSIDERATION_WORKING_DAYS,
            decide_provision="reg 11(4) EIR: 40 working days",
            particulars_provision="reg 14(5)(a) and reg 11",
        ),
        regulator=Regulator(  # reg 18 EIR applies s.50 FOIA
            name="Information Commissioner",
            provision="section 50 of the Freedom of Information Act 2000,"
            " as applied by regulation 18 of the EIR",
            address=ICO_ADDRESS,
            website=ICO_WEBSITE,
            particulars_provision="reg 14(5)(b), reg 18",
        ),
        appeal=AppealForum(
            FIRST_TIER_TRIBUNAL,
            "s.57 FOIA, as applied by reg 18 EIR",
            FIRST_TIER_TRIBUNAL_APPEAL_DAYS,
            WorkingDayRule.ENGLAND_AND_WALES,
        ),
        notice=NoticeRules(
            provision="regulation 14 of the Environmental Information Regulations 2004",
            short="reg 14 EIR",
            advice_provision="regulation 9",
            reasons_provision="reg 14(3)",
            public_interest_provision="reg 14(3)(b)",
            reasons_withheld_provision=None,  # [V] reg 14 has no counterpart of s.17(4) FOIA
            pit_pending_provision=None,
            names=r"Environmental Information Regulations|\bEIRs?\b",
            absolute_list=None,
            ncnd_provision="reg 12(6) (with reg 12(5)(a)) and reg 13(5A)",
            accessible_elsewhere=None,
            not_held_ground="reg.12(4)(a)",
            not_held_needs_notice=True,
        ),
    ),
    Regime.FOISA: RegimeRules(
        regime=Regime.FOISA,
        label="Freedom of Information (Scotland) Act 2002",
        short_name="FOISA",
        citation_prefix="FOISA s.",
        clock=ClockRules(
            working_day_rule=WorkingDayRule.SCOTLAND,  # Scottish bank holidays only [V]
            working_day_provision="s.73 FOISA",
            response_working_days=RESPONSE_WORKING_DAYS,
            response_provision="s.10(1) FOISA",
            clarification_provision="s.1(3) FOISA",
            fee_pause_provision="s.10(2) FOISA",
            fee_lapse_provision="s.9(4) FOISA",
            fee_payment_months=FEE_PAYMENT_MONTHS,
            fee_payment_working_days=None,
            pit_extension_provision=None,  # the 20 working days are absolute [S]
            pit_further_working_days=None,
            volume_extension_working_days=None,
            procedural_refusal_provision="s.16 FOISA",
        ),
        cost=CostRules(
            ground="FOISA s.12",
            regulations="SSI 2004/467",
            ground_provision="section 12(1) of the Freedom of Information (Scotland) Act 2002",
            regulations_title="the Freedom of Information (Fees for Required Disclosure) (Scotland) "
            "Regulations 2004 (regulations 3 and 5)",
            limit=FOISA_PRESCRIBED_AMOUNT,
            hourly_rate=FOISA_MAXIMUM_HOURLY_RATE,
            hourly_rate_is_maximum=True,
            # reg 3(1) SSI 2004/467 "locating, retrieving and providing"; extracting is read as part of
            # retrieving and providing [UNVERIFIED reading]; reg 3(2)(a)(i) excludes determining whether
            # it is held.
            counted_activities=frozenset({"locate", "retrieve", "extract", "provide"}),
        ),
        review=ReviewRules(
            name="review",
            statutory=True,  # and required before an application to the Commissioner (s.47(1))
            request_window_working_days=REVIEW_REQUEST_WINDOW_WORKING_DAYS,
            request_window_provision="s.20(5) FOISA",
            window_rule=(
                "s.20(5) FOISA: within 40 working days after the time for the response ran out, "
                "or after a late response"
            ),
            decide_working_days=REVIEW_WORKING_DAYS,
            decide_maximum_working_days=REVIEW_WORKING_DAYS,
            decide_provision="s.21(1) FOISA: 20 working days after receipt of the requirement for review",
            particulars_provision="s.19 and s.20",
        ),
        regulator=Regulator(
            name="Scottish Information Commissioner",
            provision="section 47 of the Freedom of Information (Scotland) Act 2002",
            address=SIC_ADDRESS,
            website=SIC_WEBSITE,
            particulars_provision="s.19, s.47",
        ),
        # No rule moving a Court of Session time limit off a weekend is known here [UNVERIFIED]: the
        # strict date is kept.
        appeal=AppealForum(COURT_OF_SESSION, "s.56 FOISA", COURT_OF_SESSION_APPEAL_DAYS, None),
        notice=NoticeRules(
            provision="section 16 of the Freedom of Information (Scotland) Act 2002",
            short="s.16 FOISA",
            advice_provision="section 15",
            reasons_provision="s.16(1)(d)",
            public_interest_provision="s.16(2)",
            reasons_withheld_provision="section 16(3)",  # [UNVERIFIED] the (1)(d) statement only
            pit_pending_provision=None,
            names=r"Freedom of Information \(Scotland\) Act|\bFOI\(S\)A\b|\bFOISA\b",
            absolute_list="FOISA s.2(2)",
            ncnd_provision="s.18(1) FOISA, with its own public interest finding",
            accessible_elsewhere="FOISA s.25",
            not_held_ground=None,  # a s.17 notice, not an exemption
            not_held_needs_notice=True,  # s.19: the s.17 notice carries the review particulars
        ),
    ),
    Regime.EISR: RegimeRules(
        regime=Regime.EISR,
        label="Environmental Information (Scotland) Regulations 2004",
        short_name="EISR",
        citation_prefix="EISR reg.",
        clock=ClockRules(
            working_day_rule=WorkingDayRule.SCOTLAND,  # reg 2(1) EISR takes s.73 FOISA's meaning
            working_day_provision="reg 2(1) EISR",
            response_working_days=RESPONSE_WORKING_DAYS,
            response_provision="reg 5(2) EISR",
            clarification_provision="reg 9 EISR",
            fee_pause_provision="reg 8 EISR",
            fee_lapse_provision="reg 8 EISR",
            fee_payment_months=None,
            fee_payment_working_days=EIR_FEE_PAYMENT_WORKING_DAYS,  # [UNVERIFIED] as the EIR
            pit_extension_provision=None,
            pit_further_working_days=None,
            volume_extension_working_days=VOLUME_EXTENSION_WORKING_DAYS,
            procedural_refusal_provision="reg 13 EISR",
        ),
        cost=CostRules(
            ground="EISR reg.10(4)(b)",
            regulations="none: reg 10(4)(b) manifestly unreasonable",
            ground_provision=None,
            regulations_title=None,
        ),
        review=ReviewRules(
            name="review",
            statutory=True,
            request_window_working_days=REVIEW_REQUEST_WINDOW_WORKING_DAYS,
            request_window_provision="reg 16(2) EISR",
            window_rule=(
                "reg 16(2) EISR: within 40 working days after the time for the response ran out, "
                "or after a late response"
            ),
            decide_working_days=REVIEW_WORKING_DAYS,
            decide_maximum_working_days=REVIEW_WORKING_DAYS,
            decide_provision="reg 16(4) EISR: 20 working days",
            particulars_provision="reg 13(e) and reg 16 [UNVERIFIED]",
        ),
        regulator=Regulator(  # reg 17 EISR applies s.47 FOISA
            name="Scottish Information Commissioner",
            provision="section 47 of the Freedom of Information (Scotland) Act 2002,"
            " as applied by regulation 17 of the EISR",
            address=SIC_ADDRESS,
            website=SIC_WEBSITE,
            particulars_provision="reg 17 [UNVERIFIED]",
        ),
        appeal=AppealForum(
            COURT_OF_SESSION, "s.56 FOISA, as applied by reg 17 EISR", COURT_OF_SESSION_APPEAL_DAYS, None
        ),
        notice=NoticeRules(
            provision="regulation 13 of the Environmental Information (Scotland) Regulations 2004",
            short="reg 13 EISR",
            advice_provision="regulation 9",
            reasons_provision="reg 13(a)",  # [UNVERIFIED]
            public_interest_provision="reg 13(a)",  # [UNVERIFIED]
            reasons_withheld_provision=None,  # [UNVERIFIED] none in reg 13; the Code of Practice advises
            pit_pending_provision=None,
            names=r"Environmental Information \(Scotland\) Regulations|\bEISRs?\b",
            absolute_list=None,
            ncnd_provision="reg 10(8) [UNVERIFIED] and reg 11(6)",
            accessible_elsewhere=None,
            not_held_ground="EISR reg.10(4)(a)",
            not_held_needs_notice=True,
        ),
    ),
}
