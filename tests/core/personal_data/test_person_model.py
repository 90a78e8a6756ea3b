"""The person-name model: names no pattern tells, found; streets and hard negatives, not; shipped small."""

from __future__ import annotations

from importlib import resources

import pytest

from foidesk.core.personal_data import EntityKind, find_personal_data, pattern_matches
from foidesk.core.personal_data.person_model import MODEL_FILE, model_matches, tokens

MAX_MODEL_BYTES = 300_000  # the brief: a model of a few hundred KB at most, shipped in the package


def test_the_model_finds_a_surname_after_by_that_no_pattern_finds() -> None:
    text = "The complainant alleges that he was assaulted by Prendergast during his arrest."
    assert not [m for m in pattern_matches(text) if m.kind is EntityKind.NAME]
    assert [m.text for m in model_matches(text)] == ["Prendergast"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Hollie Marsden alleges that an officer grabbed her arm.", "Hollie Marsden"),
        ("It is alleged that peter whitcombe used his warrant card for a discount.", "peter whitcombe"),
        ("The complainant says the officer introduced himself as Gavin and was rude.", "Gavin"),
    ],
)
def test_the_model_finds_names_at_a_sentence_start_in_lower_case_and_alone(text: str, name: str) -> None:
    found = find_personal_data(text)
    assert any(m.kind is EntityKind.NAME and name in text[m.start : m.end] for m in found)


def test_a_street_where_something_happened_is_no_name() -> None:
    assert model_matches("A member of the public complained about parking on Acacia Avenue.") == []


def test_words_keep_apostrophes_and_hyphens() -> None:
    assert [word for _, _, word in tokens("Sgt. O'Neill-Byrne met 'Jonno'")] == [
        "Sgt",
        ".",
        "O'Neill-Byrne",
        "met",
        "'",
        "Jonno",
        "'",
    ]


def test_the_model_is_shipped_in_the_package_and_small() -> None:
    model = resources.files("foidesk.core.personal_data").joinpath(MODEL_FILE)
    assert 0 < len(model.read_bytes()) <= MAX_MODEL_BYTES
