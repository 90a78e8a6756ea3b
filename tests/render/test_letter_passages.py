"""render/letter_passages.py: an authority's wording of a passage, and the placeholders it may use."""

from __future__ import annotations

from dataclasses import replace

import pytest

from foidesk.render.letter_passages import (
    DEFAULTS,
    PLACEHOLDERS,
    BrokenPlaceholder,
    Passage,
    fill,
    passage_problems,
)
from foidesk.render.letters import LetterRefused, letter_html
from tests.render.test_letters import _letter, _text


def test_every_default_is_sound_and_every_passage_has_placeholders() -> None:
    for passage in Passage:
        assert passage_problems(passage, DEFAULTS[passage]) == []
        assert PLACEHOLDERS[passage]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("Received on {recieved}.", "{recieved} is not a placeholder of this passage"),
        ("Received on {received.", "A brace is not closed"),
        ("Received on received}.", "A brace is not closed"),
        ("Received on {received.year}.", "{received.year} is not a placeholder"),
        ("Received on {received!r}.", "must be written plainly"),
        ("Received on {}.", "An empty placeholder"),
        ("   ", "The passage is empty"),
        ("Due {due}.", "{due} is not a placeholder of this passage; it may use {authority}, {received}"),
    ],
)
def test_a_broken_placeholder_is_named(text: str, problem: str) -> None:
    problems = " ".join(passage_problems(Passage.OPENING, text))
    assert problem in problems
    with pytest.raises(BrokenPlaceholder):
        fill(Passage.OPENING, text, {})


def test_a_literal_brace_is_written_twice() -> None:
    assert fill(Passage.OPENING, "Thanks {{as ever}} ({reference})", {"reference": "R1"}) == (
        "Thanks {as ever} (R1)"
    )


def test_the_letter_uses_the_authority_s_wording() -> None:
    letter = replace(
        _letter(),
        passages=(
            (Passage.OPENING, "We received your request {reference} on {received}. Thank you."),
            (Passage.CLOSING, "With best wishes,"),
        ),
    )
    text = _text(letter)
    assert "We received your request 01.FOI.22.024648 on 16 May 2022. Thank you." in text
    assert "With best wishes," in text and "Yours sincerely," not in text


def test_a_letter_with_a_broken_passage_is_refused_before_it_is_made() -> None:
    letter = replace(_letter(), passages=((Passage.REVIEW, "Ask within {window} days at {review_adress}."),))
    with pytest.raises(LetterRefused) as caught:
        letter_html(letter)
    assert [f.code for f in caught.value.findings] == ["letter.broken_template"]
    assert "{review_adress} is not a placeholder" in str(caught.value)
