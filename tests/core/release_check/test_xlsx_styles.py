"""XLSX cell formats: colours resolved as Excel does, number formats by section, conditional formats."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl.styles import Color, Font, PatternFill

from foidesk.core.release_check.findings import InspectionLimits
from foidesk.core.release_check.spreadsheets import inspect_xlsx
from foidesk.core.release_check.xlsx_styles import format_hiding
from tests.core.release_check.corpus_spreadsheets import plain_row, summary_workbook

PLAIN_STRINGS = ["Constable", "Sergeant", "SECRET-HIDDEN", "SECRET-UNUSED", "jane.officer@example.police.uk"]


def _codes(path: Path) -> set[str]:
    return {f.code for f in inspect_xlsx(str(path), InspectionLimits())}


def _many_rows(special: dict[int, str], count: int = 6_000) -> str:
    return "".join(special.get(n) or plain_row(n, n % 2, n) for n in range(1, count + 1))


def test_white_text_on_a_dark_fill_is_visible_but_black_on_black_is_not(tmp_path: Path) -> None:
    workbook = summary_workbook()
    workbook.active["A1"].font = Font(color="FFFFFF")
    workbook.active["A1"].fill = PatternFill("solid", fgColor="000080")
    workbook.active["B1"].font = Font(color="101010")
    workbook.active["B1"].fill = PatternFill("solid", fgColor="000000")
    path = tmp_path / "colours.xlsx"
    workbook.save(path)
    finding = next(f for f in inspect_xlsx(str(path), InspectionLimits()) if f.code == "xlsx.invisible_text")
    assert finding.where == "Headcount!B1"


def test_the_theme_background_colour_counts_as_white(tmp_path: Path) -> None:
    workbook = summary_workbook()
    workbook.active["C2"] = "hidden note"
    workbook.active["C2"].font = Font(color=Color(theme=0))  # Excel's "Background 1"
    path = tmp_path / "theme.xlsx"
    workbook.save(path)
    assert "xlsx.invisible_text" in _codes(path)


@pytest.mark.parametrize(
    ("code", "hides"),
    [
        ("0;;;", (False, True, True, True)),
        ("#,##0;-#,##0", (False, False, False, False)),
        ('0;0;0;"withheld"', (False, False, False, True)),
        ("[White]0", (True, True, True, True)),
        # the accounting format: "-" stands for zero and hides nothing (a clean file from outside)
        ('#,##0;(#,##0);"-"', (False, False, False, False)),
        ('#,##0;(#,##0);"-";"n/a"', (False, False, False, True)),
        ('#,##0;(#,##0);[White]"-"', (False, False, True, False)),
    ],
)
def test_number_format_sections_known_answers(code: str, hides: tuple[bool, ...]) -> None:
    assert tuple(bool(reason) for reason in format_hiding(code, "FFFFFF")) == hides
