"""A register's definition: what a dataset the authority answers from holds, in the words people use.

A semantic layer over the records. For each dataset it names the fields, their kinds, the values
of the closed ones, and the synonyms by which requesters and staff refer to them, so that
"reflective practice", "RPRP" and "practice requiring improvement" all find the same outcome.
It also says which fields are quasi-identifiers (and how to generalise them: date -> month ->
quarter -> year, rank -> rank band, station -> borough -> BCU), which are sensitive (what a
record-level release must keep l-diverse), which are free text and which identify a person: what
disclosure control needs to know (DOMAIN.md section C: the motivated intruder test).

These are the types a register is described with; each register's own definition lives beside its
vocabulary (``misconduct_register.py``, ``stop_search.py``) and ``registry.py`` lists them.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum

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
    label: Callable[[str], str] | None = None  # the published label of a value at this level

    def label_of(self, code: str) -> str:
        return self.label(code) if self.label is not None else code


@dataclass(frozen=True, slots=True)
class GeneralisationLevels:
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
    hierarchy: GeneralisationLevels | None = None
    # A quasi-identifier that lies inside a coarser one (a station in a borough): released only
    # while that one is released as recorded, so the two generalise as one chain.
    refines: str | None = None
    sensitive: bool = False  # what a record-level release keeps l-diverse (core/sdc/kanonymity.py)
    max_values: int = 1  # a multi-valued field: how many of its values one record may hold
    # How the field is read from the register's file (records.py, for registers held as data):
    column: str | None = None  # the file's heading when it is not the label (several fields may share one)
    required: bool = False  # an empty cell is an error (else the field's ``missing`` code, or "")
    missing: str | None = None  # the code an empty cell of a closed field stands for ("not recorded")
    parse: Callable[[str], str] | None = None  # checks and normalises an open value; ValueError if bad
    derive: Callable[[Mapping[str, str]], str] | None = None  # the value from the record's others when empty

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

    def code_of(self, word: str) -> str:
        """The one stored code ``word`` names (a cell of a register); ValueError if none, or a group."""
        codes = self.value_terms().get(normalise(word))
        if codes is None or len(codes) != 1:
            examples = "; ".join(value.label for value in self.values[:4])
            raise ValueError(f"{word!r} is not a value of {self.label.lower()} (e.g. {examples})")
        return next(iter(codes))


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


GENERIC_PERSONAL_DATA_PHRASE = "What these records say about them"


@dataclass(frozen=True, slots=True)
class Dataset:
    name: str
    label: str
    description: str
    fields: tuple[Field, ...]
    dimensions: tuple[Dimension, ...]
    date_field: str
    id_field: str | None = None  # the field that names a record (unique within the register)
    # A seeded synthetic register (n, seed, first and last day or None for the register's own
    # defaults -> records as field -> code), for the demo and the tests.
    generate: Callable[[int, int, dt.date | None, dt.date | None], Iterator[dict[str, str]]] | None = None
    date_phrase: str = "received"  # how a period reads in a table's description ("made 1 April ...")
    # What the records tell about the people counted, as a refusal letter says it when small counts are
    # withheld under the personal data exemption ("Information about alleged misconduct").
    personal_data_phrase: str = GENERIC_PERSONAL_DATA_PHRASE

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

    def hierarchies(self) -> dict[str, GeneralisationLevels]:
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


def suppress(value: str) -> str:
    """The top level of every hierarchy: the value withheld."""
    return ANY


DATE_HIERARCHY = GeneralisationLevels(
    (
        Level("date", str),
        Level("month", _to_month),
        Level("quarter", _to_quarter),
        Level("year", _to_year),
        Level("any", suppress),
    )
)


NO_OTHER_OUTCOME = "none"  # the "other value" of a record that holds only the values filtered on
NO_OTHER_OUTCOME_LABEL = "No other outcome"


def title_of_code(code: str) -> str:
    """A code as a label when the register gives none: "written_warning" -> "Written warning"."""
    return code.replace("_", " ").capitalize()


def values_of(
    enum: type[StrEnum], labels: Mapping[str, str], synonyms: Mapping[str, tuple[str, ...]]
) -> tuple[Value, ...]:
    """The values of a closed field from its enum, with labels (default: the code titled) and synonyms."""
    return tuple(
        Value(
            member.value,
            labels.get(member.value, title_of_code(member.value)),
            synonyms.get(member.value, ()),
        )
        for member in enum
    )


def dimension_label(dataset: Dataset, dimension: Dimension, code: str) -> str:
    """The published label of ``code`` in ``dimension`` (a value, a BCU, a year, or "No other outcome")."""
    if dimension.others_than_filter and code == NO_OTHER_OUTCOME:
        return NO_OTHER_OUTCOME_LABEL
    source = dataset.field(dimension.field)
    if dimension.level is None:
        return source.label_of(code)
    if source.hierarchy is None:
        return code
    return source.hierarchy.level(dimension.level).label_of(code)
