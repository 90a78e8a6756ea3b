# ruff: noqa: E501  (the corpus carries XML written out by hand; its lines are data)
"""Building blocks for the spreadsheet corpus: the summary workbook every XLSX starts from, edits of its
parts, and raw workbooks written as Excel writes them.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl

VISIBLE = ("Rank", "Headcount", "Constable", "Sergeant")
SUMMARY_ROWS = [["Rank", "Headcount"], ["Constable", 1203], ["Sergeant", 245], ["Inspector", 61]]


# ------------------------------------------------------------------ building blocks


def summary_workbook() -> openpyxl.Workbook:
    """The visible answer every XLSX in the corpus shares: headcount by rank, nothing else."""
    workbook = openpyxl.Workbook()
    workbook.properties.creator = None
    sheet = workbook.active
    sheet.title = "Headcount"
    for row in SUMMARY_ROWS:
        sheet.append(row)
    return workbook


def xlsx(edit: Callable[[openpyxl.Workbook], None]) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        workbook = summary_workbook()
        edit(workbook)
        workbook.save(path)

    return build


def rewrite_zip(path: Path, change: Callable[[dict[str, bytes]], None]) -> None:
    """Rewrite a ZIP package with ``change`` applied to its {part name: bytes}."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    change(parts)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def xlsx_with_parts(extra: dict[str, str | bytes]) -> Callable[[Path], None]:
    """The summary workbook with raw parts added (pivot caches, links, macros ...)."""

    def build(path: Path) -> None:
        summary_workbook().save(path)
        rewrite_zip(
            path,
            lambda parts: parts.update(
                {k: v.encode() if isinstance(v, str) else v for k, v in extra.items()}
            ),
        )

    return build


def xlsx_with_sheet_xml(old: str, new: str, part: str = "xl/worksheets/sheet1.xml") -> Callable[[Path], None]:
    """The summary workbook with its sheet XML edited by a regular expression."""

    def build(path: Path) -> None:
        summary_workbook().save(path)

        def change(parts: dict[str, bytes]) -> None:
            text, count = re.subn(old, new, parts[part].decode(), count=1)
            assert count == 1, f"corpus edit {old!r} did not apply"
            parts[part] = text.encode()

        rewrite_zip(path, change)

    return build


# ------------------------------------------------------------------ raw workbooks, as Excel writes them


MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
PLAIN_STYLES = (
    f'<styleSheet xmlns="{MAIN_NS}"><fonts count="2"><font><sz val="11"/></font><font><sz val="11"/><color rgb="FFFFFFFF"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border/></borders><cellXfs count="2"><xf numFmtId="0" fontId="0"/><xf numFmtId="0" fontId="1"/></cellXfs></styleSheet>'
)


def raw_xlsx(path: Path, rows: str, strings: list[str], tail: str = "") -> None:
    """A workbook with shared strings and one sheet whose ``<sheetData>`` holds ``rows`` (cell ``s="1"`` is white text),
    followed by ``tail`` (merged cells, say)."""
    items = "".join(f"<si><t>{text}</t></si>" for text in strings)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
            '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
        )
        archive.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{PKG_NS}"><Relationship Id="rId1" Type="{REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        archive.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<Relationships xmlns="{PKG_NS}"><Relationship Id="rId1" Type="{REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{REL_NS}/sharedStrings" Target="sharedStrings.xml"/>'
            f'<Relationship Id="rId3" Type="{REL_NS}/styles" Target="styles.xml"/></Relationships>',
        )
        archive.writestr(
            "xl/sharedStrings.xml",
            f'<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="{MAIN_NS}" count="{len(strings)}">{items}</sst>',
        )
        archive.writestr("xl/styles.xml", PLAIN_STYLES)
        archive.writestr(
            "xl/worksheets/sheet1.xml",
            f'<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="{MAIN_NS}"><sheetData>{rows}</sheetData>{tail}</worksheet>',
        )


def plain_row(number: int, label: int, value: int) -> str:
    return f'<row r="{number}" spans="1:2"><c r="A{number}" t="s"><v>{label}</v></c><c r="B{number}"><v>{value}</v></c></row>'
