"""The registry: every register the authority answers from, by name.

A register is described by its definition (``schema.Dataset``: fields, kinds, values, synonyms,
quasi-identifiers, person identifiers, hierarchies); query, import, disclosure control, the ledger
and the free-text check read only the definition. Adding a register is writing its definition and
listing it here (docs/recipes/new-register.md).

The schema's types are re-exported so that callers can keep importing them from here.
"""

from __future__ import annotations

from foidesk.datasets.london import BCU_LABELS, BOROUGH_LABELS
from foidesk.datasets.misconduct_register import CATEGORY_GROUP_LABELS, MISCONDUCT_REGISTER
from foidesk.datasets.schema import (
    ANY,
    COMBINATION_SEPARATOR,
    DATE_HIERARCHY,
    NO_OTHER_OUTCOME,
    NO_OTHER_OUTCOME_LABEL,
    AmbiguousTerm,
    Dataset,
    Dimension,
    Field,
    FieldKind,
    GeneralisationLevels,
    Level,
    Registry,
    UnknownTerm,
    Value,
    ValueGroup,
    ValueMatch,
    dimension_label,
    normalise,
)
from foidesk.datasets.stop_search_register import STOP_SEARCH_REGISTER

REGISTRY = Registry({data.name: data for data in (MISCONDUCT_REGISTER, STOP_SEARCH_REGISTER)})

__all__ = [
    "ANY",
    "BCU_LABELS",
    "BOROUGH_LABELS",
    "CATEGORY_GROUP_LABELS",
    "COMBINATION_SEPARATOR",
    "DATE_HIERARCHY",
    "MISCONDUCT_REGISTER",
    "NO_OTHER_OUTCOME",
    "NO_OTHER_OUTCOME_LABEL",
    "REGISTRY",
    "STOP_SEARCH_REGISTER",
    "AmbiguousTerm",
    "Dataset",
    "Dimension",
    "Field",
    "FieldKind",
    "GeneralisationLevels",
    "Level",
    "Registry",
    "UnknownTerm",
    "Value",
    "ValueGroup",
    "ValueMatch",
    "dimension_label",
    "normalise",
]
