"""Table styles: built-in names pass, custom styles are resolved through their formats, the rest block."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from foidesk.core.release_check import check_file, sanitise_file
from foidesk.core.release_check.xlsx_tables import custom_table_styles, style_hides
from tests.core.release_check.corpus import every_byte
from tests.core.release_check.corpus_xlsx_layout_red import WHITE_TEXT, _custom, table_styled


@pytest.mark.parametrize("name", ["TableStyleLight1", "TableStyleMedium28", "TableStyleDark11", ""])
def test_built_in_table_styles_and_none_hide_nothing(name: str) -> None:
    assert style_hides(name, {}, {}) == ""


@pytest.mark.parametrize("name", ["TableStyleMedium29", "TableStyleLight0", "tablestylelight1", "Quiet"])
def test_a_style_neither_built_in_nor_defined_cannot_be_resolved(name: str) -> None:
    assert "neither built in nor defined" in style_hides(name, {}, {})


def test_a_custom_style_hides_when_one_of_its_formats_does_or_is_missing() -> None:
    root = etree.fromstring(
        b'<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        + _custom("Quiet")
        + b"</styleSheet>"
    )
    custom = custom_table_styles(root)
    assert custom == {"Quiet": (0,)}
    assert style_hides("Quiet", custom, {0: ""}) == ""
    assert "FFFFFF" in style_hides(
        "Quiet", custom, {0: "a conditional format colours text #FFFFFF on #FFFFFF"}
    )
    assert "does not have" in style_hides("Quiet", custom, {})


def test_a_table_in_white_text_blocks_and_its_cells_leave_the_copy(tmp_path: Path) -> None:
    source, copy = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    table_styled("Quiet", _custom("Quiet"), WHITE_TEXT, "SECRET-IN-TABLE")(source)
    report = check_file(str(source))
    assert [f.code for f in report.findings if f.severity.value == "block"] == ["xlsx.table_style_hiding"]
    sanitise_file(str(source), str(copy))
    assert b"SECRET-IN-TABLE" not in every_byte(copy)
    assert b"Constable" in every_byte(copy)
