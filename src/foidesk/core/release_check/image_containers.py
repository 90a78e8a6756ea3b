"""TIFF and GIF walked block by block, every page and frame: what each holds besides pixels.

Pillow shows a TIFF's first page's tags and a GIF's first comment; a later page or frame can hold
anything. So the files are walked here as their specifications lay them out: every TIFF image file
directory (IFD) in the chain, each tag judged against a short list of the tags that only describe
pixels, and every byte of the file belonging to the header, a directory, a tag's value or the pixel
strips (or zero padding); every GIF block up to the trailer, with only the extensions that control
display allowed.
"""

from __future__ import annotations

import re
import struct

from foidesk.core.release_check.findings import CannotInspect, Finding, Severity
from foidesk.core.release_check.icc_profile import profile_findings

# TIFF 6.0 baseline and extension tags that only describe how to decode and show the pixels.
TIFF_PIXEL_TAGS = frozenset(
    {
        254, 255, 256, 257, 258, 259, 262, 263, 266, 273, 274, 277, 278, 279, 280, 281, 282, 283,
        284, 290, 291, 292, 293, 296, 297, 301, 317, 318, 319, 320, 322, 323, 324, 325, 338, 339,
        340, 341, 347, 529, 530, 531, 532,
        326, 327, 328,  # fax: bad lines, clean fax data, consecutive bad lines (TIFF-F)
    }
)  # fmt: skip
TIFF_TAGS_THAT_IDENTIFY = {
    269: "document name",
    270: "image description",
    271: "camera make",
    272: "camera model",
    285: "page name",
    305: "software",
    306: "date and time",
    315: "artist",
    316: "host computer",
    33432: "copyright",
}
NEW_SUBFILE_TYPE = 254
REDUCED_RESOLUTION = 0x1  # the page is a smaller copy of another: a thumbnail
TRANSPARENCY_MASK = 0x4
EXIF_IFD_TAG = 34665
GPS_IFD_TAG = 34853
TIFF_XMP_TAG = 700
TIFF_IPTC_TAGS = frozenset({33723, 34377})  # IPTC, Photoshop image resources
TIFF_ICC_TAG = 34675
STRIP_TAGS = ((273, 279), (324, 325), (513, 514))  # (offsets, byte counts): strips, tiles, old JPEG
TIFF_TYPE_SIZES = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4}
MAX_IFDS = 10_000
SPARE_TIFF_HEADER = re.compile(rb"II\*\x00.{4}|MM\x00\*.{4}", re.DOTALL)  # a page's own header, 8 bytes
GIF_TRAILER = 0x3B
GIF_IMAGE = 0x2C
GIF_EXTENSION = 0x21
GIF_DISPLAY_EXTENSIONS = frozenset({0xF9})  # graphic control: delay, disposal, transparent index
GIF_LOOP_APPLICATIONS = frozenset({b"NETSCAPE2.0", b"ANIMEXTS1.0"})
TRAILING_SLACK_BYTES = 16
PADDING_BYTES = b"\x00\xff\r\n "  # what writers pad a file with: anything else after the end is data


def holds_trailing_data(tail: bytes) -> bool:
    """Whether bytes after an image's end carry anything: a few bytes of padding do not, but even one
    byte of text does (a short secret fits in 16 bytes)."""
    return len(tail) > TRAILING_SLACK_BYTES or bool(tail.strip(PADDING_BYTES))


def _block(code: str, where: str, message: str) -> Finding:
    return Finding(code, Severity.BLOCK, where, message)


def unaccounted(where: str, message: str) -> Finding:
    return _block("image.unaccounted", where, message)


def trailing(where: str, size: int) -> Finding:
    return _block(
        "image.trailing_data",
        where,
        f"{size} bytes follow the end of the image: another file or hidden data may be appended.",
    )


# ---------------------------------------------------------------- TIFF


Entry = tuple[int, int, int, int]  # a TIFF tag's type, count, value or offset, and entry offset


class _Tiff:
    """A TIFF file's bytes with its byte order, and the ranges of it that are accounted for."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.endian = "<" if data[:2] == b"II" else ">"
        self.ranges: list[tuple[int, int]] = [(0, 8)]

    def unpack(self, layout: str, at: int) -> tuple[int, ...]:
        if at < 0 or at + struct.calcsize(self.endian + layout) > len(self.data):
            raise CannotInspect("a TIFF directory points past the end of the file")
        return struct.unpack_from(self.endian + layout, self.data, at)

    def entries(self, at: int) -> tuple[dict[int, tuple[int, int, int, int]], int]:
        """Tag -> (type, count, value-or-offset, entry offset) of the IFD at ``at``, and the next IFD."""
        (count,) = self.unpack("H", at)
        tags: dict[int, tuple[int, int, int, int]] = {}
        for index in range(count):
            entry = at + 2 + 12 * index
            tag, kind, n, value = self.unpack("HHII", entry)
            tags[tag] = (kind, n, value, entry)
        (following,) = self.unpack("I", at + 2 + 12 * count)
        self.ranges.append((at, at + 6 + 12 * count))
        return tags, following

    def value_bytes(self, kind: int, count: int, value: int, entry: int) -> bytes:
        """A tag's value, in line or out of line (whose range is then accounted for)."""
        size = TIFF_TYPE_SIZES.get(kind, 1) * count
        if size <= 4:
            return self.data[entry + 8 : entry + 8 + size]
        if value + size > len(self.data):
            raise CannotInspect("a TIFF tag's value lies past the end of the file")
        self.ranges.append((value, value + size))
        return self.data[value : value + size]

    def numbers(self, kind: int, count: int, raw: bytes) -> tuple[int, ...]:
        code = {3: "H", 4: "I", 16: "Q"}.get(kind)
        return struct.unpack(self.endian + code * count, raw) if code else ()


def tiff_findings(data: bytes) -> list[Finding]:
    """Every IFD of the TIFF: tags outside the pixel list, and bytes that belong to nothing."""
    if len(data) < 8:
        raise CannotInspect("the TIFF header is truncated")
    tiff = _Tiff(data)
    (at,) = tiff.unpack("I", 4)
    findings: list[Finding] = []
    seen: set[int] = set()
    page = 0
    while at:
        if at in seen or len(seen) >= MAX_IFDS:
            raise CannotInspect("the TIFF's directories loop or never end")
        seen.add(at)
        page += 1
        tags, at = tiff.entries(at)
        findings.extend(_ifd_findings(tiff, tags, f"TIFF page {page}"))
    hidden = _uncovered(data, tiff.ranges)
    if hidden:
        findings.append(
            unaccounted("TIFF file", f"{hidden} bytes of the file belong to no page, tag or strip.")
        )
    return findings


def _ifd_findings(tiff: _Tiff, tags: dict[int, tuple[int, int, int, int]], where: str) -> list[Finding]:
    findings: list[Finding] = []
    for tag, (kind, count, value, entry) in sorted(tags.items()):
        raw = tiff.value_bytes(kind, count, value, entry)
        if tag == NEW_SUBFILE_TYPE and value & REDUCED_RESOLUTION:
            findings.append(
                _block(
                    "image.thumbnail", where, "A reduced-resolution copy (a thumbnail) is stored as a page."
                )
            )
        elif tag == NEW_SUBFILE_TYPE and value & TRANSPARENCY_MASK:
            findings.append(
                unaccounted(where, "A transparency-mask page is stored, which viewers do not show.")
            )
        if tag in TIFF_PIXEL_TAGS:
            continue
        if tag in TIFF_TAGS_THAT_IDENTIFY:
            findings.append(
                _block(
                    "image.exif", where, f"An identifying tag is embedded: {TIFF_TAGS_THAT_IDENTIFY[tag]}."
                )
            )
        elif tag == EXIF_IFD_TAG:
            findings.append(_block("image.exif", where, "An EXIF sub-directory (camera, times) is embedded."))
        elif tag == GPS_IFD_TAG:
            findings.append(_block("image.gps", where, "GPS position is embedded."))
        elif tag == TIFF_XMP_TAG:
            findings.append(
                _block("image.xmp", where, "XMP metadata (author, history, captions) is embedded.")
            )
        elif tag in TIFF_IPTC_TAGS:
            findings.append(_block("image.iptc", where, "IPTC/Photoshop metadata is embedded."))
        elif tag == TIFF_ICC_TAG:
            findings.extend(profile_findings(raw, f"{where} ICC profile"))
        else:
            findings.append(unaccounted(where, f"Tag {tag} is not one that only describes the pixels."))
    for offsets_tag, counts_tag in STRIP_TAGS:
        if offsets_tag in tags and counts_tag in tags:
            stored = _account_strips(tiff, tags[offsets_tag], tags[counts_tag])
            if offsets_tag == 273 and stored > _uncompressed_bytes(tiff, tags):
                findings.append(unaccounted(where, f"The strips hold {stored} bytes, more than the picture."))
    return findings


def _uncompressed_bytes(tiff: _Tiff, tags: dict[int, Entry]) -> int:
    """The bytes an uncompressed page's pixels fill; for a compressed page, no limit (its strips'
    length is the codec's business)."""
    if 259 in tags and _values(tiff, tags[259])[:1] != (1,):
        return 1 << 62
    width = (_values(tiff, tags[256]) if 256 in tags else (0,))[0]
    height = (_values(tiff, tags[257]) if 257 in tags else (0,))[0]
    bits = sum(_values(tiff, tags[258])) if 258 in tags else 1
    return ((width * bits + 7) // 8) * height


def _values(tiff: _Tiff, entry: Entry) -> tuple[int, ...]:
    kind, count, _, _ = entry
    return tiff.numbers(kind, count, tiff.value_bytes(*entry))


def _account_strips(tiff: _Tiff, offsets: Entry, counts: Entry) -> int:
    """Account for the strips' (or tiles') bytes; how many there are."""
    starts, sizes = _values(tiff, offsets), _values(tiff, counts)
    tiff.ranges.extend((start, start + size) for start, size in zip(starts, sizes, strict=False))
    return sum(sizes)


def _uncovered(data: bytes, ranges: list[tuple[int, int]]) -> int:
    """Bytes in no range that are not padding: zeros, or the spare header Pillow leaves before each
    appended page (its multi-page writer writes every page as a TIFF of its own)."""
    hidden = 0
    at = 0
    for start, stop in [*sorted(ranges), (len(data), len(data))]:
        if start > at and SPARE_TIFF_HEADER.sub(b"", data[at:start]).strip(b"\x00"):
            hidden += start - at
        at = max(at, stop)
    return hidden


# ---------------------------------------------------------------- GIF


def _sub_blocks(data: bytes, at: int) -> tuple[list[bytes], int]:
    """The data sub-blocks starting at ``at`` and the offset after their terminator."""
    blocks: list[bytes] = []
    while True:
        if at >= len(data):
            raise CannotInspect("a GIF block runs past the end of the file")
        size = data[at]
        if size == 0:
            return blocks, at + 1
        blocks.append(data[at + 1 : at + 1 + size])
        at += 1 + size


def _colour_table_bytes(flags: int) -> int:
    return 3 * (2 << (flags & 0x07)) if flags & 0x80 else 0


def gif_findings(data: bytes) -> list[Finding]:
    """Every block of the GIF, every frame: comments, application data, text, and bytes after the end."""
    if len(data) < 13:
        raise CannotInspect("the GIF header is truncated")
    at = 13 + _colour_table_bytes(data[10])
    screen = struct.unpack_from("<2H", data, 6)
    findings: list[Finding] = []
    frame = 0
    while at < len(data):
        kind = data[at]
        if kind == GIF_TRAILER:
            left = len(data) - at - 1
            if holds_trailing_data(data[at + 1 :]):
                findings.append(trailing("after the GIF trailer", left))
            return findings
        if kind == GIF_IMAGE:
            frame += 1
            if at + 10 > len(data):
                raise CannotInspect("a GIF image descriptor is truncated")
            left, top, width, height = struct.unpack_from("<4H", data, at + 1)
            if left + width > screen[0] or top + height > screen[1]:
                findings.append(
                    unaccounted(
                        f"GIF frame {frame}",
                        "The frame lies partly outside the picture, where no one sees it.",
                    )
                )
            _, at = _sub_blocks(data, at + 10 + _colour_table_bytes(data[at + 9]) + 1)
        elif kind == GIF_EXTENSION and at + 1 < len(data):
            label = data[at + 1]
            blocks, at = _sub_blocks(data, at + 2)
            findings.extend(_extension_findings(label, blocks, f"GIF before frame {frame + 1}"))
        else:
            raise CannotInspect(f"unknown GIF block {kind:#x}")
    raise CannotInspect("the GIF has no trailer: the file is truncated")


def _extension_findings(label: int, blocks: list[bytes], where: str) -> list[Finding]:
    if label in GIF_DISPLAY_EXTENSIONS:
        return []
    if label == 0xFE:
        return [_block("image.comment", where, "A comment is embedded.")]
    if label == 0x01:
        return [unaccounted(where, "A plain-text extension draws text that many viewers do not show.")]
    if label != 0xFF or not blocks:
        return [unaccounted(where, f"An extension block {label:#x} of unknown content is embedded.")]
    application, payload = blocks[0], blocks[1:]
    if application in GIF_LOOP_APPLICATIONS and len(payload) == 1 and len(payload[0]) == 3:
        return []
    if application.startswith(b"XMP Data"):
        return [_block("image.xmp", where, "XMP metadata (author, history, captions) is embedded.")]
    if application == b"ICCRGBG1012":
        return profile_findings(b"".join(payload), f"{where} ICC profile")
    name = application.decode("latin-1", "replace")
    return [unaccounted(where, f"Application data {name!r} is embedded.")]
