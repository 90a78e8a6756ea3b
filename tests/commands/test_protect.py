"""Tests for `foidesk protect`: the CSV contract, the JSON report, and clear errors on bad input."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from foidesk.cli import main

TABLE = """Borough,Dismissal,Final written warning,Reflective practice,Total
Camden,2,7,11,20
Hackney,0,9,14,23
Brent,6,3,12,21
Total,8,19,37,64
"""


def _write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "table.csv"
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("method", ["optimal", "fast"])
def test_json_report_follows_the_contract(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], method: str
) -> None:
    assert main(["protect", _write(tmp_path, TABLE), "--method", method, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["method"] == method
    assert report["cells"] == 16
    assert report["audit"]["passed"] is True
    suppressed = {(c["row"], c["column"]): c["reason"] for c in report["suppressed"]}
    assert suppressed[("Camden", "Dismissal")] == "primary"
    assert suppressed[("Brent", "Final written warning")] == "primary"
    assert "secondary" in suppressed.values()
    assert report["information_loss"] == len(report["suppressed"])


def test_output_csv_keeps_the_shape(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.csv"
    assert main(["protect", _write(tmp_path, TABLE), "-o", str(out)]) == 0
    rows = list(csv.reader(out.open(encoding="utf-8")))
    assert rows == [
        ["Borough", "Dismissal", "Final written warning", "Reflective practice", "Total"],
        ["Camden", "[c]", "[c]", "11", "20"],
        ["Hackney", "0", "9", "14", "23"],
        ["Brent", "[c]", "[c]", "12", "21"],
        ["Total", "8", "19", "37", "64"],
    ]
    assert capsys.readouterr().out == ""


def test_total_row_first_and_no_total_column(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "Rank,Count\nTotal,25\nPC,3\nPS,10\nInsp,12\n"
    assert main(["protect", _write(tmp_path, text)]) == 0
    assert capsys.readouterr().out == "Rank,Count\nTotal,25\nPC,[c]\nPS,[c]\nInsp,12\n"


def test_threshold_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["protect", _write(tmp_path, TABLE), "--threshold", "3", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["threshold"] == 3
    assert [c["row"] for c in report["suppressed"] if c["reason"] == "primary"] == ["Camden"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("A,B,C\nx,1,2\ny,3\n", "row 3 has 2 fields"),
        ("A,B\nx,-1\n", "negative"),
        ("A,B\nx,1.5\n", "not a whole-number count"),
        ("A,B\nx,lots\n", "not a whole-number count"),
        ("A,B,Total\nx,1,2\ny,3,3\n", "row 'x': Total is 2 but its counts add up to 1"),
        ("A,B,C\nx,1,2\nTotal,1,3\n", "column 'C': Total is 3 but its counts add up to 2"),
        ("", "empty"),
        ("A,B,C\n", "empty"),
        ("A,B\nx,1\nx,2\n", "appears twice"),
    ],
)
def test_bad_input_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, message: str
) -> None:
    assert main(["protect", _write(tmp_path, text), "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert message in captured.err


def test_missing_file_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["protect", str(tmp_path / "nope.csv")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_installed_command_reads_standard_input() -> None:
    import subprocess
    import sys

    foidesk = Path(sys.executable).with_name("foidesk")
    result = subprocess.run(
        [str(foidesk), "protect", "-", "--method", "fast", "--json"],
        input="Rank,Count\nPC,3\nPS,10\nInsp,12\nTotal,25\n",
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["table"][1] == ["PC", "[c]"]
