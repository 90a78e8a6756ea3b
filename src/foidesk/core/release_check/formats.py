"""What kind of file this is, judged by its content (magic bytes, container manifest), never its name.

A name only says what the sender believes: a ``.xlsx`` that is really a PDF is exactly the kind of
mistake the release gate exists to catch, so the name is compared with the content, not trusted.
"""

from __future__ import annotations

import os
import zipfile
from enum import StrEnum

SNIFF_BYTES = 8192  # enough for every magic number and a CSV sample
CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE2 compound file: legacy Office, or encrypted OOXML
CFB_ENCRYPTION_STREAM = "EncryptionInfo".encode("utf-16-le")  # [MS-OFFCRYPTO] 2.3.4: stream name
ODF_MIMETYPES = {
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "application/vnd.oasis.opendocument.text": "odt",
}


class FileFormat(StrEnum):
    """The formats the gate knows, plus the states that can never pass (empty, unknown, encrypted)."""

    XLSX = "xlsx"
    XLSM = "xlsm"
    ODS = "ods"
    CSV = "csv"
    ZIP = "zip"
    DOCX = "docx"
    ODT = "odt"
    PDF = "pdf"
    PNG = "png"
    JPEG = "jpeg"
    GIF = "gif"
    TIFF = "tiff"
    WEBP = "webp"
    ENCRYPTED_OFFICE = "encrypted-office"
    LEGACY_OFFICE = "legacy-office"
    BROKEN_ZIP = "broken-zip"
    EMPTY = "empty"
    UNKNOWN = "unknown"


IMAGE_FORMATS = frozenset({FileFormat.PNG, FileFormat.JPEG, FileFormat.GIF, FileFormat.TIFF, FileFormat.WEBP})

# The formats a file name's extension promises. A name with an extension not listed promises nothing.
EXTENSION_FORMATS: dict[str, frozenset[FileFormat]] = {
    ".xlsx": frozenset({FileFormat.XLSX}),
    ".xlsm": frozenset({FileFormat.XLSM, FileFormat.XLSX}),
    ".ods": frozenset({FileFormat.ODS}),
    ".csv": frozenset({FileFormat.CSV}),
    ".tsv": frozenset({FileFormat.CSV}),
    ".txt": frozenset({FileFormat.CSV}),
    ".zip": frozenset({FileFormat.ZIP}),
    ".docx": frozenset({FileFormat.DOCX}),
    ".odt": frozenset({FileFormat.ODT}),
    ".pdf": frozenset({FileFormat.PDF}),
    ".png": frozenset({FileFormat.PNG}),
    ".jpg": frozenset({FileFormat.JPEG}),
    ".jpeg": frozenset({FileFormat.JPEG}),
    ".gif": frozenset({FileFormat.GIF}),
    ".tif": frozenset({FileFormat.TIFF}),
    ".tiff": frozenset({FileFormat.TIFF}),
    ".webp": frozenset({FileFormat.WEBP}),
    ".xls": frozenset({FileFormat.LEGACY_OFFICE}),
    ".doc": frozenset({FileFormat.LEGACY_OFFICE}),
}


def detect_format(path: str) -> FileFormat:
    """The format of the file at ``path`` from its bytes; ``OSError`` if it cannot be opened."""
    with open(path, "rb") as handle:
        head = handle.read(SNIFF_BYTES)
    if not head:
        return FileFormat.EMPTY
    if head.startswith(CFB_MAGIC):
        return _compound_file_format(path)
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_format(path)
    magic = _format_from_magic(head)
    if magic is not None:
        return magic
    if _looks_like_text(head):
        return FileFormat.CSV
    return FileFormat.UNKNOWN


def expected_formats(path: str) -> frozenset[FileFormat] | None:
    """The formats the file's name promises, or None where the extension promises nothing."""
    return EXTENSION_FORMATS.get(os.path.splitext(path)[1].lower())


def _format_from_magic(head: bytes) -> FileFormat | None:
    if head.lstrip(b"\x00\t\n\r ")[:5] == b"%PDF-" or head[:1024].find(b"%PDF-") != -1:
        # PDF readers accept the header anywhere in the first 1024 bytes (ISO 32000-1 annex H.3, note).
        return FileFormat.PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return FileFormat.PNG
    if head.startswith(b"\xff\xd8\xff"):
        return FileFormat.JPEG
    if head.startswith((b"GIF87a", b"GIF89a")):
        return FileFormat.GIF
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return FileFormat.TIFF
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return FileFormat.WEBP
    return None


def _compound_file_format(path: str) -> FileFormat:
    """Encrypted OOXML is wrapped in a CFB container holding an ``EncryptionInfo`` stream."""
    with open(path, "rb") as handle:
        # Directory entries of a small encrypted workbook sit well inside the first megabyte.
        sample = handle.read(4 * 1024 * 1024)
    if CFB_ENCRYPTION_STREAM in sample:
        return FileFormat.ENCRYPTED_OFFICE
    return FileFormat.LEGACY_OFFICE


def _zip_format(path: str) -> FileFormat:
    """OOXML and ODF are ZIP containers; the manifest inside says which, not the name outside."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                mimetype = archive.read("mimetype")[:200].decode("ascii", errors="replace").strip()
                odf = ODF_MIMETYPES.get(mimetype)
                if odf is not None:
                    return FileFormat(odf)
            if "[Content_Types].xml" in names:
                if "xl/workbook.xml" in names or any(n.startswith("xl/") for n in names):
                    macro = "xl/vbaProject.bin" in names or _declares_macros(archive)
                    return FileFormat.XLSM if macro else FileFormat.XLSX
                if "word/document.xml" in names:
                    return FileFormat.DOCX
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        return FileFormat.BROKEN_ZIP
    return FileFormat.ZIP


def _declares_macros(archive: zipfile.ZipFile) -> bool:
    info = archive.getinfo("[Content_Types].xml")
    if info.file_size > 1_000_000:
        return False
    return b"macroEnabled" in archive.read(info)


def _looks_like_text(head: bytes) -> bool:
    """Text has no NUL bytes and decodes as UTF-8 (with or without BOM) or as Windows-1252."""
    if b"\x00" in head:
        return False
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = head.decode(encoding)
        except UnicodeDecodeError as error:
            # A multi-byte character cut by the sample boundary is not a decoding failure.
            if encoding == "utf-8-sig" and error.start >= len(head) - 4:
                text = head[: error.start].decode(encoding)
            else:
                continue
        control = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\r\n\f")
        return control <= len(text) // 100
    return False
