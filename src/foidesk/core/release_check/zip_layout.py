"""Every byte of a plain ZIP archive accounted for: entries, directory, end record, and nothing else.

An unzip program shows what the central directory lists; a ZIP can hold much more. Data between
entries, a local entry the directory leaves out, bytes after the end record, a second entry of the
same name (only one of them is extracted, and which one depends on the program), extra fields
with private payloads, names that change on extraction (trailing dots, direction marks, a drive
letter): each carries something the gate would not otherwise read, so each is a block finding.
The layout is checked as the readers see it: the directory is where the end record puts it, each
entry at the offset its directory record gives.
"""

from __future__ import annotations

import itertools
import os
import posixpath
import re
import stat
import struct
import unicodedata
import zipfile
import zlib
from collections.abc import Iterable, Sequence
from typing import BinaryIO

from foidesk.core.release_check.findings import Finding, Severity

LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")  # APPNOTE.TXT 4.3.7
END_RECORD = struct.Struct("<4s4H2LH")  # APPNOTE.TXT 4.3.16
END_SIGNATURE = b"PK\x05\x06"
ZIP64_LOCATOR_SIGNATURE = b"PK\x06\x07"
ZIP64_LOCATOR_BYTES = 20
ZIP64_END_BYTES = 56
LOCAL_SIGNATURE = b"PK\x03\x04"
DESCRIPTOR_SIGNATURE = b"PK\x07\x08"
TAIL_BYTES = END_RECORD.size + 65_535
GAP_SCAN_BYTES = 1 << 20
INFLATE_BLOCK_BYTES = 1 << 20  # how much of an unaccounted gap is searched for a hidden local entry
# Extra fields that carry times, owners, sizes or alignment (APPNOTE.TXT 4.5 and 4.6), with the
# largest body each can have; any other field, or a larger body, carries data nobody sees.
HARMLESS_EXTRA_FIELDS: dict[int, int] = {
    0x0001: 28,  # ZIP64 sizes and offset
    0x000A: 32,  # NTFS times
    0x5455: 13,  # extended timestamp (Info-ZIP "UT")
    0x5855: 12,  # old Unix times and owner (Info-ZIP "UX")
    0x7875: 19,  # Unix owner (Info-ZIP "ux")
    0xCAFE: 0,  # JAR marker
    0xD935: 4096,  # Android zipalign padding: zeros only
}
UNICODE_PATH_FIELD = 0x7075  # Info-ZIP Unicode path: must name the member as its header does
ALIGNMENT_FIELD = 0xD935
DRIVE_LETTER = re.compile(r"^[A-Za-z]:")
CONTROL_OR_DIRECTION = re.compile(r"[\x00-\x1f\x7f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _block(code: str, where: str, message: str) -> Finding:
    return Finding(code, Severity.BLOCK, where, message)


# ---------------------------------------------------------------- names


def unsafe_path_reason(info: zipfile.ZipInfo) -> str | None:
    """Why a member's name (or kind) would not extract as the file it seems to be, or None.

    Outside the folder (absolute, ``..``, a drive letter, a backslash), a symbolic link, control or
    direction-override characters (``csv.exe`` shown as ``exe.csv``), or a component that Windows
    changes on extraction (a trailing dot or space, an empty or ``.`` component).
    """
    name = info.filename
    components = name.rstrip("/").split("/")
    if name.startswith("/") or ".." in components or "\\" in name or DRIVE_LETTER.match(name):
        return "points outside the folder it is extracted to"
    if stat.S_ISLNK(info.external_attr >> 16):
        return "is a symbolic link"
    if CONTROL_OR_DIRECTION.search(name):
        return "holds control or text-direction characters"
    if any(part in ("", ".") or part != part.rstrip(". ") for part in components):
        return "has a part that Windows changes on extraction (empty, '.', or a trailing dot or space)"
    return None


def _name_key(name: str) -> str:
    """Names that extract to the same file on some system share a key (case, Unicode normal form,
    ``./``, backslashes, trailing dots and spaces)."""
    parts = posixpath.normpath(unicodedata.normalize("NFC", name).replace("\\", "/")).split("/")
    return "/".join(part.rstrip(". ") for part in parts if part not in ("", ".")).casefold()


def duplicate_findings(entries: Iterable[zipfile.ZipInfo]) -> list[Finding]:
    """A block finding for every name that more than one entry extracts to."""
    seen: dict[str, int] = {}
    for info in entries:
        key = _name_key(info.filename)
        seen[key] = seen.get(key, 0) + 1
    return [
        _block(
            "zip.duplicate_name",
            key,
            f"{count} entries extract to the same name: which one a reader gets depends on the program. "
            "The clean copy keeps only the last of them, the one extracting leaves on disk.",
        )
        for key, count in seen.items()
        if count > 1
    ]


def shadowed_entries(entries: Sequence[zipfile.ZipInfo]) -> set[int]:
    """The positions of entries a later entry of the same name (as ``_name_key`` tells) overwrites
    when the archive is extracted: the clean copy leaves them out. Keeping them under new names put
    what the reader never had (the shadowed entry is the usual place of a planted secret) in view."""
    last = {_name_key(info.filename): index for index, info in enumerate(entries)}
    return {index for index, info in enumerate(entries) if last[_name_key(info.filename)] != index}


# ---------------------------------------------------------------- extra fields


def _extra_fields(extra: bytes) -> list[tuple[int, bytes]] | None:
    """The (id, body) pairs of an extra field block, or None when its lengths do not add up."""
    fields: list[tuple[int, bytes]] = []
    at = 0
    while at < len(extra):
        if at + 4 > len(extra):
            return None
        field_id, size = struct.unpack_from("<HH", extra, at)
        if at + 4 + size > len(extra):
            return None
        fields.append((field_id, extra[at + 4 : at + 4 + size]))
        at += 4 + size
    return fields


def extra_field_problem(extra: bytes, name: str) -> str | None:
    """What in an entry's extra fields carries data beyond times, owners and sizes, or None."""
    fields = _extra_fields(extra)
    if fields is None:
        return "extra fields whose lengths do not add up"
    for field_id, body in fields:
        if field_id == UNICODE_PATH_FIELD:
            if body[5:].decode("utf-8", "replace") != name:
                return "a Unicode path field naming another file"
            continue
        limit = HARMLESS_EXTRA_FIELDS.get(field_id)
        if limit is None:
            return f"an extra field {field_id:#06x} of {len(body)} bytes, of a kind that carries data"
        if len(body) > limit or (field_id == ALIGNMENT_FIELD and body[2:].strip(b"\x00")):
            return f"an extra field {field_id:#06x} longer than its kind needs ({len(body)} bytes)"
    return None


# ---------------------------------------------------------------- byte ranges


def _end_record(raw: BinaryIO, size: int) -> tuple[int, int, int]:
    """(directory start, end record start, end record stop) as zipfile finds them."""
    tail_at = max(0, size - TAIL_BYTES)
    raw.seek(tail_at)
    tail = raw.read()
    at = tail.rfind(END_SIGNATURE)
    if at == -1 or at + END_RECORD.size > len(tail):
        return size, size, size
    *_, cd_size, _, comment = END_RECORD.unpack_from(tail, at)
    end_at = tail_at + at
    records_at = end_at
    locator = tail[at - ZIP64_LOCATOR_BYTES : at] if at >= ZIP64_LOCATOR_BYTES else b""
    if locator.startswith(ZIP64_LOCATOR_SIGNATURE):
        raw.seek(end_at - ZIP64_LOCATOR_BYTES - ZIP64_END_BYTES)
        zip64 = raw.read(ZIP64_END_BYTES)
        records_at = end_at - ZIP64_LOCATOR_BYTES - ZIP64_END_BYTES
        cd_size = struct.unpack_from("<Q", zip64, 40)[0]
    return max(0, records_at - cd_size), end_at, end_at + END_RECORD.size + comment


def _local_entry(raw: BinaryIO, info: zipfile.ZipInfo) -> tuple[int, int, bytes, bytes, int] | None:
    """(start, stop, name, extra, data start) of the local entry a directory record points at, or None."""
    raw.seek(info.header_offset)
    header = raw.read(LOCAL_HEADER.size)
    if len(header) != LOCAL_HEADER.size or not header.startswith(LOCAL_SIGNATURE):
        return None
    fields = LOCAL_HEADER.unpack(header)
    name = raw.read(fields[10])
    extra = raw.read(fields[11])
    data_at = info.header_offset + LOCAL_HEADER.size + fields[10] + fields[11]
    stop = data_at + info.compress_size
    if info.flag_bits & 0x08:  # a data descriptor follows the data, with or without its signature
        raw.seek(stop)
        zip64 = info.compress_size >= 0xFFFFFFFF or info.file_size >= 0xFFFFFFFF
        stop += (20 if zip64 else 12) + (4 if raw.read(4) == DESCRIPTOR_SIGNATURE else 0)
    return info.header_offset, stop, name, extra, data_at


def _deflate_excess(raw: BinaryIO, info: zipfile.ZipInfo, data_at: int) -> tuple[int, int]:
    """(bytes after the deflate stream's final block, bytes it inflates to beyond the member's
    declared size): unzip programs stop at either end, so both are unseen."""
    inflater = zlib.decompressobj(-15)
    raw.seek(data_at)
    left = info.compress_size
    produced = 0
    try:
        while left and not inflater.eof:
            block = raw.read(min(left, INFLATE_BLOCK_BYTES))
            if not block:
                break
            left -= len(block)
            produced += len(inflater.decompress(block, INFLATE_BLOCK_BYTES))
            while inflater.unconsumed_tail and not inflater.eof and produced <= info.file_size:
                produced += len(inflater.decompress(inflater.unconsumed_tail, INFLATE_BLOCK_BYTES))
            if produced > info.file_size:
                return 0, produced - info.file_size
    except zlib.error:
        return 0, 0  # a damaged stream: reading the member fails and blocks on its own
    return (left + len(inflater.unused_data) if inflater.eof else 0), 0


def _data_findings(raw: BinaryIO, info: zipfile.ZipInfo, data_at: int, deflate_tails: bool) -> list[Finding]:
    """Member data longer than the size the directory declares, which extraction stops short of."""
    name = info.filename
    if info.compress_type == zipfile.ZIP_STORED and info.compress_size != info.file_size:
        extra = info.compress_size - info.file_size
        return [_block("zip.unaccounted", name, f"The stored member holds {extra} bytes beyond its size.")]
    if not deflate_tails or info.compress_type != zipfile.ZIP_DEFLATED:
        return []
    tail, beyond = _deflate_excess(raw, info, data_at)
    if tail:
        return [
            _block("zip.unaccounted", name, f"{tail} bytes follow the end of the member's compressed data.")
        ]
    if beyond:
        return [_block("zip.unaccounted", name, "The member inflates to more than its declared size.")]
    return []


def layout_findings(
    path: str, entries: list[zipfile.ZipInfo], *, deflate_tails: bool = True
) -> list[Finding]:
    """Block findings for every byte range of the archive that no reader shows, and for entries
    whose local header, extra fields or position say something the directory does not."""
    size = os.path.getsize(path)
    findings: list[Finding] = []
    with open(path, "rb") as raw:
        cd_start, _, end_stop = _end_record(raw, size)
        ranges = [(cd_start, end_stop)]
        for info in entries:
            findings.extend(_entry_findings(raw, info, ranges, deflate_tails))
        findings.extend(_overlaps(ranges))
        findings.extend(_gap_findings(raw, ranges, size, end_stop))
    return findings


def _entry_findings(
    raw: BinaryIO, info: zipfile.ZipInfo, ranges: list[tuple[int, int]], deflate_tails: bool
) -> list[Finding]:
    name = info.filename
    local = _local_entry(raw, info)
    if local is None:
        return [_block("zip.unaccounted", name, "The directory points at no local entry for this member.")]
    start, stop, local_name, local_extra, data_at = local
    ranges.append((start, stop))
    findings: list[Finding] = []
    findings.extend(_data_findings(raw, info, data_at, deflate_tails))
    decoded = local_name.decode("utf-8" if info.flag_bits & 0x800 else "cp437", "replace")
    if decoded != info.orig_filename:
        findings.append(_block("zip.name_mismatch", name, f"The entry's own header names it {decoded!r}."))
    for where, extra in (("directory", info.extra), ("local header", local_extra)):
        problem = extra_field_problem(extra, info.orig_filename)
        if problem is not None:
            findings.append(_block("zip.extra_field", name, f"The entry's {where} carries {problem}."))
    return findings


def _overlaps(ranges: list[tuple[int, int]]) -> list[Finding]:
    ordered = sorted(ranges)
    for (_, previous_stop), (start, _) in itertools.pairwise(ordered):
        if start < previous_stop:
            return [
                _block(
                    "zip.overlapping_entries",
                    f"byte {start}",
                    "Entries share bytes: the directory lists one piece of data under two names or as "
                    "part of another.",
                )
            ]
    return []


def _gap_findings(raw: BinaryIO, ranges: list[tuple[int, int]], size: int, end_stop: int) -> list[Finding]:
    findings: list[Finding] = []
    at = 0
    for start, stop in [*sorted(ranges), (size, size)]:
        if start > at:
            findings.append(_gap(raw, at, start, end_stop))
        at = max(at, stop)
    return findings


def _gap(raw: BinaryIO, start: int, stop: int, end_stop: int) -> Finding:
    where = f"bytes {start}-{stop - 1}"
    if start >= end_stop:
        return _block(
            "zip.trailing_data", where, f"{stop - start} bytes follow the archive's end record unseen."
        )
    raw.seek(start)
    if LOCAL_SIGNATURE in raw.read(min(stop - start, GAP_SCAN_BYTES)):
        return _block(
            "zip.hidden_entry",
            where,
            "A file is stored in the archive but left out of its directory: unzip programs do not show it.",
        )
    return _block(
        "zip.unaccounted",
        where,
        f"{stop - start} bytes lie outside every entry (before, between or inside the directory).",
    )


# Findings that make a document package unreadable: it has one reader (Excel, LibreOffice) whose
# choice between two entries of one name, or whose view of bytes outside every entry, is unknown.
PACKAGE_PROBLEMS = frozenset(
    {
        "zip.duplicate_name",
        "zip.hidden_entry",
        "zip.unaccounted",
        "zip.trailing_data",
        "zip.overlapping_entries",
    }
)


def package_problem(path: str, entries: list[zipfile.ZipInfo]) -> str | None:
    """Why a document's ZIP container cannot be trusted, or None: duplicate names, bytes outside
    every entry, entries inside others. Extra fields and deflate tails are left to the plain-archive
    check (reading every member twice would halve the speed of a large workbook's check)."""
    findings = duplicate_findings(entries) + layout_findings(path, entries, deflate_tails=False)
    for finding in findings:
        if finding.code in PACKAGE_PROBLEMS:
            return f"the container {finding.message[0].lower()}{finding.message[1:]} ({finding.where})"
    return None
