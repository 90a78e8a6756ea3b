"""`foidesk anonymise`: a record list from the register, k-anonymous and l-diverse, with its report."""

from __future__ import annotations

import csv
import json
from collections import Counter

import pytest

from foidesk.cli import main
from foidesk.core.release_check import check_file
from foidesk.web.records.services import register_generate

pytestmark = pytest.mark.django_db

QUASI_LABELS = (
    "Rank",
    "Gender",
    "Borough",
    "Police station",
    "Date received",
    "Allegation category",
    "Nature of allegation",
    "Standard of professional behaviour",
)


@pytest.fixture
def register() -> None:
    register_generate(n=1500, seed=11)


def test_the_report_and_the_csv_agree_and_every_group_has_k_records(register, tmp_path, capsys) -> None:
    out = tmp_path / "released.csv"
    code = main(
        ["anonymise", "--dataset", "misconduct", "--from", "2021-01-01", "--to", "2021-12-31",
         "--k", "5", "--l", "2", "--json", "-o", str(out)]
    )  # fmt: skip
    assert code == 0
    report = json.loads(capsys.readouterr().out)
    assert report["k"] == 5 and report["l"] == 2
    assert report["released"] + report["suppressed"] == report["records"] > 0
    assert set(report["dropped"]) >= {
        "officer_id",
        "collar_number",
        "named_persons",
        "summary",
        "allegation_id",
    }
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == report["released"]
    quasi = [name for name in rows[0] if name.split(" (")[0] in QUASI_LABELS]
    assert len(quasi) == len(QUASI_LABELS)
    groups = Counter(tuple(row[name] for name in quasi) for row in rows)
    assert min(groups.values()) >= 5
    outcomes: dict[tuple[str, ...], set[str]] = {}
    for row in rows:
        outcomes.setdefault(tuple(row[name] for name in quasi), set()).add(row["Outcome"])
    assert all(len(values) >= 2 for values in outcomes.values())
    assert not any("collar" in name.lower() or "summary" in name.lower() for name in rows[0])
    assert check_file(str(out)).clean


def test_the_plain_report_says_what_was_withheld(register, capsys) -> None:
    assert main(["anonymise", "--where", "category: sexual misconduct"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("Released ")
    assert "Levels: rank:" in text and "Never released: allegation_id" in text
    assert "outcomes: every group holds at least" in text


def test_an_unknown_word_in_where_is_refused(register, capsys) -> None:
    assert main(["anonymise", "--where", "colour: blue"]) == 2
    assert "colour" in capsys.readouterr().err


def test_a_k_larger_than_the_list_is_refused(register, capsys) -> None:
    code = main(["anonymise", "--from", "2021-01-01", "--to", "2021-01-01", "--k", "50"])
    assert code == 2
    assert "fewer than k = 50" in capsys.readouterr().err


def test_a_where_without_a_value_is_refused(capsys) -> None:
    assert main(["anonymise", "--where", "dismissal"]) == 2
    assert "needs a field and a value" in capsys.readouterr().err
