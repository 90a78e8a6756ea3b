"""The topic vocabulary (core/topics.py)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foidesk.core.topics import (
    DEFAULT_TOPICS,
    DEFAULT_VOCABULARY,
    InvalidTopic,
    Topic,
    TopicVocabulary,
    topics_from_mapping,
)

# The subjects issue 6 names, which the vocabulary must keep.
REQUIRED = (
    "misconduct", "sexual misconduct", "complaints", "stop and search", "use of force", "vetting", "staffing",
    "overtime", "budgets", "crime statistics", "custody", "firearms", "Tasers",
)  # fmt: skip


def topics(text: str) -> tuple[str, ...]:
    return DEFAULT_VOCABULARY.topics_in(text)


def test_the_vocabulary_has_at_least_forty_topics_with_unique_names() -> None:
    names = [topic.name for topic in DEFAULT_TOPICS]
    assert len(names) >= 40
    assert len(set(names)) == len(names)
    assert set(REQUIRED) <= set(names)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("How many stop-searches were carried out?", ("stop and search",)),
        ("searches under Section 60", ("stop and search",)),
        ("How many times were TASERs discharged?", ("Tasers",)),
        ("the number of officers who failed vetting", ("vetting",)),
        ("the amount spent on overtime payments", ("overtime",)),
        ("How many PCSOs does the force have?", ("staffing",)),
        ("deaths in custody", ("custody",)),
        ("firearm certificates revoked", ("firearms",)),
        ("anti-social behaviour incidents", ("anti-social behaviour",)),
        ("Antisocial behaviour", ("anti-social behaviour",)),
        ("noise complaints", ("environmental health",)),
        ("looked-after children", ("children's social care",)),
        ("How many potholes were reported?", ("highways",)),
    ],
)
def test_synonyms_and_variants(text: str, expected: tuple[str, ...]) -> None:
    assert topics(text) == expected


def test_the_longest_phrase_wins_and_a_narrower_topic_replaces_the_broader() -> None:
    assert topics("allegations of police officer sexual misconduct") == ("sexual misconduct",)
    assert topics("gross misconduct and sexual misconduct, e.g. rape") == ("sexual misconduct",)
    assert topics("gross misconduct hearings") == ("misconduct",)


def test_capitals_only_phrases_do_not_match_ordinary_words() -> None:
    assert topics("Is it possible to send it to me?") == ()
    assert topics("spending on IT") == ("information technology",)


def test_a_phrase_in_a_statute_title_is_not_a_topic() -> None:
    assert topics("under the Criminal Justice and Public Order Act 1994") == ()
    assert topics("policing of public order events") == ("public order",)


def test_mentions_give_the_phrase_and_where_it_is() -> None:
    (mention,) = DEFAULT_VOCABULARY.find("Data on Taser use")
    assert (mention.phrase, mention.start_offset, mention.topics) == ("Taser", 8, frozenset({"Tasers"}))


def test_an_authority_adds_its_own_topic_and_extends_a_known_one() -> None:
    extended = DEFAULT_VOCABULARY.with_extra(
        [
            Topic("dog control", ("dog control", "dangerous dogs", "dog fouling")),
            Topic("Tasers", ("Tasers", "X2 device")),
        ]
    )
    assert extended.topics_in("complaints about dog fouling") == ("complaints", "dog control")
    assert extended.topics_in("issue of the X2 device") == ("Tasers",)
    assert DEFAULT_VOCABULARY.topics_in("dog fouling") == ()


def test_topics_from_settings_mapping() -> None:
    extra = topics_from_mapping({"street drinking": ["drinking in public", "alcohol control zone"]})
    assert DEFAULT_VOCABULARY.with_extra(extra).topics_in("the alcohol control zone") == ("street drinking",)


def test_a_topic_needs_a_name_and_phrases() -> None:
    with pytest.raises(InvalidTopic):
        Topic(" ", ("x",))
    with pytest.raises(InvalidTopic):
        Topic("empty", ())
    with pytest.raises(InvalidTopic):
        TopicVocabulary((Topic("punctuation", ("!!!",)),))


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_known_topic_names_only(text: str) -> None:
    assert set(DEFAULT_VOCABULARY.topics_in(text)) <= set(DEFAULT_VOCABULARY.names)


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(DEFAULT_TOPICS))
def test_every_topic_is_found_by_its_own_name(topic: Topic) -> None:
    found = DEFAULT_VOCABULARY.topics_in(f"Please tell me about {topic.name} in the area.")
    assert topic.name in found or any(topic.name in other.narrower_than for other in DEFAULT_TOPICS)
