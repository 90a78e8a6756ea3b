"""`foidesk query` and `foidesk import-register --register`: the stop and search register, by command."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from foidesk.cli import main
from foidesk.web.records.selectors import register_size

pytestmark = pytest.mark.django_db

SAMPLE = Path(__file__).parents[1] / "data" / "stop_search" / "metropolitan-stop-and-search-sample.csv"


def test_a_police_uk_file_is_imported_with_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import-register", "--register", "stop-search", str(SAMPLE), "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["register"] == "stop_search" and payload["imported"] == 12 and payload["errors"] == []
    assert register_size("stop_search") == 12


def test_bad_rows_are_listed_and_nothing_imported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(SAMPLE.read_text(encoding="utf-8").replace(",Male,", ",Robot,", 2), encoding="utf-8")
    assert main(["import-register", "--register", "stop_search", str(bad), "--json"]) == 1
    captured = capsys.readouterr()
    assert {e["line"] for e in json.loads(captured.out)["errors"]} == {2, 3}
    assert "line 2, Gender" in captured.err
    assert register_size("stop_search") == 0


def test_an_unknown_register_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import-register", "--register", "parking", str(SAMPLE)]) == 2
    assert "no dataset 'parking'" in capsys.readouterr().err


def test_query_counts_the_imported_file_as_counted_by_hand(capsys: pytest.CaptureFixture[str]) -> None:
    main(["import-register", "--register", "stop_search", str(SAMPLE)])
    capsys.readouterr()
    args = ["query", "stop_search", "ethnicity", "--from", "2023-04-01", "--to", "2024-03-31"]
    assert main([*args, "--where", "borough: Lambeth", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert dict(zip(payload["row_labels"], payload["cells"], strict=True)) == {"White": [2], "Black": [5]}
    assert payload["description"].startswith("Stop and search register: records made 1 April 2023")


def test_query_protect_releases_only_the_protected_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["import-register", "--register", "stop_search", "--generate", "3000", "--seed", "4"])
    capsys.readouterr()
    out = tmp_path / "table.csv"
    code = main(["query", "stop_search", "ethnicity", "outcome", "--where", "borough: Lambeth", "--protect",
                 "-o", str(out), "--json"])  # fmt: skip
    payload = json.loads(capsys.readouterr().out)
    assert code == 0 and payload["release_allowed"] and payload["suppressed"]
    assert isinstance(payload["cells"], int)  # how many cells (protect's report), not the true counts
    shown = [cell for row in payload["display_cells"] for cell in row]
    assert "[c]" in shown
    assert all(c == "[c]" or int(c) == 0 or int(c) >= 5 for c in shown)
    rows = list(csv.reader(out.open(encoding="utf-8")))
    assert rows[0][0] == "Officer-defined ethnicity" and rows[1:] == [
        [label, *cells] for label, cells in zip(payload["row_labels"], payload["display_cells"], strict=True)
    ]


def test_the_unprotected_table_is_the_input_of_foidesk_protect(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["import-register", "--register", "stop_search", "--generate", "3000", "--seed", "4"])
    table = tmp_path / "counts.csv"
    main(["query", "stop_search", "ethnicity", "outcome", "--where", "borough: Lambeth", "-o", str(table)])
    capsys.readouterr()
    assert main(["protect", str(table), "--json"]) == 0
    by_protect = json.loads(capsys.readouterr().out)
    main(["query", "stop_search", "ethnicity", "outcome", "--where", "borough: Lambeth", "--protect",
          "--json"])  # fmt: skip
    by_query = json.loads(capsys.readouterr().out)
    assert by_protect["suppressed"] == by_query["suppressed"]


def test_a_word_the_register_does_not_know_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "stop_search", "shoe size", "--json"]) == 2
    assert "cannot be broken down by 'shoe size'" in capsys.readouterr().err
    assert main(["query", "stop_search", "outcome", "--where", "borough Lambeth"]) == 2
    assert "write a field and values" in capsys.readouterr().err


def test_a_stop_and_search_record_list_withholds_the_point_and_the_time(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["import-register", "--register", "stop_search", "--generate", "2000", "--seed", "8"])
    out = tmp_path / "records.csv"
    args = ["anonymise", "--dataset", "stop-search", "--k", "5", "--l", "2", "-o", str(out), "--json"]
    capsys.readouterr()
    assert main(args) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["k"] == 5
    rows = list(csv.DictReader(line for line in out.open(encoding="utf-8") if "," in line))
    assert rows
    assert {row["Latitude"] for row in rows} == {row["Date and time"] for row in rows} == {"*"}
