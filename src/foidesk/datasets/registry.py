"""The registry: what each dataset the authority answers from holds, in the words people use.

A semantic layer over the records. For each dataset it names the fields, their kinds, the values
of the closed ones, and the synonyms by which requesters and staff refer to them, so that
"reflective practice", "RPRP" and "practice requiring improvement" all find the same outcome.
It also says which fields are quasi-identifiers (and how to generalise them: date -> month ->
quarter -> year, rank -> rank band, station -> borough -> BCU), which are sensitive (what a
record-level release must keep l-diverse), which are free text and which identify a person: what
disclosure control needs to know (DOMAIN.md section C: the motivated intruder test).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from foidesk.datasets import misconduct as m

COMBINATION_SEPARATOR = "+"  # joins the values one record holds of a multi-valued field
ANY = "*"  # the top of every generalisation hierarchy: the value suppressed entirely


class FieldKind(StrEnum):
    IDENTIFIER = "identifier"  # an id of the record or of a person
    CATEGORY = "category"  # a closed set of values
    DATE = "date"
    TEXT = "text"  # a short open value (a station, a nature)
    FREE_TEXT = "free_text"  # narrative: high risk, checked by core/redaction.py
    FLAG = "flag"


class UnknownTerm(LookupError):
    """A word that names no field, dimension or value of the dataset."""


class AmbiguousTerm(LookupError):
    """A word that names more than one field or value; the message lists them."""


@dataclass(frozen=True, slots=True)
class Value:
    """One value of a closed field: its code (as stored), its label (as published) and synonyms."""

    code: str
    label: str
    synonyms: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ValueGroup:
    """Several values asked about under one name ("sexual misconduct" covers four categories)."""

    name: str
    label: str
    members: tuple[str, ...]
    synonyms: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Level:
    """One level of a generalisation hierarchy: ``generalise`` maps a stored value to its label there."""

    name: str
    generalise: Callable[[str], str]


@dataclass(frozen=True, slots=True)
class Hierarchy:
    """Generalisation levels of a quasi-identifier, most detailed first; the last maps all to ``*``.

    Level 0 is the value itself. The k-anonymity code takes ``functions()`` (plain callables) or, for
    closed fields, ``mapping(level, values)`` (plain dicts).
    """

    levels: tuple[Level, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(level.name for level in self.levels)

    def level(self, name: str) -> Level:
        for level in self.levels:
            if level.name == name:
                return level
        raise UnknownTerm(f"no generalisation level {name!r}; levels are {', '.join(self.names)}")

    def functions(self) -> tuple[Callable[[str], str], ...]:
        return tuple(level.generalise for level in self.levels)

    def mapping(self, level: str, values: tuple[str, ...]) -> dict[str, str]:
        generalise = self.level(level).generalise
        return {value: generalise(value) for value in values}

    def members(self, level: str, code: str, values: tuple[str, ...]) -> tuple[str, ...]:
        """The most detailed ``values`` that ``code`` at ``level`` stands for (a BCU's boroughs)."""
        generalise = self.level(level).generalise
        return tuple(value for value in values if generalise(value) == code)


@dataclass(frozen=True, slots=True)
class Field:
    """A field of a dataset and what disclosure control must know about it."""

    name: str
    label: str
    kind: FieldKind
    description: str
    synonyms: tuple[str, ...] = ()
    values: tuple[Value, ...] = ()
    groups: tuple[ValueGroup, ...] = ()
    multi_valued: bool = False
    quasi_identifier: bool = False
    identifies_person: bool = False
    hierarchy: Hierarchy | None = None
    # A quasi-identifier that lies inside a coarser one (a station in a borough): released only
    # while that one is released as recorded, so the two generalise as one chain.
    refines: str | None = None
    sensitive: bool = False  # what a record-level release keeps l-diverse (core/sdc/kanonymity.py)
    max_values: int = 1  # a multi-valued field: how many of its values one record may hold

    @property
    def is_free_text(self) -> bool:
        return self.kind is FieldKind.FREE_TEXT

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(value.code for value in self.values)

    def combinations(self) -> tuple[str, ...]:
        """Every set of values one record may hold, as sorted codes joined by ``+``.

        A record's value of a multi-valued field is one of these: "outcome includes X" is the
        combinations holding X, so tables of the field and filters on it can be intersected.
        """
        sets = (
            c for n in range(1, self.max_values + 1) for c in itertools.combinations(sorted(self.codes), n)
        )
        return tuple(COMBINATION_SEPARATOR.join(c) for c in sets)

    def label_of(self, code: str) -> str:
        for value in self.values:
            if value.code == code:
                return value.label
        return code

    def value_terms(self) -> dict[str, frozenset[str]]:
        """Every normalised word that names a value or group of this field -> the codes it covers."""
        terms: dict[str, frozenset[str]] = {}
        for value in self.values:
            for word in (value.code, value.label, *value.synonyms):
                terms[normalise(word)] = frozenset({value.code})
        for group in self.groups:
            for word in (group.name, group.label, *group.synonyms):
                terms[normalise(word)] = frozenset(group.members)
        return terms

    def resolve_values(self, term: str) -> frozenset[str]:
        """The codes ``term`` names (a value's code, label or synonym, or a group)."""
        codes = self.value_terms().get(normalise(term))
        if codes is None:
            raise UnknownTerm(f"{term!r} is not a value of {self.label.lower()}")
        return codes


@dataclass(frozen=True, slots=True)
class Dimension:
    """What a table can be broken down by: a field, or a field at a generalisation level.

    ``others_than_filter`` makes the "other outcome" dimension: for records selected because a
    multi-valued field includes some values, the field's other values ("none" if it has none).
    """

    name: str
    label: str
    field: str
    level: str | None = None
    synonyms: tuple[str, ...] = ()
    others_than_filter: bool = False


@dataclass(frozen=True, slots=True)
class ValueMatch:
    """A word found among a dataset's values: the field and the codes it means."""

    field: str
    codes: frozenset[str]


@dataclass(frozen=True, slots=True)
class Dataset:
    name: str
    label: str
    description: str
    fields: tuple[Field, ...]
    dimensions: tuple[Dimension, ...]
    date_field: str

    def field(self, name: str) -> Field:
        for candidate in self.fields:
            if candidate.name == name:
                return candidate
        raise UnknownTerm(f"{self.label} has no field {name!r}")

    @property
    def quasi_identifiers(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.quasi_identifier)

    @property
    def free_text_fields(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.is_free_text)

    @property
    def person_identifiers(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.identifies_person)

    @property
    def sensitive_fields(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.sensitive)

    def hierarchies(self) -> dict[str, Hierarchy]:
        """Generalisation hierarchies of the quasi-identifiers, by field name."""
        return {f.name: f.hierarchy for f in self.fields if f.hierarchy is not None}

    def find_field(self, term: str) -> Field:
        wanted = normalise(term)
        for candidate in self.fields:
            if wanted in {normalise(w) for w in (candidate.name, candidate.label, *candidate.synonyms)}:
                return candidate
        raise UnknownTerm(f"{term!r} is not a field of {self.label}")

    def find_dimension(self, term: str) -> Dimension:
        wanted = normalise(term)
        for dimension in self.dimensions:
            if wanted in {normalise(w) for w in (dimension.name, dimension.label, *dimension.synonyms)}:
                return dimension
        by_field = self._dimension_of_field(term)
        if by_field is not None:
            return by_field
        names = ", ".join(d.name for d in self.dimensions)
        raise UnknownTerm(f"{self.label} cannot be broken down by {term!r}; try one of: {names}")

    def _dimension_of_field(self, term: str) -> Dimension | None:
        """The plain dimension of the field that ``term`` names ("type of allegation" -> category)."""
        try:
            named = self.find_field(term)
        except UnknownTerm:
            return None
        return next((d for d in self.dimensions if d.field == named.name and d.level is None), None)

    def find_values(self, term: str) -> list[ValueMatch]:
        """Every closed field with a value (or group) that ``term`` names."""
        wanted = normalise(term)
        matches = []
        for candidate in self.fields:
            codes = candidate.value_terms().get(wanted)
            if codes is not None:
                matches.append(ValueMatch(candidate.name, codes))
        return matches

    def find_value(self, term: str) -> ValueMatch:
        """The one field and codes ``term`` names; raises when it names none or several."""
        matches = self.find_values(term)
        if not matches:
            raise UnknownTerm(f"{term!r} names no value of {self.label}")
        if len(matches) > 1:
            fields = ", ".join(match.field for match in matches)
            raise AmbiguousTerm(f"{term!r} is a value of several fields ({fields}); name the field")
        return matches[0]


@dataclass(frozen=True, slots=True)
class Registry:
    datasets: Mapping[str, Dataset]

    def dataset(self, name: str) -> Dataset:
        try:
            return self.datasets[name]
        except KeyError as error:
            raise UnknownTerm(f"no dataset {name!r}; the registry has {', '.join(self.datasets)}") from error


_NON_WORD = re.compile(r"[^a-z0-9]+")


def normalise(term: str) -> str:
    """Lower case, punctuation and underscores to single spaces: "Written_warning" == "written warning"."""
    return _NON_WORD.sub(" ", term.lower()).strip()


# ---------------------------------------------------------------------------------------------
# Generalisation hierarchies
# ---------------------------------------------------------------------------------------------


def _to_month(value: str) -> str:
    return dt.date.fromisoformat(value).strftime("%Y-%m")


def _to_quarter(value: str) -> str:
    day = dt.date.fromisoformat(value)
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def _to_year(value: str) -> str:
    return value[:4] if len(value) >= 4 else value


def _suppressed(value: str) -> str:
    return ANY


DATE_HIERARCHY = Hierarchy(
    (
        Level("date", str),
        Level("month", _to_month),
        Level("quarter", _to_quarter),
        Level("year", _to_year),
        Level("any", _suppressed),
    )
)


def _rank_band(value: str) -> str:
    return m.RANK_BAND[m.Rank(value)].value


def _bcu(value: str) -> str:
    return m.BOROUGH_BCU[m.Borough(value)].value


RANK_HIERARCHY = Hierarchy((Level("rank", str), Level("band", _rank_band), Level("any", _suppressed)))
BOROUGH_HIERARCHY = Hierarchy((Level("borough", str), Level("bcu", _bcu), Level("any", _suppressed)))
GENDER_HIERARCHY = Hierarchy((Level("gender", str), Level("any", _suppressed)))
# A station is open text: released as is, or not at all; it refines the borough (Field.refines),
# so a release generalises station -> borough -> BCU -> the whole force.
STATION_HIERARCHY = Hierarchy((Level("station", str), Level("any", _suppressed)))
# The nature and the standard breached are details of the allegation: released as recorded, or not
# at all, and only while the category is released as recorded (Field.refines).
NATURE_HIERARCHY = Hierarchy((Level("nature", str), Level("any", _suppressed)))
STANDARD_HIERARCHY = Hierarchy((Level("standard", str), Level("any", _suppressed)))


# ---------------------------------------------------------------------------------------------
# The misconduct register
# ---------------------------------------------------------------------------------------------


def _title(code: str) -> str:
    return code.replace("_", " ").capitalize()


def _values(
    enum: type[StrEnum], labels: Mapping[str, str], synonyms: Mapping[str, tuple[str, ...]]
) -> tuple[Value, ...]:
    return tuple(
        Value(member.value, labels.get(member.value, _title(member.value)), synonyms.get(member.value, ()))
        for member in enum
    )


RANK_LABELS = {"chief_inspector": "Chief inspector", "chief_superintendent": "Chief superintendent",
               "commander_and_above": "Commander and above"}  # fmt: skip
RANK_SYNONYMS = {rank.value: (short, f"{short}s") for rank, short in m.RANK_ABBREVIATION.items()}
BOROUGH_LABELS = {
    "barking_and_dagenham": "Barking and Dagenham",
    "hammersmith_and_fulham": "Hammersmith and Fulham",
    "kensington_and_chelsea": "Kensington and Chelsea",
    "kingston_upon_thames": "Kingston upon Thames",
    "richmond_upon_thames": "Richmond upon Thames",
    "tower_hamlets": "Tower Hamlets",
    "waltham_forest": "Waltham Forest",
}
BOROUGH_LABELS = {b.value: BOROUGH_LABELS.get(b.value, b.value.replace("_", " ").title()) for b in m.Borough}
BCU_LABELS = {b.value: f"{b.value.replace('_', ' ').title()} BCU" for b in m.BCU}
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
    tuple(o.value for o in m.Outcome if o in m.DISCIPLINARY_SANCTIONS),
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


CATEGORY_HIERARCHY = Hierarchy(
    (Level("category", str), Level("group", _category_group), Level("any", _suppressed))
)
NO_OTHER_OUTCOME = "none"
NO_OTHER_OUTCOME_LABEL = "No other outcome"

MISCONDUCT_REGISTER = Dataset(
    name="misconduct",
    label="Misconduct register",
    description="Allegations of misconduct against police officers, and their outcomes: one row each.",
    date_field="date_received",
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
            values=_values(m.Rank, RANK_LABELS, RANK_SYNONYMS),
            quasi_identifier=True,
            hierarchy=RANK_HIERARCHY,
        ),
        Field(
            "gender",
            "Gender",
            FieldKind.CATEGORY,
            "The officer's gender.",
            synonyms=("sex",),
            values=_values(m.Gender, {}, {"female": ("women", "woman"), "male": ("men", "man")}),
            quasi_identifier=True,
            hierarchy=GENDER_HIERARCHY,
        ),
        Field(
            "borough",
            "Borough",
            FieldKind.CATEGORY,
            "The London borough where the officer worked.",
            synonyms=("location", "borough of work"),
            values=_values(m.Borough, BOROUGH_LABELS, {}),
            groups=tuple(
                ValueGroup(
                    b.value,
                    BCU_LABELS[b.value],
                    tuple(x.value for x, y in m.BOROUGH_BCU.items() if y is b),
                    (f"{m.BCU_CODE[b]} BCU",),
                )
                for b in m.BCU
            ),
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
            values=_values(m.Category, CATEGORY_LABELS, CATEGORY_SYNONYMS),
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
            values=_values(m.Standard, STANDARD_LABELS, STANDARD_SYNONYMS),
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
            values=_values(m.Forum, {}, FORUM_SYNONYMS),
        ),
        Field(
            "finding",
            "Finding",
            FieldKind.CATEGORY,
            "What the investigation or proceedings found.",
            values=_values(m.Finding, {"not_determined": "Not determined (withdrawn or discontinued)"}, {}),
            sensitive=True,
        ),
        Field(
            "outcomes",
            "Outcome",
            FieldKind.CATEGORY,
            "What followed: one outcome, or two where reflective practice sits beside another.",
            synonyms=("outcome", "outcomes", "action", "sanction", "result"),
            values=_values(m.Outcome, OUTCOME_LABELS, OUTCOME_SYNONYMS),
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

REGISTRY = Registry({MISCONDUCT_REGISTER.name: MISCONDUCT_REGISTER})


def dimension_label(dataset: Dataset, dimension: Dimension, code: str) -> str:
    """The published label of ``code`` in ``dimension`` (a value, a BCU, a year, or "No other outcome")."""
    if dimension.others_than_filter and code == NO_OTHER_OUTCOME:
        return NO_OTHER_OUTCOME_LABEL
    if dimension.level == "bcu":
        return BCU_LABELS.get(code, code)
    if dimension.level == "band":
        return _title(code)
    if dimension.level is not None:
        return code
    return dataset.field(dimension.field).label_of(code)
