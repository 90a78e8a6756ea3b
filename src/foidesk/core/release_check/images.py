"""Release-gate inspection and sanitising of raster images (PNG, JPEG, TIFF, WebP, GIF).

A photograph or screenshot carries more than its pixels: EXIF (camera, owner, time), GPS position,
XMP and IPTC (author, captions, keywords), an embedded thumbnail (which may show the picture *before*
it was cropped or redacted), comments, PNG text chunks, and bytes appended after the image's end.
The container is walked chunk by chunk and segment by segment, every page and frame, not through
Pillow's model: what is not known to describe the pixels is ``image.unaccounted`` (an allowlist,
failing closed). The end of a JPEG is its first image's real end, not the file's last FFD9. An ICC
colour profile passes when it holds standard tags and a profile's words only (``icc_profile``); TIFF
and GIF are walked in ``image_containers``. Pixels too transparent to see that still hold a picture
(alpha 0, or "erased" to alpha 1) are a finding too.

Sanitising re-encodes the pixels alone, every frame (after applying any EXIF rotation, so the picture
looks the same, and blanking pixels too transparent to see), with an sRGB profile of the gate's own.
"""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Iterator
from pathlib import Path

import numpy as np
from PIL import Image, ImageCms, ImageOps, ImageSequence, UnidentifiedImageError

from foidesk.core.release_check.findings import MIN_VISIBLE_ALPHA as VISIBLE_OPACITY
from foidesk.core.release_check.findings import (
    CannotInspect,
    CannotSanitise,
    Finding,
    InspectionLimits,
    Severity,
    read_to_inspect,
)
from foidesk.core.release_check.icc_profile import profile_findings, profile_words
from foidesk.core.release_check.image_containers import (
    GPS_IFD_TAG,
    gif_findings,
    holds_trailing_data,
    tiff_findings,
    trailing,
    unaccounted,
)

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# PNG chunks that only describe how to show the pixels; every other ancillary chunk is reported.
PNG_PRESENTATION_CHUNKS = frozenset(
    {
        b"IHDR",
        b"PLTE",
        b"IDAT",
        b"IEND",
        b"tRNS",
        b"gAMA",
        b"cHRM",
        b"sRGB",
        b"iCCP",
        b"pHYs",
        b"sBIT",
        b"bKGD",
    }
    | {b"acTL", b"fcTL", b"fdAT", b"cICP", b"mDCv", b"cLLi"}
)
PNG_TEXT_CHUNKS = frozenset({b"tEXt", b"zTXt", b"iTXt"})
# The largest body each presentation chunk can have (PNG, third edition, 11.2 and 11.3): a larger one
# carries bytes no decoder reads.
PNG_CHUNK_MAX_BYTES = {
    b"IHDR": 13,
    b"PLTE": 768,
    b"IEND": 0,
    b"tRNS": 256,
    b"gAMA": 4,
    b"cHRM": 32,
    b"sRGB": 1,
    b"pHYs": 9,
    b"sBIT": 4,
    b"bKGD": 6,
    b"acTL": 8,
    b"fcTL": 26,
    b"cICP": 4,
    b"mDCv": 24,
    b"cLLi": 8,
    b"tIME": 7,
}
PNG_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}  # by colour type
ADAM7_PASSES = (
    (0, 0, 8, 8),
    (4, 0, 8, 8),
    (0, 4, 4, 8),
    (2, 0, 4, 4),
    (0, 2, 2, 4),
    (1, 0, 2, 2),
    (0, 1, 1, 2),
)
INFLATE_CHUNK_BYTES = 1 << 20
JPEG_SOI = b"\xff\xd8"
XMP_JPEG_PREFIX = b"http://ns.adobe.com/xap/1.0/\x00"
EXIF_PREFIX = b"Exif\x00\x00"
# JPEG markers that only carry the coded picture: SOFn, DHT, DAC, DQT, DNL, DRI, SOS (ITU T.81 B.1.1.3)
JPEG_CODING_MARKERS = frozenset({*range(0xC0, 0xC8), *range(0xC9, 0xD0), 0xDB, 0xDC, 0xDD, 0xDA})
JPEG_EOI = 0xD9
JPEG_STANDALONE = frozenset({0x01, *range(0xD0, 0xD8)})  # TEM and RSTn: no length follows
ICC_JPEG_PREFIX = b"ICC_PROFILE\x00"
XMP_EXTENSION_PREFIX = b"http://ns.adobe.com/xmp/extension/\x00"
ADOBE_APP14_BYTES = 12  # "Adobe", version, two flag words, colour transform
# WebP chunks that only carry the picture (RFC 9649): everything else is reported.
WEBP_PICTURE_CHUNKS = frozenset({b"VP8 ", b"VP8L", b"VP8X", b"ALPH", b"ANIM", b"ANMF"})
WEBP_FIXED_CHUNK_BYTES = {b"VP8X": 10, b"ANIM": 6}  # RFC 9649 2.7: a larger chunk carries more
WEBP_FRAME_HEADER_BYTES = 16  # ANMF: position, size, duration, flags, then the frame's own chunks
# Alpha (of 255) below which a pixel cannot be seen: findings.MIN_VISIBLE_ALPHA in 8 bits (25).
MIN_VISIBLE_ALPHA = int(VISIBLE_OPACITY * 255)
EDGE_PIXELS = 2  # anti-aliased edges and shadows lie this close to visible pixels of their colour
EDGE_COLOUR_TOLERANCE = 48  # per channel: an edge pixel is the colour of the shape it softens
MIN_HIDDEN_PIXELS = 16  # fewer faint pixels than this away from any shape cannot hold legible content
# What Pillow raises on a damaged file (its TIFF reader raises SyntaxError on a bad header).
DECODING_ERRORS = (
    UnidentifiedImageError,
    OSError,
    SyntaxError,
    ValueError,
    zlib.error,
    EOFError,
    struct.error,
)
PIXEL_CHECK_LIMIT = 50_000_000  # pixels (all frames); beyond it transparency is not scanned: a block


def _finding(code: str, severity: Severity, where: str, message: str) -> Finding:
    return Finding(code=code, severity=severity, where=where, message=message)


METADATA_MESSAGES = {
    "image.exif": "EXIF metadata (camera, software, owner, times) is embedded.",
    "image.xmp": "XMP metadata (author, history, captions) is embedded.",
    "image.iptc": "IPTC/Photoshop metadata (captions, keywords, author) is embedded.",
}


def _metadata(code: str, where: str) -> Finding:
    return _finding(code, Severity.BLOCK, where, METADATA_MESSAGES[code])


# ---------------------------------------------------------------- EXIF (a TIFF structure)


def _tiff_ifd_tags(data: bytes, offset: int, little: bool) -> dict[int, tuple[int, int, int]]:
    """Tag -> (type, count, value-or-offset) for one IFD; empty if the offset is out of range."""
    endian = "<" if little else ">"
    if offset + 2 > len(data):
        return {}
    (count,) = struct.unpack_from(endian + "H", data, offset)
    tags: dict[int, tuple[int, int, int]] = {}
    for index in range(count):
        entry = offset + 2 + 12 * index
        if entry + 12 > len(data):
            break
        tag, kind, n, value = struct.unpack_from(endian + "HHII", data, entry)
        tags[tag] = (kind, n, value)
    return tags


def _exif_findings(payload: bytes, where: str) -> list[Finding]:
    """EXIF in a JPEG APP1, PNG eXIf or WebP EXIF chunk: report EXIF, GPS and an embedded thumbnail."""
    data = payload[len(EXIF_PREFIX) :] if payload.startswith(EXIF_PREFIX) else payload
    findings = [_metadata("image.exif", where)]
    if len(data) < 8 or data[:2] not in (b"II", b"MM"):
        return findings
    little = data[:2] == b"II"
    endian = "<" if little else ">"
    (first,) = struct.unpack_from(endian + "I", data, 4)
    ifd0 = _tiff_ifd_tags(data, first, little)
    if GPS_IFD_TAG in ifd0:
        gps = _tiff_ifd_tags(data, ifd0[GPS_IFD_TAG][2], little)
        if gps:
            findings.append(
                _finding(
                    "image.gps",
                    Severity.BLOCK,
                    where,
                    "GPS position (where the picture was taken) is embedded.",
                )
            )
    entry_count_at = first
    if entry_count_at + 2 <= len(data):
        (count,) = struct.unpack_from(endian + "H", data, entry_count_at)
        next_at = first + 2 + 12 * count
        if next_at + 4 <= len(data):
            (ifd1_offset,) = struct.unpack_from(endian + "I", data, next_at)
            if ifd1_offset and _tiff_ifd_tags(data, ifd1_offset, little):
                findings.append(
                    _finding(
                        "image.thumbnail",
                        Severity.BLOCK,
                        where,
                        "An embedded thumbnail may show the picture before it was cropped or redacted.",
                    )
                )
    return findings


# ---------------------------------------------------------------- containers


def _png_chunks(data: bytes) -> Iterator[tuple[bytes, bytes, int]]:
    """(type, body, end offset) for each PNG chunk; raises CannotInspect on a truncated file."""
    at = len(PNG_SIGNATURE)
    while at < len(data):
        if at + 8 > len(data):
            raise CannotInspect("PNG chunk header is truncated")
        length, kind = struct.unpack_from(">I4s", data, at)
        end = at + 12 + length
        if end > len(data):
            raise CannotInspect(f"PNG chunk {kind!r} is truncated")
        yield kind, data[at + 8 : at + 8 + length], end
        at = end
        if kind == b"IEND":
            return
    raise CannotInspect("PNG has no IEND chunk: the file is truncated")


def _inspect_png(data: bytes) -> list[Finding]:
    """Every chunk up to IEND: text, EXIF, a profile, chunks of unknown content or larger than their
    kind, compressed picture data longer than the picture, and anything after IEND."""
    findings: list[Finding] = []
    image_end = len(data)
    header = b""
    pictures: list[bytes] = []
    animated = framed = False
    for kind, body, chunk_end in _png_chunks(data):
        image_end = chunk_end
        where = f"PNG chunk {kind.decode('latin-1')}"
        header = body if kind == b"IHDR" else header
        animated = animated or kind == b"acTL"
        framed = framed or (kind == b"fcTL" and not pictures)
        if kind == b"IDAT":
            pictures.append(body)
        elif len(body) > PNG_CHUNK_MAX_BYTES.get(kind, len(body)):
            findings.append(
                unaccounted(where, f"The chunk holds {len(body)} bytes, more than its kind needs.")
            )
        findings.extend(_png_chunk_findings(kind, body, where))
    findings.extend(_png_picture_findings(header, b"".join(pictures)))
    if animated and not framed:
        message = "The still picture is not a frame of the animation: viewers show different pictures."
        findings.append(unaccounted("PNG acTL", message))
    if holds_trailing_data(data[image_end:]):
        findings.append(trailing("after IEND", len(data) - image_end))
    return findings


def _png_chunk_findings(kind: bytes, body: bytes, where: str) -> list[Finding]:
    if kind in PNG_TEXT_CHUNKS:
        keyword = body.split(b"\x00", 1)[0].decode("latin-1")
        return [_finding("image.text_chunk", Severity.BLOCK, where, f"A text chunk '{keyword}' is embedded.")]
    if kind == b"eXIf":
        return _exif_findings(body, where)
    if kind == b"iCCP":
        name = body.split(b"\x00", 1)[0].decode("latin-1")
        named = [] if profile_words(name) else [unaccounted(where, "The colour profile's name is free text.")]
        return named + profile_findings(_png_profile(body), where)
    if kind == b"tIME":
        return [_finding("image.timestamp", Severity.WARN, where, "The last-modified time is embedded.")]
    if kind not in PNG_PRESENTATION_CHUNKS:
        return [unaccounted(where, "A chunk of unknown content is embedded.")]
    return []


def _png_picture_findings(header: bytes, compressed: bytes) -> list[Finding]:
    """The IDAT stream inflates to exactly the picture: nothing after its end, nothing beyond its size."""
    if len(header) != PNG_CHUNK_MAX_BYTES[b"IHDR"] or not compressed:
        raise CannotInspect("the PNG has no readable header or picture data")
    expected = _png_raw_size(header)
    inflater = zlib.decompressobj()
    produced = 0
    pending = compressed
    try:
        while pending and not inflater.eof:
            produced += len(inflater.decompress(pending, INFLATE_CHUNK_BYTES))
            pending = inflater.unconsumed_tail
            if produced > expected:
                break
    except zlib.error as error:
        raise CannotInspect(f"the PNG picture data cannot be read: {error}") from error
    if produced > expected or inflater.unused_data:
        return [unaccounted("PNG IDAT", "The compressed picture data holds more than the picture.")]
    return []


def _png_raw_size(header: bytes) -> int:
    """Bytes the picture inflates to: each row, per interlace pass, with its filter byte."""
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    bits = depth * PNG_CHANNELS.get(colour, 4)

    def rows(columns: int, count: int) -> int:
        return count * (1 + (columns * bits + 7) // 8) if columns and count else 0

    if not interlace:
        return rows(width, height)
    return sum(
        rows(max(0, (width - x + dx - 1) // dx), max(0, (height - y + dy - 1) // dy))
        for x, y, dx, dy in ADAM7_PASSES
    )


def _png_profile(body: bytes) -> bytes:
    """The ICC profile of an iCCP chunk: a name, a NUL, a method byte, then zlib data."""
    compressed = body.split(b"\x00", 1)[1][1:] if b"\x00" in body else b""
    try:
        return zlib.decompressobj().decompress(compressed, 16 * 1024 * 1024)
    except zlib.error as error:
        raise CannotInspect(f"the PNG colour profile cannot be read: {error}") from error


def _inspect_jpeg(data: bytes) -> list[Finding]:
    """Every segment up to the first image's real end (its EOI after the last scan), not the file's
    last FFD9: a second JPEG or anything else appended after that end is trailing data."""
    findings: list[Finding] = []
    icc_chunks: list[bytes] = []
    at = 2
    while True:
        if at + 2 > len(data) or data[at] != 0xFF:
            raise CannotInspect("JPEG segment marker expected: the file is truncated or damaged")
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        if marker == JPEG_EOI:
            break
        if marker in JPEG_STANDALONE:
            at += 2
            continue
        if at + 4 > len(data):
            raise CannotInspect("JPEG segment is truncated")
        (length,) = struct.unpack_from(">H", data, at + 2)
        if length < 2 or at + 2 + length > len(data):
            raise CannotInspect("JPEG segment is truncated")
        body = data[at + 4 : at + 2 + length]
        if marker == 0xE2 and body.startswith(ICC_JPEG_PREFIX):
            icc_chunks.append(body[len(ICC_JPEG_PREFIX) + 2 :])
        else:
            findings.extend(_jpeg_segment_findings(marker, body))
        at += 2 + length
        if marker == 0xDA:
            at = _scan_end(data, at)
    if icc_chunks:
        findings.extend(profile_findings(b"".join(icc_chunks), "JPEG APP2 ICC profile"))
    if holds_trailing_data(data[at + 2 :]):
        findings.append(trailing("after the image's end (EOI)", len(data) - at - 2))
    return findings


def _scan_end(data: bytes, at: int) -> int:
    """The offset of the marker that ends the entropy-coded data starting at ``at``."""
    while True:
        at = data.find(b"\xff", at)
        if at == -1 or at + 1 >= len(data):
            raise CannotInspect("JPEG has no end-of-image marker: the file is truncated")
        following = data[at + 1]
        if following == 0x00 or 0xD0 <= following <= 0xD7 or following == 0xFF:
            at += 1 if following == 0xFF else 2  # stuffed byte, restart marker or fill
            continue
        return at


def _coding_segment_exact(marker: int, body: bytes) -> bool:
    """The segment's tables fill it exactly (ITU T.81 B.2.2 to B.2.4, B.2.4.1 to B.2.4.4)."""
    if marker == 0xDB:  # quantisation tables: a precision byte, then 64 or 128 bytes
        at = 0
        while at < len(body):
            at += 1 + (128 if body[at] >> 4 else 64)
        return at == len(body)
    if marker == 0xC4:  # Huffman tables: a class byte, 16 counts, then the symbols counted
        at = 0
        while at + 17 <= len(body):
            at += 17 + sum(body[at + 1 : at + 17])
        return at == len(body)
    if marker == 0xDA:
        return bool(body) and len(body) == 4 + 2 * body[0]
    if marker in (0xDD, 0xDC):
        return len(body) == 2
    if marker == 0xCC:
        return len(body) % 2 == 0
    return len(body) >= 6 and len(body) == 6 + 3 * body[5]  # a frame header: 3 bytes per component


def _jpeg_segment_findings(marker: int, body: bytes) -> list[Finding]:
    """What one segment holds besides the coded picture; unknown segments are unaccounted."""
    where = f"JPEG APP{marker - 0xE0}" if 0xE0 <= marker <= 0xEF else f"JPEG marker {marker:#x}"
    if marker in JPEG_CODING_MARKERS:
        if _coding_segment_exact(marker, body):
            return []
        return [unaccounted(where, "A coding segment holds bytes beyond its tables.")]
    if marker == 0xE0 and body.startswith(b"JFIF\x00") and len(body) >= 14:
        thumbnail = body[12] * body[13]
        if thumbnail or len(body) > 14:
            return [_finding("image.thumbnail", Severity.BLOCK, where, "A JFIF thumbnail is embedded.")]
        return []
    if marker == 0xE0 and body.startswith(b"JFXX\x00"):
        return [_finding("image.thumbnail", Severity.BLOCK, where, "A JFIF extension thumbnail is embedded.")]
    if marker == 0xE1 and body.startswith(EXIF_PREFIX):
        return _exif_findings(body, where)
    if marker == 0xE1 and body.startswith((XMP_JPEG_PREFIX, XMP_EXTENSION_PREFIX)):
        return [_metadata("image.xmp", where)]
    if marker == 0xED:
        return [_metadata("image.iptc", where)]
    if marker == 0xEE and body.startswith(b"Adobe") and len(body) == ADOBE_APP14_BYTES:
        return []
    if marker == 0xFE:
        return [_finding("image.comment", Severity.BLOCK, "JPEG COM", "A comment is embedded.")]
    name = body[:16].split(b"\x00", 1)[0].decode("latin-1", "replace")
    return [unaccounted(where, f"A segment of unknown content ({name!r}) is embedded.")]


def _inspect_webp(data: bytes) -> list[Finding]:
    """Every RIFF chunk, and every chunk inside each animation frame: picture chunks only."""
    (riff_size,) = struct.unpack_from("<I", data, 4)
    end = min(len(data), riff_size + 8)
    findings = _webp_chunks(data, 12, end, "WebP")
    if holds_trailing_data(data[riff_size + 8 :]):
        findings.append(trailing("after RIFF", len(data) - riff_size - 8))
    return findings


def _webp_chunks(data: bytes, at: int, end: int, where: str) -> list[Finding]:
    findings: list[Finding] = []
    while at + 8 <= end:
        kind, size = struct.unpack_from("<4sI", data, at)
        if at + 8 + size > end:
            raise CannotInspect(f"WebP chunk {kind!r} runs past the end of the file")
        body = data[at + 8 : at + 8 + size]
        label = f"{where} chunk {kind.decode('latin-1').strip()}"
        if kind == b"EXIF":
            findings.extend(_exif_findings(body, label))
        elif kind == b"XMP ":
            findings.append(_metadata("image.xmp", label))
        elif kind == b"ICCP":
            findings.extend(profile_findings(body, label))
        elif kind == b"ANMF":
            findings.extend(_webp_chunks(body, WEBP_FRAME_HEADER_BYTES, len(body), f"{where} frame"))
        elif kind not in WEBP_PICTURE_CHUNKS:
            findings.append(unaccounted(label, "A chunk of unknown content is embedded."))
        elif size != WEBP_FIXED_CHUNK_BYTES.get(kind, size):
            findings.append(unaccounted(label, f"The chunk holds {size} bytes, more than its kind needs."))
        at += 8 + size + (size & 1)
    return findings


def _transparent_content(image: Image.Image) -> list[Finding]:
    """Pixels that cannot be seen still keep their colour: a "redaction" by transparency leaks.

    Every frame is looked at. Fully transparent pixels of more than one colour hold content; so do
    nearly transparent ones (alpha below ``MIN_VISIBLE_ALPHA``, "erased" to 1 rather than 0) that are
    not the soft edge or shadow of a visible shape (near a visible pixel of their colour), when the
    faint pixels are of more than one colour.
    """
    if image.width * image.height * getattr(image, "n_frames", 1) > PIXEL_CHECK_LIMIT:
        if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
            message = "The picture is too large for its transparent pixels to be checked."
            return [unaccounted("alpha channel", message)]
        return []
    for index, frame in enumerate(ImageSequence.Iterator(image)):
        if frame.mode not in ("RGBA", "LA", "PA") and "transparency" not in frame.info:
            continue
        if _holds_hidden_pixels(np.asarray(frame.convert("RGBA"))):
            where = "alpha channel" if index == 0 else f"alpha channel, frame {index + 1}"
            return [
                _finding(
                    "image.transparent_content",
                    Severity.BLOCK,
                    where,
                    "Transparent or nearly transparent pixels still hold picture content that removing "
                    "transparency reveals.",
                )
            ]
    return []


def _holds_hidden_pixels(pixels: np.ndarray) -> bool:
    alpha = pixels[..., 3]
    colours = pixels[..., :3]
    clear = colours[alpha == 0]
    if len(clear) and bool((clear != clear[0]).any()):
        return True
    faint = (alpha > 0) & (alpha < MIN_VISIBLE_ALPHA)
    if int(faint.sum()) < MIN_HIDDEN_PIXELS:
        return False
    tints = colours[faint].astype(np.int16)
    if int((tints.max(axis=0) - tints.min(axis=0)).max()) <= EDGE_COLOUR_TOLERANCE:
        return False  # one colour throughout: a shadow or a glow, not a picture
    rows, cols = np.nonzero(faint)
    lone = ~_near_a_shape(colours, alpha >= MIN_VISIBLE_ALPHA, rows, cols)
    return int(lone.sum()) >= MIN_HIDDEN_PIXELS


def _near_a_shape(colours: np.ndarray, visible: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """For each pixel (rows, cols): is a visible pixel of nearly its colour within ``EDGE_PIXELS``?"""
    height, width = visible.shape
    own = colours[rows, cols].astype(np.int16)
    near = np.zeros(len(rows), dtype=bool)
    for dy in range(-EDGE_PIXELS, EDGE_PIXELS + 1):
        for dx in range(-EDGE_PIXELS, EDGE_PIXELS + 1):
            ys, xs = np.clip(rows + dy, 0, height - 1), np.clip(cols + dx, 0, width - 1)
            similar = np.abs(colours[ys, xs].astype(np.int16) - own).max(axis=1) <= EDGE_COLOUR_TOLERANCE
            near |= visible[ys, xs] & similar
    return near


# ---------------------------------------------------------------- public API


def _read(path: str) -> bytes:
    data = read_to_inspect(path)
    if not data:
        raise CannotInspect("the file is empty")
    return data


def _open(data: bytes, limits: InspectionLimits) -> Image.Image:
    """Open and decode, checking the decoded size against the limit before decoding."""
    try:
        image = Image.open(io.BytesIO(data))
        _check_size(image, limits)
        image.load()
    except Image.DecompressionBombError as error:
        raise CannotInspect(f"the image is a decompression bomb: {error}") from error
    except DECODING_ERRORS as error:
        raise CannotInspect(f"not a readable image: {error}") from error
    return image


def inspect_image(path: str, limits: InspectionLimits) -> list[Finding]:
    """Everything in the image file beyond its pixels and colour profile."""
    return inspect_image_bytes(_read(path), limits)


def inspect_image_bytes(data: bytes, limits: InspectionLimits) -> list[Finding]:
    """As ``inspect_image``, for an image held in memory (a picture inside a document)."""
    if not data:
        raise CannotInspect("the image is empty")
    if data.startswith(PNG_SIGNATURE):
        findings = _inspect_png(data)
    elif data.startswith(JPEG_SOI):
        findings = _inspect_jpeg(data)
    elif data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        findings = _inspect_webp(data)
    elif data.startswith((b"GIF87a", b"GIF89a")):
        findings = gif_findings(data)
    elif data.startswith((b"II*\x00", b"MM\x00*")):
        findings = tiff_findings(data)
    else:
        findings = []
    image = _open(data, limits)
    if image.format not in ("PNG", "JPEG", "WEBP", "GIF", "TIFF"):
        raise CannotInspect(f"image format {image.format} is not one the gate knows")
    try:
        findings.extend(_transparent_content(image))
    except DECODING_ERRORS as error:
        raise CannotInspect(f"the image's tags cannot be read: {error}") from error
    return _unique(findings)


def _check_size(image: Image.Image, limits: InspectionLimits) -> None:
    bytes_per_pixel = max(1, len(image.getbands()))
    if image.width * image.height * bytes_per_pixel > limits.max_uncompressed_bytes:
        raise CannotInspect("the decoded image would exceed the size limit")


def _unique(findings: list[Finding]) -> list[Finding]:
    seen: set[Finding] = set()
    return [f for f in findings if not (f in seen or seen.add(f))]  # type: ignore[func-returns-value]


def _flatten_transparent(image: Image.Image) -> Image.Image:
    """Pixels that cannot be seen (alpha below ``MIN_VISIBLE_ALPHA``) become one transparent colour,
    so whatever they held is gone."""
    if image.mode not in ("RGBA", "LA", "PA", "P"):
        return image
    if image.mode == "P" and "transparency" not in image.info:
        return image
    rgba = image.convert("RGBA")
    cleared = Image.new("RGBA", rgba.size, (0, 0, 0, 0))
    cleared.paste(rgba, mask=rgba.getchannel("A").point(lambda a: 0 if a < MIN_VISIBLE_ALPHA else 255))
    return cleared


def sanitise_image(source: str, target: str, limits: InspectionLimits) -> None:
    """Re-encode the pixels alone, in the same format, with no metadata (colours kept through an sRGB
    profile of the gate's own)."""
    data = Path(source).read_bytes() if Path(source).exists() else b""
    Path(target).write_bytes(sanitise_image_bytes(data, limits))


def sanitise_image_bytes(data: bytes, limits: InspectionLimits) -> bytes:
    """As ``sanitise_image``, in memory: the clean image's bytes. Every page or frame is kept."""
    if not data:
        raise CannotSanitise("the image is empty or missing")
    try:
        image = _open(data, limits)
    except CannotInspect as error:
        raise CannotSanitise(str(error)) from error
    image_format = image.format or "PNG"
    icc = image.info.get("icc_profile")
    try:
        frames = [
            _on_screen(_pixels_only(frame, image_format), data)
            for frame in ImageSequence.Iterator(image)
            if not _reduced_copy(frame)
        ]
    except DECODING_ERRORS as error:
        raise CannotSanitise(f"the image cannot be decoded: {error}") from error
    if icc:
        frames, icc = _in_srgb(frames, icc, image_format)
    options: dict[str, object] = {"icc_profile": icc} if icc else {}
    if image_format == "JPEG":
        options.update(quality=95, subsampling=0)
    elif image_format == "GIF":
        options = {"loop": image.info.get("loop", 0), "duration": image.info.get("duration", 100)}
    elif image_format == "WEBP":
        options.update(lossless=True)
    if len(frames) > 1:
        options.update(save_all=True, append_images=frames[1:])
    with io.BytesIO() as out:
        frames[0].save(out, format=image_format, **options)
        return out.getvalue()


def _reduced_copy(frame: Image.Image) -> bool:
    """A TIFF page that is a thumbnail or mask of another (NewSubfileType bits 0 and 2): not a page."""
    subfile = getattr(frame, "tag_v2", {}).get(254, 0)
    return isinstance(subfile, int) and bool(subfile & 0x5)


def _on_screen(frame: Image.Image, data: bytes) -> Image.Image:
    """A GIF frame cut to the picture's logical screen (Pillow widens it for frames placed outside)."""
    if not data.startswith((b"GIF87a", b"GIF89a")):
        return frame
    width, height = struct.unpack_from("<2H", data, 6)
    return frame if frame.size == (width, height) else frame.crop((0, 0, width, height))


def _srgb_profile() -> bytes:
    """LittleCMS's own sRGB profile ("sRGB built-in", "No copyright, use freely")."""
    return bytes(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())


def _in_srgb(
    frames: list[Image.Image], icc: bytes, image_format: str
) -> tuple[list[Image.Image], bytes | None]:
    """The frames' colours moved from the image's profile to sRGB, with LittleCMS's sRGB profile to say
    so: the copy carries a profile the gate wrote, never the sender's (whose text or private tags may
    hold anything). A profile LittleCMS cannot use is dropped and the pixels kept as they are."""
    target = _srgb_profile()
    if icc == target:
        return frames, icc
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        srgb = ImageCms.ImageCmsProfile(io.BytesIO(target))
        converted = []
        for frame in frames:
            mode = "RGBA" if frame.mode in ("RGBA", "LA", "PA", "P") else "RGB"
            ready = frame.convert(mode) if frame.mode not in ("RGB", "RGBA", "CMYK", "L") else frame
            moved = ImageCms.profileToProfile(ready, source, srgb, outputMode=mode)
            converted.append(moved if moved is not None else ready)
    except (ImageCms.PyCMSError, OSError, ValueError):
        return frames, None
    if image_format == "JPEG":
        converted = [frame.convert("RGB") for frame in converted]
    return converted, target


def _pixels_only(frame: Image.Image, image_format: str) -> Image.Image:
    """A new image of the frame's pixels alone (turned upright, transparent pixels blanked).

    A palette image becomes full colour first: palette entries no pixel uses (up to 768 bytes of a
    GIF's or PNG's colour table) can hold anything, and the writer builds a new palette of the
    colours the pixels use."""
    pixels = _flatten_transparent(ImageOps.exif_transpose(frame))
    if pixels.mode == "P":
        pixels = pixels.convert("RGB")
    fresh = Image.new(pixels.mode, pixels.size)
    fresh.paste(pixels)
    if image_format == "JPEG" and fresh.mode not in ("RGB", "L", "CMYK"):
        fresh = fresh.convert("RGB")
    return fresh
