"""The stop and search register's definition, in the data.police.uk open-data schema.

One record per search. The file's headings are police.uk's own (``Type``, ``Date``, ``Part of a
policing operation``, ``Policing operation``, ``Latitude``, ``Longitude``, ``Gender``, ``Age range``,
``Self-defined ethnicity``, ``Officer-defined ethnicity``, ``Legislation``, ``Object of search``,
``Outcome``, ``Outcome linked to object of search``, ``Removal of more than just outer clothing``);
the borough is derived from the point when the file has none, and the point itself, the time and
the operation never leave (quasi-identifiers without a hierarchy are withheld from a record list).
Who was searched (gender, age range, ethnicity), where and when are the quasi-identifiers: a
person's neighbours know that they were searched in the street (ICO Anonymisation code, the
motivated intruder); the outcome is what a record-level release keeps l-diverse.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from foidesk.datasets import misconduct as m
from foidesk.datasets import stop_search as s
from foidesk.datasets.london import BCU_GROUPS, BCU_LABELS, BOROUGH_VALUES, nearest_borough
from foidesk.datasets.schema import (
    DATE_HIERARCHY,
    Dataset,
    Dimension,
    Field,
    FieldKind,
    GeneralisationLevels,
    Level,
    Value,
    suppress,
)

NOT_RECORDED = Value(s.NOT_RECORDED, s.NOT_RECORDED_LABEL, ("not known", "unknown"))
YES_NO = (Value("true", "True", ("yes", "y")), Value("false", "False", ("no", "n")), NOT_RECORDED)
LATITUDE_RANGE = (-90.0, 90.0)
LONGITUDE_RANGE = (-180.0, 180.0)


def _values(vocabulary: s.Vocabulary, *, not_recorded: bool = True) -> tuple[Value, ...]:
    values = tuple(Value(code, label, synonyms) for code, label, synonyms in vocabulary)
    return (*values, NOT_RECORDED) if not_recorded else values


def _degrees(text: str, bounds: tuple[float, float]) -> str:
    try:
        value = float(text)
    except ValueError as error:
        raise ValueError(f"{text!r} is not a number of degrees") from error
    if not bounds[0] <= value <= bounds[1]:
        raise ValueError(f"{text} is outside {bounds[0]:g} to {bounds[1]:g} degrees")
    return f"{value:.6f}"


def _latitude(text: str) -> str:
    return _degrees(text, LATITUDE_RANGE)


def _longitude(text: str) -> str:
    return _degrees(text, LONGITUDE_RANGE)


def _timestamp(text: str) -> str:
    """Police.uk's ``Date`` (``2024-01-05T10:30:00+00:00``) kept whole; a bare date is kept as it is."""
    try:
        return dt.datetime.fromisoformat(text).isoformat()
    except ValueError as error:
        raise ValueError(f"{text!r} is not a date and time (2024-01-05T10:30:00+00:00)") from error


def _borough_of_point(record: Mapping[str, str]) -> str:
    """The nearest borough of the search's point, or "not recorded" when the file gives no point."""
    if not record.get("latitude") or not record.get("longitude"):
        return s.NOT_RECORDED
    return nearest_borough(float(record["latitude"]), float(record["longitude"])).value


def _bcu(code: str) -> str:
    return code if code == s.NOT_RECORDED else m.BOROUGH_BCU[m.Borough(code)].value


def _bcu_label(code: str) -> str:
    return s.NOT_RECORDED_LABEL if code == s.NOT_RECORDED else BCU_LABELS.get(code, code)


def _age_group(code: str) -> str:
    if code == s.NOT_RECORDED:
        return code
    return "under_18" if code in ("under_10", "10_17") else "18_and_over"


_AGE_GROUP_LABELS = {
    "under_18": "Under 18",
    "18_and_over": "18 and over",
    s.NOT_RECORDED: s.NOT_RECORDED_LABEL,
}
_ETHNIC_GROUP_LABELS = {
    **{code: label for code, label, _ in s.ETHNIC_GROUPS},
    "not_stated": "Not stated",
    s.NOT_RECORDED: s.NOT_RECORDED_LABEL,
}


def _ethnic_group(code: str) -> str:
    return s.ETHNIC_GROUP_OF.get(code, code)


BOROUGH_OF_SEARCH_HIERARCHY = GeneralisationLevels(
    (Level("borough", str), Level("bcu", _bcu, _bcu_label), Level("any", suppress))
)
AGE_HIERARCHY = GeneralisationLevels(
    (
        Level("age_range", str),
        Level("age_group", _age_group, _AGE_GROUP_LABELS.__getitem__),
        Level("any", suppress),
    )
)
SELF_DEFINED_HIERARCHY = GeneralisationLevels(
    (
        Level("self_defined", str),
        Level("group", _ethnic_group, _ETHNIC_GROUP_LABELS.__getitem__),
        Level("any", suppress),
    )
)
GENDER_HIERARCHY = GeneralisationLevels((Level("gender", str), Level("any", suppress)))
ETHNICITY_HIERARCHY = GeneralisationLevels((Level("officer_defined", str), Level("any", suppress)))

STOP_SEARCH_REGISTER = Dataset(
    name="stop_search",
    label="Stop and search register",
    description="Searches of people and vehicles under stop and search powers: one row each.",
    date_field="date",
    id_field="search_id",
    generate=lambda n, seed, start, end: s.generate_searches(
        s.SearchGeneratorSettings(n=n, seed=seed, start=start or s.DEMO_START, end=end or s.DEMO_END)
    ),
    date_phrase="made",
    personal_data_phrase="Information about a search of a person, its grounds and its outcome",
    fields=(
        Field(
            "search_id",
            "Search",
            FieldKind.IDENTIFIER,
            "The register's id of the search (police.uk files have none: the import names each row).",
            synonyms=("search id", "record id"),
        ),
        Field(
            "type",
            "Type",
            FieldKind.CATEGORY,
            "Whether a person, a vehicle, or both were searched.",
            synonyms=("type of search", "search type"),
            values=_values(s.SEARCH_TYPES, not_recorded=False),
            required=True,
        ),
        Field(
            "date",
            "Date of search",
            FieldKind.DATE,
            "The day of the search (from the Date column; the time is kept apart, never released).",
            column="Date",
            synonyms=("date", "day", "date of search"),
            required=True,
            quasi_identifier=True,
            hierarchy=DATE_HIERARCHY,
        ),
        Field(
            "time",
            "Date and time",
            FieldKind.TEXT,
            "The Date column as recorded, with the time of day: narrows a search to a moment.",
            column="Date",
            parse=_timestamp,
            quasi_identifier=True,
        ),
        Field(
            "part_of_operation",
            "Part of a policing operation",
            FieldKind.CATEGORY,
            "Whether the search was part of a named policing operation.",
            values=YES_NO,
            missing=s.NOT_RECORDED,
        ),
        Field(
            "operation",
            "Policing operation",
            FieldKind.TEXT,
            "The operation's name, when there was one: few searches share it.",
            quasi_identifier=True,
        ),
        Field(
            "latitude",
            "Latitude",
            FieldKind.TEXT,
            "Where the search took place (police.uk's anonymised map point).",
            parse=_latitude,
            quasi_identifier=True,
        ),
        Field(
            "longitude",
            "Longitude",
            FieldKind.TEXT,
            "Where the search took place (police.uk's anonymised map point).",
            parse=_longitude,
            quasi_identifier=True,
        ),
        Field(
            "borough",
            "Borough",
            FieldKind.CATEGORY,
            "The London borough of the search: the file's Borough column, or the point's nearest borough.",
            synonyms=("location", "area", "borough of search"),
            values=(*BOROUGH_VALUES, NOT_RECORDED),
            groups=BCU_GROUPS,
            missing=s.NOT_RECORDED,
            derive=_borough_of_point,
            quasi_identifier=True,
            hierarchy=BOROUGH_OF_SEARCH_HIERARCHY,
        ),
        Field(
            "gender",
            "Gender",
            FieldKind.CATEGORY,
            "The gender of the person searched.",
            synonyms=("sex",),
            values=_values(s.GENDERS),
            missing=s.NOT_RECORDED,
            quasi_identifier=True,
            hierarchy=GENDER_HIERARCHY,
        ),
        Field(
            "age_range",
            "Age range",
            FieldKind.CATEGORY,
            "The age range of the person searched.",
            synonyms=("age", "age group"),
            values=_values(s.AGE_RANGES),
            missing=s.NOT_RECORDED,
            quasi_identifier=True,
            hierarchy=AGE_HIERARCHY,
        ),
        Field(
            "self_defined_ethnicity",
            "Self-defined ethnicity",
            FieldKind.CATEGORY,
            "The ethnicity the person searched gave (Census 2011 categories).",
            synonyms=("self defined ethnicity", "stated ethnicity"),
            values=_values(s.SELF_DEFINED_ETHNICITIES),
            missing=s.NOT_RECORDED,
            quasi_identifier=True,
            hierarchy=SELF_DEFINED_HIERARCHY,
        ),
        Field(
            "officer_defined_ethnicity",
            "Officer-defined ethnicity",
            FieldKind.CATEGORY,
            "The ethnic group the officer recorded.",
            synonyms=("officer defined ethnicity", "ethnicity", "ethnic group", "race"),
            values=_values(s.ETHNIC_GROUPS),
            missing=s.NOT_RECORDED,
            quasi_identifier=True,
            hierarchy=ETHNICITY_HIERARCHY,
        ),
        Field(
            "legislation",
            "Legislation",
            FieldKind.CATEGORY,
            "The power the search was made under.",
            synonyms=("power", "search power", "legal power"),
            values=_values(s.LEGISLATION),
            missing=s.NOT_RECORDED,
        ),
        Field(
            "object_of_search",
            "Object of search",
            FieldKind.CATEGORY,
            "What the officer was looking for.",
            synonyms=("object", "reason for search", "grounds", "searched for"),
            values=_values(s.OBJECTS_OF_SEARCH),
            missing=s.NOT_RECORDED,
        ),
        Field(
            "outcome",
            "Outcome",
            FieldKind.CATEGORY,
            "What followed the search.",
            synonyms=("result", "outcome of search", "outcome of the search"),
            values=_values(s.OUTCOMES),
            missing=s.NOT_RECORDED,
            sensitive=True,
        ),
        Field(
            "outcome_linked",
            "Outcome linked to object of search",
            FieldKind.CATEGORY,
            "Whether the outcome followed from what was searched for.",
            synonyms=("outcome linked", "linked to object"),
            values=YES_NO,
            missing=s.NOT_RECORDED,
        ),
        Field(
            "removal_of_clothing",
            "Removal of more than just outer clothing",
            FieldKind.CATEGORY,
            "Whether more than outer clothing was removed (a more thorough search, Code A 3.6).",
            synonyms=("removal of clothing", "strip search", "more than outer clothing"),
            values=YES_NO,
            missing=s.NOT_RECORDED,
        ),
        Field("synthetic", "Synthetic", FieldKind.FLAG, "True for records made by the synthetic generator."),
    ),
    dimensions=(
        Dimension("type", "Type of search", "type", synonyms=("search type",)),
        Dimension("year", "Year", "date", "year", synonyms=("calendar year",)),
        Dimension("month", "Month", "date", "month"),
        Dimension("borough", "Borough", "borough", synonyms=("location",)),
        Dimension("bcu", "BCU", "borough", "bcu", synonyms=("basic command unit", "command unit")),
        Dimension("gender", "Gender", "gender", synonyms=("sex",)),
        Dimension("age_range", "Age range", "age_range", synonyms=("age",)),
        Dimension("age_group", "Age group", "age_range", "age_group", synonyms=("under 18",)),
        Dimension("self_defined_ethnicity", "Self-defined ethnicity", "self_defined_ethnicity"),
        Dimension(
            "self_defined_group",
            "Self-defined ethnic group",
            "self_defined_ethnicity",
            "group",
            synonyms=("self defined ethnic group", "broad ethnic group"),
        ),
        Dimension(
            "officer_defined_ethnicity",
            "Officer-defined ethnicity",
            "officer_defined_ethnicity",
            synonyms=("ethnicity", "ethnic group", "race"),
        ),
        Dimension("legislation", "Legislation", "legislation", synonyms=("power",)),
        Dimension("object_of_search", "Object of search", "object_of_search", synonyms=("object",)),
        Dimension("outcome", "Outcome", "outcome", synonyms=("result",)),
        Dimension("outcome_linked", "Outcome linked to object of search", "outcome_linked"),
        Dimension("removal_of_clothing", "Removal of more than just outer clothing", "removal_of_clothing"),
    ),
)
