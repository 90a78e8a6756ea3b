"""Shared shape of the outside corpus: one ``Spec`` per file, secrets and helpers used by every builder.

A spec either builds its file directly (``build``) or builds a source file that LibreOffice converts
(``source`` + ``convert``), so that the file is exactly what LibreOffice itself saves.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

Builder = Callable[[Path, str, list[str]], None]
FIXED_ZIP_TIME = (2024, 3, 1, 9, 30, 0)
FIXED_W3C = b"2024-03-01T09:30:00Z"
MODIFIED = re.compile(rb"(<dcterms:(?:modified|created)[^>]*>)[^<]*(</dcterms:)")


@dataclass
class Spec:
    """One corpus file: how to build it and what the gate must find (the manifest entry)."""

    file: str
    format: str
    kind: str  # "leaky" | "clean"
    cls: str
    trick: str
    tool: str
    build: Builder | None = None
    source: Builder | None = None  # writes the LibreOffice input (its own extension in ``source_ext``)
    source_ext: str = ""
    convert: str = ""  # soffice --convert-to argument
    visible: list[str] = field(default_factory=list)
    secret_in: str = "bytes"  # "bytes" | "text" (PDF text layer) | "pixels" (see secret_box)
    secret_box: list[int] | None = None
    secret: str | None = None
    tag: str = ""

    def manifest(self) -> dict[str, object]:
        entry: dict[str, object] = {
            "file": self.file,
            "format": self.format,
            "kind": self.kind,
            "class": self.cls,
            "trick": self.trick,
            "secret": self.secret,
            "visible": self.visible,
            "tool": self.tool,
        }
        if self.secret_in != "bytes":
            entry["secret_in"] = self.secret_in
        if self.secret_box is not None:
            entry["secret_box"] = self.secret_box
        return entry


def token(batch: str, name: str, style: str = "dash") -> str:
    """A distinctive secret, deterministic per batch and file name, that no real text contains."""
    digest = hashlib.sha256(f"{batch}:{name}".encode()).hexdigest().upper()
    if style == "digits":
        return "7" + str(int(digest[:12], 16))[:9]
    prefix = "SECRET" if batch == "tuning" else "RESTRICTED"
    if style == "under":
        return f"{prefix}_{digest[:4]}_{digest[4:8]}"
    return f"{prefix}-{digest[:4]}-{digest[4:8]}"


def rezip(path: Path, edits: dict[str, bytes | None], add: dict[str, bytes] | None = None) -> None:
    """Rewrite a ZIP package with some members replaced (None drops one) and others added."""
    with zipfile.ZipFile(path) as source:
        members = [(info, source.read(info.filename)) for info in source.infolist()]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in members:
            if info.filename in edits:
                new = edits[info.filename]
                if new is None:
                    continue
                data = new
            method = zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED
            target.writestr(_info(info.filename), data, compress_type=method)
        for name, data in (add or {}).items():
            target.writestr(_info(name), data, compress_type=zipfile.ZIP_DEFLATED)
    path.write_bytes(buffer.getvalue())


def fix_zip_times(path: Path) -> None:
    """Give every member of a package one fixed time, so that rebuilding the corpus gives the same bytes."""
    if not path.read_bytes().startswith(b"PK"):
        return
    with zipfile.ZipFile(path) as source:
        members = [(info, source.read(info.filename)) for info in source.infolist()]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for info, data in members:
            if info.filename == "docProps/core.xml":
                data = MODIFIED.sub(lambda match: match.group(1) + FIXED_W3C + match.group(2), data)
            fixed = zipfile.ZipInfo(info.filename, FIXED_ZIP_TIME)
            fixed.external_attr = info.external_attr
            target.writestr(fixed, data, compress_type=info.compress_type)
    path.write_bytes(buffer.getvalue())


def _info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, FIXED_ZIP_TIME)
    info.external_attr = 0o644 << 16
    return info


def member(path: Path, name: str) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read(name).decode("utf-8")


def add_rel(rels: str, rel_id: str, rel_type: str, target: str, external: bool = False) -> str:
    mode = ' TargetMode="External"' if external else ""
    entry = f'<Relationship Id="{rel_id}" Type="{rel_type}" Target="{target}"{mode}/>'
    return rels.replace("</Relationships>", entry + "</Relationships>")


def add_override(types: str, part: str, content_type: str) -> str:
    entry = f'<Override PartName="{part}" ContentType="{content_type}"/>'
    return types.replace("</Types>", entry + "</Types>")


# ------------------------------------------------------------------ every byte, decompressed (recursive)


def deep_bytes(data: bytes, depth: int = 0) -> Iterator[bytes]:
    """The bytes, then every layer inside: zip members, PDF streams (and zips in them), PNG zlib chunks."""
    yield data
    if depth > 4:
        return
    if data.startswith(b"PK"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                for info in archive.infolist():
                    try:
                        yield from deep_bytes(archive.read(info), depth + 1)
                    except Exception:  # noqa: S112 - an unreadable member keeps its raw bytes only
                        continue
        except zipfile.BadZipFile:
            pass
    elif b"%PDF-" in data[:1024]:
        yield from _pdf_layers(data, depth)
    elif data.startswith(b"\x89PNG"):
        yield from _png_layers(data)
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        with contextlib.suppress(UnicodeDecodeError):
            yield data.decode("utf-16").encode("utf-8")


RAW_STREAM = re.compile(rb"stream\r?\n")


def _raw_streams(data: bytes) -> Iterator[bytes]:
    """Every Flate stream in the bytes, whatever the cross-reference says (old revisions, free objects)."""
    for match in RAW_STREAM.finditer(data):
        try:
            yield zlib.decompressobj().decompress(data[match.end() : match.end() + 5_000_000])
        except zlib.error:
            continue


def _pdf_layers(data: bytes, depth: int) -> Iterator[bytes]:
    import pikepdf

    yield from _raw_streams(data)

    try:
        pdf = pikepdf.open(io.BytesIO(data))
    except Exception:
        return
    with pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream):
                try:
                    body = obj.read_bytes()
                except Exception:
                    body = obj.read_raw_bytes()
                yield from deep_bytes(body, depth + 1)
                yield str(obj.stream_dict).encode("utf-8", "replace")
            elif isinstance(obj, pikepdf.Dictionary | pikepdf.Array | pikepdf.String):
                yield str(obj).encode("utf-8", "replace")


def _png_layers(data: bytes) -> Iterator[bytes]:
    at = 8
    while at + 8 <= len(data):
        length, kind = struct.unpack_from(">I4s", data, at)
        body = data[at + 8 : at + 8 + length]
        if kind not in (b"IHDR", b"PLTE", b"IDAT", b"IEND"):
            for start in range(min(len(body), 200)):
                try:
                    yield zlib.decompress(body[start:])
                    break
                except zlib.error:
                    continue
        at += 12 + length


def holds(path: Path, secret: str) -> bool:
    """Whether the secret is in any layer of the file's bytes (UTF-8 or UTF-16)."""
    needles = (secret.encode(), secret.encode("utf-16-le"), secret.encode("utf-16-be"))
    return any(needle in layer for layer in deep_bytes(path.read_bytes()) for needle in needles)


def pdf_text(path: Path) -> str:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    try:
        parts = []
        for page in pdf:
            text_page = page.get_textpage()
            parts.append(text_page.get_text_range())
        return "\n".join(parts)
    finally:
        pdf.close()
