"""XLSX parts: every part of the package is classified, and unknown ones block."""

from __future__ import annotations

from pathlib import Path

from foidesk.core.release_check.findings import InspectionLimits
from foidesk.core.release_check.spreadsheets import inspect_xlsx
from tests.core.release_check.corpus_spreadsheets import plain_row, rewrite_zip, summary_workbook

EXTENDED = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
PLAIN_STRINGS = ["Constable", "Sergeant", "SECRET-HIDDEN", "SECRET-UNUSED", "jane.officer@example.police.uk"]


def _codes(path: Path) -> set[str]:
    return {f.code for f in inspect_xlsx(str(path), InspectionLimits())}


def _many_rows(special: dict[int, str], count: int = 6_000) -> str:
    return "".join(special.get(n) or plain_row(n, n % 2, n) for n in range(1, count + 1))


def test_a_part_the_gate_does_not_know_blocks(tmp_path: Path) -> None:
    path = tmp_path / "stray.xlsx"
    summary_workbook().save(path)

    def change(parts: dict[str, bytes]) -> None:
        parts["xl/notes/stray.xml"] = b"<notes>SECRET-STRAY</notes>"

    rewrite_zip(path, change)
    assert "xlsx.unknown_part" in _codes(path)


def test_a_plain_openpyxl_workbook_has_no_part_findings(tmp_path: Path) -> None:
    path = tmp_path / "plain.xlsx"
    summary_workbook().save(path)
    assert not {code for code in _codes(path) if code in ("xlsx.unknown_part", "xlsx.unreferenced_part")}


def test_a_title_of_parts_that_names_no_sheet_blocks_but_sheet_and_range_titles_pass(tmp_path: Path) -> None:
    path = tmp_path / "titles.xlsx"
    summary_workbook().save(path)

    def titles(*names: str) -> None:
        def change(parts: dict[str, bytes]) -> None:
            items = "".join(f"<vt:lpstr>{name}</vt:lpstr>" for name in names)
            parts["docProps/app.xml"] = (
                f'<Properties xmlns="{EXTENDED}" '
                'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
                f'<TitlesOfParts><vt:vector size="{len(names)}" baseType="lpstr">{items}</vt:vector>'
                "</TitlesOfParts></Properties>"
            ).encode()

        rewrite_zip(path, change)

    titles("Headcount")
    assert "xlsx.stale_title" not in _codes(path)
    titles("Headcount", "Old staff list")
    assert "xlsx.stale_title" in _codes(path)
