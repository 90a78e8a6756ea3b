"""``foidesk sanitise FILE -o OUT``: a clean copy, its report with --json, clear errors otherwise."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from foidesk.cli import main
from tests.core.release_check.corpus_spreadsheets import _hidden_sheet, xlsx


def test_the_copy_is_clean_and_the_report_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "leaky.xlsx"
    xlsx(_hidden_sheet("hidden", "SECRET-STAFF"))(source)
    target = tmp_path / "clean.xlsx"
    assert main(["sanitise", str(source), "-o", str(target), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"path": str(target), "clean": True, "findings": []}
    assert openpyxl.load_workbook(target).sheetnames == ["Headcount"]


def test_an_unreadable_file_fails_with_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "empty.xlsx"
    source.write_bytes(b"")
    assert main(["sanitise", str(source), "-o", str(tmp_path / "out.xlsx")]) == 2
    assert "no clean copy" in capsys.readouterr().err
    assert not (tmp_path / "out.xlsx").exists()


def test_a_missing_file_fails_with_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sanitise", str(tmp_path / "nowhere.csv"), "-o", str(tmp_path / "out.csv")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_the_copy_never_overwrites_the_original(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "a.csv"
    source.write_text("a,b\n", encoding="utf-8")
    assert main(["sanitise", str(source), "-o", str(source)]) == 2
    assert source.read_text(encoding="utf-8") == "a,b\n"
