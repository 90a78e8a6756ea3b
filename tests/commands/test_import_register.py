"""`foidesk import-register`: all or nothing, every bad row listed, synthetic loading."""

from __future__ import annotations

import csv
import json

import openpyxl
import pytest

from foidesk.cli import main
from foidesk.datasets.importer import REGISTER_COLUMNS, register_row, write_register_csv
from foidesk.datasets.misconduct_synthetic import AllegationGeneratorSettings, generate_register
from foidesk.web.records.selectors import register_size

pytestmark = pytest.mark.django_db


def _write_csv(path, allegations) -> None:
    with path.open("w", newline="") as handle:
        write_register_csv(allegations, handle)


def test_valid_csv_is_imported(tmp_path, capsys) -> None:
    path = tmp_path / "register.csv"
    _write_csv(path, generate_register(AllegationGeneratorSettings(n=40, seed=1)))
    assert main(["import-register", str(path), "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["imported"] == 40 and payload["errors"] == []
    assert register_size() == 40


def test_every_bad_row_is_listed_and_nothing_imported(tmp_path, capsys) -> None:
    path = tmp_path / "register.csv"
    _write_csv(path, generate_register(AllegationGeneratorSettings(n=10, seed=1)))
    rows = list(csv.reader(path.open(newline="")))
    rows[2][REGISTER_COLUMNS.index("rank")] = "captain"
    rows[5] = ["SYN-X"] + [""] * (len(REGISTER_COLUMNS) - 1)
    with path.open("w", newline="") as handle:
        csv.writer(handle).writerows(rows)
    assert main(["import-register", str(path), "--json"]) == 1
    captured = capsys.readouterr()
    payload = json.loads(captured.out)
    assert payload["imported"] == 0
    assert {error["line"] for error in payload["errors"]} == {3, 6}
    assert "line 3" in captured.err and "line 6" in captured.err
    assert register_size() == 0


def test_xlsx_is_read_with_spreadsheet_dates(tmp_path, capsys) -> None:
    allegations = list(generate_register(AllegationGeneratorSettings(n=15, seed=9)))
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Allegation id", *REGISTER_COLUMNS[1:]])
    for allegation in allegations:
        row: list[object] = list(register_row(allegation))
        row[REGISTER_COLUMNS.index("date_received")] = allegation.date_received
        sheet.append(row)
    path = tmp_path / "register.xlsx"
    workbook.save(path)
    assert main(["import-register", str(path), "--check", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload == {
        "file": str(path), "rows": 15, "imported": 0, "checked_only": True, "synthetic": 15, "errors": [],
    }  # fmt: skip
    assert register_size() == 0


def test_generate_loads_a_synthetic_register_once(capsys) -> None:
    assert main(["import-register", "--generate", "120", "--seed", "4", "--json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert first["imported"] == 120 and first["synthetic"] and "SYNTHETIC" in first["notice"]
    assert main(["import-register", "--generate", "120", "--seed", "4", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["already_loaded"] is True
    assert register_size() == 120


def test_file_and_generate_together_are_refused(tmp_path, capsys) -> None:
    assert main(["import-register", str(tmp_path / "x.csv"), "--generate", "5"]) == 2
    assert "not both" in capsys.readouterr().err


def test_unreadable_file_exits_non_zero(tmp_path, capsys) -> None:
    assert main(["import-register", str(tmp_path / "missing.csv")]) == 1
    assert "cannot read" in capsys.readouterr().err
