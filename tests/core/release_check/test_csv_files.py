"""CSV: formula injection (OWASP), encoding, ragged rows, counts, and the neutralised copy."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foidesk.core.release_check.csv_files import inspect_csv_shape, is_formula, neutralise, sanitise_csv
from foidesk.core.release_check.findings import InspectionLimits
from tests.core.release_check.corpus import CorpusFile
from tests.core.release_check.corpus_archives import CSV_FILES, assert_caught, assert_clean_copy

LIMITS = InspectionLimits()


@pytest.mark.parametrize(
    "cell", ["=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1", "\r=1", '=HYPERLINK("x")']
)
def test_cells_a_spreadsheet_would_run_are_formulas(cell: str) -> None:
    assert is_formula(cell)


@pytest.mark.parametrize("cell", ["-12", "+3.5", "-0.5%", "-1.2e3", "12", "", "Constable", "a=b"])
def test_plain_numbers_and_text_are_not_formulas(cell: str) -> None:
    assert not is_formula(cell)


@settings(max_examples=300)
@given(st.text(max_size=30))
def test_a_neutralised_cell_never_runs_and_keeps_its_text(cell: str) -> None:
    safe = neutralise(cell)
    assert not is_formula(safe)
    assert safe.endswith(cell)


@settings(max_examples=100)
@given(st.floats(allow_nan=False, allow_infinity=False))
def test_no_number_is_mistaken_for_a_formula(number: float) -> None:
    assert not is_formula(repr(number))


def test_shape_counts_rows_and_columns_and_finds_the_delimiter(tmp_path: Path) -> None:
    path = tmp_path / "a.tsv"
    path.write_text("Rank\tHeadcount\nConstable\t1203\nSergeant\t245\n", encoding="utf-8")
    findings, shape = inspect_csv_shape(str(path), LIMITS)
    assert findings == []
    assert (shape.delimiter, shape.rows, shape.columns, shape.encoding) == ("\t", 3, 2, "utf-8")


def test_the_copy_is_utf8_rectangular_and_drops_formulas(tmp_path: Path) -> None:
    source = tmp_path / "a.csv"
    source.write_bytes("Rank,Cost\r\nConstable,£12\r\n=1+1,-5,extra\r\n".encode("cp1252"))
    target = tmp_path / "b.csv"
    sanitise_csv(str(source), str(target), LIMITS)
    with open(target, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows == [["Rank", "Cost", ""], ["Constable", "£12", ""], ["", "-5", "extra"]]
    findings, _ = inspect_csv_shape(str(target), LIMITS)
    assert findings == []


def test_binary_with_nul_bytes_is_not_a_csv(tmp_path: Path) -> None:
    from foidesk.core.release_check import check_file

    path = tmp_path / "a.csv"
    path.write_bytes(b"a,b\n" + b"\x00" * 10_000)
    assert {f.code for f in check_file(str(path)).findings} >= {"file.cannot_inspect"}


# ------------------------------------------------------------------ Step 8: fail closed


def _check(path: Path) -> set[str]:
    findings, _ = inspect_csv_shape(str(path), LIMITS)
    return {finding.code for finding in findings}


def _copy_rows(source: Path, tmp_path: Path) -> list[list[str]]:
    """The clean copy's rows, after proving the copy is clean under every reading."""
    target = tmp_path / ("clean-" + source.name)
    sanitise_csv(str(source), str(target), LIMITS)
    assert _check(target) == set()
    with open(target, encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


@pytest.mark.parametrize(
    "cell",
    [
        "@SUM(A1)",
        " =1+1",
        "\t=cmd|' /C calc'!A0",
        "＝1+1",
        "\r\n=1",
        "  -2+3",
        "＠SUM(1)",
        "=cmd|'/C calc'!A0",
    ],
)
def test_formulas_behind_blanks_and_in_full_width_are_formulas(cell: str) -> None:
    assert is_formula(cell)


@pytest.mark.parametrize(
    "cell", ["-5", "-3.2", "2024-01-31", "31/01/2024", "-", " +7 ", "-£5", "\t2023\t2024"]
)
def test_negative_numbers_dates_and_a_lone_dash_are_not_formulas(cell: str) -> None:
    assert not is_formula(cell)


def test_a_semicolon_looking_file_with_a_formula_in_a_comma_field_is_blocked(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text('Rank;Headcount\r\nConstable;1203\r\nSee,=HYPERLINK("http://evil.example/")\r\n')
    findings, shape = inspect_csv_shape(str(path), LIMITS)
    assert shape.delimiter == ";"
    assert [(f.code, f.severity.value) for f in findings] == [
        ("csv.formula_injection", "block"),
        ("csv.ragged_rows", "warn"),  # the third row has one column when split on semicolons
    ]
    assert "row 3 column 2" in findings[0].where
    rows = _copy_rows(path, tmp_path)
    assert rows == [
        ["Rank", "Headcount"],
        ["Constable", "1203"],
        ["See", ""],  # the formula the comma reading runs is dropped, with its address
    ]


def test_a_formula_after_a_semicolon_in_a_comma_file_is_blocked_and_dropped(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("Rank,Note\r\nConstable,see;=1+1\r\n")
    assert _check(path) == {"csv.formula_injection"}
    assert _copy_rows(path, tmp_path) == [["Rank", "Note"], ["Constable", "see"]]


def test_a_signed_number_after_a_semicolon_is_kept_with_an_apostrophe(tmp_path: Path) -> None:
    # Just inside the rule: "-5" is a number under the semicolon reading, not a formula; the copy keeps
    # it, with the apostrophe that keeps a program losing track of the quotes from running "-5,...".
    path = tmp_path / "a.csv"
    path.write_text("Rank,Note\r\nConstable,down;-5\r\n")
    assert _check(path) == set()
    assert _copy_rows(path, tmp_path) == [["Rank", "Note"], ["Constable", "down;'-5"]]


def test_a_formula_behind_quote_marks_after_a_comma_in_a_semicolon_file_is_dropped(tmp_path: Path) -> None:
    # The comma reading's cell starts with a quote mark the semicolon reading keeps as text.
    path = tmp_path / "a.csv"
    path.write_text('Rank;Note\r\nFOI-1,"=HYPERLINK(""https://x.example/SECRET-1"",""More"")"\r\n')
    assert _check(path) == {"csv.formula_injection", "csv.ragged_rows"}
    rows = _copy_rows(path, tmp_path)
    assert rows == [["Rank", "Note"], ["FOI-1", ""]]
    assert "SECRET" not in str(rows)


@pytest.mark.parametrize("cell", ["@SUM(1+1)", " =1+1", "\t=cmd|' /C calc'!A0", "＝1+1"])
def test_each_formula_form_in_a_file_is_blocked_and_the_copy_drops_its_text(
    cell: str, tmp_path: Path
) -> None:
    path = tmp_path / "a.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["Rank", "Note"], ["Constable", cell]])
    assert _check(path) == {"csv.formula_injection"}
    rows = _copy_rows(path, tmp_path)
    assert rows[1] == ["Constable", ""]


def test_negative_numbers_and_dates_in_a_file_are_clean(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("Month,Change,Rate\r\n2024-01-31,-5,-3.2\r\n")
    assert _check(path) == set()


def test_quoted_newlines_mixed_line_endings_and_a_bom_are_read(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes('\ufeffRank,Note\r\nConstable,"two\nlines"\nSergeant,"x\r\n=1+1"\r'.encode())
    findings, shape = inspect_csv_shape(str(path), LIMITS)
    assert (shape.rows, shape.columns) == (3, 2)
    assert findings == []  # the formula is inside quotes under every reading
    rows = _copy_rows(path, tmp_path)
    assert rows[:2] == [["Rank", "Note"], ["Constable", "two\nlines"]]
    assert rows[2] == ["Sergeant", "x\r\n'=1+1"]


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_utf16_file_is_read(codec: str, tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    bom = {"utf-16": b"", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}[codec]
    path.write_bytes(bom + "Rank\tHeadcount\r\nCafé\t=1+1\r\n".encode(codec))
    findings, shape = inspect_csv_shape(str(path), LIMITS)
    assert (shape.encoding, shape.delimiter, shape.rows) == ("utf-16", "\t", 2)
    assert {f.code for f in findings} == {"csv.formula_injection"}
    assert _copy_rows(path, tmp_path) == [["Rank", "Headcount"], ["Café", ""]]


@pytest.mark.parametrize(
    "data",
    [
        b"Rank,Cost\r\nConstable,\x81\x8d\r\n",  # neither UTF-8 nor Windows-1252
        b"\xef\xbb\xbfRank,Cost\r\nConstable,\xff\r\n",  # a UTF-8 BOM, then a broken byte
        b"\xff\xfeR\x00a\x00\x00\xd8",  # UTF-16 with a lone surrogate
        b"\xff\xfeR\x00a\x00n",  # UTF-16 cut in half a character
    ],
)
def test_bytes_that_do_not_decode_cannot_be_inspected(data: bytes, tmp_path: Path) -> None:
    from foidesk.core.release_check.findings import CannotInspect, CannotSanitise

    path = tmp_path / "a.csv"
    path.write_bytes(data)
    with pytest.raises(CannotInspect):
        inspect_csv_shape(str(path), LIMITS)
    with pytest.raises(CannotSanitise):
        sanitise_csv(str(path), str(tmp_path / "b.csv"), LIMITS)


def test_undecodable_bytes_are_a_cannot_inspect_block_at_the_gate(tmp_path: Path) -> None:
    from foidesk.core.release_check import check_file

    path = tmp_path / "a.csv"
    path.write_bytes(b"Rank,Cost\r\nConstable,\x81\x8d\r\n")
    report = check_file(str(path))
    assert report.blocked
    assert {f.code for f in report.findings} == {"file.cannot_inspect"}


@pytest.mark.parametrize(
    ("cell", "secret"),
    [
        ("ni ab123456c", "ab123456c"),
        ("call (020) 7946-0000", "(020) 7946-0000"),
        ("mobile 07700-900-123", "07700-900-123"),
        ("jo.bloggs@example.org", "jo.bloggs@example.org"),
        ("car ab12cde seen", "ab12cde"),
    ],
)
def test_personal_data_in_any_case_and_form_is_found_and_redacted(
    cell: str, secret: str, tmp_path: Path
) -> None:
    path = tmp_path / "a.csv"
    path.write_text(f"Rank,Note\r\nConstable,{cell}\r\n")
    findings, _ = inspect_csv_shape(str(path), LIMITS)
    assert [(f.code, f.severity.value) for f in findings] == [("csv.personal_data", "warn")]
    rows = _copy_rows(path, tmp_path)
    assert rows[0] == ["Rank", "Note"]
    assert rows[1][0] == "Constable"
    assert secret not in rows[1][1] and "[redacted]" in rows[1][1]


def test_a_sep_line_adds_its_delimiter_as_a_reading(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("sep=|\r\nRank|Note\r\nConstable|=1+1\r\n")
    findings, shape = inspect_csv_shape(str(path), LIMITS)
    assert shape.delimiter == "|"
    assert {f.code for f in findings} == {"csv.formula_injection"}


@settings(max_examples=200)
@given(st.lists(st.lists(st.text(alphabet="ab=-+@ ;,\t\r\n\"'1＝", max_size=8), max_size=4), max_size=4))
def test_the_copy_of_any_table_is_clean_under_every_reading(rows: list[list[str]]) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "a.csv"
        with open(source, "w", encoding="utf-8", newline="") as handle:
            # A first column of text: a lone sign there, with a semicolon elsewhere, is a known
            # false alarm of the copy (see the module docstring).
            csv.writer(handle).writerows([["Rank", "Note"], *(["Row", *row] for row in rows)])
        target = Path(folder) / "b.csv"
        sanitise_csv(str(source), str(target), LIMITS)
        assert _check(target) <= {"csv.ragged_rows"}


# ---------------------------------------------------------------- the CSV corpus (corpus_archives)


@pytest.mark.parametrize("entry", CSV_FILES, ids=lambda e: e.name)
def test_csv_corpus_is_caught_or_passes(entry: CorpusFile, tmp_path: Path) -> None:
    path = tmp_path / entry.name
    entry.build(path)
    assert_caught(entry, path)


@pytest.mark.parametrize("entry", [e for e in CSV_FILES if not e.is_clean], ids=lambda e: e.name)
def test_csv_corpus_copies_are_clean(entry: CorpusFile, tmp_path: Path) -> None:
    path = tmp_path / entry.name
    entry.build(path)
    assert_clean_copy(entry, path, tmp_path / f"copy-{entry.name}")


def test_a_decimal_comma_number_is_a_number_not_a_formula() -> None:
    from foidesk.core.release_check.csv_files import is_formula

    assert not is_formula("-3,00")
    assert not is_formula("-1.234,50")
    assert is_formula("-3,cmd")
    assert is_formula("-A1")


# Pieces of every shape the CSV check knows (email, NI number, phone with dots, postcode in any case,
# NHS number, plates solid and spaced after a cue) and the characters at their edges.
_PERSONAL_PIECES = [
    "jo@example.org",
    "ab123456c",
    "AB 12 34 56 C",
    "0161.496.0000",
    "(020) 7946 0000",
    "sw1a 1aa",
    "943 476 5919",
    "ab12cde",
    "plate gf 63 wnx",
    "AB12 CDE",
    "20 mph",
    "-",
    ".",
    "@",
    " ",
    "x",
    "7",
    "",
]


@settings(max_examples=300)
@given(
    st.lists(
        st.lists(st.lists(st.sampled_from(_PERSONAL_PIECES), max_size=4).map("".join), max_size=5), max_size=6
    )
)
def test_a_whole_row_search_finds_personal_data_wherever_a_cell_by_cell_search_does(
    rows: list[list[str]],
) -> None:
    from foidesk.core.release_check.csv_files import _might_hold_personal_data, _personal_kind, _redact

    for row in rows:
        by_cell = any(_personal_kind(cell) for cell in row) or any(_redact(cell) != cell for cell in row)
        if by_cell:
            assert _might_hold_personal_data(row), row
