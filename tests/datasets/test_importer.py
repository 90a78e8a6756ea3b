"""Importing the register: all or nothing, every bad row reported by its line number."""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io

import openpyxl
import pytest

from foidesk.datasets import misconduct as m
from foidesk.datasets import misconduct_synthetic as synthetic
from foidesk.datasets.importer import (
    REGISTER_COLUMNS,
    RegisterImportError,
    read_register,
    read_register_csv_text,
    register_row,
    write_register_csv,
)


@functools.cache
def allegations() -> list[m.Allegation]:
    """60 allegations from a fixed seed, generated on first use (not at import) and kept for the module."""
    return list(synthetic.generate_register(synthetic.AllegationGeneratorSettings(n=60, seed=8)))


HEADER = ",".join(REGISTER_COLUMNS)


def _csv(rows: list[list[str]], header: str = HEADER) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return header + "\n" + buffer.getvalue()


def _row(index: int = 0, **changes: str) -> list[str]:
    row = register_row(allegations()[index])
    for column, value in changes.items():
        row[REGISTER_COLUMNS.index(column)] = value
    return row


def _errors(text: str) -> list[tuple[int, str | None]]:
    with pytest.raises(RegisterImportError) as caught:
        read_register_csv_text(text)
    return [(e.line, e.column) for e in caught.value.errors]


def test_a_written_register_reads_back_unchanged() -> None:
    buffer = io.StringIO()
    assert write_register_csv(allegations(), buffer) == 60
    assert read_register_csv_text(buffer.getvalue()) == allegations()


def test_labels_synonyms_and_uk_dates_are_understood() -> None:
    header = HEADER.replace("date_received", "Date received").replace("outcomes", "Outcome")
    row = _row(
        date_received="04/05/2021",
        rank="PC",
        forum="No proceedings",
        finding="No case to answer",
        outcomes="NCTA; RPRP",
        category="APSP",
    )
    (allegation,) = read_register_csv_text(_csv([row], header))
    assert allegation.date_received == dt.date(2021, 5, 4)
    assert allegation.rank is m.Rank.CONSTABLE
    assert allegation.outcomes == (
        m.MisconductOutcome.NO_CASE_TO_ANSWER,
        m.MisconductOutcome.REFLECTIVE_PRACTICE,
    )
    assert allegation.category is m.Category.APSP


def test_every_bad_row_is_reported_and_nothing_returned() -> None:
    rows = [
        _row(0),
        _row(1, rank="captain"),  # line 3
        _row(2),
        _row(3, date_received="31/02/2021", gender=""),  # line 5: two problems
        _row(4, outcomes="written warning; dismissal without notice; reflective practice"),  # line 6
    ]
    errors = _errors(_csv(rows))
    assert errors[:3] == [(3, "rank"), (5, "gender"), (5, "date_received")]
    assert {line for line, _ in errors} == {3, 5, 6}
    assert (6, None) in errors


def test_the_messages_say_what_is_wrong() -> None:
    rows = [_row(0, date_received="2019-06-01", forum="no_proceedings", finding="not_investigated",
                 outcomes="reflective practice")]  # fmt: skip
    with pytest.raises(RegisterImportError) as caught:
        read_register_csv_text(_csv(rows))
    (error,) = caught.value.errors
    assert str(error) == (
        "line 2: reflective practice (RPRP) applies only to allegations received from 2020-02-01 "
        "(Part 6, Police (Conduct) Regulations 2020)"
    )


def test_line_numbers_count_lines_inside_quoted_summaries() -> None:
    rows = [_row(0, summary="first line\nsecond line\nthird line"), _row(1, rank="admiral")]
    assert _errors(_csv(rows)) == [(5, "rank")]


def test_a_repeated_allegation_id_names_the_first_line() -> None:
    with pytest.raises(RegisterImportError, match="already on line 2"):
        read_register_csv_text(_csv([_row(0), _row(1), _row(0)]))


def test_a_ragged_row_is_reported() -> None:
    assert _errors(_csv([_row(0), [*_row(1), "surplus"]])) == [(3, None)]


@pytest.mark.parametrize(
    ("header", "message"),
    [
        (HEADER.replace(",gender", ""), "missing column(s): gender"),
        (HEADER + ",shoe size", "unknown column 'shoe size'"),
        (HEADER.replace("station", "rank"), "column 'rank' appears twice"),
    ],
)
def test_header_problems_are_reported_on_line_1(header: str, message: str) -> None:
    with pytest.raises(RegisterImportError, match=message.replace("(", r"\(").replace(")", r"\)")) as caught:
        read_register_csv_text(header + "\n")
    assert {e.line for e in caught.value.errors} == {1}


def test_an_empty_file_and_a_header_alone_are_refused() -> None:
    with pytest.raises(RegisterImportError, match="empty"):
        read_register_csv_text("")
    with pytest.raises(RegisterImportError, match="no rows"):
        read_register_csv_text(HEADER + "\n\n")


def test_a_file_that_is_not_utf8_is_refused(tmp_path) -> None:
    path = tmp_path / "register.csv"
    path.write_bytes(HEADER.encode() + b"\n\xff\xfe\n")
    with pytest.raises(RegisterImportError, match="not UTF-8"):
        read_register(path)


def test_other_file_types_are_refused(tmp_path) -> None:
    with pytest.raises(RegisterImportError, match=r"\.csv or \.xlsx"):
        read_register(tmp_path / "register.ods")


def test_xlsx_with_date_cells_and_trailing_blank_rows(tmp_path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(list(REGISTER_COLUMNS))
    for allegation in allegations()[:10]:
        row: list[object] = list(register_row(allegation))
        row[REGISTER_COLUMNS.index("date_received")] = allegation.date_received
        sheet.append(row)
    sheet.append([None] * len(REGISTER_COLUMNS))
    bad: list[object] = list(register_row(allegations()[10]))
    bad[REGISTER_COLUMNS.index("borough")] = "Gotham"
    sheet.append(bad)
    path = tmp_path / "register.xlsx"
    workbook.save(path)
    with pytest.raises(RegisterImportError) as caught:
        read_register(path)
    assert [(e.line, e.column) for e in caught.value.errors] == [(13, "borough")]
    sheet.delete_rows(13)
    workbook.save(path)
    assert read_register(path) == allegations()[:10]


def test_a_file_named_xlsx_that_is_not_a_workbook_is_refused(tmp_path) -> None:
    path = tmp_path / "register.xlsx"
    path.write_text("allegation_id,rank\n")
    with pytest.raises(RegisterImportError, match=r"cannot read register\.xlsx as XLSX"):
        read_register(path)


def test_malformed_csv_quoting_is_a_clear_error() -> None:
    text = _csv([_row(0)]) + '"SYN-9"x,' + ",".join(_row(1)[1:]) + "\n"
    with pytest.raises(RegisterImportError, match="line 3: not valid CSV"):
        read_register_csv_text(text)


def test_a_value_longer_than_the_register_holds_is_reported() -> None:
    assert _errors(_csv([_row(0, nature="x" * 201)])) == [(2, None)]
    with pytest.raises(RegisterImportError, match="nature is longer than 200 characters"):
        read_register_csv_text(_csv([_row(0, nature="x" * 201)]))
