"""``foidesk check-release``: the JSON contract and the exit codes (0 clean, 1 findings, 2 unreadable)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from foidesk.cli import main
from tests.core.release_check.corpus_spreadsheets import CSV_HEAD, _hidden_sheet, summary_workbook, xlsx

FOIDESK = Path(__file__).resolve().parents[2] / ".venv" / "bin" / "foidesk"


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    clean = tmp_path / "clean.csv"
    clean.write_text(CSV_HEAD, encoding="utf-8")
    leaky = tmp_path / "leaky.xlsx"
    xlsx(_hidden_sheet("hidden", "SECRET"))(leaky)
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    return {"clean": clean, "leaky": leaky, "empty": empty}


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, object]]:
    code = main(["check-release", *argv, "--json"])
    return code, json.loads(capsys.readouterr().out)


def test_clean_files_exit_0(files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    code, payload = _run(capsys, str(files["clean"]))
    assert code == 0
    assert payload == {"files": [{"path": str(files["clean"]), "clean": True, "findings": []}]}


def test_findings_exit_1_with_the_contract_shape(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code, payload = _run(capsys, str(files["clean"]), str(files["leaky"]))
    assert code == 1
    report = payload["files"][1]  # type: ignore[index]
    assert report["path"] == str(files["leaky"]) and report["clean"] is False
    hidden = next(f for f in report["findings"] if f["code"] == "xlsx.hidden_sheet")
    assert set(hidden) == {"code", "severity", "where", "message"}
    assert (hidden["severity"], hidden["where"]) == ("block", "Staff")


def test_an_unreadable_file_exits_2(files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    code, payload = _run(capsys, str(files["leaky"]), str(files["empty"]))
    assert code == 2
    assert payload["files"][1]["findings"][0]["code"] == "file.cannot_inspect"  # type: ignore[index]


def test_text_output_lists_each_finding(files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check-release", str(files["leaky"])]) == 1
    out = capsys.readouterr().out
    assert "xlsx.hidden_sheet" in out and "block" in out


def test_the_installed_command_prints_one_json_object(files: dict[str, Path], tmp_path: Path) -> None:
    workbook = summary_workbook()
    path = tmp_path / "summary.xlsx"
    workbook.save(path)
    completed = subprocess.run(
        [str(FOIDESK), "check-release", str(path), "--json"], capture_output=True, text=True
    )
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout) == {"files": [{"path": str(path), "clean": True, "findings": []}]}
