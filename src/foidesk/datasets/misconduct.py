"""The misconduct register: one row per allegation against a police officer, its vocabulary and its rules.

The vocabulary follows the Police (Conduct) Regulations 2020 (SI 2020/4): outcomes under reg 42 and
reflective practice (the Reflective Practice Review Process, Part 6), with the outcomes of the earlier
2012 Regulations kept for allegations that came to attention before 1 February 2020. Categories are
IOPC-style (the full 2020 IOPC list is UNVERIFIED, DOMAIN.md section F), with sexual misconduct split
into the terms forces publish (sexual assault, sexual harassment, abuse of position for a sexual purpose).

A synthetic register for the demo and the tests is made by ``misconduct_synthetic.py``; every
synthetic allegation id starts with ``SYN-`` (``is_synthetic_id``) and carries ``synthetic=True``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from foidesk.core.redaction import KnownEntities, RedactionResult, check_free_text

# SI 2020/4 applies to matters that came to attention on or after 1 February 2020.
REGULATIONS_2020_START = dt.date(2020, 2, 1)
MAX_OUTCOMES = 2  # a main outcome, and reflective practice or "no case to answer" beside it
SYNTHETIC_PREFIX = "SYN-"
# The longest value the register holds in each text field (the database columns are this wide).
TEXT_LIMITS: dict[str, int] = {
    "allegation_id": 40,
    "officer_id": 40,
    "collar_number": 20,
    "station": 80,
    "nature": 200,
    "summary": 20_000,
}


class Rank(StrEnum):
    CONSTABLE = "constable"
    SERGEANT = "sergeant"
    INSPECTOR = "inspector"
    CHIEF_INSPECTOR = "chief_inspector"
    SUPERINTENDENT = "superintendent"
    CHIEF_SUPERINTENDENT = "chief_superintendent"
    COMMANDER_AND_ABOVE = "commander_and_above"


class RankBand(StrEnum):
    """Ranks grouped for release: the generalisation of rank (a quasi-identifier)."""

    CONSTABLE_OR_SERGEANT = "constable_or_sergeant"
    INSPECTOR_OR_CHIEF_INSPECTOR = "inspector_or_chief_inspector"
    SUPERINTENDENT_AND_ABOVE = "superintendent_and_above"


RANK_BAND: dict[Rank, RankBand] = {
    Rank.CONSTABLE: RankBand.CONSTABLE_OR_SERGEANT,
    Rank.SERGEANT: RankBand.CONSTABLE_OR_SERGEANT,
    Rank.INSPECTOR: RankBand.INSPECTOR_OR_CHIEF_INSPECTOR,
    Rank.CHIEF_INSPECTOR: RankBand.INSPECTOR_OR_CHIEF_INSPECTOR,
    Rank.SUPERINTENDENT: RankBand.SUPERINTENDENT_AND_ABOVE,
    Rank.CHIEF_SUPERINTENDENT: RankBand.SUPERINTENDENT_AND_ABOVE,
    Rank.COMMANDER_AND_ABOVE: RankBand.SUPERINTENDENT_AND_ABOVE,
}
RANK_ABBREVIATION: dict[Rank, str] = {
    Rank.CONSTABLE: "PC",
    Rank.SERGEANT: "PS",
    Rank.INSPECTOR: "Insp",
    Rank.CHIEF_INSPECTOR: "CI",
    Rank.SUPERINTENDENT: "Supt",
    Rank.CHIEF_SUPERINTENDENT: "Ch Supt",
    Rank.COMMANDER_AND_ABOVE: "Cdr",
}


class Gender(StrEnum):
    FEMALE = "female"
    MALE = "male"
    NOT_RECORDED = "not_recorded"


class BCU(StrEnum):
    """The Metropolitan Police's 12 Basic Command Units, each covering two to four boroughs."""

    CENTRAL_WEST = "central_west"
    CENTRAL_NORTH = "central_north"
    CENTRAL_EAST = "central_east"
    CENTRAL_SOUTH = "central_south"
    EAST = "east"
    NORTH_EAST = "north_east"
    NORTH = "north"
    NORTH_WEST = "north_west"
    SOUTH = "south"
    SOUTH_EAST = "south_east"
    SOUTH_WEST = "south_west"
    WEST = "west"


BCU_CODE: dict[BCU, str] = {
    BCU.CENTRAL_WEST: "AW",
    BCU.CENTRAL_NORTH: "CN",
    BCU.CENTRAL_EAST: "CE",
    BCU.CENTRAL_SOUTH: "AS",
    BCU.EAST: "EA",
    BCU.NORTH_EAST: "NE",
    BCU.NORTH: "NA",
    BCU.NORTH_WEST: "NW",
    BCU.SOUTH: "SN",
    BCU.SOUTH_EAST: "SE",
    BCU.SOUTH_WEST: "SW",
    BCU.WEST: "WA",
}


class Borough(StrEnum):
    """London's 32 boroughs (the City of London has its own force)."""

    BARKING_AND_DAGENHAM = "barking_and_dagenham"
    BARNET = "barnet"
    BEXLEY = "bexley"
    BRENT = "brent"
    BROMLEY = "bromley"
    CAMDEN = "camden"
    CROYDON = "croydon"
    EALING = "ealing"
    ENFIELD = "enfield"
    GREENWICH = "greenwich"
    HACKNEY = "hackney"
    HAMMERSMITH_AND_FULHAM = "hammersmith_and_fulham"
    HARINGEY = "haringey"
    HARROW = "harrow"
    HAVERING = "havering"
    HILLINGDON = "hillingdon"
    HOUNSLOW = "hounslow"
    ISLINGTON = "islington"
    KENSINGTON_AND_CHELSEA = "kensington_and_chelsea"
    KINGSTON_UPON_THAMES = "kingston_upon_thames"
    LAMBETH = "lambeth"
    LEWISHAM = "lewisham"
    MERTON = "merton"
    NEWHAM = "newham"
    REDBRIDGE = "redbridge"
    RICHMOND_UPON_THAMES = "richmond_upon_thames"
    SOUTHWARK = "southwark"
    SUTTON = "sutton"
    TOWER_HAMLETS = "tower_hamlets"
    WALTHAM_FOREST = "waltham_forest"
    WANDSWORTH = "wandsworth"
    WESTMINSTER = "westminster"


BOROUGH_BCU: dict[Borough, BCU] = {
    Borough.WESTMINSTER: BCU.CENTRAL_WEST,
    Borough.KENSINGTON_AND_CHELSEA: BCU.CENTRAL_WEST,
    Borough.HAMMERSMITH_AND_FULHAM: BCU.CENTRAL_WEST,
    Borough.CAMDEN: BCU.CENTRAL_NORTH,
    Borough.ISLINGTON: BCU.CENTRAL_NORTH,
    Borough.HACKNEY: BCU.CENTRAL_EAST,
    Borough.TOWER_HAMLETS: BCU.CENTRAL_EAST,
    Borough.LAMBETH: BCU.CENTRAL_SOUTH,
    Borough.SOUTHWARK: BCU.CENTRAL_SOUTH,
    Borough.HAVERING: BCU.EAST,
    Borough.BARKING_AND_DAGENHAM: BCU.EAST,
    Borough.REDBRIDGE: BCU.EAST,
    Borough.NEWHAM: BCU.NORTH_EAST,
    Borough.WALTHAM_FOREST: BCU.NORTH_EAST,
    Borough.ENFIELD: BCU.NORTH,
    Borough.HARINGEY: BCU.NORTH,
    Borough.BARNET: BCU.NORTH_WEST,
    Borough.BRENT: BCU.NORTH_WEST,
    Borough.HARROW: BCU.NORTH_WEST,
    Borough.BROMLEY: BCU.SOUTH,
    Borough.CROYDON: BCU.SOUTH,
    Borough.SUTTON: BCU.SOUTH,
    Borough.BEXLEY: BCU.SOUTH_EAST,
    Borough.GREENWICH: BCU.SOUTH_EAST,
    Borough.LEWISHAM: BCU.SOUTH_EAST,
    Borough.KINGSTON_UPON_THAMES: BCU.SOUTH_WEST,
    Borough.MERTON: BCU.SOUTH_WEST,
    Borough.RICHMOND_UPON_THAMES: BCU.SOUTH_WEST,
    Borough.WANDSWORTH: BCU.SOUTH_WEST,
    Borough.EALING: BCU.WEST,
    Borough.HILLINGDON: BCU.WEST,
    Borough.HOUNSLOW: BCU.WEST,
}


class Category(StrEnum):
    """IOPC-style allegation categories (the 2020 IOPC list is UNVERIFIED; sexual misconduct split out)."""

    DELIVERY_OF_DUTIES = "delivery_of_duties"
    POLICE_POWERS = "police_powers"
    USE_OF_FORCE = "use_of_force"
    DISCRIMINATORY_BEHAVIOUR = "discriminatory_behaviour"
    INDIVIDUAL_BEHAVIOURS = "individual_behaviours"
    ABUSE_OF_POSITION = "abuse_of_position"
    ACCESS_TO_INFORMATION = "access_to_information"
    HANDLING_OF_PROPERTY = "handling_of_property"
    DETENTION = "detention"
    DOMESTIC_ABUSE = "domestic_abuse"
    SEXUAL_ASSAULT = "sexual_assault"
    SEXUAL_HARASSMENT = "sexual_harassment"
    APSP = "apsp"
    OTHER_SEXUAL_CONDUCT = "other_sexual_conduct"
    OTHER = "other"


SEXUAL_MISCONDUCT: frozenset[Category] = frozenset(
    {Category.SEXUAL_ASSAULT, Category.SEXUAL_HARASSMENT, Category.APSP, Category.OTHER_SEXUAL_CONDUCT}
)


class Standard(StrEnum):
    """The Standards of Professional Behaviour (2008 Schedule titles; 2020 Schedule 2 assumed the same)."""

    HONESTY_AND_INTEGRITY = "honesty_and_integrity"
    AUTHORITY_RESPECT_COURTESY = "authority_respect_courtesy"
    EQUALITY_AND_DIVERSITY = "equality_and_diversity"
    USE_OF_FORCE = "use_of_force"
    ORDERS_AND_INSTRUCTIONS = "orders_and_instructions"
    DUTIES_AND_RESPONSIBILITIES = "duties_and_responsibilities"
    CONFIDENTIALITY = "confidentiality"
    FITNESS_FOR_DUTY = "fitness_for_duty"
    DISCREDITABLE_CONDUCT = "discreditable_conduct"
    CHALLENGING_IMPROPER_CONDUCT = "challenging_improper_conduct"


class Forum(StrEnum):
    NO_PROCEEDINGS = "no_proceedings"
    MISCONDUCT_MEETING = "misconduct_meeting"
    MISCONDUCT_HEARING = "misconduct_hearing"
    ACCELERATED_HEARING = "accelerated_hearing"


class MisconductFinding(StrEnum):
    NOT_INVESTIGATED = "not_investigated"  # handled at assessment, e.g. straight to reflective practice
    NO_CASE_TO_ANSWER = "no_case_to_answer"
    MISCONDUCT_PROVEN = "misconduct_proven"
    GROSS_MISCONDUCT_PROVEN = "gross_misconduct_proven"
    NOT_PROVEN = "not_proven"
    NOT_DETERMINED = "not_determined"  # withdrawn or discontinued


class MisconductOutcome(StrEnum):
    """Outcomes of an allegation: reg 42 SI 2020/4, reflective practice, codes seen in force data, legacy."""

    REFLECTIVE_PRACTICE = "reflective_practice"  # RPRP, Part 6 SI 2020/4
    NO_CASE_TO_ANSWER = "no_case_to_answer"
    NO_FURTHER_ACTION = "no_further_action"
    WRITTEN_WARNING = "written_warning"  # reg 42 SI 2020/4
    FINAL_WRITTEN_WARNING = "final_written_warning"  # reg 42 SI 2020/4
    REDUCTION_IN_RANK = "reduction_in_rank"  # reg 42 SI 2020/4, hearings only
    DISMISSAL_WITHOUT_NOTICE = "dismissal_without_notice"  # reg 42 SI 2020/4, hearings only
    WOULD_HAVE_BEEN_DISMISSED = "would_have_been_dismissed"  # former officers
    DISCONTINUED = "discontinued"
    WITHDRAWN = "withdrawn"
    MANAGEMENT_ACTION = "management_action"  # legacy: abolished by SI 2020/4
    MANAGEMENT_ADVICE = "management_advice"  # legacy: abolished by SI 2020/4
    DISMISSAL_WITH_NOTICE = "dismissal_with_notice"  # legacy: no "with notice" under SI 2020/4 [UNVERIFIED]


LEGACY_OUTCOMES: frozenset[MisconductOutcome] = frozenset(
    {
        MisconductOutcome.MANAGEMENT_ACTION,
        MisconductOutcome.MANAGEMENT_ADVICE,
        MisconductOutcome.DISMISSAL_WITH_NOTICE,
    }
)
REGULATIONS_2020_ONLY: frozenset[MisconductOutcome] = frozenset({MisconductOutcome.REFLECTIVE_PRACTICE})
# What a misconduct meeting cannot give (reg 42 SI 2020/4: a meeting gives WW or FWW).
HEARING_ONLY_OUTCOMES: frozenset[MisconductOutcome] = frozenset(
    {
        MisconductOutcome.REDUCTION_IN_RANK,
        MisconductOutcome.DISMISSAL_WITHOUT_NOTICE,
        MisconductOutcome.WOULD_HAVE_BEEN_DISMISSED,
        MisconductOutcome.DISMISSAL_WITH_NOTICE,
    }
)
DISCIPLINARY_SANCTIONS: frozenset[MisconductOutcome] = HEARING_ONLY_OUTCOMES | {
    MisconductOutcome.WRITTEN_WARNING,
    MisconductOutcome.FINAL_WRITTEN_WARNING,
}


class InvalidAllegation(ValueError):
    """An allegation whose values contradict each other or the Regulations."""


@dataclass(frozen=True, slots=True)
class Allegation:
    """One allegation against one officer, as the register holds it."""

    allegation_id: str
    officer_id: str
    collar_number: str
    rank: Rank
    gender: Gender
    borough: Borough
    station: str
    date_received: dt.date
    category: Category
    nature: str
    standard: Standard
    forum: Forum
    finding: MisconductFinding
    outcomes: tuple[MisconductOutcome, ...]
    summary: str
    named_persons: tuple[str, ...] = ()
    synthetic: bool = False

    def __post_init__(self) -> None:
        for problem in allegation_problems(self):
            raise InvalidAllegation(problem)

    @property
    def bcu(self) -> BCU:
        return BOROUGH_BCU[self.borough]

    @property
    def rank_band(self) -> RankBand:
        return RANK_BAND[self.rank]

    @property
    def under_2020_regulations(self) -> bool:
        return self.date_received >= REGULATIONS_2020_START


def allegation_problems(allegation: Allegation) -> list[str]:
    """Every way the allegation's values contradict each other or the Regulations (empty when sound)."""
    problems: list[str] = []
    outcomes = allegation.outcomes
    if not allegation.allegation_id.strip():
        problems.append("the allegation id is empty")
    if not allegation.officer_id.strip():
        problems.append("the officer id is empty")
    for name, limit in TEXT_LIMITS.items():
        if len(getattr(allegation, name)) > limit:
            problems.append(f"{name} is longer than {limit} characters")
    if not 1 <= len(outcomes) <= MAX_OUTCOMES:
        problems.append(f"an allegation has one or two outcomes, not {len(outcomes)}")
    if len(set(outcomes)) != len(outcomes):
        problems.append("an outcome is listed twice")
    if allegation.under_2020_regulations:
        legacy = sorted(o.value for o in outcomes if o in LEGACY_OUTCOMES)
        if legacy:
            problems.append(
                f"{', '.join(legacy)} was abolished for allegations received from "
                f"{REGULATIONS_2020_START.isoformat()} (Police (Conduct) Regulations 2020)"
            )
    elif any(o in REGULATIONS_2020_ONLY for o in outcomes):
        problems.append(
            "reflective practice (RPRP) applies only to allegations received from "
            f"{REGULATIONS_2020_START.isoformat()} (Part 6, Police (Conduct) Regulations 2020)"
        )
    if allegation.forum is Forum.MISCONDUCT_MEETING and any(o in HEARING_ONLY_OUTCOMES for o in outcomes):
        problems.append("a misconduct meeting cannot reduce in rank or dismiss (reg 42, SI 2020/4)")
    if allegation.forum is Forum.NO_PROCEEDINGS and any(o in DISCIPLINARY_SANCTIONS for o in outcomes):
        problems.append("a disciplinary sanction needs a misconduct meeting or hearing")
    return problems


def known_entities(allegation: Allegation) -> KnownEntities:
    """What the register itself knows about the people in an allegation, for redacting its summary."""
    return KnownEntities(
        names=allegation.named_persons,
        collar_numbers=tuple(c for c in (allegation.collar_number,) if c),
        stations=tuple(s for s in (allegation.station,) if s),
        dates=(allegation.date_received,),
        other=(allegation.officer_id, allegation.allegation_id),
    )


def check_summary(allegation: Allegation) -> RedactionResult:
    """Release, redact or withhold the allegation's summary; sexual misconduct counts as special category."""
    return check_free_text(
        allegation.summary,
        known_entities(allegation),
        special_category=allegation.category in SEXUAL_MISCONDUCT,
    )


def is_synthetic_id(allegation_id: str) -> bool:
    return allegation_id.startswith(SYNTHETIC_PREFIX)


def outcomes_text(outcomes: Sequence[MisconductOutcome]) -> str:
    """Outcomes as the register's CSV holds them: codes joined by ``"; "``."""
    return "; ".join(o.value for o in outcomes)
