"""Step 1 of parsing: what is refused as not a request, and what cleaning cuts away."""

from __future__ import annotations

import pytest

from foidesk.core.parsing.cleaning import (
    check_request_text,
    clarification_body,
    clean_request_text,
    looks_english,
    split_clarification,
)
from foidesk.core.parsing.model import InvalidRequestText, RequestTooLong


def test_empty_binary_and_too_long_texts_are_refused_with_a_reason() -> None:
    with pytest.raises(InvalidRequestText, match="empty"):
        check_request_text(" \n\t ")
    with pytest.raises(InvalidRequestText, match="not text"):
        check_request_text("\x00\x01\x02" * 20 + "How many?")
    with pytest.raises(InvalidRequestText, match="too few letters"):
        check_request_text("12345 67890 2021/22 £££ ----")
    with pytest.raises(RequestTooLong, match="the most that is parsed is 100"):
        check_request_text("How many officers? " * 10, max_chars=100)
    check_request_text("How many officers were dismissed in 2021?")


def test_greeting_sign_off_and_signature_are_cut() -> None:
    text = (
        "Dear Freedom of Information team,\n\n"
        "How many officers were dismissed in 2021?\n\n"
        "Yours faithfully,\nA. Requester\n07700 900123"
    )
    assert clean_request_text(text) == "How many officers were dismissed in 2021?"


def test_quoted_correspondence_lines_are_dropped_and_indentation_is_kept() -> None:
    text = "1. How many complaints?\n\t  a) upheld\n> earlier email quoted\n2. How many appeals?"
    cleaned = clean_request_text(text).split("\n")
    assert cleaned == ["1. How many complaints?", "      a) upheld", "2. How many appeals?"]  # a tab is 4


def test_a_published_response_keeps_only_the_request_it_quotes() -> None:
    page = (
        "Freedom of Information Request Reference No: 01.FOI.22.024648\n"
        "I note you seek access to the following information:\n"
        "How many officers were accused of misconduct?\n"
        "I have today decided to disclose some of the information."
    )
    assert clean_request_text(page) == "How many officers were accused of misconduct?"


def test_another_language_is_noticed() -> None:
    assert looks_english("Please could you tell me how many officers were dismissed in each year")
    assert not looks_english("Faint y swyddogion a gafodd eu diswyddo ym mhob blwyddyn rhwng y dyddiadau")
    assert looks_english("Diolch yn fawr")  # too short to tell


def test_an_appended_clarification_is_split_off_and_its_heading_dropped() -> None:
    request, clarification = split_clarification(
        "How many stop and searches were there?\n\nClarification received 20 May 2023: from 2019 to 2022"
    )
    assert request.strip() == "How many stop and searches were there?"
    assert clarification_body(clarification).strip() == "from 2019 to 2022"
    assert split_clarification("Could you clarify your policy on tasers?") == (
        "Could you clarify your policy on tasers?",
        "",
    )
