"""The misconduct register's definition: its fields, values, synonyms and hierarchies.

The vocabulary (ranks, boroughs, categories, outcomes) and the rules of a record are in
``misconduct.py``; this module says how requesters and staff name them and what disclosure
control must know of each field (``schema.py`` has the types).
"""

from __future__ import annotations

from foidesk.datasets import misconduct as m
from foidesk.datasets.london import BCU_GROUPS, BOROUGH_HIERARCHY, BOROUGH_VALUES
from foidesk.datasets.schema import (
    DATE_HIERARCHY,
    Dataset,
    Dimension,
    Field,
    FieldKind,
    GeneralisationLevels,
    Level,
    ValueGroup,
    suppress,
    title_of_code,
    values_of,
)


def _rank_band(value: str) -> str:
    return m.RANK_BAND[m.Rank(value)].value


RANK_HIERARCHY = GeneralisationLevels(
    (Level("rank", str), Level("band", _rank_band, title_of_code), Level("any", suppress))
)
GENDER_HIERARCHY = GeneralisationLevels((Level("gender", str), Level("any", suppress)))
# A station is open text: released as is, or not at all; it refines the borough (Field.refines),
# so a release generalises station -> borough -> BCU -> the whole force.
STATION_HIERARCHY = GeneralisationLevels((Level("station", str), Level("any", suppress)))
# The nature and the standard breached are details of the allegation: released as recorded, or not
# at all, and only while the category is released as recorded (Field.refines).
NATURE_HIERARCHY = GeneralisationLevels((Level("nature", str), Level("any", suppress)))
STANDARD_HIERARCHY = GeneralisationLevels((Level("standard", str), Level("any", suppress)))


RANK_LABELS = {"chief_inspector": "Chief inspector", "chief_superintendent": "Chief superintendent",
               "commander_and_above": "Commander and above"}  # fmt: skip
RANK_SYNONYMS = {rank.value: (short, f"{short}s") for rank, short in m.RANK_ABBREVIATION.items()}
CATEGORY_LABELS = {
    "delivery_of_duties": "Delivery of duties and service",
    "police_powers": "Police powers, policies and procedures",
    "use_of_force": "Use of force",
    "discriminatory_behaviour": "Discriminatory behaviour",
    "individual_behaviours": "Individual behaviours",
    "abuse_of_position": "Abuse of position or corruption (non-sexual)",
    "access_to_information": "Access to and disclosure of information",
    "handling_of_property": "Handling of or damage to property",
    "detention": "Detention in police custody",
    "domestic_abuse": "Domestic abuse",
    "sexual_assault": "Sexual assault",
    "sexual_harassment": "Sexual harassment",
    "apsp": "Abuse of position for a sexual purpose",
    "other_sexual_conduct": "Other sexual conduct",
    "other": "Other",
}
CATEGORY_SYNONYMS: dict[str, tuple[str, ...]] = {
    "apsp": ("APSP", "abuse of position for sexual purpose", "abuse of authority for sexual gain"),
    "individual_behaviours": ("incivility", "rudeness", "oppressive conduct or harassment"),
    "access_to_information": (
        "improper disclosure of information",
        "data breach",
        "misuse of police systems",
    ),
    "abuse_of_position": ("corruption", "corrupt practice"),
    "delivery_of_duties": ("delivery of duties", "neglect of duty"),
    "sexual_assault": ("sexual assaults", "groping"),
}
SEXUAL_MISCONDUCT_GROUP = ValueGroup(
    "sexual_misconduct",
    "Sexual misconduct",
    tuple(c.value for c in m.Category if c in m.SEXUAL_MISCONDUCT),
    ("sexual misconduct allegations", "police perpetrated sexual misconduct", "sexual offences", "sexual"),
)
VAWG_GROUP = ValueGroup(
    "vawg",
    "Violence against women and girls",
    (*SEXUAL_MISCONDUCT_GROUP.members, m.Category.DOMESTIC_ABUSE.value),
    ("VAWG",),
)
STANDARD_LABELS = {
    "honesty_and_integrity": "Honesty and integrity",
    "authority_respect_courtesy": "Authority, respect and courtesy",
    "equality_and_diversity": "Equality and diversity",
    "use_of_force": "Use of force",
    "orders_and_instructions": "Orders and instructions",
    "duties_and_responsibilities": "Duties and responsibilities",
    "confidentiality": "Confidentiality",
    "fitness_for_duty": "Fitness for duty",
    "discreditable_conduct": "Discreditable conduct",
    "challenging_improper_conduct": "Challenging and reporting improper conduct",
}
STANDARD_SYNONYMS = {"fitness_for_duty": ("fitness for work",)}
FORUM_SYNONYMS = {
    "no_proceedings": ("none", "not referred to proceedings"),
    "misconduct_meeting": ("meeting",),
    "misconduct_hearing": ("hearing", "gross misconduct hearing"),
    "accelerated_hearing": ("accelerated misconduct hearing", "special case hearing"),
}
OUTCOME_LABELS = {
    "reflective_practice": "Reflective practice (RPRP)",
    "written_warning": "Written warning",
    "final_written_warning": "Final written warning",
    "dismissal_without_notice": "Dismissal without notice",
    "management_action": "Management action (before 2020)",
    "management_advice": "Management advice (before 2020)",
    "dismissal_with_notice": "Dismissal with notice (before 2020)",
}
OUTCOME_SYNONYMS: dict[str, tuple[str, ...]] = {
    "reflective_practice": (
        "RPRP",
        "reflective practice review process",
        "practice requiring improvement",
        "PRI",
        "reflective practise",
    ),
    "written_warning": ("WW",),
    "final_written_warning": ("FWW",),
    "dismissal_without_notice": ("dismissed", "dismissal", "sacked"),
    "no_case_to_answer": ("NCTA",),
    "no_further_action": ("NFA",),
    "would_have_been_dismissed": ("would have been dismissed had they not resigned",),
    "reduction_in_rank": ("demotion", "demoted"),
    "management_action": ("management action",),
}
FORMAL_ACTION_GROUP = ValueGroup(
    "formal_action",
    "Formal action",
    tuple(o.value for o in m.MisconductOutcome if o in m.DISCIPLINARY_SANCTIONS),
    ("formal disciplinary action", "sanction", "sanctions", "disciplinary action"),
)
# Categories grouped for a record-level release (a design choice: alike in kind, each group at
# least two categories, sexual misconduct kept together as forces publish it).
CATEGORY_GROUP: dict[str, str] = {
    **dict.fromkeys(SEXUAL_MISCONDUCT_GROUP.members, "sexual_misconduct"),
    m.Category.DOMESTIC_ABUSE.value: "violence_or_abuse",
    m.Category.USE_OF_FORCE.value: "violence_or_abuse",
    m.Category.DISCRIMINATORY_BEHAVIOUR.value: "behaviour_towards_others",
    m.Category.INDIVIDUAL_BEHAVIOURS.value: "behaviour_towards_others",
    m.Category.ABUSE_OF_POSITION.value: "honesty_and_information",
    m.Category.ACCESS_TO_INFORMATION.value: "honesty_and_information",
    m.Category.DELIVERY_OF_DUTIES.value: "duties_and_powers",
    m.Category.POLICE_POWERS.value: "duties_and_powers",
    m.Category.HANDLING_OF_PROPERTY.value: "duties_and_powers",
    m.Category.DETENTION.value: "duties_and_powers",
    m.Category.OTHER.value: "duties_and_powers",
}
CATEGORY_GROUP_LABELS = {
    "sexual_misconduct": "Sexual misconduct",
    "violence_or_abuse": "Use of force or domestic abuse",
    "behaviour_towards_others": "Discriminatory or individual behaviour",
    "honesty_and_information": "Abuse of position, corruption or information",
    "duties_and_powers": "Duties, powers, custody, property or other",
}


def _category_group(value: str) -> str:
    return CATEGORY_GROUP[m.Category(value).value]


def _category_group_label(code: str) -> str:
    return CATEGORY_GROUP_LABELS.get(code, code)


CATEGORY_HIERARCHY = GeneralisationLevels(
    (Level("category", str), Level("group", _category_group, _category_group_label), Level("any", suppress))
)

MISCONDUCT_REGISTER = Dataset(
    name="misconduct",
    label="Misconduct register",
    description="Allegations of misconduct against police officers, and their outcomes: one row each.",
    date_field="date_received",
    personal_data_phrase="Information about alleged misconduct",
    id_field="allegation_id",
    fields=(
        Field(
            "allegation_id",
            "Allegation",
            FieldKind.IDENTIFIER,
            "The register's id of the allegation.",
            synonyms=("allegation id", "reference", "case number"),
        ),
        Field(
            "officer_id",
            "Officer (pseudonymous)",
            FieldKind.IDENTIFIER,
            "A pseudonymous id of the officer: a person's identifier, never published.",
            synonyms=("officer", "subject officer"),
            identifies_person=True,
        ),
        Field(
            "collar_number",
            "Collar number",
            FieldKind.IDENTIFIER,
            "The officer's shoulder (collar) number: identifies the officer directly.",
            synonyms=("shoulder number", "warrant number", "epaulette number"),
            identifies_person=True,
        ),
        Field(
            "rank",
            "Rank",
            FieldKind.CATEGORY,
            "The officer's rank when the allegation was received.",
            values=values_of(m.Rank, RANK_LABELS, RANK_SYNONYMS),
            quasi_identifier=True,
            hierarchy=RANK_HIERARCHY,
        ),
        Field(
            "gender",
            "Gender",
            FieldKind.CATEGORY,
            "The officer's gender.",
            synonyms=("sex",),
            values=values_of(m.Gender, {}, {"female": ("women", "woman"), "male": ("men", "man")}),
            quasi_identifier=True,
            hierarchy=GENDER_HIERARCHY,
        ),
        Field(
            "borough",
            "Borough",
            FieldKind.CATEGORY,
            "The London borough where the officer worked.",
            synonyms=("location", "borough of work"),
            values=BOROUGH_VALUES,
            groups=BCU_GROUPS,
            quasi_identifier=True,
            hierarchy=BOROUGH_HIERARCHY,
        ),
        Field(
            "station",
            "Police station",
            FieldKind.TEXT,
            "The station the officer worked from.",
            synonyms=("station",),
            quasi_identifier=True,
            hierarchy=STATION_HIERARCHY,
            refines="borough",
        ),
        Field(
            "date_received",
            "Date received",
            FieldKind.DATE,
            "When the allegation came to the force's attention (decides which Regulations apply).",
            synonyms=("date", "received", "date of allegation"),
            quasi_identifier=True,
            hierarchy=DATE_HIERARCHY,
        ),
        Field(
            "category",
            "Allegation category",
            FieldKind.CATEGORY,
            "IOPC-style category of the allegation.",
            synonyms=("category", "type of allegation", "allegation type", "allegation"),
            values=values_of(m.Category, CATEGORY_LABELS, CATEGORY_SYNONYMS),
            groups=(SEXUAL_MISCONDUCT_GROUP, VAWG_GROUP),
            # A quasi-identifier in this register: colleagues, complainants and the press know what
            # an officer was accused of, and rare categories single records out (ICO Anonymisation
            # code, the motivated intruder; DOMAIN.md section C: "rank + date + station + allegation").
            quasi_identifier=True,
            hierarchy=CATEGORY_HIERARCHY,
        ),
        Field(
            "nature",
            "Nature of allegation",
            FieldKind.TEXT,
            "What was alleged, in a few words.",
            synonyms=("nature", "nature of the allegation", "what happened"),
            quasi_identifier=True,
            hierarchy=NATURE_HIERARCHY,
            refines="category",
        ),
        Field(
            "standard",
            "Standard of professional behaviour",
            FieldKind.CATEGORY,
            "The Standard of Professional Behaviour alleged to be breached.",
            synonyms=("standard", "standard breached", "breach type", "breach"),
            values=values_of(m.Standard, STANDARD_LABELS, STANDARD_SYNONYMS),
            quasi_identifier=True,
            hierarchy=STANDARD_HIERARCHY,
            refines="category",
        ),
        Field(
            "forum",
            "Forum",
            FieldKind.CATEGORY,
            "Where the allegation was decided.",
            synonyms=("proceedings", "proceeding type"),
            values=values_of(m.Forum, {}, FORUM_SYNONYMS),
        ),
        Field(
            "finding",
            "Finding",
            FieldKind.CATEGORY,
            "What the investigation or proceedings found.",
            values=values_of(
                m.MisconductFinding, {"not_determined": "Not determined (withdrawn or discontinued)"}, {}
            ),
            sensitive=True,
        ),
        Field(
            "outcomes",
            "Outcome",
            FieldKind.CATEGORY,
            "What followed: one outcome, or two where reflective practice sits beside another.",
            synonyms=("outcome", "outcomes", "action", "sanction", "result"),
            values=values_of(m.MisconductOutcome, OUTCOME_LABELS, OUTCOME_SYNONYMS),
            groups=(FORMAL_ACTION_GROUP,),
            multi_valued=True,
            sensitive=True,
            max_values=m.MAX_OUTCOMES,
        ),
        Field(
            "summary",
            "Summary",
            FieldKind.FREE_TEXT,
            "A narrative of the allegation: may name people and places (check with core/redaction.py).",
            synonyms=("summary of allegation", "description", "details"),
        ),
        Field(
            "named_persons",
            "People named",
            FieldKind.TEXT,
            "Names of complainants, victims and witnesses in the case (for redaction, never published).",
            multi_valued=True,
            identifies_person=True,
        ),
        Field("synthetic", "Synthetic", FieldKind.FLAG, "True for records made by the synthetic generator."),
    ),
    dimensions=(
        Dimension("category", "Allegation category", "category", synonyms=("allegation category", "type")),
        Dimension("outcome", "Outcome", "outcomes", synonyms=("outcomes", "sanction", "action")),
        Dimension(
            "other_outcome",
            "Other outcome",
            "outcomes",
            others_than_filter=True,
            synonyms=("other outcome", "other outcomes", "other outcomes applied", "also"),
        ),
        Dimension("year", "Year received", "date_received", "year", synonyms=("year", "calendar year")),
        Dimension("month", "Month received", "date_received", "month", synonyms=("month",)),
        Dimension("rank", "Rank", "rank"),
        Dimension("rank_band", "Rank band", "rank", "band", synonyms=("rank group",)),
        Dimension("gender", "Gender", "gender", synonyms=("sex",)),
        Dimension("borough", "Borough", "borough"),
        Dimension("bcu", "BCU", "borough", "bcu", synonyms=("basic command unit", "command unit", "area")),
        Dimension(
            "standard", "Standard of professional behaviour", "standard", synonyms=("standard breached",)
        ),
        Dimension("forum", "Forum", "forum", synonyms=("proceedings",)),
        Dimension("finding", "Finding", "finding"),
        Dimension("nature", "Nature of allegation", "nature", synonyms=("nature",)),
    ),
)
