"""Step 3 of parsing: periods and topics, a part's own or those of the text that governs it."""

from __future__ import annotations

from datetime import date

from foidesk.core.parsing.model import PartFlag
from foidesk.core.parsing.settling import Settler
from foidesk.core.parsing.structure import Draft
from foidesk.core.topics import DEFAULT_VOCABULARY

RECEIVED = date(2023, 5, 10)


def _draft(text: str, question: int, context: list[str] | None = None) -> Draft:
    return Draft(
        request=None,
        block_word=None,
        question=question,
        subquestion=None,
        pieces=[text],
        context=context or [],
    )


def test_a_part_without_a_period_inherits_the_preamble_and_is_flagged() -> None:
    preamble = "For the calendar year 2021:"
    parts = Settler(RECEIVED, DEFAULT_VOCABULARY).settle(
        [_draft("How many complaints were made?", 1, [preamble]), _draft("How many in 2019?", 2, [preamble])]
    )
    first, second = parts
    assert [(r.start, r.end) for r in first.date_ranges] == [(date(2021, 1, 1), date(2021, 12, 31))]
    assert PartFlag.PERIOD_INHERITED in first.flags
    assert [(r.start, r.end) for r in second.date_ranges] == [(date(2019, 1, 1), date(2019, 12, 31))]
    assert PartFlag.PERIOD_INHERITED not in second.flags


def test_what_is_so_now_takes_no_period() -> None:
    parts = Settler(RECEIVED, DEFAULT_VOCABULARY).settle(
        [_draft("How many complaints in 2021?", 1), _draft("How many officers are currently suspended?", 2)]
    )
    assert parts[1].date_ranges == ()


def test_an_example_does_not_give_its_topic() -> None:
    (part,) = Settler(RECEIVED, DEFAULT_VOCABULARY).settle(
        [_draft("How many searches were made (for example, stop and search)?", 1)]
    )
    (plain,) = Settler(RECEIVED, DEFAULT_VOCABULARY).settle([_draft("How many stop and search?", 1)])
    assert set(part.topics) < set(plain.topics) or not part.topics
