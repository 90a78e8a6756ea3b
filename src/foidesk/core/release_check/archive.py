"""ZIP containers read within limits: plain archives checked member by member, recursively.

Spreadsheets and documents (OOXML, ODF) are ZIP containers too, so the bounded reading lives here
once: a hostile file (a zip bomb, an archive of a million members, archives nested to exhaustion,
an XML part declaring entities) becomes a ``CannotInspect`` before it can exhaust the machine.
The XML inside is parsed by lxml with entities, DTDs and network access all refused.
"""

from __future__ import annotations

import contextlib
import os
import posixpath
import queue
import re
import struct
import tempfile
import threading
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from types import TracebackType
from typing import IO, Literal, cast

from isal import isal_zlib
from lxml import etree

from foidesk.core.release_check import zip_layout
from foidesk.core.release_check.findings import (
    CannotInspect,
    CannotSanitise,
    Finding,
    InspectionLimits,
    Severity,
)
from foidesk.core.release_check.formats import check_member_readable

# What a part of a package named so may hold: (pattern of its name, finding's code, severity, message).
PartRule = tuple[re.Pattern[str], str, Severity, str]

XML_CHUNK_BYTES = 1 << 16
RATIO_FLOOR_BYTES = 1_048_576  # a tiny member may compress 1000:1 innocently; the ratio limit starts here
FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the ZIP epoch: a sanitised archive carries no real timestamps
SYSTEM_MEMBER = re.compile(r"(^|/)(__MACOSX/|\.DS_Store$|Thumbs\.db$|desktop\.ini$)", re.IGNORECASE)

# Checks one extracted member: (path on disk, name in the archive, depth) -> findings.
MemberInspector = Callable[[str, str, int], list[Finding]]
# Writes a clean copy of one extracted member: (source, target, depth).
MemberSanitiser = Callable[[str, str, int], None]


PREFETCH_CHUNKS = 4  # chunks inflated ahead of the reader: a few megabytes held at most
_DONE = object()


def _prefetched(source: Iterator[bytes]) -> Iterator[bytes]:
    """``source`` run in a thread of its own, its items passed on in order (errors too)."""
    ahead: queue.Queue[object] = queue.Queue(PREFETCH_CHUNKS)
    stop = threading.Event()

    def produce() -> None:
        try:
            for item in source:
                if stop.is_set():
                    break
                ahead.put(item)
        except BaseException as error:  # handed to the reader, who raises it
            ahead.put(error)
        finally:
            source.close()  # type: ignore[attr-defined]
            ahead.put(_DONE)

    worker = threading.Thread(target=produce, name="inflate", daemon=True)
    worker.start()
    try:
        while (item := ahead.get()) is not _DONE:
            if isinstance(item, BaseException):
                raise item
            yield cast(bytes, item)
    finally:
        stop.set()
        while worker.is_alive():  # let a producer blocked on a full queue finish
            with contextlib.suppress(queue.Empty):
                ahead.get(timeout=0.05)
        worker.join()


LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")  # APPNOTE.TXT 4.3.7, as zipfile reads it
COMPRESSED_BLOCK_BYTES = 1 << 18
# ISA-L's error class (its stubs declare it an instance, hence the cast).
INFLATE_ERROR = cast("type[Exception]", isal_zlib.IsalError)


def _inflated(path: str, info: zipfile.ZipInfo, size: int) -> Iterator[bytes]:
    """A deflated member's bytes, inflated by ISA-L (twice as fast as zlib) in chunks of at most
    ``size``, its length and CRC-32 checked against the directory as zipfile checks them."""
    failure = f"member {info.filename} cannot be read (corrupt or truncated)"
    produced = crc = 0
    try:
        with open(path, "rb") as raw:  # a handle of its own: zipfile's is shared and positioned
            raw.seek(info.header_offset)
            header = raw.read(LOCAL_HEADER.size)
            if len(header) != LOCAL_HEADER.size or header[:4] != b"PK\x03\x04":
                raise CannotInspect(f"{failure}: no local header")
            fields = LOCAL_HEADER.unpack(header)
            name = raw.read(fields[10])
            if name.decode("utf-8" if info.flag_bits & 0x800 else "cp437", "replace") != info.orig_filename:
                raise CannotInspect(f"{failure}: its name differs between the directory and its header")
            raw.seek(fields[11], os.SEEK_CUR)
            inflater = isal_zlib.decompressobj(-15)
            left = info.compress_size
            while not inflater.eof:
                pending = inflater.unconsumed_tail
                if not pending and left:
                    pending = raw.read(min(left, COMPRESSED_BLOCK_BYTES))
                    left -= len(pending)
                if not pending:
                    raise CannotInspect(f"{failure}: the compressed data ends early")
                chunk = inflater.decompress(pending, size)
                produced += len(chunk)
                if produced > info.file_size:
                    raise CannotInspect(f"{failure}: it expands beyond its declared size")
                crc = zlib.crc32(chunk, crc)
                if chunk:
                    yield chunk
    except (OSError, INFLATE_ERROR) as error:
        raise CannotInspect(f"{failure}: {error}") from error
    if produced != info.file_size or crc != info.CRC:
        raise CannotInspect(f"{failure}: its length or CRC-32 does not match the directory")


class ExtractionBudget:
    """Bytes that may still be decompressed across one whole check, nested archives included."""

    __slots__ = ("remaining",)

    def __init__(self, limits: InspectionLimits) -> None:
        self.remaining = limits.max_uncompressed_bytes

    def spend(self, size: int) -> None:
        self.remaining -= size
        if self.remaining < 0:
            raise CannotInspect("the archive expands beyond the size limit (a zip bomb?)")


class ZipContainer:
    """A ZIP opened for reading after its directory passed the limits (members, size, ratio)."""

    def __init__(self, path: str, limits: InspectionLimits, *, package: bool = True) -> None:
        """``package``: the ZIP is a document's container (XLSX, ODS), whose every byte must be an
        entry the directory lists, under a name no other entry has; a plain archive (``False``)
        reports those as findings instead (``zip_layout``)."""
        try:
            self._zip = zipfile.ZipFile(path)
            self._path = path
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as error:
            raise CannotInspect(f"not a readable ZIP container (corrupt or truncated): {error}") from error
        try:
            self._check_directory(path, limits)
        except CannotInspect:
            self._zip.close()
            raise
        self.entries = self._zip.infolist()  # every directory entry, duplicates included
        self.infos = {info.filename: info for info in self.entries}
        if package:
            problem = zip_layout.package_problem(path, self.entries)
            if problem is not None:
                self._zip.close()
                raise CannotInspect(problem)

    def _check_directory(self, path: str, limits: InspectionLimits) -> None:
        infos = self._zip.infolist()
        if len(infos) > limits.max_archive_members:
            raise CannotInspect(f"{len(infos)} members, more than the limit of {limits.max_archive_members}")
        total = sum(info.file_size for info in infos)
        if total > limits.max_uncompressed_bytes:
            raise CannotInspect(
                f"expands to {total:,} bytes, more than the limit of {limits.max_uncompressed_bytes:,}"
            )
        on_disk = max(os.path.getsize(path), 1)
        if total > RATIO_FLOOR_BYTES and total / on_disk > limits.max_compression_ratio:
            raise CannotInspect(
                f"compression ratio {total / on_disk:.0f}:1 is beyond the limit (a zip bomb?)"
            )
        for info in infos:
            check_member_readable(info)  # encrypted, or Deflate64 and the like: zipfile would raise
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > RATIO_FLOOR_BYTES and ratio > limits.max_compression_ratio:
                raise CannotInspect(f"member {info.filename} compresses {ratio:.0f}:1 (a zip bomb?)")

    def __enter__(self) -> ZipContainer:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self._zip.close()

    @property
    def names(self) -> list[str]:
        return list(self.infos)

    def parts_with_rule(self, rules: Sequence[PartRule]) -> Iterator[tuple[str, PartRule | None]]:
        """Each file of a package (not its folders) with the first rule whose pattern its name matches."""
        for name in self.infos:
            if not name.endswith("/"):
                yield name, next((rule for rule in rules if rule[0].search(name)), None)

    @property
    def comment(self) -> bytes:
        return self._zip.comment

    def has(self, name: str) -> bool:
        return name in self.infos

    def size(self, name: str) -> int:
        return self.infos[name].file_size

    def read(self, name: str) -> bytes:
        try:
            return self._zip.read(name)
        except (
            zipfile.BadZipFile,
            zlib.error,
            EOFError,
            OSError,
            KeyError,
            NotImplementedError,
            RuntimeError,
        ) as error:
            raise CannotInspect(f"member {name} cannot be read (corrupt or truncated): {error}") from error

    def open(self, name: str) -> IO[bytes]:
        try:
            return self._zip.open(name)
        except (
            zipfile.BadZipFile,
            zlib.error,
            EOFError,
            OSError,
            KeyError,
            NotImplementedError,
            RuntimeError,
        ) as error:
            raise CannotInspect(f"member {name} cannot be read (corrupt or truncated): {error}") from error

    def open_entry(self, info: zipfile.ZipInfo) -> IO[bytes]:
        """One directory entry's data, even where another entry has the same name."""
        try:
            return self._zip.open(info)
        except (
            zipfile.BadZipFile,
            zlib.error,
            EOFError,
            OSError,
            NotImplementedError,
            RuntimeError,
        ) as error:
            raise CannotInspect(
                f"member {info.filename} cannot be read (corrupt or truncated): {error}"
            ) from error

    def chunks(self, name: str, size: int = 1 << 20, prefetch: bool = False) -> Iterator[bytes]:
        """The decompressed bytes of a member, chunk by chunk.

        With ``prefetch`` a thread inflates the next chunks while the caller works on this one (ISA-L
        and zlib let go of the GIL), a few chunks ahead at most; closing the iterator stops the thread.
        """
        if prefetch:
            return _prefetched(self._chunks(name, size))
        return self._chunks(name, size)

    def _chunks(self, name: str, size: int) -> Iterator[bytes]:
        info = self.infos.get(name)
        if info is not None and info.compress_type == zipfile.ZIP_DEFLATED:
            yield from _inflated(self._path, info, size)
            return
        stream = self.open(name)
        try:
            while chunk := stream.read(size):
                yield chunk
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as error:
            raise CannotInspect(f"member {name} cannot be read (corrupt or truncated): {error}") from error
        finally:
            stream.close()

    def xml(self, name: str) -> etree._Element:
        """The parsed XML of a member (a small part: workbook, styles, properties)."""
        return parse_xml(self.read(name), name)

    def xml_elements(self, name: str, tags: Iterable[str]) -> Iterator[etree._Element]:
        """Stream the elements named ``tags`` of a (large) XML member, each complete at its end tag.

        The caller must release what it no longer needs; memory stays flat whatever the size.
        """
        return (element for _, element in self.xml_events(name, tags, ("end",)))

    def xml_events(
        self, name: str, tags: Iterable[str], events: tuple[Literal["start", "end"], ...]
    ) -> Iterator[tuple[str, etree._Element]]:
        """Stream (event, element) pairs for ``tags`` of an XML member: ``start`` sees attributes only."""
        stream = self.open(name)
        try:
            parser = etree.XMLPullParser(
                events=events,
                tag=list(tags),
                resolve_entities=False,
                no_network=True,
                load_dtd=False,
                huge_tree=False,
            )
            first = True
            while chunk := stream.read(XML_CHUNK_BYTES):
                if first and (b"<!DOCTYPE" in chunk[:4096] or b"<!ENTITY" in chunk):
                    raise CannotInspect(f"{name} declares a DTD or entities, which no spreadsheet needs")
                first = False
                parser.feed(chunk)
                for event, element in parser.read_events():
                    yield str(event), cast(etree._Element, element)
            parser.close()
            for event, element in parser.read_events():
                yield str(event), cast(etree._Element, element)
        except etree.XMLSyntaxError as error:
            raise CannotInspect(f"{name} is not well-formed XML: {error}") from error
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as error:
            raise CannotInspect(f"member {name} cannot be read (corrupt or truncated): {error}") from error
        finally:
            stream.close()


def parse_xml(data: bytes, name: str) -> etree._Element:
    """Parse one small XML part, refusing DTDs and entities (billion laughs, external entities)."""
    if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data[:65536]:
        raise CannotInspect(f"{name} declares a DTD or entities, which no spreadsheet needs")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise CannotInspect(f"{name} is not well-formed XML: {error}") from error


def release_children(element: etree._Element) -> None:
    """Free a streamed element and the siblings already handled before it (flat memory)."""
    element.clear()
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]


def inspect_archive(
    path: str, limits: InspectionLimits, depth: int, budget: ExtractionBudget, inspect_member: MemberInspector
) -> list[Finding]:
    """Check every member of a plain ZIP archive with ``inspect_member``; findings name the member."""
    if depth > limits.max_archive_depth:
        raise CannotInspect(f"archives nested deeper than {limits.max_archive_depth} levels")
    findings: list[Finding] = []
    with (
        ZipContainer(path, limits, package=False) as container,
        tempfile.TemporaryDirectory(prefix="foidesk-zip-") as tmp,
    ):
        findings.extend(_archive_findings(container))
        findings.extend(zip_layout.layout_findings(path, container.entries))
        for index, info in enumerate(container.entries):
            if info.is_dir():
                continue
            try:
                member_path = _extract(container, info, tmp, index, budget)
            except CannotInspect as error:  # the others are still checked; this one blocks
                findings.append(Finding("file.cannot_inspect", Severity.BLOCK, info.filename, str(error)))
                continue
            try:
                for finding in inspect_member(member_path, info.filename, depth + 1):
                    findings.append(_within(info.filename, finding))
            finally:
                os.unlink(member_path)
    return findings


def sanitise_archive(
    source: str,
    target: str,
    limits: InspectionLimits,
    depth: int,
    budget: ExtractionBudget,
    sanitise_member: MemberSanitiser,
) -> None:
    """A new archive of clean copies of the members, without comments, system files, timestamps or
    the entries a later one of the same name overwrites (``zip_layout.shadowed_entries``)."""
    if depth > limits.max_archive_depth:
        raise CannotSanitise(f"archives nested deeper than {limits.max_archive_depth} levels")
    with (
        ZipContainer(source, limits, package=False) as container,
        tempfile.TemporaryDirectory(prefix="foidesk-zip-") as tmp,
        zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        written: set[str] = set()
        shadowed = zip_layout.shadowed_entries(container.entries)
        for index, info in enumerate(container.entries):
            if info.is_dir() or SYSTEM_MEMBER.search(info.filename) or index in shadowed:
                continue
            name = _safe_member_name(info.filename, written)
            member_path = _extract(container, info, tmp, index, budget)
            clean_path = os.path.join(tmp, f"clean-{index}{_extension(info.filename)}")
            sanitise_member(member_path, clean_path, depth + 1)
            entry = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            with open(clean_path, "rb") as clean, out.open(entry, "w") as sink:
                while chunk := clean.read(1 << 20):
                    sink.write(chunk)
            written.add(name.casefold())
            os.unlink(member_path)
            os.unlink(clean_path)


# Python's zipfile writes a folder added with writestr as an empty deflate stream: 2 bytes, 0 of data.
EMPTY_DEFLATE_BYTES = 2


def _archive_findings(container: ZipContainer) -> list[Finding]:
    """What the directory says: comments, unsafe or duplicate names, folders holding data."""
    findings: list[Finding] = []
    if container.comment:
        findings.append(
            Finding("zip.comment", Severity.BLOCK, "archive comment", "The archive carries a comment.")
        )
    for info in container.entries:
        name = info.filename
        reason = zip_layout.unsafe_path_reason(info)
        if reason is not None:
            findings.append(
                Finding(
                    "zip.unsafe_path",
                    Severity.BLOCK,
                    name,
                    f"A member's name {reason}: extracted, it is not the file it seems to be.",
                )
            )
        if SYSTEM_MEMBER.search(name):
            findings.append(
                Finding(
                    "zip.system_file",
                    Severity.WARN,
                    name,
                    "A file the sender's computer added (folder metadata, thumbnails) is in the archive.",
                )
            )
        if info.comment:
            findings.append(Finding("zip.comment", Severity.BLOCK, name, "A member carries a comment."))
        if info.is_dir() and (info.file_size or info.compress_size > EMPTY_DEFLATE_BYTES):
            findings.append(
                Finding(
                    "zip.folder_with_data",
                    Severity.BLOCK,
                    name,
                    f"A folder entry holds {info.compress_size} bytes of data that no unzip program shows.",
                )
            )
    findings.extend(zip_layout.duplicate_findings(container.entries))
    return findings


def _extract(
    container: ZipContainer, info: zipfile.ZipInfo, tmp: str, index: int, budget: ExtractionBudget
) -> str:
    budget.spend(info.file_size)
    member_path = os.path.join(tmp, f"member-{index}{_extension(info.filename)}")
    written = 0
    with container.open_entry(info) as source, open(member_path, "wb") as sink:
        try:
            while chunk := source.read(1 << 20):
                written += len(chunk)
                if written > info.file_size:
                    raise CannotInspect(f"member {info.filename} is larger than its header says")
                sink.write(chunk)
        except (zipfile.BadZipFile, zlib.error, EOFError) as error:
            raise CannotInspect(f"member {info.filename} cannot be read (corrupt or truncated)") from error
    return member_path


def _extension(name: str) -> str:
    extension = os.path.splitext(name)[1].lower()
    return extension if re.fullmatch(r"\.[a-z0-9]{1,8}", extension) else ""


def _safe_member_name(name: str, taken: set[str]) -> str:
    cleaned = zip_layout.DRIVE_LETTER.sub(
        "", zip_layout.CONTROL_OR_DIRECTION.sub("", name.replace("\\", "/"))
    )
    parts = [p.rstrip(". ") for p in posixpath.normpath(cleaned).split("/") if p not in ("", ".", "..")]
    parts = [p for p in parts if p]
    safe = "/".join(parts) or "member"
    candidate, counter = safe, 1
    while candidate.casefold() in taken:
        stem, extension = posixpath.splitext(safe)
        candidate, counter = f"{stem}-{counter}{extension}", counter + 1
    return candidate


def _within(member: str, finding: Finding) -> Finding:
    where = f"{member} > {finding.where}" if finding.where else member
    return Finding(finding.code, finding.severity, where, finding.message)
