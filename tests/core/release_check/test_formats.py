"""Format sniffing: by content, never by name."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from foidesk.core.release_check.formats import FileFormat, detect_format, expected_formats
from tests.core.release_check.corpus_spreadsheets import encrypted_xlsx, summary_workbook


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"%PDF-1.7\n", FileFormat.PDF),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 8, FileFormat.PNG),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", FileFormat.JPEG),
        (b"GIF89a\x01\x00", FileFormat.GIF),
        (b"II*\x00\x08\x00\x00\x00", FileFormat.TIFF),
        (b"RIFF\x10\x00\x00\x00WEBPVP8 ", FileFormat.WEBP),
        (b"Rank,Headcount\r\nConstable,1203\r\n", FileFormat.CSV),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504, FileFormat.LEGACY_OFFICE),
        (bytes(range(256)), FileFormat.UNKNOWN),
        (b"", FileFormat.EMPTY),
    ],
)
def test_magic_bytes_decide_the_format(head: bytes, expected: FileFormat, tmp_path: Path) -> None:
    path = tmp_path / "file.bin"
    path.write_bytes(head)
    assert detect_format(str(path)) is expected


def test_a_workbook_is_xlsx_whatever_its_name(tmp_path: Path) -> None:
    path = tmp_path / "answer.pdf"
    summary_workbook().save(path)
    assert detect_format(str(path)) is FileFormat.XLSX


def test_a_workbook_with_a_vba_project_is_xlsm(tmp_path: Path) -> None:
    path = tmp_path / "book.xlsx"
    summary_workbook().save(path)
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0")
    assert detect_format(str(path)) is FileFormat.XLSM


def test_an_odf_spreadsheet_is_known_by_its_mimetype_member(tmp_path: Path) -> None:
    path = tmp_path / "sheet.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<x/>")
    assert detect_format(str(path)) is FileFormat.ODS


def test_a_plain_zip_is_zip_and_a_truncated_one_is_broken(tmp_path: Path) -> None:
    path = tmp_path / "a.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("data.csv", "a,b\n")
    assert detect_format(str(path)) is FileFormat.ZIP
    path.write_bytes(path.read_bytes()[:20])
    assert detect_format(str(path)) is FileFormat.BROKEN_ZIP


def test_a_password_protected_workbook_is_recognised_as_encrypted(tmp_path: Path) -> None:
    pytest.importorskip("msoffcrypto")
    path = tmp_path / "locked.xlsx"
    encrypted_xlsx(path)
    assert detect_format(str(path)) is FileFormat.ENCRYPTED_OFFICE


def test_windows_1252_text_is_still_csv(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes("Cost,£12\r\n".encode("cp1252"))
    assert detect_format(str(path)) is FileFormat.CSV


def test_the_extension_promises_formats_and_an_unknown_one_promises_nothing() -> None:
    assert expected_formats("Answer.XLSX") == frozenset({FileFormat.XLSX})
    assert FileFormat.XLSX in (expected_formats("a.xlsm") or set())
    assert expected_formats("README") is None
    assert expected_formats("data.parquet") is None
