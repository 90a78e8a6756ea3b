"""`foidesk deadline`: the command-line contract of DESIGN.md, friendly output and clear errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from foidesk.cli import main

FOIDESK = Path(sys.executable).parent / "foidesk"


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, object]:
    assert main(["deadline", *argv, "--json"]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1
    payload: dict[str, object] = json.loads(out)
    return payload


def test_contract_example_from_design(capsys: pytest.CaptureFixture[str]) -> None:
    payload = run_json(capsys, "2021-12-20")
    expected = {
        "regime": "foia",
        "received": "2021-12-20",
        "due": "2022-01-21",
        "working_days": 20,
        "pauses": [],
        "extension_days": 0,
    }
    assert {key: payload[key] for key in expected} == expected
    assert payload["weekday"] == "Friday"
    assert str(payload["calendar_version"]).startswith("2026.")


def test_friendly_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["deadline", "2021-12-20"]) == 0
    assert capsys.readouterr().out == (
        "Due Friday 21 January 2022 (20 working days after Monday 20 December 2021).\n"
    )


def test_scottish_2_january_counts_in_england(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_json(capsys, "2023-12-22")["due"] == "2024-01-25"


def test_foisa_counts_easter_monday(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_json(capsys, "2024-03-21", "--regime", "foisa")["due"] == "2024-04-19"
    assert run_json(capsys, "2024-03-21", "--regime", "foia")["due"] == "2024-04-22"


def test_pause_and_extension(capsys: pytest.CaptureFixture[str]) -> None:
    payload = run_json(capsys, "2024-01-10", "--pause", "2024-01-15..2024-01-19", "--extend", "20")
    assert payload["due"] == "2024-02-14"
    assert payload["extended_due"] == "2024-03-13"
    assert payload["pauses"] == [{"from": "2024-01-15", "to": "2024-01-19"}]
    assert payload["extension_days"] == 20


def test_clarification_restarts_the_clock(capsys: pytest.CaptureFixture[str]) -> None:
    payload = run_json(capsys, "2024-01-02", "--clarified", "2024-01-15")
    assert (payload["due"], payload["clock_start"]) == ("2024-02-12", "2024-01-15")


def test_eir_extension_to_40_working_days(capsys: pytest.CaptureFixture[str]) -> None:
    payload = run_json(capsys, "2024-01-10", "--regime", "eir", "--extend", "20")
    assert (payload["due"], payload["extended_due"]) == ("2024-02-07", "2024-03-06")


def test_review_and_its_latest_date(capsys: pytest.CaptureFixture[str]) -> None:
    payload = run_json(capsys, "2024-01-10", "--regime", "review")
    assert (payload["regime"], payload["due"], payload["latest_due"]) == (
        "review",
        "2024-02-07",
        "2024-03-06",
    )
    assert run_json(capsys, "2024-01-10", "--regime", "review", "--review-of", "eir")["due"] == "2024-03-06"


def test_review_request_window(capsys: pytest.CaptureFixture[str]) -> None:
    payload = run_json(capsys, "2021-12-20", "--answered", "2022-01-21")
    assert payload["review_request_window_ends"] == "2022-03-21"


def test_sar_month_end(capsys: pytest.CaptureFixture[str]) -> None:
    payload = run_json(capsys, "2024-01-31", "--regime", "sar", "--complex")
    assert (payload["due"], payload["extended_due"], payload["working_days"]) == (
        "2024-02-29",
        "2024-04-30",
        None,
    )
    assert run_json(capsys, "2023-01-31", "--regime", "sar")["due"] == "2023-02-28"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["2023-02-30"], "not a valid date"),
        (["2023-2-3"], "not a valid date"),
        (["2023-02-03", "--regime", "gdpr"], "unknown regime 'gdpr'"),
        (["2023-02-03", "--pause", "2023-02-10..2023-02-01"], "cannot end"),
        (["2023-02-03", "--pause", "2023-02-10"], "FROM..TO"),
        (["2023-02-03", "--regime", "foisa", "--extend", "20"], "no public interest extension"),
        (["2023-02-03", "--regime", "eir", "--extend", "5"], "40 working days"),
        (["2023-02-03", "--extend", "-1"], "--extend"),
        (["2023-02-03", "--regime", "review", "--extend", "21"], "at most 40"),
        (["2023-02-03", "--regime", "sar", "--pause", "2023-02-10..2023-02-11"], "calendar months"),
        (["2070-01-01"], "outside the holiday calendar"),
        (["2023-02-03", "--clarified", "2023-01-01"], "before the request was received"),
    ],
)
def test_bad_input_gets_a_clear_message_and_non_zero_exit(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    assert main(["deadline", *argv, "--json"]) != 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert message in captured.err


def test_installed_command_runs() -> None:
    result = subprocess.run(
        [str(FOIDESK), "deadline", "2023-02-30"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 2
    assert "2023-02-30" in result.stderr


def test_days_left_and_days_late(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_json(capsys, "2024-01-10", "--today", "2024-02-05")["days_left"] == 2
    assert run_json(capsys, "2024-01-10", "--today", "2024-02-09")["days_left"] == -2
    assert main(["deadline", "2024-01-10", "--today", "2024-02-09"]) == 0
    assert capsys.readouterr().out.endswith("On Friday 9 February 2024: 2 working day(s) late.\n")


def test_days_left_counts_to_the_extended_date(capsys: pytest.CaptureFixture[str]) -> None:
    payload = run_json(capsys, "2024-01-10", "--extend", "20", "--today", "2024-03-05")
    assert payload["days_left"] == 1  # extended to Wed 6 Mar 2024
