"""Format sniffing: by content, never by name."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from foidesk.cli import main
from foidesk.core.release_check import CannotInspect, CannotSanitise, Severity, check_file, sanitise_file
from foidesk.core.release_check.formats import FileFormat, detect_format, expected_formats
from tests.core.release_check.corpus_documents import make_docx, make_odt
from tests.core.release_check.corpus_pdf import make_pdf
from tests.core.release_check.corpus_spreadsheets import encrypted_xlsx, rewrite_zip, summary_workbook


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


# --- Step 8: markup and presentations are refused; unreadable members are findings, not tracebacks.

RTF_SAMPLE = (
    b"{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Arial;}}\\f0\\fs24 Officers on duty: 12"
    b"{\\v SECRET-RTF hidden text}\\par}"
)
HTML_SAMPLE = (
    b"<!DOCTYPE html>\n<html><head><title>Answer</title></head><body>"
    b"<p>Officers on duty: 12</p><!-- SECRET-HTML --><p style='display:none'>SECRET</p></body></html>"
)
HTML_FRAGMENT = (
    b"<table><tr><td>Rank</td><td>Headcount</td></tr><tr><td>Constable</td><td>1203</td></tr></table>"
)
SVG_SAMPLE = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100">'
    b'<text x="10" y="20">Officers: 12</text><text x="-5000" y="20">SECRET-SVG</text></svg>'
)
SVG_BARE = b'<svg xmlns="http://www.w3.org/2000/svg"><text x="-5000">SECRET-SVG</text></svg>'
ODF_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)
FODS_SAMPLE = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    f'<office:document {ODF_NS} office:version="1.3" '
    'office:mimetype="application/vnd.oasis.opendocument.spreadsheet"><office:body><office:spreadsheet>'
    '<table:table table:name="Summary"><table:table-row><table:table-cell><text:p>12</text:p>'
    "</table:table-cell></table:table-row></table:table>"
    '<table:table table:name="Staff" table:display="false"><table:table-row><table:table-cell>'
    "<text:p>SECRET-FODS</text:p></table:table-cell></table:table-row></table:table>"
    "</office:spreadsheet></office:body></office:document>"
).encode()
FODT_SAMPLE = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    f'<office:document {ODF_NS} office:version="1.3" '
    'office:mimetype="application/vnd.oasis.opendocument.text"><office:body><office:text>'
    '<text:p>Officers: 12</text:p><text:p text:display="none">SECRET-FODT</text:p>'
    "</office:text></office:body></office:document>"
).encode()
EXCEL_2003_XML = (
    b'<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n'
    b'<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">'
    b'<Worksheet ss:Name="Staff" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"/></Workbook>'
)


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("answer.rtf", RTF_SAMPLE, FileFormat.RTF),
        ("answer.html", HTML_SAMPLE, FileFormat.HTML),
        ("answer.htm", b"\xef\xbb\xbf  " + HTML_FRAGMENT, FileFormat.HTML),
        ("chart.svg", SVG_SAMPLE, FileFormat.SVG),
        ("chart.svg", SVG_BARE, FileFormat.SVG),
        ("answer.fods", FODS_SAMPLE, FileFormat.FLAT_ODF),
        ("answer.fodt", FODT_SAMPLE, FileFormat.FLAT_ODF),
        ("answer.xml", EXCEL_2003_XML, FileFormat.XML),
        ("answer.csv", HTML_SAMPLE, FileFormat.HTML),  # a name cannot make markup into CSV
    ],
)
def test_markup_text_is_recognised_and_blocked_as_unsupported(
    name: str, data: bytes, expected: FileFormat, tmp_path: Path
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert detect_format(str(path)) is expected
    report = check_file(str(path))
    assert [(f.code, f.severity) for f in report.findings] == [("file.unsupported_format", Severity.BLOCK)]
    assert "PDF, XLSX or CSV" in report.findings[0].message
    copy = tmp_path / "copy.csv"
    with pytest.raises(CannotSanitise, match="cannot check"):
        sanitise_file(str(path), str(copy))
    assert not copy.exists()


@pytest.mark.parametrize(
    "data",
    [
        b"Rank,Headcount\r\nConstable,1203\r\n",
        b"Age band;Count\n<5;3\n5-10;7\n",  # a leading "<" that is no tag
        b"Name\nSmith\nJones\n",
    ],
)
def test_delimited_text_is_still_csv(data: bytes, tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes(data)
    assert detect_format(str(path)) is FileFormat.CSV


CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="{part}" ContentType="{content_type}"/></Types>'
)


def _opc_package(path: Path, part: str, content_type: str, parts: dict[str, str]) -> None:
    """A minimal Office Open XML package: content types, root relationship, main part and ``parts``."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES.format(part=part, content_type=content_type))
        archive.writestr(
            "_rels/.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Target="'
            + part.lstrip("/")
            + '" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/officeDocument"/></Relationships>',
        )
        for name, text in parts.items():
            archive.writestr(name, text)


PPTX_MAIN = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
PPSX_MAIN = "application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml"
VSDX_MAIN = "application/vnd.ms-visio.drawing.main+xml"


@pytest.mark.parametrize(
    ("name", "part", "content_type", "expected"),
    [
        ("slides.pptx", "/ppt/presentation.xml", PPTX_MAIN, FileFormat.PRESENTATION),
        ("show.ppsx", "/ppt/presentation.xml", PPSX_MAIN, FileFormat.PRESENTATION),
        ("diagram.vsdx", "/visio/document.xml", VSDX_MAIN, FileFormat.OTHER_OFFICE),
    ],
)
def test_office_packages_other_than_docx_and_xlsx_are_blocked(
    name: str, part: str, content_type: str, expected: FileFormat, tmp_path: Path
) -> None:
    path = tmp_path / name
    _opc_package(
        path,
        part,
        content_type,
        {
            part.lstrip("/"): "<p:presentation/>",
            "ppt/notesSlides/notesSlide1.xml": "<p:notes>SECRET-NOTES</p:notes>",
            "xl/embeddings/x.xml": "<x/>",  # an xl/ folder must not make a presentation an XLSX
        },
    )
    assert detect_format(str(path)) is expected
    report = check_file(str(path))
    assert [f.code for f in report.findings] == ["file.unsupported_format"]
    with pytest.raises(CannotSanitise):
        sanitise_file(str(path), str(tmp_path / "copy.zip"))


@pytest.mark.parametrize(
    ("mimetype", "expected"),
    [
        ("application/vnd.oasis.opendocument.presentation", FileFormat.PRESENTATION),
        ("application/vnd.oasis.opendocument.graphics", FileFormat.OTHER_OFFICE),
        ("application/vnd.oasis.opendocument.spreadsheet-template", FileFormat.OTHER_OFFICE),
    ],
)
def test_odf_packages_other_than_odt_and_ods_are_blocked(
    mimetype: str, expected: FileFormat, tmp_path: Path
) -> None:
    path = tmp_path / "slides.odp"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", mimetype)
        archive.writestr("content.xml", "<office:document-content/>")
    assert detect_format(str(path)) is expected
    assert [f.code for f in check_file(str(path)).findings] == ["file.unsupported_format"]


DEFLATE64 = 9
ENCRYPTED_FLAG = 0x1


def _patch_member(
    path: Path, name: str, *, method: int | None = None, flag: int = 0, crc: int | None = None
) -> None:
    """Rewrite a member's compression method, general-purpose flags or CRC-32 in both its local and
    its central header (APPNOTE.TXT 4.3.7 and 4.3.12), as a foreign archiver would have written them."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(name)
    local = info.header_offset
    central = data.find(b"PK\x01\x02")
    while central != -1:
        name_length = int.from_bytes(data[central + 28 : central + 30], "little")
        if data[central + 46 : central + 46 + name_length] == name.encode():
            break
        central = data.find(b"PK\x01\x02", central + 4)
    assert central != -1 and data[local : local + 4] == b"PK\x03\x04"
    for flags_at, method_at, crc_at in (
        (local + 6, local + 8, local + 14),
        (central + 8, central + 10, central + 16),
    ):
        if flag:
            old = int.from_bytes(data[flags_at : flags_at + 2], "little")
            data[flags_at : flags_at + 2] = (old | flag).to_bytes(2, "little")
        if method is not None:
            data[method_at : method_at + 2] = method.to_bytes(2, "little")
        if crc is not None:
            data[crc_at : crc_at + 4] = crc.to_bytes(4, "little")
    path.write_bytes(bytes(data))


def _odt_package(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")


def _plain_zip(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("data.csv", "Rank,Headcount\r\nConstable,1203\r\n")


@pytest.mark.parametrize(
    ("build", "member"),
    [
        (lambda path: _odt_package(path), "mimetype"),
        (lambda path: summary_workbook().save(path), "[Content_Types].xml"),
        (lambda path: summary_workbook().save(path), "xl/worksheets/sheet1.xml"),
        (_plain_zip, "data.csv"),
        (lambda path: make_docx(path, ""), "word/document.xml"),
        (lambda path: make_odt(path, ""), "content.xml"),
    ],
    ids=["odf-mimetype", "ooxml-content-types", "xlsx-sheet", "zip-member", "docx-body", "odt-content"],
)
@pytest.mark.parametrize(
    ("method", "flag"), [(DEFLATE64, 0), (None, ENCRYPTED_FLAG)], ids=["deflate64", "encrypted"]
)
def test_unreadable_zip_members_are_cannot_inspect_never_a_traceback(
    build: Callable[[Path], None],
    member: str,
    method: int | None,
    flag: int,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = tmp_path / "package"  # no extension: the name promises nothing
    build(path)
    _patch_member(path, member, method=method, flag=flag)
    report = check_file(str(path))
    assert [(f.code, f.severity) for f in report.findings] == [("file.cannot_inspect", Severity.BLOCK)]
    message = report.findings[0].message
    assert member in message or "package" in message  # the document reader names the package
    with pytest.raises(CannotSanitise):
        sanitise_file(str(path), str(tmp_path / "copy.zip"))
    assert main(["check-release", str(path), "--json"]) == 2
    payload = json.loads(capsys.readouterr().out)
    assert payload["files"][0]["findings"][0]["code"] == "file.cannot_inspect"


def test_an_unreadable_manifest_inside_an_archive_blocks_that_member(tmp_path: Path) -> None:
    inner = tmp_path / "inner.xlsx"
    summary_workbook().save(inner)
    _patch_member(inner, "[Content_Types].xml", method=DEFLATE64)
    outer = tmp_path / "outer.zip"
    with zipfile.ZipFile(outer, "w") as archive:
        archive.write(inner, "inner.xlsx")
    report = check_file(str(outer))
    assert [(f.code, f.where) for f in report.findings] == [("file.cannot_inspect", "inner.xlsx > file")]


def test_the_sniffer_raises_cannot_inspect_on_a_deflate64_manifest(tmp_path: Path) -> None:
    path = tmp_path / "text.odt"
    _odt_package(path)
    _patch_member(path, "mimetype", method=DEFLATE64)
    with pytest.raises(CannotInspect, match="method 9"):
        detect_format(str(path))


def test_unsupported_formats_exit_1_with_the_contract_shape(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "answer.rtf"
    path.write_bytes(RTF_SAMPLE)
    assert main(["check-release", str(path), "--json"]) == 1
    finding = json.loads(capsys.readouterr().out)["files"][0]["findings"][0]
    assert finding == {
        "code": "file.unsupported_format",
        "severity": "block",
        "where": "file",
        "message": finding["message"],
    }
    assert finding["message"].startswith("The file is RTF")


def _truncated_zip(path: Path) -> None:
    summary_workbook().save(path)
    path.write_bytes(path.read_bytes()[:-200])


def _zip_with_lying_crc(path: Path) -> None:
    _plain_zip(path)
    _patch_member(path, "data.csv", crc=0xDEADBEEF)


def _xlsx_with_lying_crc(path: Path) -> None:
    summary_workbook().save(path)
    _patch_member(path, "xl/worksheets/sheet1.xml", crc=0xDEADBEEF)


def _xlsx_with_broken_sheet_xml(path: Path) -> None:
    summary_workbook().save(path)
    rewrite_zip(
        path, lambda parts: parts.__setitem__("xl/worksheets/sheet1.xml", b"<worksheet><sheetData><row>")
    )


def _pdf_with_garbage_xref(path: Path) -> None:
    """A real PDF's header followed by a garbage cross-reference table and nothing to recover.

    (A PDF whose xref alone is garbage is rebuilt by qpdf from its objects, as PDF readers rebuild
    it, and is checked as rebuilt: that is the PDF inspector's business, not a reader error.)
    """
    make_pdf(path, "")
    data = path.read_bytes()
    body = data.index(b"1 0 obj")
    path.write_bytes(data[:body] + b"xref\n0 9\nGARBAGE \x01\x02 not a table\nstartxref\n999999\n%%EOF\n")


@pytest.mark.parametrize(
    "build",
    [
        _truncated_zip,
        _zip_with_lying_crc,
        _xlsx_with_lying_crc,
        _xlsx_with_broken_sheet_xml,
        _pdf_with_garbage_xref,
    ],
)
def test_malformed_files_are_cannot_inspect_in_json(
    build: Callable[[Path], None], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "malformed.bin"
    build(path)
    report = check_file(str(path))
    assert report.blocked
    assert report.unreadable, report.findings
    assert main(["check-release", str(path), "--json"]) == 2
    payload = json.loads(capsys.readouterr().out)
    assert any(f["code"] == "file.cannot_inspect" for f in payload["files"][0]["findings"])


def test_a_utf16_csv_with_its_byte_order_mark_reaches_the_csv_inspector(tmp_path: Path) -> None:
    from foidesk.core.release_check import check_file

    path = tmp_path / "figures.csv"
    path.write_bytes("Year,Count\r\n2023,12\r\n2024,=HYPERLINK(\"x\")\r\n".encode("utf-16"))
    codes = {finding.code for finding in check_file(str(path)).findings}
    assert "file.cannot_inspect" not in codes
    assert any(code.startswith("csv.") for code in codes), codes
