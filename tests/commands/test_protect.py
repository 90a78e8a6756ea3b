"""Tests for `foidesk protect`: the CSV contract, the JSON report, and clear errors on bad input."""

from __future__ import annotations

import csv
import json
import math
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from foidesk.cli import main
from tests.core.sdc.test_hierarchy import pinned_small_cells, random_tables

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
        ("A,B,C\nx,1,2\ny,3\n", "line 3 has 2 fields"),
        ("A,B\nx,-1\n", "negative"),
        ("A,B\nx,1.5\n", "not a whole-number count"),
        ("A,B\nx,lots\n", "not a whole-number count"),
        ("A,B,Total\nx,1,2\ny,3,3\n", "cell ('x', 'Total') is 2, but as a sum of 'B' it should be 1"),
        ("A,B,C\nx,1,2\nTotal,1,3\n", "cell ('Total', 'C') is 3, but as a sum of 'x' it should be 2"),
        ("", "empty"),
        ("A,B,C\n", "no rows of counts"),
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


# --- malformed input: exit 2, one line on stderr naming the problem, nothing on stdout ----------

DATA = Path(__file__).parent.parent / "data" / "protect"


def _fails(capsys: pytest.CaptureFixture[str], argv: list[str], message: str) -> None:
    assert main(["protect", *argv]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and "Traceback" not in captured.err
    assert message in captured.err, captured.err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'A,B\nx,"1,2"\n', "has a comma: '1,2'"),
        (b'A,B\nx,"1,234"\n', "pass --thousands"),
        (b"A,B\nx,1,234\n", "line 2 has 3 fields; the header has 2 (ragged CSV) (an unquoted 1,234?)"),
        (b"A,B\nx,-1\n", "is negative: '-1'"),
        (b"A,B\nx,--5\n", "is not a whole-number count: '--5'"),
        (b"A,B\nx,+5\n", "is not a whole-number count: '+5'"),
        (b"A,B\nx,1.0\n", "is not a whole-number count: '1.0'"),
        ("A,B\nx,²\n".encode(), "uses a character other than the digits 0-9: '²'"),
        ("A,B\nx,٣\n".encode(), "uses a character other than the digits 0-9: '٣'"),  # Arabic-Indic 3
        ("A,B\nx,３\n".encode(), "uses a character other than the digits 0-9"),  # full-width 3
        (b"A,B\nx,1e20\n", "is not a whole-number count: '1e20'"),
        (b"A,B\nx,1000000001\n", "is too large to be a count"),
        (b"A,B\nx," + b"9" * 5000 + b"\n", "is too large to be a count"),
        (b"A,B\nx,NaN\n", "is not a whole-number count: 'NaN'"),
        (b"A,B\nx,inf\n", "is not a whole-number count: 'inf'"),
        (b"A,B,C\nx,1,\n", "cell ('x', 'C') on line 2 is empty (write 0 for none)"),
        (b"A,B,C\nx,1,2\ny,3\n", "line 3 has 2 fields; the header has 3"),
        (b"A,B\nx,1\nX,2\n", "row label 'X' appears twice"),
        (b"A,B,b\nx,1,2\n", "column label 'b' appears twice"),
        (b"A,B,\nx,1,2\n", "column 3 of the header has no label"),
        (b"A,B\n,1\n", "line 2 has no row label"),
        (b"", "the file is empty (0 bytes)"),
        (b"\n\n", "the file has no rows"),
        (b"A,B\n", "a header row but no rows of counts"),
        (b"A\nx\n", "the header row has one field only"),
        (b'A,B\nx,"1\n', "not readable as CSV"),
        (b"A,B\nCaf\xe9,1\n", "not valid utf-8 (byte 0xe9 at offset 7)"),
        ("A,B\nx,12\n".encode("utf-16-le"), "NUL bytes: UTF-16 without a byte-order mark"),
        (b"A,B,Total\nx,1,2\n", "cell ('x', 'Total') is 2, but as a sum of 'B' it should be 1"),
    ],
)
def test_malformed_input_is_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    path = tmp_path / "table.csv"
    path.write_bytes(content)
    _fails(capsys, [str(path), "--json"], message)


def test_a_directory_and_a_missing_file_are_clear_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _fails(capsys, [str(tmp_path)], "it is a directory")
    _fails(capsys, [str(tmp_path / "nope.csv")], "No such file or directory")


def test_bad_options_are_clear_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    table = _write(tmp_path, TABLE)
    _fails(capsys, [table, "--encoding", "klingon"], "unknown encoding 'klingon'")
    _fails(capsys, [table, "--threshold", "0"], "threshold must be a positive count")
    _fails(capsys, [table, "--record"], "--record needs --ledger")
    bad_json = tmp_path / "h.json"
    bad_json.write_text("{rows: 1", encoding="utf-8")
    _fails(capsys, [table, "--hierarchy", str(bad_json)], "not valid JSON (line 1")
    unknown = tmp_path / "u.json"
    unknown.write_text('{"rows": {"North": ["Camden", "Barnet"]}}', encoding="utf-8")
    _fails(capsys, [table, "--hierarchy", str(unknown)], "names row 'North', which the table does not have")


@pytest.mark.parametrize(
    ("content", "args"),
    [
        (b"Rank;Count\nPC;3\nPS;10\nInsp;12\nTotal;25\n", []),
        (b"Rank\tCount\nPC\t3\nPS\t10\nInsp\t12\nTotal\t25\n", []),
        (b"Rank;Count\nPC;3\nPS;10\nInsp;12\nTotal;25\n", ["--delimiter", ";"]),
        (b"\xef\xbb\xbfRank,Count\nPC,3\nPS,10\nInsp,12\nTotal,25\n", []),
        ("Rank,Count\nPC,3\nPS,10\nInsp,12\nTotal,25\n".encode("utf-16"), []),
        ("Rank,Count\nPC,3\nPS,10\nInsp,12\nTotal,25\n".encode("utf-16-le"), ["--encoding", "utf-16-le"]),
        (b"Rank,Count\nPC,3\nPS,10\nInsp,12\n  total ,25\n", []),
    ],
)
def test_other_delimiters_and_encodings_are_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, args: list[str]
) -> None:
    path = tmp_path / "table.csv"
    path.write_bytes(content)
    assert main(["protect", str(path), "--json", *args]) == 0
    report = json.loads(capsys.readouterr().out)
    assert {(c["row"], c["reason"]) for c in report["suppressed"]} == {("PC", "primary"), ("PS", "secondary")}
    assert report["cells"] == 4


def test_thousands_separators_are_read_when_asked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "table.csv"
    path.write_text('Force,Count\nMet,"1,234"\nKent,3\nTotal,"1,237"\n', encoding="utf-8")
    assert main(["protect", str(path), "--thousands"]) == 0
    assert capsys.readouterr().out == "Force,Count\nMet,[c]\nKent,[c]\nTotal,1237\n"


def test_a_semicolon_file_keeps_its_delimiter(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "table.csv"
    path.write_text("Rang;Anzahl\nPC;3\nPS;10\nInsp;12\nTotal;25\n", encoding="utf-8")
    assert main(["protect", str(path)]) == 0
    assert capsys.readouterr().out == "Rang;Anzahl\nPC;[c]\nPS;[c]\nInsp;12\nTotal;25\n"


# --- totals and subtotals declared -------------------------------------------------------------

AREA_ROWS = {
    "North": ["Barnet", "Camden"],
    "South": ["Brent", "Hackney"],
    "All allegations": ["North", "South"],
}
AREA_COLUMNS = {"All allegations": ["Assault", "Dishonesty", "Sexual misconduct"]}


def _read_csv(path: Path) -> tuple[list[str], list[str], list[list[int]]]:
    rows = list(csv.reader(path.open(encoding="utf-8")))
    return [r[0] for r in rows[1:]], rows[0][1:], [[int(v) for v in r[1:]] for r in rows[1:]]


def _published(report: dict[str, object]) -> list[list[int | None]]:
    table = report["table"]
    assert isinstance(table, list)
    return [[None if v == "[c]" else int(v) for v in row[1:]] for row in table[1:]]


MARKED_ROWS = {
    "Σ North": ["Barnet", "Camden"],
    "South (subtotal)": ["Brent", "Hackney"],
    "All allegations": ["Barnet", "Camden", "Brent", "Hackney"],  # a total label: every leaf
}


@pytest.mark.parametrize("method", ["optimal", "fast"])
@pytest.mark.parametrize(
    ("table", "args", "row_sums"),
    [
        ("areas.csv", ["--hierarchy", str(DATA / "areas.hierarchy.json")], AREA_ROWS),
        ("areas_marked.csv", ["--total-label", "ALL ALLEGATIONS"], MARKED_ROWS),
    ],
)
def test_declared_subtotals_leave_no_small_count_recoverable(
    capsys: pytest.CaptureFixture[str],
    method: str,
    table: str,
    args: list[str],
    row_sums: dict[str, list[str]],
) -> None:
    assert main(["protect", str(DATA / table), "--method", method, "--json", *args]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["audit"]["passed"] is True
    assert report["hierarchy"] == {"rows": row_sums, "columns": AREA_COLUMNS}
    rows, columns, values = _read_csv(DATA / table)
    published = _published(report)
    assert published[0][0] is None  # Barnet's 3 assaults
    assert not pinned_small_cells(rows, columns, values, published, row_sums, AREA_COLUMNS, 5)


def test_undeclared_subtotals_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    _fails(
        capsys, [str(DATA / "areas.csv")], "row 'North' = 'Barnet' + 'Camden' but is not declared as a sum"
    )
    # Told only of the grand total, the subtotal rows make it disagree: named, with a hint.
    _fails(
        capsys,
        [str(DATA / "areas.csv"), "--total-label", "All allegations"],
        "cell ('All allegations', 'Assault') is 29, but as a sum of its 6 rows it should be 58 "
        "(is a subtotal row not declared? see --hierarchy)",
    )


def test_an_all_allegations_total_is_no_longer_taken_for_a_count(capsys: pytest.CaptureFixture[str]) -> None:
    table = str(DATA / "allegations.csv")
    rows, columns, values = _read_csv(DATA / "allegations.csv")
    total = {"All allegations": ["Assault", "Dishonesty", "Sexual misconduct"]}
    _fails(
        capsys, [table], "row 'All allegations' = 'Assault' + 'Dishonesty' + 'Sexual misconduct' but is not"
    )

    assert main(["protect", table, "--total-label", "All allegations", "--json"]) == 0
    declared = json.loads(capsys.readouterr().out)
    assert declared["table"][-1] == ["All allegations", "25"]
    assert not pinned_small_cells(rows, columns, values, _published(declared), total, {}, 5)

    # What the tester saw: taken for a count, the total gives Assault away (25 - 10 - 12 = 3).
    assert main(["protect", table, "--allow-undeclared-sums", "--json"]) == 0
    as_count = json.loads(capsys.readouterr().out)
    assert as_count["audit"]["passed"] is True
    assert pinned_small_cells(rows, columns, values, _published(as_count), total, {}, 5) == [
        ("Assault", "Count", 3.0, 3.0)
    ]


# --- earlier releases --------------------------------------------------------------------------


def _joint_pins(
    tables: list[tuple[list[list[int | None]], list[list[int]], tuple[int, ...]]],
    atoms: list[list[list[int]]],
) -> list[tuple[int, int, float, float]]:
    """An intruder over both releases of a 2 x 2 table with totals, written here independently.

    The records are cut into periods (``atoms[p][i][j]``, the true counts of period ``p``); each
    release counts some periods (its third item). Every published cell, totals included, is an
    equation over the atoms; every atom or hidden cell holding 1..4 must range at least 5 wide.
    """
    from scipy.optimize import linprog

    n_periods = len(atoms)

    def var(p: int, i: int, j: int) -> int:
        return (p * 2 + i) * 2 + j

    def cells(i: int, j: int) -> list[tuple[int, int]]:
        return [(a, b) for a in ([i] if i < 2 else [0, 1]) for b in ([j] if j < 2 else [0, 1])]

    equations: list[npt.NDArray[np.float64]] = []
    rhs: list[float] = []
    candidates: list[tuple[npt.NDArray[np.float64], int]] = []
    for published, truth, periods in tables:
        for i in range(3):
            for j in range(3):
                row = np.zeros(n_periods * 4)
                for p in periods:
                    for a, b in cells(i, j):
                        row[var(p, a, b)] = 1.0
                if published[i][j] is None:
                    candidates.append((row, truth[i][j]))
                else:
                    equations.append(row)
                    rhs.append(float(published[i][j] or 0))
    for p in range(n_periods):
        for i in range(2):
            for j in range(2):
                row = np.zeros(n_periods * 4)
                row[var(p, i, j)] = 1.0
                candidates.append((row, atoms[p][i][j]))
    pinned = []
    for k, (row, value) in enumerate(candidates):
        if not 0 < value < 5:
            continue
        low = linprog(row, A_eq=np.array(equations), b_eq=rhs, bounds=(0, None), method="highs")
        high = linprog(-row, A_eq=np.array(equations), b_eq=rhs, bounds=(0, None), method="highs")
        upper = math.inf if high.status == 3 else -high.fun
        if upper - low.fun < 5 - 1e-6:
            pinned.append((k, value, float(low.fun), upper))
    return pinned


def test_a_ledger_round_trip_hides_what_differencing_would_reveal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ledger = tmp_path / "ledger.json"
    year = ["--ledger", str(ledger), "--scope-json", str(DATA / "scope_2020.json")]
    assert (
        main(["protect", str(DATA / "year_2020.csv"), *year, "--record", "--reference", "FOI-1", "--json"])
        == 0
    )
    first = json.loads(capsys.readouterr().out)
    assert first["recorded"] == "FOI-1" and first["suppressed"] == []
    entries = json.loads(ledger.read_text(encoding="utf-8"))
    assert [e["reference"] for e in entries] == ["FOI-1"]
    assert entries[0]["dataset"] == "misconduct" and entries[0]["filters"][0]["dimension"] == "received"

    later = str(DATA / "to_june_2021.csv")
    alone_values = _read_csv(DATA / "to_june_2021.csv")[2]
    assert main(["protect", later, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["suppressed"] == []  # alone it has no small count
    to_june = ["--ledger", str(ledger), "--scope-json", str(DATA / "scope_to_june_2021.json")]
    assert main(["protect", later, *to_june, "--record", "--reference", "FOI-2", "--json"]) == 0
    second = json.loads(capsys.readouterr().out)
    assert second["ledger"]["passed"] is True and second["ledger"]["compared_with"] == ["FOI-1"]
    assert second["suppressed"], "January-June 2021 = this table minus 2020: Camden's 2 and 3 must not show"
    assert [e["reference"] for e in json.loads(ledger.read_text(encoding="utf-8"))] == ["FOI-1", "FOI-2"]

    # Periods: 2020, and January to June 2021 (by hand: the second table minus the first).
    atoms = [[[12, 30], [20, 25]], [[2, 3], [9, 6]]]
    shown: list[list[int | None]] = [list(row) for row in alone_values]
    releases = [
        (_published(first), _read_csv(DATA / "year_2020.csv")[2], (0,)),
        (_published(second), alone_values, (0, 1)),
    ]
    assert _joint_pins(releases, atoms) == []
    # Without the ledger the second release (all shown) pins the 2021 counts exactly.
    assert {value for _, value, _, _ in _joint_pins([releases[0], (shown, alone_values, (0, 1))], atoms)} == {
        2,
        3,
    }


def test_ledger_errors_are_clear(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    table = str(DATA / "year_2020.csv")
    scope = str(DATA / "scope_2020.json")
    ledger = tmp_path / "ledger.json"
    _fails(capsys, [table, "--ledger", str(ledger), "--scope-json", scope], "cannot read")
    ledger.write_text("{}", encoding="utf-8")
    _fails(capsys, [table, "--ledger", str(ledger), "--scope-json", scope], "a ledger is a JSON array")
    ledger.write_text('[{"reference": "x"}]', encoding="utf-8")
    _fails(capsys, [table, "--ledger", str(ledger), "--scope-json", scope], "entry 1 is not a ledger entry")
    ledger.write_text("[]", encoding="utf-8")
    _fails(capsys, [table, "--ledger", str(ledger)], "--ledger needs the dataset")
    _fails(
        capsys,
        [table, "--ledger", str(ledger), "--scope-json", scope, "--record", "--released", "1/1/21"],
        "--released",
    )
    _fails(capsys, [table, "--ledger", str(ledger), "--dataset", "misconduct"], "column dimension")
    overlapping = tmp_path / "overlapping.csv"
    overlapping.write_text(
        "Borough,Count\nBarnet,3\nCamden,10\nHackney,9\nNorth,13\nInner,19\n", encoding="utf-8"
    )
    groups = tmp_path / "groups.json"
    groups.write_text(
        '{"rows": {"North": ["Barnet", "Camden"], "Inner": ["Camden", "Hackney"]}}', encoding="utf-8"
    )
    _fails(
        capsys,
        [str(overlapping), "--hierarchy", str(groups), "--ledger", str(ledger), "--dataset", "misconduct"],
        "--ledger takes totals and one level of row subtotals",
    )
    ledger.unlink()
    assert (
        main(
            ["protect", table, "--ledger", str(ledger), "--scope-json", scope, "--record", "--reference", "A"]
        )
        == 0
    )
    capsys.readouterr()
    _fails(
        capsys,
        [table, "--ledger", str(ledger), "--scope-json", scope, "--record", "--reference", "A"],
        "already holds",
    )


# --- properties --------------------------------------------------------------------------------


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(drawn=random_tables())
def test_random_hierarchies_through_the_command_leave_nothing_recoverable(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    drawn: tuple[list[str], list[str], list[list[int]], dict[str, list[str]], dict[str, list[str]]],
) -> None:
    row_labels, column_labels, values, row_sums, column_sums = drawn
    table = tmp_path / "random.csv"
    with table.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(
            [["Category", *column_labels]] + [[r, *v] for r, v in zip(row_labels, values, strict=True)]
        )
    hierarchy = tmp_path / "random.json"
    hierarchy.write_text(json.dumps({"rows": row_sums}), encoding="utf-8")
    # Declared sums are the point here; a leaf that happens to equal others is a count.
    assert (
        main(["protect", str(table), "--hierarchy", str(hierarchy), "--allow-undeclared-sums", "--json"]) == 0
    )
    report = json.loads(capsys.readouterr().out)
    assert not pinned_small_cells(
        row_labels, column_labels, values, _published(report), row_sums, column_sums, 5
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cell=st.text(max_size=8))
def test_any_cell_text_is_a_count_or_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], cell: str
) -> None:
    table = tmp_path / "fuzz.csv"
    with table.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["Rank", "Count"], ["PC", cell], ["PS", "10"]])
    code = main(["protect", str(table), "--delimiter", ",", "--json"])
    captured = capsys.readouterr()
    if code == 0:
        assert cell.strip().isascii() and cell.strip().isdigit()
    else:
        assert code == 2 and captured.out == "" and captured.err.count("\n") == 1
