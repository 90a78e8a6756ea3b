"""The word cues that tell an ask from context."""

from __future__ import annotations

import pytest

from foidesk.core.parsing.cues import ASK, EACH_THING, LEAD_IN, REFINEMENT, STRONG_ASK, is_remark


@pytest.mark.parametrize(
    "text",
    [
        "Please send the information as an Excel spreadsheet.",
        "I am happy to clarify if needed.",
        "If the information is not held, please tell me.",
        "There are other documents I am looking for, if it would be possible to get a phone call.",
        "Please could you provide this information ONLY when you have completed the revaluation.",
        "Please send the information to the email above.",
        "Please provide a spreadsheet of your answers.",
        "If you have any questions, please don't hesitate to contact me.",
        "If the council does not issue one of these PCNs, that part of the request should be disregarded.",
        "If Northumbria Police only has information on the number of seizures, we ask that this is provided.",
        "The time frame in which I would like to receive this data is the past five years.",
        "Please could you acknowledge that you have received this request.",
    ],
)
def test_format_preferences_and_offers_are_remarks(text: str) -> None:
    assert is_remark(text)


@pytest.mark.parametrize(
    "text",
    [
        "How many officers were dismissed in 2021?",
        "The number of complaints about stop and search.",
        "How many phone calls were received by the control room?",
        "Please send me the minutes of the meeting.",
        "How many requests did you answer only after the deadline?",
        "Please provide a spreadsheet showing the number of bus lane contraventions in each month.",
        "What was the time frame for the review?",
        "If the council does not issue PCNs to police vehicles, why not?",
    ],
)
def test_questions_are_not_remarks(text: str) -> None:
    assert not is_remark(text)


def test_asks_leads_and_per_item_leads_are_told_apart() -> None:
    assert STRONG_ASK.search("Could you tell me the total?")
    assert not STRONG_ASK.search("The total cost")
    assert LEAD_IN.search("I would like the following information:")
    assert EACH_THING.search("For each incident, please provide:")
    assert not EACH_THING.search("For each year, please provide:")  # a breakdown by time, not fields


@pytest.mark.parametrize(
    ("text", "refines"),
    [
        ("Please disaggregate the data by year and outcome.", True),
        ("I further request that the number of cameras be broken down between the two sites.", True),
        ("If it is a mixture of the above, could you please specify the arrangement?", True),
        ("I further request the number of cameras that were broken.", False),
        ("If it is over budget, how much was spent?", False),
        ("Separate listing for each type of violation, please.", True),
        ("In other words, provide a breakdown of the six years by health board.", True),
        ("I would like this data to be laid out by prison.", True),
        ("I am therefore looking for a total of 20 figures.", True),
        ("In respect of question (6), other forces have answered.", True),
        ("In other cases, how many were closed?", False),
        ("Would you also be able to provide the race/ethnicity stats for those groups too?", True),
        ("Could you also provide the number of arrests in 2022?", False),
    ],
)
def test_sentences_that_only_refine_the_ask_before_them(text: str, refines: bool) -> None:
    assert bool(REFINEMENT.match(text)) is refines


def test_gratitude_for_records_asks_but_gratitude_for_a_reply_does_not() -> None:
    assert ASK.search("I would be grateful for records of all Security Intelligence Reports filed")
    assert not ASK.search("I would be grateful for an early reply")
