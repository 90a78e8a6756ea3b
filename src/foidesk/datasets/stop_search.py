"""Stop and search records as police forces publish them on data.police.uk, and a synthetic register.

The vocabulary is the open-data schema's own (the "stop-and-search" CSV of data.police.uk, one row
per search): every closed value keeps its published text as its label, so a file downloaded from
data.police.uk reads back value for value. A search is held as a plain record (field name -> code),
the shape the generic records table stores; the register's definition (``stop_search_register.py``)
says what each field is.

Stop and search powers: s.1 PACE 1984 (reasonable grounds, stolen or prohibited articles), s.23
Misuse of Drugs Act 1971 (controlled drugs), s.60 Criminal Justice and Public Order Act 1994 (no
suspicion needed, authorised area), s.47A Terrorism Act 2000; the record of a search is required by
s.3 PACE 1984 and Code A. Police.uk publishes the location of a search only as an anonymised point
(snapped to a nearby map point), never an address; FOI Desk releases it no finer than a borough.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from foidesk.datasets import misconduct as m
from foidesk.datasets.generation import WeightedDraw, check_generation
from foidesk.datasets.london import BOROUGH_CENTRES, nearest_borough

NOT_RECORDED = "not_recorded"  # an empty cell of an optional column (police.uk leaves many blank)
NOT_RECORDED_LABEL = "Not recorded"
SYNTHETIC_PREFIX = "SS-SYN-"
SYNTHETIC_NOTICE = (
    "SYNTHETIC DATA: these stop and search records were generated for demonstration and testing; "
    "they describe no real person or search."
)
DEMO_START = dt.date(2021, 4, 1)
DEMO_END = dt.date(2024, 3, 31)
MAX_GENERATED = 2_000_000
# How far (in degrees) a synthetic search lies from its borough's centre: about 1.5 km, inside the borough.
JITTER_DEGREES = 0.012

Vocabulary = tuple[tuple[str, str, tuple[str, ...]], ...]  # (code, published label, synonyms)

SEARCH_TYPES: Vocabulary = (
    ("person", "Person search", ("person",)),
    ("vehicle", "Vehicle search", ("vehicle",)),
    ("person_and_vehicle", "Person and Vehicle search", ("person and vehicle",)),
)
GENDERS: Vocabulary = (
    ("male", "Male", ("men", "man")),
    ("female", "Female", ("women", "woman")),
    ("other", "Other", ()),
)
AGE_RANGES: Vocabulary = (
    ("under_10", "under 10", ()),
    ("10_17", "10-17", ("children", "under 18", "under 18s", "juveniles")),
    ("18_24", "18-24", ()),
    ("25_34", "25-34", ()),
    ("over_34", "over 34", ()),
)
# Census 2011 categories as police.uk prints them; the part before " - " is the broad group.
SELF_DEFINED_ETHNICITIES: Vocabulary = (
    ("white_british", "White - English/Welsh/Scottish/Northern Irish/British", ()),
    ("white_irish", "White - Irish", ()),
    ("white_gypsy_traveller", "White - Gypsy or Irish Traveller", ()),
    ("white_other", "White - Any other White background", ()),
    ("mixed_white_black_caribbean", "Mixed/Multiple ethnic groups - White and Black Caribbean", ()),
    ("mixed_white_black_african", "Mixed/Multiple ethnic groups - White and Black African", ()),
    ("mixed_white_asian", "Mixed/Multiple ethnic groups - White and Asian", ()),
    ("mixed_other", "Mixed/Multiple ethnic groups - Any other Mixed/Multiple ethnic background", ()),
    ("asian_indian", "Asian/Asian British - Indian", ()),
    ("asian_pakistani", "Asian/Asian British - Pakistani", ()),
    ("asian_bangladeshi", "Asian/Asian British - Bangladeshi", ()),
    ("asian_chinese", "Asian/Asian British - Chinese", ()),
    ("asian_other", "Asian/Asian British - Any other Asian background", ()),
    ("black_african", "Black/African/Caribbean/Black British - African", ()),
    ("black_caribbean", "Black/African/Caribbean/Black British - Caribbean", ()),
    (
        "black_other",
        "Black/African/Caribbean/Black British - Any other Black/African/Caribbean background",
        (),
    ),
    ("other_arab", "Other ethnic group - Arab", ()),
    ("other_any", "Other ethnic group - Any other ethnic group", ()),
    ("not_stated", "Other ethnic group - Not stated", ("not stated",)),
)
ETHNIC_GROUPS: Vocabulary = (
    ("white", "White", ()),
    ("mixed", "Mixed", ("mixed/multiple ethnic groups",)),
    ("asian", "Asian", ("asian/asian british",)),
    ("black", "Black", ("black/african/caribbean/black british",)),
    ("other", "Other", ("other ethnic group",)),
)
# The broad group of each self-defined category (Not stated is its own: it says nothing of a group).
ETHNIC_GROUP_OF: dict[str, str] = {
    code: code.split("_")[0] if code != "not_stated" else "not_stated"
    for code, _, _ in SELF_DEFINED_ETHNICITIES
}
LEGISLATION: Vocabulary = (
    ("pace_s1", "Police and Criminal Evidence Act 1984 (section 1)", ("PACE", "section 1", "s1 PACE")),
    ("mda_s23", "Misuse of Drugs Act 1971 (section 23)", ("section 23", "s23", "misuse of drugs act")),
    ("cjpoa_s60", "Criminal Justice and Public Order Act 1994 (section 60)", ("section 60", "s60")),
    ("firearms_s47", "Firearms Act 1968 (section 47)", ("firearms act",)),
    ("cja_s139b", "Criminal Justice Act 1988 (section 139B)", ()),
    ("psa_s36", "Psychoactive Substances Act 2016 (s36(2))", ()),
    ("psa_s37", "Psychoactive Substances Act 2016 (s37(2))", ()),
    ("terrorism_s43", "Terrorism Act 2000 (section 43)", ("section 43",)),
    ("terrorism_s43a", "Terrorism Act 2000 (section 43A)", ("section 43a",)),
    ("terrorism_s47a", "Terrorism Act 2000 (section 47A)", ("section 47a",)),
    ("cema_s163", "Customs and Excise Management Act 1979 (section 163)", ()),
    ("crossbows_s4", "Crossbows Act 1987 (section 4)", ()),
    ("wildlife_s19", "Wildlife and Countryside Act 1981 (section 19)", ()),
    ("sporting_events_s7", "Sporting Events (Control of Alcohol etc.) Act 1985 (section 7)", ()),
    ("poaching_s2", "Poaching Prevention Act 1862 (section 2)", ()),
    ("aviation_s27", "Aviation Security Act 1982 (section 27(1))", ()),
)
OBJECTS_OF_SEARCH: Vocabulary = (
    ("controlled_drugs", "Controlled drugs", ("drugs",)),
    ("offensive_weapons", "Offensive weapons", ("weapons", "knives", "knife")),
    ("stolen_goods", "Stolen goods", ()),
    ("article_for_theft", "Article for use in theft", ()),
    ("criminal_damage", "Articles for use in criminal damage", ()),
    ("firearms", "Firearms", ("guns",)),
    ("threaten_or_harm", "Anything to threaten or harm anyone", ()),
    ("evidence_of_offences", "Evidence of offences under the Act", ()),
    ("fireworks", "Fireworks", ()),
    ("psychoactive_substances", "Psychoactive substances", ()),
    ("crossbows", "Crossbows", ()),
    ("wildlife_offences", "Evidence of wildlife offences", ()),
    ("poaching_equipment", "Game or poaching equipment", ()),
    ("duty_not_paid", "Goods on which duty has not been paid etc.", ()),
    ("unavailable", "Detailed object of search unavailable", ()),
)
# Current outcome texts first; the texts police.uk used before 2017 are synonyms of their successors.
OUTCOMES: Vocabulary = (
    ("no_further_action", "A no further action disposal", ("Nothing found - no further action", "NFA")),
    ("arrest", "Arrest", ("Suspect arrested", "arrested")),
    ("community_resolution", "Community resolution", ("Local resolution",)),
    (
        "drugs_warning",
        "Khat or Cannabis warning",
        ("Offender given drugs possession warning", "cannabis warning"),
    ),
    ("penalty_notice", "Penalty Notice for Disorder", ("Offender given penalty notice", "PND")),
    ("summons", "Summons / charged by post", ("Suspect summonsed to court", "summons", "charged")),
    ("caution", "Caution (simple or conditional)", ("Offender cautioned", "caution")),
    ("article_found", "Article found - Detailed outcome unavailable", ()),
)
# Whether an outcome follows from finding something: "further action" is all but no further action.
FURTHER_ACTION = tuple(code for code, _, _ in OUTCOMES if code != "no_further_action")


def _weights(table: Mapping[str, float]) -> WeightedDraw[str]:
    return WeightedDraw(table.items())


# Rough shapes of London's published searches (most for drugs, most ending with no further action,
# most of young men); synthetic, for demonstration, not statistics.
_TYPE = _weights({"person": 88, "vehicle": 2, "person_and_vehicle": 10})
_GENDER = _weights({"male": 88, "female": 10, "other": 0.5, NOT_RECORDED: 1.5})
_AGE = _weights({"under_10": 0.05, "10_17": 15, "18_24": 40, "25_34": 27, "over_34": 16, NOT_RECORDED: 2})
_GROUP = _weights({"white": 34, "black": 36, "asian": 17, "mixed": 4, "other": 5, NOT_RECORDED: 4})
_OBJECT = _weights({"controlled_drugs": 63, "offensive_weapons": 17, "stolen_goods": 9,
                    "article_for_theft": 3, "criminal_damage": 1, "firearms": 2, "threaten_or_harm": 2,
                    "evidence_of_offences": 1.5, "fireworks": 0.5, "psychoactive_substances": 0.5,
                    "unavailable": 0.5})  # fmt: skip
_LEGISLATION_OF = {"controlled_drugs": "mda_s23", "psychoactive_substances": "psa_s36"}
_OUTCOME = _weights({"no_further_action": 72, "arrest": 15, "community_resolution": 5, "drugs_warning": 4,
                     "penalty_notice": 1, "summons": 2, "caution": 1})  # fmt: skip
_BUSY_BOROUGHS = frozenset({m.Borough.LAMBETH, m.Borough.SOUTHWARK, m.Borough.WESTMINSTER,
                            m.Borough.NEWHAM, m.Borough.HACKNEY, m.Borough.CROYDON})  # fmt: skip
_BOROUGH = _weights({b.value: 4.0 if b in _BUSY_BOROUGHS else 1.0 for b in m.Borough})
_OPERATIONS = ("Operation Orochi", "Operation Venice", "Operation Sceptre")


@dataclass(frozen=True, slots=True)
class SearchGeneratorSettings:
    """What to generate: ``n`` searches from ``start`` to ``end`` inclusive, from ``seed``."""

    n: int
    seed: int
    start: dt.date = DEMO_START
    end: dt.date = DEMO_END

    def __post_init__(self) -> None:
        check_generation(self.n, MAX_GENERATED, self.start, self.end)


def generate_searches(settings: SearchGeneratorSettings) -> Iterator[dict[str, str]]:
    """Yield ``settings.n`` synthetic searches as records (field -> code), the same for the same settings."""
    rng = random.Random(f"foidesk-stop-search:{settings.seed}")
    days = (settings.end - settings.start).days + 1
    for index in range(settings.n):
        day = settings.start + dt.timedelta(days=int(rng.random() * days))
        yield _search(index, settings.seed, day, rng)


def _search(index: int, seed: int, day: dt.date, rng: random.Random) -> dict[str, str]:
    centre_lat, centre_lon = BOROUGH_CENTRES[m.Borough(_BOROUGH.draw(rng))]
    lat = round(centre_lat + rng.uniform(-JITTER_DEGREES, JITTER_DEGREES), 6)
    lon = round(centre_lon + rng.uniform(-JITTER_DEGREES, JITTER_DEGREES), 6)
    wanted = _OBJECT.draw(rng)
    outcome = _OUTCOME.draw(rng)
    operation = rng.random() < 0.03
    when = dt.datetime.combine(day, dt.time(int(rng.random() * 24), int(rng.random() * 60)), dt.UTC)
    return {
        "search_id": f"{SYNTHETIC_PREFIX}{seed}-{index + 1:07d}",
        "type": _TYPE.draw(rng),
        "date": day.isoformat(),
        "time": when.isoformat(),
        "part_of_operation": "true" if operation else "false",
        "operation": rng.choice(_OPERATIONS) if operation else "",
        "latitude": f"{lat:.6f}",
        "longitude": f"{lon:.6f}",
        # placed as an import places a point, so a register written out and read back is the same
        "borough": nearest_borough(lat, lon).value,
        "gender": _GENDER.draw(rng),
        "age_range": _AGE.draw(rng),
        **_ethnicity(rng),
        "legislation": _LEGISLATION_OF.get(wanted, "pace_s1") if rng.random() > 0.02 else "cjpoa_s60",
        "object_of_search": wanted,
        "outcome": outcome,
        "outcome_linked": _linked(outcome, rng),
        "removal_of_clothing": "true" if rng.random() < 0.04 else "false",
        "synthetic": "true",
    }


def _ethnicity(rng: random.Random) -> dict[str, str]:
    """Officer-defined group and a self-defined category, which mostly (not always) agree, as in the data."""
    group = _GROUP.draw(rng)
    if group == NOT_RECORDED:
        return {"officer_defined_ethnicity": NOT_RECORDED, "self_defined_ethnicity": "not_stated"}
    members = [code for code, broad in ETHNIC_GROUP_OF.items() if broad == group]
    self_defined = rng.choice(members) if rng.random() < 0.9 else "not_stated"
    return {"officer_defined_ethnicity": group, "self_defined_ethnicity": self_defined}


def _linked(outcome: str, rng: random.Random) -> str:
    if outcome == "no_further_action":
        return "false"
    return "true" if rng.random() < 0.7 else "false"


def is_synthetic_id(search_id: str) -> bool:
    return search_id.startswith(SYNTHETIC_PREFIX)
