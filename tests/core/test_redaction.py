"""Free text: known entities and identifier patterns found, redacted, and a recommendation given."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foidesk.core.redaction import (
    EXEMPTION,
    EntityKind,
    KnownEntities,
    PersonalDataMatch,
    Recommendation,
    RedactionPolicy,
    Source,
    check_free_text,
    class_recommendation,
    merge,
    pattern_matches,
    redact,
    special_category_terms,
)

CASE = KnownEntities(
    names=("Chloe Hughes",),
    collar_numbers=("4821CW",),
    stations=("Brixton",),
    dates=(dt.date(2020, 6, 11),),
)


def _found(text: str, kind: EntityKind) -> list[str]:
    return [m.text for m in merge(pattern_matches(text)) if m.kind is kind]


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("seen by PC 1234AB at the scene", EntityKind.COLLAR_NUMBER, ["1234AB"]),
        ("DS 567 and Sgt. 12CW attended", EntityKind.COLLAR_NUMBER, ["567", "12CW"]),
        ("officer 4821CW was on duty", EntityKind.COLLAR_NUMBER, ["4821CW"]),
        ("the call at 10AM was logged", EntityKind.COLLAR_NUMBER, []),
        ("warrant number 123456 was given", EntityKind.WARRANT_NUMBER, ["123456"]),
        ("call 07700 900123 today", EntityKind.PHONE, ["07700 900123"]),
        ("ring 020 7946 0018 or +44 7700 900456", EntityKind.PHONE, ["020 7946 0018", "+44 7700 900456"]),
        ("write to jo.bloggs+foi@example.org.uk now", EntityKind.EMAIL, ["jo.bloggs+foi@example.org.uk"]),
        ("lives at SW1A 1AA and at M1 1AE", EntityKind.POSTCODE, ["SW1A 1AA", "M1 1AE"]),
        ("in car AB12 CDE then P123 ABC", EntityKind.VEHICLE, ["AB12 CDE", "P123 ABC"]),
        ("old plate ABC 123D", EntityKind.VEHICLE, ["ABC 123D"]),
        ("NI number AB 12 34 56 C", EntityKind.NI_NUMBER, ["AB 12 34 56 C"]),
        ("HMRC's specimen QQ123456C is not valid", EntityKind.NI_NUMBER, []),
        ("on 3rd of March 2021 and 12/03/2021", EntityKind.DATE, ["3rd of March 2021", "12/03/2021"]),
        ("by 2021-03-12 or March 12, 2021", EntityKind.DATE, ["2021-03-12", "March 12, 2021"]),
        ("Mrs Smith-Jones wrote", EntityKind.NAME, ["Smith-Jones"]),
        ("in March 2021 (no day)", EntityKind.DATE, []),
        ("Ms Okafor and Mr. O'Brien complained", EntityKind.NAME, ["Okafor", "O'Brien"]),
    ],
)
def test_identifier_patterns(text: str, kind: EntityKind, expected: list[str]) -> None:
    assert _found(text, kind) == expected


def test_the_records_own_entities_are_found_in_any_spelling() -> None:
    text = "On the 11th June, chloe hughes told Hughes's sergeant at Brixton; 4821 CW denied it. Chloe left."
    result = check_free_text(text, CASE)
    assert result.redacted_text == (
        "On the [redacted], [redacted] told [redacted]'s sergeant at [redacted]; [redacted] denied it. "
        "[redacted] left."
    )
    assert {m.source for m in result.matches} == {Source.RECORD}


def test_text_with_nothing_identifying_is_recommended_for_release() -> None:
    text = "A male officer made an inappropriate and discriminatory comment to a colleague."
    result = check_free_text(text, CASE)
    assert result.recommendation is Recommendation.RELEASE
    assert result.redacted_text == text
    assert result.exemption is None


def test_a_name_and_a_date_are_redacted_under_section_40_2() -> None:
    text = "A male officer made an inappropriate comment to Chloe Hughes, a colleague, at a training day."
    result = check_free_text(text, CASE)
    assert result.recommendation is Recommendation.REDACT
    assert result.redacted_text == (
        "A male officer made an inappropriate comment to [redacted], a colleague, at a training day."
    )
    assert result.exemption == EXEMPTION == "s.40(2) FOIA"


def test_a_summary_with_many_kinds_of_identifier_is_withheld() -> None:
    text = (
        "It is alleged that PC 4821CW, posted at Brixton, sent messages to Chloe Hughes on 11 June 2020 "
        "from 07700 900123 while she was visiting relatives in the town centre for the weekend."
    )
    result = check_free_text(text, CASE)
    assert result.recommendation is Recommendation.WITHHOLD
    assert any("kinds of identifier" in reason for reason in result.reasons)


def test_a_mostly_identifying_text_is_withheld() -> None:
    result = check_free_text("Chloe Hughes, 07700 900123.", CASE)
    assert result.recommendation is Recommendation.WITHHOLD
    assert result.redacted_share > RedactionPolicy().withhold_share


def test_a_sexual_offence_summary_that_identifies_anyone_is_withheld() -> None:
    text = "It is alleged that a male officer touched Chloe Hughes without consent during a night shift."
    # Not flagged by the caller and no words of special category: redacted, not withheld.
    assert check_free_text(text, CASE).recommendation is Recommendation.REDACT
    result = check_free_text(text, CASE, special_category=True)
    assert result.recommendation is Recommendation.WITHHOLD
    assert any("Sexual Offences (Amendment) Act 1992" in reason for reason in result.reasons)


def test_a_special_category_summary_is_never_released_on_patterns_alone() -> None:
    text = "It is alleged that an officer made a homophobic remark to a member of the public."
    result = check_free_text(text)
    assert result.recommendation is Recommendation.REDACT
    assert any("never released on patterns alone" in reason for reason in result.reasons)
    assert check_free_text(text, reviewer_cleared=True).recommendation is Recommendation.RELEASE


def test_a_summary_the_caller_marks_special_category_is_redacted_and_reviewed_even_without_its_words() -> (
    None
):
    text = "It is alleged that an officer behaved inappropriately towards a colleague at a party."
    assert check_free_text(text).recommendation is Recommendation.RELEASE
    assert check_free_text(text, special_category=True).recommendation is Recommendation.REDACT


def test_names_no_pattern_tells_are_found_by_the_model() -> None:
    result = check_free_text("The complainant alleges that he was assaulted by Prendergast in the van.")
    assert "Prendergast" not in result.redacted_text
    assert Source.MODEL in {m.source for m in result.matches}


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ({}, Recommendation.RELEASE),
        ({"release": 4}, Recommendation.RELEASE),
        ({"release": 3, "redact": 1}, Recommendation.REDACT),
        ({"release": 3, "withhold": 2}, Recommendation.REDACT),
        ({"release": 2, "withhold": 2}, Recommendation.WITHHOLD),
    ],
)
def test_summaries_are_withheld_as_a_class_once_half_must_be_withheld(
    counts: dict[str, int], expected: Recommendation
) -> None:
    assert class_recommendation(counts) is expected


def test_a_callers_ner_matches_are_redacted_too() -> None:
    text = "The officer met Jordan at a party."
    extra = [PersonalDataMatch(EntityKind.NAME, 16, 22, "Jordan", Source.MODEL)]
    assert (
        check_free_text(text, extra_matches=extra).redacted_text == "The officer met [redacted] at a party."
    )


def test_overlapping_matches_merge_into_one_span() -> None:
    a = PersonalDataMatch(EntityKind.NAME, 0, 5, "Chloe", Source.RECORD)
    b = PersonalDataMatch(EntityKind.NAME, 0, 12, "Chloe Hughes", Source.RECORD)
    c = PersonalDataMatch(EntityKind.DATE, 10, 20, "es on 11 J", Source.PATTERN)
    assert [(m.start, m.end) for m in merge([a, c, b])] == [(0, 20)]


@settings(max_examples=150, deadline=None)
@given(
    prefix=st.text(alphabet=st.characters(categories=("Ll", "Zs")), max_size=40),
    suffix=st.text(alphabet=st.characters(categories=("Ll", "Zs")), max_size=40),
)
def test_a_known_name_never_survives_redaction(prefix: str, suffix: str) -> None:
    text = f"{prefix} Chloe Hughes {suffix}"
    result = check_free_text(text, CASE)
    assert "Chloe Hughes" not in result.redacted_text
    assert result.recommendation is not Recommendation.RELEASE


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_redacted_text_keeps_everything_outside_the_matches(text: str) -> None:
    result = check_free_text(text, CASE)
    assert redact(text, result.matches) == result.redacted_text
    if not result.matches:
        assert result.redacted_text == text
        # Nothing found releases, unless the text is special category or criminal-offence data: then
        # patterns alone never release it (it goes to a reviewer).
        expected = Recommendation.REDACT if special_category_terms(text) else Recommendation.RELEASE
        assert result.recommendation is expected
