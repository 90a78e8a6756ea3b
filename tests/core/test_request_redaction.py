"""The request text as published: the requester and third parties out, the request itself intact."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from foidesk.core.request_redaction import RedactedRequest, RemovalKind, redact_request

DATA = Path(__file__).resolve().parents[1] / "data/request_redaction"
AUTHORITY = ("Metropolitan Police Service", "Metropolitan Police", "MPS")


def _cases(name: str) -> list[dict[str, Any]]:
    with (DATA / name).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _redact(case: dict[str, Any]) -> RedactedRequest:
    contacts = [case.get("requester_email", ""), *case.get("requester_contacts", [])]
    return redact_request(
        case["text"],
        requester_names=[case["requester_name"]],
        requester_contacts=[contact for contact in contacts if contact],
        authority_names=case.get("authority_names") or AUTHORITY,
    )


TRAINING = _cases("training.jsonl")
BLIND = _cases("blind.jsonl")


def test_the_labelled_set_has_eighty_texts_twenty_of_them_blind() -> None:
    assert len(BLIND) == 20
    assert len(TRAINING) + len(BLIND) >= 80


@pytest.mark.parametrize("case", TRAINING, ids=[f"training-{n}" for n in range(1, len(TRAINING) + 1)])
def test_training_text_loses_its_personal_data_and_keeps_its_request(case: dict[str, Any]) -> None:
    output = _redact(case).text
    assert [item for item in case["expected_removed"] if item in output] == []
    assert [item for item in case["must_keep"] if item not in output] == []


@pytest.mark.parametrize("case", BLIND, ids=[f"blind-{n}" for n in range(1, len(BLIND) + 1)])
def test_blind_text_does_not_leak_the_requesters_name(case: dict[str, Any]) -> None:
    output = _redact(case).text
    for keep in case["must_keep"]:
        output = output.replace(keep, " ")  # "Lambeth" the borough is not "Rose Lambeth" the requester
    name = case["requester_name"]
    assert name.lower() not in output.lower()
    assert not re.search(rf"(?<!\w){re.escape(name.split()[-1])}(?!\w)", output)


# --- the result's shape --------------------------------------------------------------------------


def test_removals_are_offsets_in_the_original_and_segments_rebuild_it() -> None:
    text = (
        "Dear Mr Smith,\r\n\r\nHow many arrests in 2023? Call 07700 900 123.\r\n\r\nKind regards\r\nJo Bloggs"
    )
    result = redact_request(text, requester_names=["Jo Bloggs"])
    assert result.original == text.replace("\r\n", "\n")
    assert "".join(piece for piece, _ in result.segments()) == result.original
    marked = [(piece, removal.kind) for piece, removal in result.segments() if removal is not None]
    assert marked == [
        ("Smith", RemovalKind.NAME),
        ("07700 900 123", RemovalKind.PHONE),
        ("Kind regards\nJo Bloggs", RemovalKind.SIGNATURE),
    ]
    assert result.text == (
        "Dear Mr [name removed],\n\nHow many arrests in 2023? Call [phone number removed].\n\n"
        "[signature removed]"
    )
    for removal in result.removals:
        assert removal.replacement == removal.kind.placeholder


def test_text_without_personal_data_comes_back_unchanged() -> None:
    text = "How many officers were assaulted on duty in 2023? Of these, how many resulted in a charge?"
    result = redact_request(text, requester_names=["Kai Moreno"], authority_names=AUTHORITY)
    assert result.text == text
    assert result.removals == ()
    assert list(result.segments()) == [(text, None)]


def test_empty_text_is_empty() -> None:
    assert redact_request("").text == ""


# --- red team: just outside each rule ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "gone"),
    [
        ("How many in 2023?\n\nKind regards\nSiobhan O'Neill", "Siobhan O'Neill", "O'Neill"),
        ("How many in 2023? I also wrote to Ms O'Neill about it.", "", "O'Neill"),
        ("How many in 2023?\n\nyours faithfully\nemma smith-jones", "Emma Smith-Jones", "smith-jones"),
        ("Complaints about Smith-Jones in 2023, please.", "Emma Smith-Jones", "Smith-Jones"),
        ("How many in 2023?\n\nmany thanks\nrosie", "Rosie Hammond", "rosie"),
        ("How many stop and searches were there in 2023? Thanks Emma", "Emma Smith", "Emma"),
        ("How many in 2023?\nThanks, Emma Smith | 07700 900 123", "Emma Smith", "07700"),
    ],
)
def test_names_with_apostrophes_hyphens_lower_case_or_on_the_thanks_line_are_removed(
    text: str, name: str, gone: str
) -> None:
    assert gone not in redact_request(text, requester_names=[name] if name else []).text


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Contact me at emma dot smith at example dot co dot uk if unclear.", "example dot co"),
        ("Write to joanne[at]burke-family[dot]co[dot]uk if unclear.", "burke-family"),
        ("Write to jo (at) example (dot) org if unclear.", "example"),
    ],
)
def test_an_obfuscated_email_is_an_email(text: str, gone: str) -> None:
    result = redact_request(text)
    assert gone not in result.text
    assert "[email address removed]" in result.text


def test_at_and_dot_in_a_sentence_are_not_an_email() -> None:
    text = "We looked at it. Then dot the i's: how many arrests at Heathrow in 2023?"
    assert redact_request(text).text == text


@pytest.mark.parametrize(
    "phone",
    [
        "07700\n900 123",
        "020 7946\n0123",
        "+44 (0)20 7946 0123",
        "(020) 7946 0123",
        "07700-900-123",
        "07 700 900 246",
        "+447700900123",
        "0161 496 0000 ext 123",
    ],
)
def test_a_uk_phone_number_in_any_form_is_removed(phone: str) -> None:
    result = redact_request(f"Call me on {phone} if unclear. How many arrests in 2023?")
    assert result.text == "Call me on [phone number removed] if unclear. How many arrests in 2023?"


def test_numbers_in_questions_references_and_roads_are_not_phone_numbers_or_plates() -> None:
    text = (
        "How many collisions on the M25 and the A23 in 2021 to 2023 (ref 01.FOI.22.024648), under "
        "section 40(2), and what were the 999 and 101 call volumes of 1,234,567 calls?"
    )
    assert redact_request(text).text == text


def test_a_requester_named_rose_keeps_the_rose_garden() -> None:
    text = "How many thefts from the rose garden in Regent's Park in 2023?\n\nThanks,\nRose"
    assert redact_request(text, requester_names=["Rose Ellis"]).text == (
        "How many thefts from the rose garden in Regent's Park in 2023?\n\n[signature removed]"
    )


def test_a_requester_named_lambeth_keeps_the_borough_and_the_street() -> None:
    text = (
        "How many crimes were recorded in Lambeth, in the London Borough of Lambeth and on Lambeth Walk "
        "in 2023? I hear Lambeth has the most.\n\nRegards\nMark Lambeth"
    )
    output = redact_request(
        text, requester_names=["Mark Lambeth"], authority_names=["London Borough of Lambeth"]
    ).text
    assert "recorded in Lambeth, in the London Borough of Lambeth and on Lambeth Walk" in output
    assert "I hear [name removed] has the most" in output  # fail closed: a bare surname is the requester's
    assert "Mark" not in output


def test_a_requester_whose_full_name_is_a_place_keeps_the_place() -> None:
    text = "How many robberies were there in Rose Hill Park in 2023?"
    assert redact_request(text, requester_names=["Rose Hill"]).text == text


def test_the_requesters_initials_and_title_forms_are_removed() -> None:
    text = "I, R. Campbell, asked before (Mr Campbell, ref 1). Campbell's request: how many in 2023?"
    output = redact_request(text, requester_names=["Robert Campbell"]).text
    assert "Campbell" not in output
    assert "how many in 2023?" in output


@pytest.mark.parametrize(
    ("text", "kept", "gone"),
    [
        ("Dear Metropolitan Police Service,\n\nHow many in 2023?", "Dear Metropolitan Police Service", None),
        ("Dear FOI team,\n\nHow many in 2023?", "Dear FOI team", None),
        ("Dear Sir/Madam,\n\nHow many in 2023?", "Dear Sir/Madam", None),
        ("Dear Commissioner,\n\nHow many in 2023?", "Dear Commissioner", None),
        ("Dear Mr Smith,\n\nHow many in 2023?", "Dear Mr", "Smith"),
        ("Dear Fiona,\n\nHow many in 2023?", "Dear", "Fiona"),
    ],
)
def test_a_greeting_keeps_the_authority_and_loses_a_persons_name(
    text: str, kept: str, gone: str | None
) -> None:
    output = redact_request(text, authority_names=AUTHORITY).text
    assert kept in output
    if gone:
        assert gone not in output


@pytest.mark.parametrize(
    ("text", "kept", "gone"),
    [
        ("Complaints about PC 4471 Hargreaves in 2023?", "about PC [name removed] in", "4471 Hargreaves"),
        (
            "Complaints about DS Farah and Insp. Kowalczyk?",
            "DS [name removed] and Insp. [name removed]?",
            "Farah",
        ),
        ("Hearings chaired by Ch Insp Abbott in 2023?", "Ch Insp [name removed] in", "Abbott"),
        ("Was it Detective Sergeant McAllister?", "Detective Sergeant [name removed]?", "McAllister"),
        ("Did Dr Helen Marsh give evidence in 2023?", "Dr [name removed] give", "Helen Marsh"),
        ("Complaints about PC 4471 in 2023?", "PC [personal data removed] in", "4471"),
    ],
)
def test_a_name_or_number_after_a_title_or_rank_is_removed_and_the_rank_kept(
    text: str, kept: str, gone: str
) -> None:
    output = redact_request(text).text
    assert gone not in output
    assert kept in output


def test_ranks_and_roles_without_a_name_stay() -> None:
    text = (
        "How many officers of the rank of DI or DCI, and how many PCSOs, did the Commissioner approve? "
        "Baroness Casey's review found this. PS Please also include 2022."
    )
    assert redact_request(text).text == text


def test_identifiers_of_third_parties_are_removed() -> None:
    text = (
        "Mr Kieran Doyle (National Insurance number JK 12 34 56 C, date of birth 02/09/1986, car LB19 XKT) "
        "was stopped on 3 March 2024. How many such stops were there in March 2024?"
    )
    output = redact_request(text).text
    for gone in ("Kieran Doyle", "JK 12 34 56 C", "02/09/1986", "LB19 XKT"):
        assert gone not in output
    assert "on 3 March 2024" in output  # a date that is not a date of birth is the period asked about
    assert "in March 2024?" in output


def test_a_letter_heading_address_goes_and_the_authoritys_address_block_stays() -> None:
    text = (
        "Flat 2B\n118 High Street\nCroydon\nCR0 1NA\n\nFreedom of Information Officer\n"
        "Metropolitan Police Service\n\nDear Sir,\n\nHow many reports about Croydon town centre in 2023?"
    )
    output = redact_request(text, authority_names=AUTHORITY).text
    assert output.startswith(
        "[address removed]\n\nFreedom of Information Officer\nMetropolitan Police Service"
    )
    assert "Croydon town centre in 2023" in output


def test_a_street_address_in_a_sentence_is_removed() -> None:
    output = redact_request(
        "The car outside 14 Coldharbour Lane was damaged. How many such reports in 2023?"
    ).text
    assert output == "The car outside [address removed] was damaged. How many such reports in 2023?"


def test_the_requesters_held_contacts_are_removed_but_not_a_town_alone() -> None:
    text = "Please reply to 22 Albion Road or on 0207 946 0123. How many burglaries in London in 2023?"
    output = redact_request(
        text, requester_contacts=["22 Albion Road\nLondon\nN16 9PJ", "020 7946 0123"]
    ).text
    assert output == (
        "Please reply to [address removed] or on [phone number removed]. "
        "How many burglaries in London in 2023?"
    )


def test_a_thank_you_that_opens_a_paragraph_is_not_a_sign_off() -> None:
    text = "Thank you for your reply. As a new request, please provide the number of complaints in 2023."
    assert redact_request(text).text == text


def test_a_best_value_heading_is_not_a_sign_off() -> None:
    text = "Best Value reviews\nHow many Best Value reviews were published in 2023?"
    assert redact_request(text).text == text


def test_a_bare_name_at_the_end_is_a_signature() -> None:
    text = "How many arrests at Wembley in 2023?\n\nMiriam Cole"
    assert redact_request(text).text == "How many arrests at Wembley in 2023?\n\n[signature removed]"


def test_sent_from_my_iphone_takes_the_name_above_it() -> None:
    text = "How many arrests in 2023?\n\nMany thanks\n\nSarah\n\nSent from my iPhone"
    assert redact_request(text).text == "How many arrests in 2023?\n\n[signature removed]"


def test_the_whatdotheyknow_footer_and_request_address_are_removed() -> None:
    text = (
        "Dear Metropolitan Police Service,\n\nHow many arrests in 2023?\n\n"
        "Yours faithfully,\n\nR. Campbell\n\n"
        "-------------------------------------------------------------------\n\n"
        "Please use this email address for all replies to this request:\n"
        "foi+request-912345-6f7e8d9c@whatdotheyknow.com\n\n"
        "Disclaimer: This message and any reply that you make will be published on the internet.\n"
        "-------------------------------------------------------------------"
    )
    result = redact_request(text, requester_names=["Rachel Campbell"], authority_names=AUTHORITY)
    assert result.text == (
        "Dear Metropolitan Police Service,\n\nHow many arrests in 2023?\n\n[signature removed]\n\n"
        "[WhatDoTheyKnow footer removed]"
    )
