"""Personal data told by pattern: known examples found, ordinary values left alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from foidesk.core.release_check import check_file, sanitise_file
from foidesk.core.release_check.personal_data import (
    personal_data_kind,
    redact_personal_data,
    strings_with_personal_data,
)
from tests.core.release_check.corpus import every_byte
from tests.core.release_check.corpus_xlsx_build import xlsx


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


def test_personal_data_in_plain_view_is_warned_of_and_a_reference_number_is_not(tmp_path: Path) -> None:
    path = _book(tmp_path / "email.xlsx", lambda s: s.append(["FOI-0002", "jo.bloggs.7731@example.co.uk"]))
    report = check_file(str(path))
    assert ("xlsx.personal_data", "warn") in [(f.code, f.severity.value) for f in report.findings]
    assert not report.clean
    copy = tmp_path / "copy.xlsx"
    sanitise_file(str(path), str(copy))
    assert b"jo.bloggs" not in every_byte(copy) and not check_file(str(copy)).blocked
    near = _book(
        tmp_path / "reference.xlsx",
        lambda s: s.append(["FOI-0002", "Budget 2023-24: 1,250,000 (FOI/2023/0161)"]),
    )
    assert not check_file(str(near)).blocked
    assert "xlsx.personal_data" not in {f.code for f in check_file(str(near)).findings}


def _book(path: Path, set_up: object) -> Path:
    xlsx(lambda workbook: set_up(workbook.active))(path)  # type: ignore[operator]
    return path
