"""Personal data told by pattern: known examples found, ordinary values left alone."""

from __future__ import annotations

import pytest

from foidesk.core.release_check.personal_data import (
    personal_data_kind,
    redact_personal_data,
    strings_with_personal_data,
)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("943 476 5919", "an NHS number"),  # NHS Data Dictionary's example NHS number, check digit 9
        ("9434765919", "an NHS number"),
        ("jane.officer@example.police.uk", "an email address"),
        ("call 07700 900123", "a UK telephone number"),  # Ofcom's range for drama, 07700 900xxx
        ("+44 20 7946 0018", "a UK telephone number"),  # Ofcom's London drama range
        ("01632 960123", "a UK telephone number"),  # Ofcom's drama range for geographic numbers
        ("JG 10 37 59 A", "a National Insurance number"),
    ],
)
def test_personal_data_patterns_find_known_examples(text: str, kind: str) -> None:
    assert personal_data_kind(text) == kind


@pytest.mark.parametrize(
    "text",
    [
        "943 476 5918",  # a wrong check digit
        "QQ 12 34 56 C",  # HMRC's specimen: Q is never a first letter (NIM39110)
        "Constable",
        "1203",
        "2023-03-31",
        "Figures as at 31 March 2023",
    ],
)
def test_ordinary_values_are_not_personal_data(text: str) -> None:
    assert personal_data_kind(text) is None


def test_redaction_replaces_only_the_personal_data() -> None:
    assert redact_personal_data("Contact jane@example.org or 07700 900123.") == (
        "Contact [redacted] or [redacted]."
    )


def test_strings_with_personal_data_are_found_by_index_across_batches() -> None:
    strings = [f"note {n}" for n in range(25)]
    strings[3] = "ring 07700 900123"
    strings[21] = "jane@example.org"
    flagged, count = strings_with_personal_data([strings[:10], strings[10:20], strings[20:]])
    assert (flagged, count) == ({3, 21}, 25)
