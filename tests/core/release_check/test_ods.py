"""ODS: hidden tables, rows, columns and groups, annotations, and the fresh odfpy copy."""

from __future__ import annotations

from pathlib import Path

from foidesk.core.release_check import sanitise_file
from foidesk.core.release_check.findings import InspectionLimits
from foidesk.core.release_check.ods import inspect_ods
from tests.core.release_check.corpus_spreadsheets import ods, ods_row


def _codes(path: Path) -> set[str]:
    return {f.code for f in inspect_ods(str(path), InspectionLimits())}


def test_a_hidden_row_group_hides_its_rows(tmp_path: Path) -> None:
    from odf.table import TableRowGroup

    def edit(document: object, table: object) -> None:
        group = TableRowGroup(display=False)
        group.addElement(ods_row(["SECRET-GROUPED", 7]))
        table.addElement(group)  # type: ignore[attr-defined]

    path = tmp_path / "group.ods"
    ods(edit)(path)
    assert "ods.hidden_row" in _codes(path)


def test_a_row_of_zero_height_is_hidden(tmp_path: Path) -> None:
    from odf.style import Style, TableRowProperties

    def edit(document: object, table: object) -> None:
        flat = Style(name="roFlat", family="table-row")
        flat.addElement(TableRowProperties(rowheight="0cm"))
        document.automaticstyles.addElement(flat)  # type: ignore[attr-defined]
        table.addElement(ods_row(["SECRET-FLAT", 7], stylename=flat))  # type: ignore[attr-defined]

    path = tmp_path / "flat.ods"
    ods(edit)(path)
    assert "ods.hidden_row" in _codes(path)


def test_finding_places_are_cell_references(tmp_path: Path) -> None:
    def edit(document: object, table: object) -> None:
        table.addElement(ods_row(["Contact", "jane.officer@example.police.uk"]))  # type: ignore[attr-defined]

    path = tmp_path / "contact.ods"
    ods(edit)(path)
    finding = next(f for f in inspect_ods(str(path), InspectionLimits()) if f.code == "ods.personal_data")
    assert finding.where == "Headcount!B5"


def test_the_copy_keeps_numbers_as_numbers_and_drops_hidden_rows(tmp_path: Path) -> None:
    from odf.opendocument import load
    from odf.table import TableCell, TableRow

    def edit(document: object, table: object) -> None:
        table.addElement(ods_row(["SECRET-ROW", 1], visibility="collapse"))  # type: ignore[attr-defined]
        table.addElement(ods_row(["Chief Inspector", 12]))  # type: ignore[attr-defined]

    path = tmp_path / "rows.ods"
    ods(edit)(path)
    copy = tmp_path / "copy.ods"
    assert sanitise_file(str(path), str(copy)).clean
    rows = load(str(copy)).spreadsheet.getElementsByType(TableRow)
    cells = [[str(c.getAttribute("value") or c) for c in row.getElementsByType(TableCell)] for row in rows]
    assert cells == [
        ["Rank", "Headcount"],
        ["Constable", "1203"],
        ["Sergeant", "245"],
        ["Inspector", "61"],
        ["Chief Inspector", "12"],
    ]
    assert b"SECRET-ROW" not in copy.read_bytes()


def test_a_clean_spreadsheet_has_no_findings(tmp_path: Path) -> None:
    path = tmp_path / "clean.ods"
    ods(lambda document, table: None)(path)
    assert _codes(path) == set()


def test_a_filled_shape_placed_on_the_page_blocks_and_no_copy_is_made(tmp_path: Path) -> None:
    import pytest

    from foidesk.core.release_check import CannotSanitise, check_file
    from tests.core.release_check.corpus_ods_red import graphic, raw_ods, secret_row

    path = tmp_path / "page_shape.ods"
    rect = '<draw:rect draw:style-name="gr1" svg:width="5cm" svg:height="1cm" svg:x="2cm" svg:y="2cm"/>'
    shapes = f"<table:shapes>{rect}</table:shapes>"
    raw_ods(secret_row("SECRET-ODS-PAGE-SHAPE"), graphic("gr1", 'draw:fill="solid"'), in_table=shapes)(path)
    assert "ods.unaccounted" in {finding.code for finding in check_file(str(path)).findings}
    with pytest.raises(CannotSanitise):
        sanitise_file(str(path), str(tmp_path / "copy.ods"))
    assert not (tmp_path / "copy.ods").exists()


def test_a_word_split_across_two_chunks_is_still_found() -> None:
    from foidesk.core.release_check.ods import _mentions

    assert _mentions(iter([b"xx conditional-", b"format yy"]), b"conditional-format")
    assert not _mentions(iter([b"xx conditional", b" yy"]), b"conditional-format")
