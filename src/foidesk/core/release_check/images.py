"""Release-gate inspection and sanitising of raster images (PNG, JPEG, TIFF, WebP, GIF).

A photograph or screenshot carries more than its pixels: EXIF (camera, owner, time), GPS position,
XMP and IPTC (author, captions, keywords), an embedded thumbnail (which may show the picture *before*
it was cropped or redacted), comments, PNG text chunks, and bytes appended after the image's end.
The container is walked chunk by chunk, not only through Pillow's model, so nothing escapes it.
An ICC colour profile says how to show colours and identifies nobody: it is kept.

Sanitising re-encodes the pixels alone (after applying any EXIF rotation, so the picture looks the same).
"""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Iterator
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

from foidesk.core.release_check.findings import (
    CannotInspect,
    CannotSanitise,
    Finding,
    InspectionLimits,
    Severity,
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
JPEG_SOI = b"\xff\xd8"
XMP_JPEG_PREFIX = b"http://ns.adobe.com/xap/1.0/\x00"
EXIF_PREFIX = b"Exif\x00\x00"
GPS_IFD_TAG = 0x8825  # EXIF 2.32, GPS Info IFD pointer
EXIF_IFD_TAG = 0x8769
TIFF_TAGS_THAT_IDENTIFY = {
    270: "image description",
    271: "camera make",
    272: "camera model",
    305: "software",
    306: "date and time",
    315: "artist",
    316: "host computer",
    33432: "copyright",
}
TIFF_XMP_TAG = 700
TIFF_IPTC_TAG = 33723
TIFF_PHOTOSHOP_TAG = 34377
TRAILING_SLACK_BYTES = 16  # a few padding bytes after the end marker are common and harmless
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
PIXEL_CHECK_LIMIT = 50_000_000  # pixels; beyond it, transparent-pixel content is not scanned


def _finding(code: str, severity: Severity, where: str, message: str) -> Finding:
    return Finding(code=code, severity=severity, where=where, message=message)


METADATA_MESSAGES = {
    "image.exif": "EXIF metadata (camera, software, owner, times) is embedded.",
    "image.xmp": "XMP metadata (author, history, captions) is embedded.",
    "image.iptc": "IPTC/Photoshop metadata (captions, keywords, author) is embedded.",
}


def _metadata(code: str, where: str) -> Finding:
    return _finding(code, Severity.BLOCK, where, METADATA_MESSAGES[code])


def _trailing(where: str, size: int) -> Finding:
    return _finding(
        "image.trailing_data",
        Severity.BLOCK,
        where,
        f"{size} bytes follow the end of the image: another file or hidden data may be appended.",
    )


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
    findings: list[Finding] = []
    image_end = len(data)
    for kind, body, chunk_end in _png_chunks(data):
        image_end = chunk_end
        where = f"PNG chunk {kind.decode('latin-1')}"
        if kind in PNG_TEXT_CHUNKS:
            keyword = body.split(b"\x00", 1)[0].decode("latin-1")
            findings.append(
                _finding("image.text_chunk", Severity.BLOCK, where, f"A text chunk '{keyword}' is embedded.")
            )
        elif kind == b"eXIf":
            findings.extend(_exif_findings(body, where))
        elif kind == b"tIME":
            findings.append(
                _finding("image.timestamp", Severity.WARN, where, "The last-modified time is embedded.")
            )
        elif kind not in PNG_PRESENTATION_CHUNKS:
            findings.append(
                _finding(
                    "image.unknown_chunk",
                    Severity.BLOCK,
                    where,
                    "A private chunk of unknown content is embedded.",
                )
            )
    if len(data) - image_end > TRAILING_SLACK_BYTES:
        findings.append(_trailing("after IEND", len(data) - image_end))
    return findings


def _inspect_jpeg(data: bytes) -> list[Finding]:
    findings: list[Finding] = []
    at = 2
    while at + 4 <= len(data):
        if data[at] != 0xFF:
            raise CannotInspect("JPEG segment marker expected")
        marker = data[at + 1]
        if marker == 0xFF:
            at += 1
            continue
        (length,) = struct.unpack_from(">H", data, at + 2)
        body = data[at + 4 : at + 2 + length]
        if at + 2 + length > len(data):
            raise CannotInspect("JPEG segment is truncated")
        where = f"JPEG APP{marker - 0xE0}" if 0xE0 <= marker <= 0xEF else f"JPEG marker {marker:#x}"
        if marker == 0xE1 and body.startswith(EXIF_PREFIX):
            findings.extend(_exif_findings(body, where))
        elif marker == 0xE1 and (body.startswith(XMP_JPEG_PREFIX) or b"ns.adobe.com/xmp" in body[:80]):
            findings.append(_metadata("image.xmp", where))
        elif marker == 0xED:
            findings.append(_metadata("image.iptc", where))
        elif marker == 0xFE:
            findings.append(_finding("image.comment", Severity.BLOCK, "JPEG COM", "A comment is embedded."))
        elif marker == 0xDA:
            eoi = data.rfind(b"\xff\xd9")
            if eoi < at:
                raise CannotInspect("JPEG has no end-of-image marker: the file is truncated")
            if len(data) - (eoi + 2) > TRAILING_SLACK_BYTES:
                findings.append(_trailing("after EOI", len(data) - eoi - 2))
            return findings
        at += 2 + length
    raise CannotInspect("JPEG has no image data: the file is truncated")


def _inspect_webp(data: bytes) -> list[Finding]:
    findings: list[Finding] = []
    (riff_size,) = struct.unpack_from("<I", data, 4)
    at = 12
    while at + 8 <= min(len(data), riff_size + 8):
        kind, size = struct.unpack_from("<4sI", data, at)
        body = data[at + 8 : at + 8 + size]
        where = f"WebP chunk {kind.decode('latin-1').strip()}"
        if kind == b"EXIF":
            findings.extend(_exif_findings(body, where))
        elif kind == b"XMP ":
            findings.append(_metadata("image.xmp", where))
        at += 8 + size + (size & 1)
    if len(data) - (riff_size + 8) > TRAILING_SLACK_BYTES:
        findings.append(_trailing("after RIFF", len(data) - riff_size - 8))
    return findings


def _inspect_gif(image: Image.Image) -> list[Finding]:
    findings: list[Finding] = []
    if image.info.get("comment"):
        findings.append(
            _finding("image.comment", Severity.BLOCK, "GIF comment extension", "A comment is embedded.")
        )
    if image.info.get("xmp"):
        findings.append(_metadata("image.xmp", "GIF application extension"))
    return findings


def _inspect_tiff(image: Image.Image) -> list[Finding]:
    findings: list[Finding] = []
    tags = image.getexif()
    named = sorted(TIFF_TAGS_THAT_IDENTIFY[t] for t in tags if t in TIFF_TAGS_THAT_IDENTIFY)
    if named or EXIF_IFD_TAG in tags:
        detail = ", ".join(named) if named else "EXIF sub-directory"
        findings.append(
            _finding("image.exif", Severity.BLOCK, "TIFF tags", f"Identifying tags are embedded: {detail}.")
        )
    if GPS_IFD_TAG in tags:
        findings.append(_finding("image.gps", Severity.BLOCK, "TIFF GPS IFD", "GPS position is embedded."))
    tag_v2 = getattr(image, "tag_v2", {})
    if TIFF_XMP_TAG in tag_v2:
        findings.append(_metadata("image.xmp", "TIFF tag 700"))
    if TIFF_IPTC_TAG in tag_v2 or TIFF_PHOTOSHOP_TAG in tag_v2:
        findings.append(_metadata("image.iptc", "TIFF IPTC/Photoshop tag"))
    return findings


def _transparent_content(image: Image.Image) -> list[Finding]:
    """Pixels made fully transparent still keep their colour: a 'redaction' by transparency leaks."""
    if image.width * image.height > PIXEL_CHECK_LIMIT:
        return []
    if image.mode not in ("RGBA", "LA", "PA") and not (image.mode == "P" and "transparency" in image.info):
        return []
    pixels = np.asarray(image.convert("RGBA"))
    hidden = pixels[pixels[..., 3] == 0][:, :3]
    if len(hidden) == 0 or bool((hidden == hidden[0]).all()):
        return []
    return [
        _finding(
            "image.transparent_content",
            Severity.BLOCK,
            "alpha channel",
            "Fully transparent pixels still hold picture content that removing transparency reveals.",
        )
    ]


# ---------------------------------------------------------------- public API


def _read(path: str) -> bytes:
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise CannotInspect(f"cannot read the file: {error}") from error
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
    else:
        findings = []
    image = _open(data, limits)
    if image.format not in ("PNG", "JPEG", "WEBP", "GIF", "TIFF"):
        raise CannotInspect(f"image format {image.format} is not one the gate knows")
    try:
        if image.format == "GIF":
            findings.extend(_inspect_gif(image))
        elif image.format == "TIFF":
            findings.extend(_inspect_tiff(image))
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
    """Fully transparent pixels get one colour, so whatever they held is gone."""
    if image.mode not in ("RGBA", "LA", "PA", "P"):
        return image
    if image.mode == "P" and "transparency" not in image.info:
        return image
    rgba = image.convert("RGBA")
    cleared = Image.new("RGBA", rgba.size, (0, 0, 0, 0))
    cleared.paste(rgba, mask=rgba.getchannel("A").point(lambda a: 0 if a == 0 else 255))
    return cleared


def sanitise_image(source: str, target: str, limits: InspectionLimits) -> None:
    """Re-encode the pixels alone, in the same format, with no metadata (ICC kept)."""
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
        frames = [_pixels_only(frame, image_format) for frame in ImageSequence.Iterator(image)]
    except DECODING_ERRORS as error:
        raise CannotSanitise(f"the image cannot be decoded: {error}") from error
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


def _pixels_only(frame: Image.Image, image_format: str) -> Image.Image:
    """A new image of the frame's pixels alone (turned upright, transparent pixels blanked)."""
    pixels = _flatten_transparent(ImageOps.exif_transpose(frame))
    if pixels.mode == "P":
        fresh = pixels.copy()
        fresh.info = {key: value for key, value in pixels.info.items() if key == "transparency"}
    else:
        fresh = Image.new(pixels.mode, pixels.size)
        fresh.paste(pixels)
    if image_format == "JPEG" and fresh.mode not in ("RGB", "L", "CMYK"):
        fresh = fresh.convert("RGB")
    return fresh
