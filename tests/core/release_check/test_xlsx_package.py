"""XLSX package: every part accounted for by content type and relationship type, never by name."""

from __future__ import annotations

from pathlib import Path

from foidesk.core.release_check.archive import ZipContainer
from foidesk.core.release_check.findings import InspectionLimits
from foidesk.core.release_check.xlsx_package import content_types, package_findings
from tests.core.release_check.corpus_spreadsheets import summary_workbook
from tests.core.release_check.corpus_xlsx_red import COMMENTS_XML, PKG_REL, REL, SHEET_RELS, SML, with_part


def _findings(path: Path) -> dict[str, str]:
    with ZipContainer(str(path), InspectionLimits()) as box:
        return {finding.where: finding.code for finding in package_findings(box)}


def test_an_openpyxl_workbook_is_accounted_for_part_by_part(tmp_path: Path) -> None:
    path = tmp_path / "plain.xlsx"
    summary_workbook().save(path)
    assert _findings(path) == {}
    with ZipContainer(str(path), InspectionLimits()) as box:
        assert content_types(box)["xl/worksheets/sheet1.xml"] == (SML + "worksheet+xml").lower()


def test_comments_are_found_by_their_relationship_whatever_the_part_is_called(tmp_path: Path) -> None:
    path = tmp_path / "renamed.xlsx"
    relationship = (SHEET_RELS, f"{REL}/comments", "../notes.xml")
    with_part("xl/notes.xml", COMMENTS_XML, SML + "worksheet+xml", relationship)(path)
    assert _findings(path) == {"xl/notes.xml": "xlsx.comment"}


def test_a_relationship_part_of_no_part_is_unaccounted(tmp_path: Path) -> None:
    path = tmp_path / "stray.xlsx"
    stray = f'<Relationships xmlns="{PKG_REL}"/>'
    with_part("xl/worksheets/_rels/sheet9.xml.rels", stray, None)(path)
    assert _findings(path) == {"xl/worksheets/_rels/sheet9.xml.rels": "xlsx.unaccounted"}


def test_a_part_no_relationship_leads_to_is_unreferenced_even_with_a_plain_type(tmp_path: Path) -> None:
    path = tmp_path / "orphan.xlsx"
    with_part("xl/worksheets/sheet5.xml", "<worksheet/>", SML + "worksheet+xml")(path)
    assert _findings(path) == {"xl/worksheets/sheet5.xml": "xlsx.unreferenced_part"}
