"""The word cues that tell an ask from context."""

from __future__ import annotations

import pytest

from foidesk.core.parsing.cues import EACH_THING, LEAD_IN, STRONG_ASK, is_remark


@pytest.mark.parametrize(
    "text",
    [
        "Please send the information as an Excel spreadsheet.",
        "I am happy to clarify if needed.",
        "If the information is not held, please tell me.",
    ],
)
def test_format_preferences_and_offers_are_remarks(text: str) -> None:
    assert is_remark(text)


@pytest.mark.parametrize(
    "text",
    ["How many officers were dismissed in 2021?", "The number of complaints about stop and search."],
)
def test_questions_are_not_remarks(text: str) -> None:
    assert not is_remark(text)


def test_asks_leads_and_per_item_leads_are_told_apart() -> None:
    assert STRONG_ASK.search("Could you tell me the total?")
    assert not STRONG_ASK.search("The total cost")
    assert LEAD_IN.search("I would like the following information:")
    assert EACH_THING.search("For each incident, please provide:")
    assert not EACH_THING.search("For each year, please provide:")  # a breakdown by time, not fields
