"""What the parser gives, as the JSON command line and API see it."""

from __future__ import annotations

from datetime import date

from foidesk.core.parsing.model import InvalidRequestText, ParsedPart, ParsedRequest, PartFlag, RequestTooLong
from foidesk.core.periods import DateRange


def test_a_part_and_a_parsed_request_give_plain_dicts() -> None:
    part = ParsedPart(
        label="Q2(a)",
        request=None,
        question=2,
        subquestion="a",
        text="How many were upheld?",
        date_ranges=(DateRange(date(2021, 1, 1), date(2021, 12, 31)),),
        topics=("complaints",),
        flags=(PartFlag.PERIOD_INHERITED,),
        why="lettered (a)",
    )
    parsed = ParsedRequest(
        parts=(part,), cleaned_text="...", received=date(2023, 5, 10), context=("NB: xlsx",)
    )
    data = parsed.as_dict()
    parts = data["parts"]
    assert isinstance(parts, list)
    (only,) = parts
    assert only["label"] == "Q2(a)"
    assert only["flags"] == ["period_inherited"]
    assert only["why"] == "lettered (a)"
    assert only["date_ranges"][0]["start"] == "2021-01-01"
    assert data["context"] == ["NB: xlsx"]


def test_too_long_is_an_invalid_text() -> None:
    assert issubclass(RequestTooLong, InvalidRequestText)
    assert issubclass(InvalidRequestText, ValueError)
