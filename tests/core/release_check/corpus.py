"""The shared shape of the release-gate corpus: each file built at test time with what must be found.

Each entry builds one file and says what the gate must find in it (``expected`` finding codes; empty for
a clean file that only looks alarming), a ``secret`` that must be gone from the sanitised copy's bytes
(searched inside zip members and decompressed PDF/PNG streams too), and ``visible`` text a reader sees,
which the sanitised copy must keep. The files themselves are in corpus_images, corpus_pdf and
corpus_documents.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class CorpusFile:
    name: str
    build: Callable[[Path], None]
    expected: frozenset[str]
    secret: str | None = None
    visible: tuple[str, ...] = field(default_factory=tuple)

    @property
    def is_clean(self) -> bool:
        return not self.expected


def leaky(
    name: str, build: Callable[[Path], None], codes: set[str], secret: str | None, *visible: str
) -> CorpusFile:
    return CorpusFile(name, build, frozenset(codes), secret, tuple(visible))


def clean(name: str, build: Callable[[Path], None], *visible: str) -> CorpusFile:
    return CorpusFile(name, build, frozenset(), None, tuple(visible))


# ------------------------------------------------------------------ every byte, decompressed


def every_byte(path: Path) -> bytes:
    """The file's bytes, then everything compressed inside it: zip members, PDF streams, PNG zlib data."""
    return b"\n".join(_layers(path.read_bytes()))


def _layers(data: bytes) -> Iterator[bytes]:
    yield data
    if data.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for member in archive.namelist():
                yield from _layers(archive.read(member))
    elif data.startswith(b"%PDF"):
        yield from _pdf_streams(data)
    elif data.startswith(b"\x89PNG"):
        yield from _png_inflated(data)


def _pdf_streams(data: bytes) -> Iterator[bytes]:
    import pikepdf

    with pikepdf.open(io.BytesIO(data)) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream):
                try:
                    yield obj.read_bytes()
                except pikepdf.PdfError:
                    yield obj.read_raw_bytes()
                yield str(obj.stream_dict).encode("utf-8", "replace")
            elif isinstance(obj, pikepdf.Dictionary | pikepdf.Array):
                yield str(obj).encode("utf-8", "replace")


def _png_inflated(data: bytes) -> Iterator[bytes]:
    at = 8
    while at + 8 <= len(data):
        length, kind = struct.unpack_from(">I4s", data, at)
        body = data[at + 8 : at + 8 + length]
        if kind in (b"zTXt", b"iTXt"):
            for start in range(len(body)):
                try:
                    yield zlib.decompress(body[start:])
                    break
                except zlib.error:
                    continue
        at += 12 + length
