"""`foidesk parse` (commands/parse.py): the command-line contract of DESIGN.md."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from foidesk.cli import main

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "tests" / "data" / "requests" / "001.txt"
FOIDESK = ROOT / ".venv" / "bin" / "foidesk"


def run_json(args: list[str], capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    assert main([*args, "--json"]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1  # exactly one JSON object
    payload: dict[str, object] = json.loads(out)
    return payload


def test_reference_request_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    payload = run_json(["parse", str(REFERENCE), "--received", "2022-05-19"], capsys)
    parts = payload["parts"]
    assert isinstance(parts, list)
    assert [p["label"] for p in parts] == [f"Request {r}, Q{q}" for r in (1, 2) for q in (1, 2, 3, 4)]
    first = parts[0]
    assert first["request"] == 1 and first["question"] == 1
    assert first["date_ranges"] == [{"start": "2021-01-01", "end": "2021-12-31"}]
    assert first["topics"] == ["sexual misconduct"]
    assert first["text"].startswith("A list of allegations of police officer sexual misconduct")
    assert parts[4]["date_ranges"] == [{"start": "2020-01-01", "end": "2021-12-31"}]


def test_relative_periods_count_from_received(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    request = tmp_path / "request.txt"
    request.write_text("How many Taser discharges were there in the last 5 years?")
    payload = run_json(["parse", str(request), "--received", "2024-03-01"], capsys)
    (part,) = payload["parts"]  # type: ignore[misc]
    assert part["label"] == "Q1" and part["request"] is None
    assert part["date_ranges"] == [{"start": "2019-01-01", "end": "2023-12-31"}]
    assert "relative" in part["flags"]


def test_reads_standard_input_through_the_installed_command() -> None:
    result = subprocess.run(
        [str(FOIDESK), "parse", "-", "--received", "2023-01-10", "--json"],
        input=(
            "Dear Police,\n\n1. How many stop and searches in 2022?\n2. How many arrests?\n\n"
            "Yours faithfully,\nA. N. Other"
        ),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert [p["label"] for p in payload["parts"]] == ["Q1", "Q2"]


def test_extra_topics_from_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    request = tmp_path / "request.txt"
    request.write_text("How many dog fouling fines were issued in 2022?")
    payload = run_json(
        ["parse", str(request), "--received", "2023-01-10", "--topic", "dog control=dog fouling"], capsys
    )
    assert payload["parts"][0]["topics"] == ["dog control"]  # type: ignore[index]


def test_text_output_lists_each_part(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(REFERENCE), "--received", "2022-05-19"]) == 0
    out = capsys.readouterr().out
    assert "Request 2, Q4:" in out
    assert "period: 2020-01-01 to 2021-12-31" in out


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["--received", "19/05/2022"], "How many?", "YYYY-MM-DD"),
        (["--received", "2022-05-19"], "   ", "empty"),
        (["--received", "2022-05-19"], "\x00\x01\x02\x03" * 50, "not text"),
        (["--received", "2022-05-19", "--topic", "no equals sign"], "How many?", "NAME=PHRASE"),
    ],
)
def test_user_errors_go_to_stderr_with_a_non_zero_exit(args: list[str], stdin: str, message: str) -> None:
    result = subprocess.run(
        [str(FOIDESK), "parse", "-", *args, "--json"],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert message in result.stderr


def test_a_missing_file_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "/nonexistent/request.txt", "--json"]) == 2
    assert "cannot read" in capsys.readouterr().err
