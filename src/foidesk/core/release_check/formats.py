"""What kind of file this is, judged by its content (magic bytes, container manifest), never its name.

A name only says what the sender believes: a ``.xlsx`` that is really a PDF is exactly the kind of
mistake the release gate exists to catch, so the name is compared with the content, not trusted.
"""

from __future__ import annotations

import os
import re
import struct
import zipfile
import zlib
from enum import StrEnum
from typing import BinaryIO

from foidesk.core.release_check.findings import CannotInspect

SNIFF_BYTES = 8192  # enough for every magic number and a CSV sample
CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE2 compound file: legacy Office, or encrypted OOXML
CFB_ENCRYPTION_STREAM = "EncryptionInfo".encode("utf-16-le")  # [MS-OFFCRYPTO] 2.3.4: stream name
ODF_MIMETYPES = {
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "application/vnd.oasis.opendocument.text": "odt",
}
ODF_MIMETYPE_PREFIX = "application/vnd.oasis.opendocument."
# The compression methods zipfile can read (stored, deflate, bzip2, LZMA); Deflate64 (9), PPMd (98)
# and the rest raise ``NotImplementedError`` deep inside a reader, so they are refused up front.
READABLE_ZIP_METHODS = frozenset(
    {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}
)
MAX_MANIFEST_BYTES = 1_000_000  # a [Content_Types].xml or mimetype larger than this is not a real one
# Markup at the start of a text file (after a BOM and white space): a tag, a comment, a doctype or
# an XML declaration. No delimited text starts like this.
MARKUP_START = re.compile(rb"<(?:[!?]|[a-z][a-z0-9:._-]*[\s/>])", re.IGNORECASE)
HTML_MARKERS = re.compile(
    rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<script[\s>]|<iframe[\s>]", re.IGNORECASE
)
HTML_TAG_START = re.compile(
    rb"<(?:html|head|body|div|p|table|meta|title|script|style|span|a|h[1-6]|br|ul|ol|li|form|img|link)[\s/>]",
    re.IGNORECASE,
)
SVG_MARKERS = re.compile(rb"<(?:[a-z0-9_-]+:)?svg[\s>]|<!doctype\s+svg", re.IGNORECASE)
FLAT_ODF_MARKER = re.compile(rb"<office:document[\s>]")
# An e-mail or MHTML web archive starts with RFC 5322 header lines (or an mbox "From " line).
EMAIL_START = re.compile(
    rb"(?:From \S+ +(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) |"
    rb"(?:MIME-Version|Received|Return-Path|Delivered-To|Message-ID|X-[A-Za-z0-9-]+|From|To|Cc|Bcc|"
    rb"Subject|Date|Content-Type|Reply-To|Sender)[ \t]*:[^\r\n]*\r?\n"
    rb"(?:[ \t][^\r\n]*\r?\n)*[A-Za-z][A-Za-z0-9-]*[ \t]*:)",
    re.IGNORECASE,
)
# gzip (and .svgz, .tgz), 7-Zip, RAR 4 and 5, bzip2, xz, zstd, LZ4, Unix compress, cabinet
COMPRESSED_MAGIC = (
    b"\x1f\x8b",
    b"7z\xbc\xaf\x27\x1c",
    b"Rar!\x1a\x07",
    b"BZh",
    b"\xfd7zXZ\x00",
    b"\x28\xb5\x2f\xfd",
    b"\x04\x22\x4d\x18",
    b"\x1f\x9d",
    b"MSCF",
)
# Byte-order marks, UTF-32 before UTF-16 (whose mark begins UTF-32 LE's).
TEXT_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xef\xbb\xbf", "utf-8"),
)
UNREAD_BOMS: tuple[bytes, ...] = (b"+/v8", b"+/v9", b"+/v+", b"+/v/", b"\xf7\x64\x4c", b"\xdd\x73\x66\x73")
UNREAD_BOMS += (b"\x0e\xfe\xff", b"\xfb\xee\x28", b"\x84\x31\x95\x33")
UTF16_NUL_SHARE = 0.4  # share of characters whose high byte is NUL in UTF-16 text of Latin script
BLANK = " \t\r\n\f\v\u00a0\u2000\u2001\u2002\u2003\u200b\u3000\ufeff"
MAX_LEADING_BLANK = 4 * 1024 * 1024  # blank space skipped before the sniffers look
ZIP_END_SIGNATURE = b"PK\x05\x06"
ZIP_TAIL_BYTES = 22 + 65_535 + 1024  # the end record, its longest comment, and a little trailing slack


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
    RTF = "rtf"
    HTML = "html"
    SVG = "svg"
    XML = "xml"
    FLAT_ODF = "flat-odf"
    PRESENTATION = "presentation"
    EMAIL = "email"
    POLYGLOT = "polyglot"
    COMPRESSED = "compressed-archive"
    OTHER_OFFICE = "other-office"
    BROKEN_ZIP = "broken-zip"
    EMPTY = "empty"
    UNKNOWN = "unknown"


IMAGE_FORMATS = frozenset({FileFormat.PNG, FileFormat.JPEG, FileFormat.GIF, FileFormat.TIFF, FileFormat.WEBP})

# Formats recognised only to be refused: each can hide content the gate has no reader for (RTF and
# HTML comments and hidden styles, SVG off-canvas shapes, a flat ODF file's hidden sheets, a
# presentation's speaker notes and hidden slides). What it is, said plainly, and what to do instead.
UNSUPPORTED_REASONS: dict[FileFormat, str] = {
    FileFormat.RTF: "The file is RTF (rich text)",
    FileFormat.HTML: "The file is HTML (a web page)",
    FileFormat.SVG: "The file is an SVG drawing",
    FileFormat.XML: "The file is XML (for example an Excel 2003 XML workbook)",
    FileFormat.FLAT_ODF: "The file is a flat OpenDocument file (.fods, .fodt, .fodp)",
    FileFormat.PRESENTATION: (
        "The file is a presentation (PPTX, PPSX or ODP), which carries speaker notes, hidden slides "
        "and content placed off the slide"
    ),
    FileFormat.OTHER_OFFICE: (
        "The file is an Office or OpenDocument package other than DOCX, XLSX, ODT or ODS "
        "(a drawing, diagram or template, say)"
    ),
    FileFormat.EMAIL: (
        "The file is an e-mail or web archive (EML, MHTML), which carries headers, hidden copies "
        "and attachments"
    ),
    FileFormat.POLYGLOT: (
        "The file is two formats at once (a picture, PDF or text file that is also a ZIP archive): "
        "each program that opens it shows something different"
    ),
    FileFormat.COMPRESSED: (
        "The file is a compressed archive other than ZIP (gzip, 7-Zip, RAR, tar, bzip2, xz)"
    ),
}
UNSUPPORTED_ADVICE = (
    ", a format the release gate cannot check for hidden content. "
    "Export it as PDF, XLSX or CSV and check that instead."
)

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
    # Names of formats the gate refuses: a browser or mail program opens such a name as its format
    # whatever the first bytes sniff as ("Dear Sir<p hidden>..."), so content that sniffs otherwise
    # is a mismatch, not a CSV.
    **dict.fromkeys((".htm", ".html", ".xhtml", ".shtml"), frozenset({FileFormat.HTML})),
    **dict.fromkeys(
        (".eml", ".mht", ".mhtml", ".msg"), frozenset({FileFormat.EMAIL, FileFormat.LEGACY_OFFICE})
    ),
    ".svg": frozenset({FileFormat.SVG}),
    ".xml": frozenset({FileFormat.XML, FileFormat.SVG, FileFormat.FLAT_ODF}),
    ".rtf": frozenset({FileFormat.RTF}),
    **dict.fromkeys((".fods", ".fodt", ".fodp", ".fodg"), frozenset({FileFormat.FLAT_ODF})),
    **dict.fromkeys(
        (".pptx", ".ppsx", ".odp", ".ppt"), frozenset({FileFormat.PRESENTATION, FileFormat.LEGACY_OFFICE})
    ),
    **dict.fromkeys(
        (".gz", ".tgz", ".7z", ".rar", ".tar", ".bz2", ".xz"), frozenset({FileFormat.COMPRESSED})
    ),
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
        file_format = _content_format(head, handle)
    if _ends_in_zip_directory(path):  # a ZIP behind a prefix stub or appended to another format
        return FileFormat.POLYGLOT
    return file_format


def _content_format(head: bytes, handle: BinaryIO) -> FileFormat:
    """A file that is not a ZIP or compound file: by magic number, else as text in its encoding."""
    magic = _format_from_magic(head)
    if magic is not None:
        return magic
    if head.startswith(COMPRESSED_MAGIC) or head[257:262] == b"ustar":
        return FileFormat.COMPRESSED
    if head.startswith(UNREAD_BOMS):
        return FileFormat.UNKNOWN  # UTF-7, UTF-1, UTF-EBCDIC, SCSU, BOCU-1, GB18030: no sniffer reads them
    encoding = _text_encoding(head)
    if encoding is None:
        return FileFormat.UNKNOWN
    text = _sniffable_text(head, handle, encoding)
    if text is None or not _looks_like_text(text):
        return FileFormat.UNKNOWN
    return _text_format(text)


def _text_encoding(head: bytes) -> str | None:
    """How the text is encoded, from its BOM or, for UTF-16 without one, from where its NULs fall."""
    for bom, encoding in TEXT_BOMS:
        if head.startswith(bom):
            return encoding
    if b"\x00" not in head:
        return "utf-8"
    pairs = len(head) // 2
    if pairs < 2:
        return None
    odd_nuls = head[1 : 2 * pairs : 2].count(0)
    even_nuls = head[0 : 2 * pairs : 2].count(0)
    if odd_nuls >= pairs * UTF16_NUL_SHARE and even_nuls == 0:
        return "utf-16-le"
    if even_nuls >= pairs * UTF16_NUL_SHARE and odd_nuls == 0:
        return "utf-16-be"
    return None


def _sniffable_text(head: bytes, handle: BinaryIO, encoding: str) -> bytes | None:
    """The start of the text after any BOM and leading blank space, as UTF-8 for the sniffers.

    Blank space is skipped however long it is (up to ``MAX_LEADING_BLANK`` bytes), so markup cannot
    hide past the sample behind a run of spaces or line breaks; a blank file beyond that is unknown.
    """
    raw = head
    while True:
        text = _decoded(raw, encoding)
        if text is None:
            return None
        meaningful = text.lstrip(BLANK)
        if meaningful or len(raw) >= MAX_LEADING_BLANK:
            break
        more = handle.read(SNIFF_BYTES)
        if not more:
            break
        raw += more
    if not meaningful and text:
        return None if len(raw) >= MAX_LEADING_BLANK else text.encode("utf-8")
    return meaningful[:SNIFF_BYTES].encode("utf-8")


def _decoded(raw: bytes, encoding: str) -> str | None:
    """``raw`` decoded (BOM dropped), a character cut by the sample's end ignored; None if not text."""
    if encoding == "utf-8":
        raw = raw.removeprefix(b"\xef\xbb\xbf")
        for codec in ("utf-8", "cp1252"):
            try:
                return raw.decode(codec)
            except UnicodeDecodeError as error:
                if codec == "utf-8" and error.start >= len(raw) - 4:
                    return raw[: error.start].decode(codec)
        return raw.decode("latin-1")  # cp1252's five undefined bytes: still text to sniff
    width = 4 if encoding.startswith("utf-32") else 2
    usable = raw[: len(raw) - len(raw) % width]
    try:
        return usable.decode(encoding).lstrip("\ufeff")
    except UnicodeDecodeError:
        return None


def _ends_in_zip_directory(path: str) -> bool:
    """The file ends in a real ZIP end record whose central directory is where it says.

    ZIP readers find an archive from its end, so any file with such a tail opens as an archive too
    (a picture, PDF or text with a ZIP appended, or a ZIP behind a prefix stub): a polyglot.
    A chance ``PK\\x05\\x06`` in compressed data is not enough: the directory it points to must
    begin with a central directory header.
    """
    size = os.path.getsize(path)
    with open(path, "rb") as handle:
        tail_at = max(0, size - ZIP_TAIL_BYTES)
        handle.seek(tail_at)
        tail = handle.read()
        at = tail.rfind(ZIP_END_SIGNATURE)
        while at != -1:
            if _real_end_record(handle, tail, at, tail_at, size):
                return True
            at = tail.rfind(ZIP_END_SIGNATURE, 0, at)
    return False


def _real_end_record(handle: BinaryIO, tail: bytes, at: int, tail_at: int, size: int) -> bool:
    if at + 22 > len(tail):
        return False
    _, _, _, _, entries, cd_size, _, comment = struct.unpack_from("<4s4H2LH", tail, at)
    end_at = tail_at + at
    if entries == 0 or cd_size == 0 or end_at + 22 + comment > size or cd_size > end_at:
        return False
    handle.seek(end_at - cd_size)
    return handle.read(4) == b"PK\x01\x02"


def unsupported_reason(file_format: FileFormat) -> str | None:
    """Why a recognised but unsupported format is refused, or None for a format the gate reads."""
    reason = UNSUPPORTED_REASONS.get(file_format)
    return None if reason is None else reason + UNSUPPORTED_ADVICE


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
    """OOXML and ODF are ZIP containers; the manifest inside says which, not the name outside.

    A manifest member that is encrypted or compressed by a method Python cannot read (Deflate64)
    raises ``CannotInspect``: the gate cannot tell what the file is, so it cannot pass.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                mimetype = _manifest(archive, "mimetype")[:200].decode("ascii", errors="replace").strip()
                odf = ODF_MIMETYPES.get(mimetype)
                if odf is not None:
                    return FileFormat(odf)
                if mimetype.startswith(ODF_MIMETYPE_PREFIX):
                    kind = mimetype[len(ODF_MIMETYPE_PREFIX) :]
                    return (
                        FileFormat.PRESENTATION
                        if kind.startswith("presentation")
                        else FileFormat.OTHER_OFFICE
                    )
            if "[Content_Types].xml" in names:
                types = _manifest(archive, "[Content_Types].xml")
                if b"presentationml" in types or b".slideshow." in types:
                    return FileFormat.PRESENTATION
                if b"ms-visio" in types or b"ms-xpsdocument" in types:
                    return FileFormat.OTHER_OFFICE
                if "xl/workbook.xml" in names or any(n.startswith("xl/") for n in names):
                    macro = "xl/vbaProject.bin" in names or b"macroEnabled" in types
                    return FileFormat.XLSM if macro else FileFormat.XLSX
                if "word/document.xml" in names:
                    return FileFormat.DOCX
                if b"officedocument" in types.lower():
                    return FileFormat.OTHER_OFFICE
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, zlib.error):
        return FileFormat.BROKEN_ZIP
    return FileFormat.ZIP


def check_member_readable(info: zipfile.ZipInfo) -> None:
    """``CannotInspect`` when a ZIP member is encrypted or compressed by a method zipfile cannot read."""
    if info.flag_bits & 0x1:
        raise CannotInspect(f"member {info.filename} is encrypted (password-protected)")
    if info.compress_type not in READABLE_ZIP_METHODS:
        raise CannotInspect(
            f"member {info.filename} is compressed by method {info.compress_type} "
            "(Deflate64 or another method the gate cannot read)"
        )


def _manifest(archive: zipfile.ZipFile, name: str) -> bytes:
    """A small manifest member's bytes, after the checks that keep zipfile from raising past us."""
    info = archive.getinfo(name)
    check_member_readable(info)
    if info.file_size > MAX_MANIFEST_BYTES:
        raise CannotInspect(f"member {name} is {info.file_size:,} bytes, too large for a manifest")
    try:
        return archive.read(info)
    except (NotImplementedError, RuntimeError) as error:
        raise CannotInspect(f"member {name} cannot be read: {error}") from error


def _text_format(head: bytes) -> FileFormat:
    """Markup first (RTF, HTML, SVG, flat ODF, other XML): only what is left is treated as CSV."""
    start = head.removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n\f")
    if start[:5].lower() == b"{\\rtf":
        return FileFormat.RTF
    if EMAIL_START.match(start):
        return FileFormat.EMAIL
    markup = MARKUP_START.match(start) is not None
    if FLAT_ODF_MARKER.search(head):
        return FileFormat.FLAT_ODF
    html = HTML_MARKERS.search(head) is not None or HTML_TAG_START.match(start) is not None
    if SVG_MARKERS.search(head) and not html:
        return FileFormat.SVG
    if html:
        return FileFormat.HTML
    if markup:
        return FileFormat.XML
    return FileFormat.CSV


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
