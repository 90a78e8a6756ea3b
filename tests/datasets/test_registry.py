"""The registry: synonyms find the same field and value; hierarchies generalise quasi-identifiers."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foidesk.datasets import misconduct as m
from foidesk.datasets.registry import (
    ANY,
    MISCONDUCT_REGISTER,
    REGISTRY,
    AmbiguousTerm,
    FieldKind,
    UnknownTerm,
    ValueMatch,
    normalise,
)

REGISTER = REGISTRY.dataset("misconduct")


@pytest.mark.parametrize(
    "term",
    [
        "reflective practice",
        "RPRP",
        "practice requiring improvement",
        "Reflective Practice Review Process",
        "rprp",
    ],
)
def test_every_name_of_reflective_practice_finds_the_same_outcome(term: str) -> None:
    assert REGISTER.find_value(term) == ValueMatch("outcomes", frozenset({"reflective_practice"}))


def test_sexual_misconduct_covers_the_four_sexual_categories() -> None:
    match = REGISTER.find_value("sexual misconduct")
    assert match.field == "category"
    assert match.codes == {"sexual_assault", "sexual_harassment", "apsp", "other_sexual_conduct"}
    assert REGISTER.find_value("APSP").codes == {"apsp"}
    assert REGISTER.find_value("Abuse of position for a sexual purpose").codes == {"apsp"}


def test_a_bcu_name_covers_its_boroughs() -> None:
    assert REGISTER.find_value("Central South BCU") == ValueMatch(
        "borough", frozenset({"lambeth", "southwark"})
    )
    assert REGISTER.find_value("AS BCU").codes == {"lambeth", "southwark"}


def test_a_cell_holds_the_one_value_its_word_names_never_a_group() -> None:
    category = REGISTER.field("category")
    assert category.code_of("Abuse of position for a sexual purpose") == "apsp"
    assert category.code_of("APSP") == "apsp"
    with pytest.raises(ValueError, match="'sexual misconduct' is not a value of allegation category"):
        category.code_of("sexual misconduct")  # four categories: asked about, never held by one record
    with pytest.raises(ValueError, match=r"'a stern look' is not a value of allegation category \(e\.g\. "):
        category.code_of("a stern look")


def test_a_word_naming_values_of_two_fields_is_ambiguous() -> None:
    with pytest.raises(AmbiguousTerm, match="category, standard"):
        REGISTER.find_value("use of force")


def test_an_unknown_word_is_reported() -> None:
    with pytest.raises(UnknownTerm, match="'parking'"):
        REGISTER.find_value("parking")


@pytest.mark.parametrize(
    ("term", "field"),
    [("Date received", "date_received"), ("outcome", "outcomes"), ("shoulder number", "collar_number"),
     ("type of allegation", "category"), ("standard breached", "standard")],
)  # fmt: skip
def test_field_synonyms(term: str, field: str) -> None:
    assert REGISTER.find_field(term).name == field


def test_other_outcome_dimension_is_found_by_the_requesters_words() -> None:
    dimension = REGISTER.find_dimension("other outcomes applied")
    assert dimension.name == "other_outcome" and dimension.others_than_filter


def test_what_disclosure_control_must_know_about_each_field() -> None:
    assert [f.name for f in REGISTER.quasi_identifiers] == [
        "rank",
        "gender",
        "borough",
        "station",
        "date_received",
        "category",
        "nature",
        "standard",
    ]
    assert [f.name for f in REGISTER.sensitive_fields] == ["finding", "outcomes"]
    assert REGISTER.field("station").refines == "borough"
    assert [f.name for f in REGISTER.person_identifiers] == ["officer_id", "collar_number", "named_persons"]
    assert [f.name for f in REGISTER.free_text_fields] == ["summary"]
    assert REGISTER.field("outcomes").multi_valued
    assert REGISTER.field("date_received").kind is FieldKind.DATE


def test_every_quasi_identifier_has_a_hierarchy_ending_in_suppression() -> None:
    hierarchies = REGISTER.hierarchies()
    for field in REGISTER.quasi_identifiers:
        assert hierarchies[field.name].functions()[-1]("anything") == ANY


def test_date_generalises_to_month_then_quarter_then_year_then_nothing() -> None:
    hierarchy = REGISTER.hierarchies()["date_received"]
    assert hierarchy.names == ("date", "month", "quarter", "year", "any")
    assert [f("2021-03-04") for f in hierarchy.functions()] == [
        "2021-03-04", "2021-03", "2021-Q1", "2021", ANY,
    ]  # fmt: skip


def test_rank_generalises_to_rank_band() -> None:
    mapping = REGISTER.hierarchies()["rank"].mapping(
        "band", ("constable", "sergeant", "inspector", "superintendent")
    )
    assert mapping == {
        "constable": "constable_or_sergeant",
        "sergeant": "constable_or_sergeant",
        "inspector": "inspector_or_chief_inspector",
        "superintendent": "superintendent_and_above",
    }


def test_boroughs_generalise_to_the_twelve_bcus() -> None:
    to_bcu = REGISTER.hierarchies()["borough"].level("bcu").generalise
    assert to_bcu("lambeth") == to_bcu("southwark") == "central_south"
    assert to_bcu("westminster") == "central_west"
    assert to_bcu("hillingdon") == "west"
    sizes: dict[str, int] = {}
    for borough in m.Borough:
        sizes[to_bcu(borough.value)] = sizes.get(to_bcu(borough.value), 0) + 1
    assert len(m.Borough) == 32 and len(sizes) == 12
    assert all(2 <= size <= 4 for size in sizes.values())


@settings(max_examples=100)
@given(
    st.dates(dt.date(2015, 1, 1), dt.date(2025, 12, 31)), st.dates(dt.date(2015, 1, 1), dt.date(2025, 12, 31))
)
def test_date_levels_only_ever_merge_values(a: dt.date, b: dt.date) -> None:
    functions = REGISTER.hierarchies()["date_received"].functions()
    same = [f(a.isoformat()) == f(b.isoformat()) for f in functions]
    assert same == sorted(same)  # once two dates fall together they stay together


@pytest.mark.parametrize("field", [f for f in MISCONDUCT_REGISTER.fields if f.values], ids=lambda f: f.name)
def test_no_word_names_two_values_of_one_field(field) -> None:
    seen: dict[str, str] = {}
    for value in field.values:
        for word in {normalise(w) for w in (value.code, value.label, *value.synonyms)}:
            assert seen.setdefault(word, value.code) == value.code, word


def test_unknown_dataset() -> None:
    with pytest.raises(UnknownTerm, match="no dataset"):
        REGISTRY.dataset("parking fines")
