"""ZIP archives, CSV files and files whose format is a trap, each built byte by byte where no library
writes them (a local entry left out of the directory, data between entries, a private extra field),
or by the real tools where they do (Info-ZIP ``zip``, Python's zipfile, tarfile, gzip).

``ZIP_FILES`` and ``CSV_FILES`` are leaky or clean files whose copy the gate must make; ``REFUSED``
are leaky files the gate must block and refuse to copy (two formats at once, formats it cannot read,
an archive whose member cannot be read): their secret can only leave in the original.
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import shutil
import struct
import subprocess
import tarfile
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from tests.core.release_check.corpus import CorpusFile, clean, leaky

VISIBLE = ("Rank", "Headcount", "Constable", "Sergeant")
CSV_HEAD = b"Rank,Headcount\r\nConstable,1203\r\nSergeant,245\r\n"
DOS_DATE_1980 = (1 << 5) | 1  # 1 January 1980
UNIX_FILE = 0o100644 << 16
UNIX_LINK = 0o120777 << 16


@dataclass(frozen=True)
class Entry:
    """One member as written byte by byte: what its local header and directory record each say."""

    name: str
    data: bytes = CSV_HEAD
    local_name: str | None = None
    local_extra: bytes = b""
    central_extra: bytes = b""
    comment: bytes = b""
    external_attr: int = UNIX_FILE
    in_directory: bool = True
    gap_after: bytes = b""
    written_locally: bool = True  # False: only the directory lists it (at ``offset``)
    offset: int | None = None  # where the directory says its local header is
    stored_as: bytes | None = None  # the bytes written for the data, deflated (method 8), if given
    declared: bytes | None = None  # the data the size and CRC fields describe, if not ``data``

    @property
    def method(self) -> int:
        return 0 if self.stored_as is None else 8

    @property
    def described(self) -> bytes:
        return self.data if self.declared is None else self.declared

    @property
    def payload(self) -> bytes:
        return self.data if self.stored_as is None else self.stored_as


def extra(field_id: int, body: bytes) -> bytes:
    return struct.pack("<HH", field_id, len(body)) + body


def raw_zip(
    entries: list[Entry], *, prefix: bytes = b"", comment: bytes = b"", trailing: bytes = b""
) -> bytes:
    """A stored (uncompressed) ZIP written field by field (APPNOTE.TXT 4.3)."""
    out = bytearray(prefix)
    offsets: list[int] = []
    for entry in entries:
        offsets.append(len(out) if entry.offset is None else entry.offset)
        if not entry.written_locally:
            continue
        name = (entry.local_name or entry.name).encode("utf-8")
        crc = zlib.crc32(entry.described)
        out += struct.pack(
            "<4s5H3L2H", b"PK\x03\x04", 20, 0x800, entry.method, 0, DOS_DATE_1980, crc, len(entry.payload),
            len(entry.described), len(name), len(entry.local_extra),
        )  # fmt: skip
        out += name + entry.local_extra + entry.payload + entry.gap_after
    directory_at = len(out)
    listed = [(i, e) for i, e in enumerate(entries) if e.in_directory]
    for index, entry in listed:
        name = entry.name.encode("utf-8")
        out += struct.pack(
            "<4s6H3L5H2L", b"PK\x01\x02", (3 << 8) | 20, 20, 0x800, entry.method, 0, DOS_DATE_1980,
            zlib.crc32(entry.described), len(entry.payload), len(entry.described), len(name),
            len(entry.central_extra),
            len(entry.comment), 0, 0, entry.external_attr, offsets[index],
        )  # fmt: skip
        out += name + entry.central_extra + entry.comment
    size = len(out) - directory_at
    out += struct.pack(
        "<4s4H2LH", b"PK\x05\x06", 0, 0, len(listed), len(listed), size, directory_at, len(comment)
    )
    return bytes(out + comment + trailing)


def deflated(data: bytes) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush()


def written(data: Callable[[], bytes]) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        path.write_bytes(data())

    return build


def zip_file(entries: list[Entry], **options: bytes) -> Callable[[Path], None]:
    return written(lambda: raw_zip(entries, **options))


def _csv(*rows: str) -> bytes:
    return CSV_HEAD + "".join(f"{row}\r\n" for row in rows).encode("utf-8")


# ---------------------------------------------------------------- ZIP: real tools, clean


def infozip_archive(path: Path) -> None:
    """Made by Info-ZIP ``zip`` from files on disk: extended-timestamp and Unix-owner extra fields."""
    folder = path.with_name(f"{path.stem}-src")
    (folder / "answer").mkdir(parents=True)
    (folder / "answer" / "headcount.csv").write_bytes(CSV_HEAD)
    (folder / "answer" / "notes.csv").write_bytes(b"Note,Value\r\nTotal,1448\r\n")
    if shutil.which("zip") is None:
        import pytest

        pytest.skip("Info-ZIP zip is not installed")
    subprocess.run(["zip", "-q", "-r", str(path.resolve()), "answer"], cwd=folder, check=True)
    shutil.rmtree(folder)


def zipfile_with_folders(path: Path) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.mkdir("answer")
        archive.writestr("answer/headcount.csv", CSV_HEAD)


class _Unseekable(io.RawIOBase):
    """A sink that cannot seek, so zipfile writes data descriptors after each member (as streams do)."""

    def __init__(self) -> None:
        self.data = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, chunk: bytes) -> int:  # type: ignore[override]
        self.data += chunk
        return len(chunk)


def zipfile_streamed(path: Path) -> None:
    sink = _Unseekable()
    with zipfile.ZipFile(sink, "w", zipfile.ZIP_DEFLATED) as archive:  # type: ignore[arg-type]
        archive.writestr("headcount.csv", CSV_HEAD)
        archive.writestr("more.csv", b"Team,Size\r\nNorth,12\r\n")
    path.write_bytes(bytes(sink.data))


def zipfile_zip64(path: Path) -> None:
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive,
        archive.open("headcount.csv", "w", force_zip64=True) as sink,
    ):
        sink.write(CSV_HEAD)


def zipfile_unicode_names(path: Path) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Données/réponse.csv", CSV_HEAD)


# ---------------------------------------------------------------- ZIP: hand-built, leaky


def _nested_trailing(path: Path) -> None:
    inner = raw_zip([Entry("data.csv")], trailing=b"SECRET-ZIP-NESTED-TRAIL-4H")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("inner.zip", inner)


def _entry_inside_entry() -> bytes:
    """Member b.csv's local header and data sit inside a.csv's data; the directory points into it."""
    hidden = b"Secret,SECRET-ZIP-INSIDE-8M\r\n"
    name = b"b.csv"
    local = struct.pack(
        "<4s5H3L2H", b"PK\x03\x04", 20, 0x800, 0, 0, DOS_DATE_1980, zlib.crc32(hidden), len(hidden),
        len(hidden), len(name), 0,
    ) + name + hidden  # fmt: skip
    inner_at = 30 + len("a.csv") + len(CSV_HEAD)
    return raw_zip(
        [Entry("a.csv", CSV_HEAD + local), Entry("b.csv", hidden, written_locally=False, offset=inner_at)]
    )


ZIP_FILES: list[CorpusFile] = [
    leaky(
        "zip_duplicate_name.zip",
        zip_file([Entry("data.csv", _csv("Shadowed,SHADOWED-ROW-7Q")), Entry("data.csv")]),
        {"zip.duplicate_name"},
        "SHADOWED-ROW-7Q",  # the shadowed entry: the copy keeps only the last
        *VISIBLE,
    ),
    leaky(
        "zip_duplicate_case.zip",
        zip_file([Entry("Data.csv", _csv("Shadowed,CASE-ROW-2K")), Entry("data.csv")]),
        {"zip.duplicate_name"},
        "CASE-ROW-2K",  # the shadowed entry: the copy keeps only the last
        *VISIBLE,
    ),
    leaky(
        "zip_duplicate_trailing_space.zip",
        zip_file([Entry("data.csv ", _csv("Shadowed,SPACE-ROW-5T")), Entry("data.csv")]),
        {"zip.duplicate_name", "zip.unsafe_path"},
        None,
        *VISIBLE,
    ),
    leaky(
        "zip_hidden_local_entry.zip",
        zip_file(
            [Entry("data.csv"), Entry("hidden.csv", _csv("x,SECRET-ZIP-HIDDEN-3W"), in_directory=False)]
        ),
        {"zip.hidden_entry"},
        "SECRET-ZIP-HIDDEN-3W",
        *VISIBLE,
    ),
    leaky(
        "zip_gap_between_entries.zip",
        zip_file([Entry("data.csv", gap_after=b"SECRET-ZIP-GAP-9R"), Entry("more.csv")]),
        {"zip.unaccounted"},
        "SECRET-ZIP-GAP-9R",
        *VISIBLE,
    ),
    leaky(
        "zip_gap_before_directory.zip",
        zip_file([Entry("data.csv", gap_after=b"SECRET-ZIP-GAPEND-6C")]),
        {"zip.unaccounted"},
        "SECRET-ZIP-GAPEND-6C",
        *VISIBLE,
    ),
    leaky(
        "zip_deflate_tail.zip",
        zip_file([Entry("data.csv", stored_as=deflated(CSV_HEAD) + b"SECRET-ZIP-DEFLATE-TAIL-3N")]),
        {"zip.unaccounted"},
        "SECRET-ZIP-DEFLATE-TAIL-3N",
        *VISIBLE,
    ),
    leaky(
        "zip_deflate_beyond_size.zip",
        zip_file(
            [
                Entry(
                    "data.csv",
                    declared=CSV_HEAD,
                    stored_as=deflated(CSV_HEAD + b"x,SECRET-ZIP-BEYOND-2F\r\n"),
                )
            ]
        ),
        {"zip.unaccounted"},
        None,  # inflated only: the secret is in no byte of the file as written
        *VISIBLE,
    ),
    leaky(
        "zip_stored_beyond_size.zip",
        zip_file([Entry("data.csv", CSV_HEAD + b"SECRET-ZIP-STORED-8V", declared=CSV_HEAD)]),
        {"zip.unaccounted"},
        "SECRET-ZIP-STORED-8V",
        *VISIBLE,
    ),
    leaky(
        "zip_trailing_data.zip",
        zip_file([Entry("data.csv")], trailing=b"SECRET-ZIP-TRAIL-1P"),
        {"zip.trailing_data"},
        "SECRET-ZIP-TRAIL-1P",
        *VISIBLE,
    ),
    leaky(
        "zip_trailing_after_comment.zip",
        zip_file([Entry("data.csv")], comment=b"archive", trailing=b"SECRET-ZIP-TRAIL2-8D"),
        {"zip.trailing_data", "zip.comment"},
        "SECRET-ZIP-TRAIL2-8D",
        *VISIBLE,
    ),
    leaky(
        "zip_member_comment.zip",
        zip_file([Entry("data.csv", comment=b"SECRET-ZIP-MEMBER-NOTE-4Q")]),
        {"zip.comment"},
        "SECRET-ZIP-MEMBER-NOTE-4Q",
        *VISIBLE,
    ),
    leaky(
        "zip_extra_private.zip",
        zip_file([Entry("data.csv", central_extra=extra(0x4242, b"SECRET-ZIP-EXTRA-2B"))]),
        {"zip.extra_field"},
        "SECRET-ZIP-EXTRA-2B",
        *VISIBLE,
    ),
    leaky(
        "zip_extra_local_only.zip",
        zip_file([Entry("data.csv", local_extra=extra(0x4242, b"SECRET-ZIP-LOCALX-7N"))]),
        {"zip.extra_field"},
        "SECRET-ZIP-LOCALX-7N",
        *VISIBLE,
    ),
    leaky(
        "zip_extra_timestamp_padded.zip",
        zip_file([Entry("data.csv", central_extra=extra(0x5455, b"\x01\x00\x00\x00\x00SECRET-ZIP-UT-5V"))]),
        {"zip.extra_field"},
        "SECRET-ZIP-UT-5V",
        *VISIBLE,
    ),
    leaky(
        "zip_extra_alignment_payload.zip",
        zip_file([Entry("data.csv", local_extra=extra(0xD935, b"\x04\x00SECRET-ZIP-ALIGN-3J"))]),
        {"zip.extra_field"},
        "SECRET-ZIP-ALIGN-3J",
        *VISIBLE,
    ),
    leaky(
        "zip_extra_unicode_path.zip",
        zip_file(
            [Entry("data.csv", central_extra=extra(0x7075, b"\x01\x00\x00\x00\x00SECRET-ZIP-UPATH-1K.csv"))]
        ),
        {"zip.extra_field"},
        "SECRET-ZIP-UPATH-1K",
        *VISIBLE,
    ),
    leaky(  # the directory's copy is well formed; the local header's lengths do not add up
        "zip_extra_truncated_local.zip",
        zip_file([Entry("data.csv", local_extra=b"\x55\x54\x40\x00SECRET-ZIP-BADLX-6G")]),
        {"zip.extra_field"},
        "SECRET-ZIP-BADLX-6G",
        *VISIBLE,
    ),
    leaky(
        "zip_folder_with_data.zip",
        zip_file([Entry("answer/", b"SECRET-ZIP-FOLDER-8S"), Entry("answer/data.csv")]),
        {"zip.folder_with_data"},
        "SECRET-ZIP-FOLDER-8S",
        *VISIBLE,
    ),
    leaky(
        "zip_direction_override.zip",
        zip_file([Entry("data\u202evsc.exe")]),
        {"zip.unsafe_path"},
        None,
        *VISIBLE,
    ),
    leaky("zip_trailing_dot.zip", zip_file([Entry("data.csv.")]), {"zip.unsafe_path"}, None, *VISIBLE),
    leaky("zip_drive_letter.zip", zip_file([Entry("C:/temp/data.csv")]), {"zip.unsafe_path"}, None, *VISIBLE),
    leaky("zip_dot_component.zip", zip_file([Entry("./data.csv")]), {"zip.unsafe_path"}, None, *VISIBLE),
    leaky(
        "zip_symbolic_link.zip",
        zip_file([Entry("data.csv"), Entry("link.csv", b"/etc/passwd", external_attr=UNIX_LINK)]),
        {"zip.unsafe_path"},
        None,
        *VISIBLE,
    ),
    leaky(
        "zip_nested_trailing.zip",
        _nested_trailing,
        {"zip.trailing_data"},
        "SECRET-ZIP-NESTED-TRAIL-4H",
        *VISIBLE,
    ),
    clean("clean_infozip.zip", infozip_archive, *VISIBLE),
    clean("clean_with_folders.zip", zipfile_with_folders, *VISIBLE),
    clean("clean_data_descriptors.zip", zipfile_streamed, *VISIBLE),
    clean("clean_zip64.zip", zipfile_zip64, *VISIBLE),
    clean("clean_unicode_names.zip", zipfile_unicode_names, *VISIBLE),
]


# ---------------------------------------------------------------- CSV


def text(data: str, encoding: str = "utf-8") -> Callable[[Path], None]:
    return written(lambda: data.encode(encoding))


CSV_TEXT = CSV_HEAD.decode()
CSV_FILES: list[CorpusFile] = [
    leaky(
        "csv_ni_hyphens.csv",
        text(CSV_TEXT + "Contact,JG-10-37-59-A\r\n"),
        {"csv.personal_data"},
        "JG-10-37-59-A",
        *VISIBLE,
    ),
    leaky(
        "csv_ni_dots.csv",
        text(CSV_TEXT + "Contact,jg.10.37.59.a\r\n"),
        {"csv.personal_data"},
        "jg.10.37.59.a",
        *VISIBLE,
    ),
    leaky(
        "csv_postcode_lower.csv",
        text(CSV_TEXT + "Home,sw1a 1aa\r\n"),
        {"csv.personal_data"},
        "sw1a 1aa",
        *VISIBLE,
    ),
    leaky(
        "csv_postcode_tight.csv", text(CSV_TEXT + "Home,M11AE\r\n"), {"csv.personal_data"}, "M11AE", *VISIBLE
    ),
    leaky(
        "csv_phone_brackets_hyphens.csv",
        text(CSV_TEXT + "Tel,(0161) 496-0000\r\n"),
        {"csv.personal_data"},
        "496-0000",
        *VISIBLE,
    ),
    leaky(
        "csv_phone_plus44.csv",
        text(CSV_TEXT + "Tel,Mobile +44 (0)7700-900-123\r\n"),
        {"csv.personal_data"},
        "900-123",
        *VISIBLE,
    ),
    leaky(
        "csv_email_upper.csv",
        text(CSV_TEXT + "Email,JANE.ROE@EXAMPLE.GOV.UK\r\n"),
        {"csv.personal_data"},
        "JANE.ROE@EXAMPLE.GOV.UK",
        *VISIBLE,
    ),
    leaky(
        "csv_phone_dots.csv",
        text(CSV_TEXT + "Tel,0161.496.0000\r\n"),
        {"csv.personal_data"},
        "496.0000",
        *VISIBLE,
    ),
    leaky(
        "csv_ni_slashes.csv",
        text(CSV_TEXT + "NI,JG/10/37/59/A\r\n"),
        {"csv.personal_data"},
        "JG/10/37/59/A",
        *VISIBLE,
    ),
    leaky(
        "csv_semicolon_header_comma_formula.csv",
        text('Rank;Headcount\r\nConstable;1203\r\nSergeant;245\r\nx,=HYPERLINK("http://evil.example/")\r\n'),
        {"csv.formula_injection"},
        None,
        *VISIBLE,
    ),
    clean("clean_header_like_first_cell.csv", text("Date: 2024,Count\r\nMonday,3\r\n" + CSV_TEXT), *VISIBLE),
    clean(
        "clean_dotted_dates_and_versions.csv",
        text("Date,Version\r\n01.02.2023,1.2.3\r\n" + CSV_TEXT),
        *VISIBLE,
    ),
    clean("clean_from_to.csv", text("From,To\r\nLeeds,York\r\n" + CSV_TEXT), *VISIBLE),
    clean("clean_utf16_tabs.csv", text("\ufeff" + CSV_TEXT.replace(",", "\t"), "utf-16-le"), *VISIBLE),
]


# ---------------------------------------------------------------- refused: polyglots, unreadable formats


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (32, 24), (90, 120, 200)).save(out, format="JPEG")
    return out.getvalue()


def _image(image_format: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (32, 24), (90, 120, 200)).convert("P" if image_format == "GIF" else "RGB").save(
        out, format=image_format
    )
    return out.getvalue()


SECRET_ZIP = [Entry("secret.csv", b"Name,SECRET-POLYGLOT-ZIP-5G\r\n")]


def _appended(first: bytes) -> Callable[[Path], None]:
    """A file of another format with a whole ZIP archive after it (offsets relative to the file)."""
    return written(lambda: raw_zip(SECRET_ZIP, prefix=first))


def _tar_csv() -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w") as archive:
        data = b"Name\r\nSECRET-TAR-3V\r\n"
        info = tarfile.TarInfo("secret.csv")
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))
    return out.getvalue()


def _workbook() -> bytes:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in (("Rank", "Headcount"), ("Constable", 1203), ("Sergeant", 245)):
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _workbook_with_shadow_sheet() -> bytes:
    """The workbook with a second sheet1.xml ahead of the real one: which one Excel reads is its choice."""
    import warnings

    source = zipfile.ZipFile(io.BytesIO(_workbook()))
    out = io.BytesIO()
    shadow = (
        b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>SECRET-XLSX-SHADOW-2P</t></is></c></row>'
        b"</sheetData></worksheet>"
    )
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for info in source.infolist():
            if info.filename == "xl/worksheets/sheet1.xml":
                archive.writestr(info.filename, shadow)
            archive.writestr(info.filename, source.read(info))
    return out.getvalue()


HTML_SECRET = "<html><body><p>Constable</p><!-- SECRET-HTML-BLANK-2R --></body></html>"
UNSUPPORTED = {"file.unsupported_format"}
UNREADABLE = {"file.cannot_inspect"}
REFUSED: list[CorpusFile] = [
    leaky("polyglot_jpeg_zip.jpg", _appended(_jpeg()), UNSUPPORTED, "SECRET-POLYGLOT-ZIP-5G"),
    leaky("polyglot_png_zip.png", _appended(_image("PNG")), UNSUPPORTED, "SECRET-POLYGLOT-ZIP-5G"),
    leaky("polyglot_gif_zip.gif", _appended(_image("GIF")), UNSUPPORTED, "SECRET-POLYGLOT-ZIP-5G"),
    leaky(
        "polyglot_pdf_zip.pdf",
        _appended(b"%PDF-1.4\n%\xe2\xe3\n%%EOF\n"),
        UNSUPPORTED,
        "SECRET-POLYGLOT-ZIP-5G",
    ),
    leaky("polyglot_csv_zip.csv", _appended(CSV_HEAD), UNSUPPORTED, "SECRET-POLYGLOT-ZIP-5G"),
    leaky(
        "polyglot_pdf_zip_pdf.pdf",
        written(lambda: raw_zip(SECRET_ZIP, prefix=b"%PDF-1.4\n", trailing=b"\ntrailer<<>>\n%%EOF\n")),
        UNSUPPORTED,
        "SECRET-POLYGLOT-ZIP-5G",
    ),
    leaky("zip_prefix_stub.zip", _appended(b"#!/bin/sh\nexit 0\n"), UNSUPPORTED, "SECRET-POLYGLOT-ZIP-5G"),
    leaky(
        "html_after_blank_lines.csv", text("\r\n" * 6000 + HTML_SECRET), UNSUPPORTED, "SECRET-HTML-BLANK-2R"
    ),
    leaky(
        "html_after_spaces.txt",
        text("\ufeff" + " " * 9000 + HTML_SECRET),
        UNSUPPORTED,
        "SECRET-HTML-BLANK-2R",
    ),
    leaky("html_utf16_no_bom.csv", text(HTML_SECRET, "utf-16-le"), UNSUPPORTED, None),
    leaky("html_utf16be_no_bom.csv", text(HTML_SECRET, "utf-16-be"), UNSUPPORTED, None),
    leaky(
        "svg_utf32.csv",
        text('\ufeff<svg xmlns="http://www.w3.org/2000/svg"><desc>SECRET-SVG-32</desc></svg>', "utf-32-le"),
        UNSUPPORTED,
        None,
    ),
    leaky(
        "email.txt",
        text(
            "Received: from mail.example\r\nFrom: a@example.gov.uk\r\n"
            "Bcc: SECRET-EML-BCC-7H@example.com\r\n\r\nHi"
        ),
        UNSUPPORTED,
        "SECRET-EML-BCC-7H",
    ),
    leaky(
        "web_archive.mht",
        text(
            'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n'
            "\r\n--b\r\nSECRET-MHT-4P\r\n"
        ),
        UNSUPPORTED,
        "SECRET-MHT-4P",
    ),
    leaky(
        "rtf_after_bom.csv",
        text("\ufeff \r\n{\\rtf1 {\\v SECRET-RTF-HIDDEN-2Z} Constable}"),
        UNSUPPORTED,
        "SECRET-RTF-HIDDEN-2Z",
    ),
    leaky("gzip.csv", written(lambda: gzip.compress(b"Name\r\nSECRET-GZ-1A\r\n")), UNSUPPORTED, None),
    leaky("bzip2.csv", written(lambda: bz2.compress(b"Name\r\nSECRET-BZ-1B\r\n")), UNSUPPORTED, None),
    leaky("xz.csv", written(lambda: lzma.compress(b"Name\r\nSECRET-XZ-1C\r\n")), UNSUPPORTED, None),
    leaky("tar.csv", written(_tar_csv), UNSUPPORTED, "SECRET-TAR-3V"),
    leaky(
        "seven_zip.zip",
        written(lambda: b"7z\xbc\xaf\x27\x1c\x00\x04SECRET-7Z-2D"),
        UNSUPPORTED,
        "SECRET-7Z-2D",
    ),
    leaky("rar.zip", written(lambda: b"Rar!\x1a\x07\x01\x00SECRET-RAR-2E"), UNSUPPORTED, "SECRET-RAR-2E"),
    leaky(
        "markup_after_text.html",
        text('Dear Sir,\r\nThe answer.<p style="display:none">SECRET-HTML-LATE-5V</p>\r\n'),
        {"file.extension_mismatch"},
        "SECRET-HTML-LATE-5V",
    ),
    leaky(
        "mail_without_headers.eml",
        text("Hi,\r\nthe list is attached.\r\n--\r\nSECRET-EML-SIG-4D\r\n"),
        {"file.extension_mismatch"},
        "SECRET-EML-SIG-4D",
    ),
    leaky("csv_utf16_no_bom.csv", text(CSV_TEXT + "Contact,JG103759A\r\n", "utf-16-le"), UNREADABLE, None),
    leaky("utf7_bom.csv", text("+/v8-Name,+AD0-1+-1\r\n"), UNREADABLE, None),
    leaky(
        "zip_name_mismatch.zip",
        zip_file([Entry("data.csv", local_name="SECRET-LOC-9.csv")]),
        {"zip.name_mismatch"},
        "SECRET-LOC-9",
    ),
    leaky(  # zipfile itself refuses an extra field whose length runs past its end
        "zip_extra_truncated.zip",
        zip_file([Entry("data.csv", central_extra=b"\x55\x54\x40\x00SECRET-ZIP-BADX-6F")]),
        UNREADABLE,
        "SECRET-ZIP-BADX-6F",
    ),
    leaky(
        "zip_package_duplicate_sheet.xlsx",
        written(_workbook_with_shadow_sheet),
        UNREADABLE,
        "SECRET-XLSX-SHADOW-2P",
    ),
    leaky(
        "zip_package_trailing_data.xlsx",
        written(lambda: _workbook() + b"SECRET-XLSX-TRAIL-8Q"),
        UNREADABLE,
        "SECRET-XLSX-TRAIL-8Q",
    ),
    leaky(
        "zip_entry_inside_entry.zip",
        written(_entry_inside_entry),
        {"zip.overlapping_entries"},
        "SECRET-ZIP-INSIDE-8M",
    ),
]


# ---------------------------------------------------------------- the checks every entry faces


def holds(path: Path, secret: str) -> bool:
    """The secret is somewhere in the file: its raw bytes or, where they open, its members and streams."""
    from tests.core.release_check.corpus import every_byte

    raw = path.read_bytes()
    if secret.encode() in raw:
        return True
    try:
        return secret.encode() in every_byte(path)
    except Exception:  # a file built to break readers: its raw bytes are the answer
        return False


def assert_caught(entry: CorpusFile, path: Path) -> None:
    """Leaky: blocked with (at least) the expected codes and the secret really planted; clean: no finding."""
    from foidesk.core.release_check import check_file

    report = check_file(str(path))
    codes = {finding.code for finding in report.findings}
    if entry.is_clean:
        assert report.findings == (), codes
        return
    assert not report.clean, codes  # personal data in a table is a warning by design; the rest block
    assert entry.expected <= codes, codes
    if entry.secret is not None:
        assert holds(path, entry.secret)


def assert_clean_copy(entry: CorpusFile, path: Path, copy: Path) -> None:
    """The copy passes, holds no secret in any byte, and keeps what a reader saw."""
    from foidesk.core.release_check import check_file, sanitise_file
    from tests.core.release_check.corpus import every_byte
    from tests.core.release_check.corpus_spreadsheets import visible_text

    assert sanitise_file(str(path), str(copy)).clean
    assert check_file(str(copy)).clean
    if entry.secret is not None:
        assert entry.secret.encode() not in every_byte(copy)
    shown = visible_text(copy)
    for visible in entry.visible:
        assert visible in shown, f"{visible!r} was lost"


def assert_refused(path: Path, copy: Path) -> None:
    """No copy is made of a file the gate cannot account for, and nothing is left behind."""
    import pytest

    from foidesk.core.release_check import CannotSanitise, sanitise_file

    with pytest.raises(CannotSanitise):
        sanitise_file(str(path), str(copy))
    assert not copy.exists()
