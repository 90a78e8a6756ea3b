"""Image files carrying metadata, as the first corpus writes them: EXIF, GPS, thumbnails, XMP, IPTC,
comments, PNG text chunks, appended files; and the same as bytes for other corpora to embed.
"""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Callable
from pathlib import Path

from PIL import Image, PngImagePlugin


def _picture(size: tuple[int, int] = (64, 48)) -> Image.Image:
    image = Image.new("RGB", size, (200, 220, 240))
    for x in range(10, 40):
        for y in range(10, 20):
            image.putpixel((x, y), (20 + x, 40 + 3 * y, 160))
    return image


def _tiff_ifd(entries: list[tuple[int, int, int, bytes]], at: int, next_ifd: int) -> tuple[bytes, bytes]:
    """A little-endian IFD at offset ``at``: (directory bytes, out-of-line data placed right after it)."""
    directory = struct.pack("<H", len(entries))
    extra = b""
    data_at = at + 2 + 12 * len(entries) + 4
    for tag, kind, count, value in entries:
        if len(value) <= 4:
            directory += struct.pack("<HHI", tag, kind, count) + value.ljust(4, b"\x00")
        else:
            directory += struct.pack("<HHII", tag, kind, count, data_at + len(extra))
            extra += value + (b"\x00" if len(value) % 2 else b"")
    return directory + struct.pack("<I", next_ifd), extra


def exif_block(artist: str, *, gps: bool = False, thumbnail: bytes | None = None) -> bytes:
    """Hand-built EXIF (TIFF 6.0 layout): Artist, optionally a GPS IFD and an IFD1 thumbnail."""
    artist_bytes = artist.encode("ascii") + b"\x00"
    ifd0_entries: list[tuple[int, int, int, bytes]] = [(315, 2, len(artist_bytes), artist_bytes)]
    ifd0_size = 2 + 12 * (1 + gps) + 4 + len(artist_bytes) + len(artist_bytes) % 2
    gps_at = 8 + ifd0_size
    if gps:
        ifd0_entries.append((0x8825, 4, 1, struct.pack("<I", gps_at)))
    gps_bytes = b""
    if gps:
        # GPSLatitudeRef 'N', GPSLatitude 51/1 30/1 0/1 (51 deg 30 min N: London)
        latitude = struct.pack("<6I", 51, 1, 30, 1, 0, 1)
        directory, extra = _tiff_ifd([(1, 2, 2, b"N\x00"), (2, 5, 3, latitude)], gps_at, 0)
        gps_bytes = directory + extra
    ifd1_at = gps_at + len(gps_bytes) if thumbnail is not None else 0
    directory0, extra0 = _tiff_ifd(ifd0_entries, 8, ifd1_at)
    body = b"II*\x00" + struct.pack("<I", 8) + directory0 + extra0 + gps_bytes
    if thumbnail is not None:
        thumb_at = ifd1_at + 2 + 12 * 2 + 4
        directory1, _ = _tiff_ifd(
            [(0x201, 4, 1, struct.pack("<I", thumb_at)), (0x202, 4, 1, struct.pack("<I", len(thumbnail)))],
            ifd1_at,
            0,
        )
        body += directory1 + thumbnail
    return b"Exif\x00\x00" + body


def _jpeg_bytes(image: Image.Image, **options: object) -> bytes:
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=90, **options)
    return out.getvalue()


def _with_segment(jpeg: bytes, marker: int, payload: bytes) -> bytes:
    return jpeg[:2] + struct.pack(">BBH", 0xFF, marker, len(payload) + 2) + payload + jpeg[2:]


def _write(path: Path, data: bytes) -> None:
    path.write_bytes(data)


def jpeg_with_exif(path: Path) -> None:
    _write(path, _with_segment(_jpeg_bytes(_picture()), 0xE1, exif_block("SECRET-ARTIST-Jane Roe")))


def jpeg_with_gps(path: Path) -> None:
    _write(path, _with_segment(_jpeg_bytes(_picture()), 0xE1, exif_block("SECRET-GPS-owner", gps=True)))


def jpeg_with_thumbnail(path: Path) -> None:
    uncropped = Image.new("RGB", (16, 12), (255, 0, 0))
    thumbnail = _jpeg_bytes(uncropped, comment=b"SECRET-THUMB-uncropped")
    block = exif_block("camera", thumbnail=thumbnail)
    _write(path, _with_segment(_jpeg_bytes(_picture()), 0xE1, block))


def jpeg_with_xmp(path: Path) -> None:
    xmp = (
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        b'<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator="SECRET-XMP-creator"/>'
        b"</rdf:RDF></x:xmpmeta>"
    )
    _write(path, _with_segment(_jpeg_bytes(_picture()), 0xE1, b"http://ns.adobe.com/xap/1.0/\x00" + xmp))


def jpeg_with_iptc(path: Path) -> None:
    caption = b"SECRET-IPTC-caption"
    iptc = b"\x1c\x02\x78" + struct.pack(">H", len(caption)) + caption  # IPTC IIM 2:120 caption
    resource = b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(iptc)) + iptc
    _write(path, _with_segment(_jpeg_bytes(_picture()), 0xED, b"Photoshop 3.0\x00" + resource))


def jpeg_with_comment(path: Path) -> None:
    _write(path, _jpeg_bytes(_picture(), comment=b"SECRET-COMMENT-from the camera"))


def jpeg_with_appended_file(path: Path) -> None:
    _write(path, _jpeg_bytes(_picture()) + b"PK\x03\x04" + b"SECRET-APPENDED-zip payload" * 4)


def jpeg_rotated_by_exif(path: Path) -> None:
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90 CW to display
    exif[315] = "SECRET-ROTATED-artist"
    _write(path, _jpeg_bytes(_picture(), exif=exif.tobytes()))


def png_with_text(path: Path) -> None:
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "SECRET-PNG-tEXt note")
    _picture().save(path, format="PNG", pnginfo=info)


def png_with_compressed_text(path: Path) -> None:
    info = PngImagePlugin.PngInfo()
    info.add_text("Description", "SECRET-PNG-zTXt description " * 10, zip=True)
    info.add_itxt("Author", "SECRET-PNG-iTXt author", zip=True)
    _picture().save(path, format="PNG", pnginfo=info)


def png_with_exif(path: Path) -> None:
    exif = Image.Exif()
    exif[315] = "SECRET-PNG-eXIf artist"
    _picture().save(path, format="PNG", exif=exif.tobytes())


def png_with_transparent_redaction(path: Path) -> None:
    image = _picture().convert("RGBA")
    for x in range(10, 40):
        for y in range(10, 20):
            r, g, b, _ = image.getpixel((x, y))  # type: ignore[misc]
            image.putpixel((x, y), (r, g, b, 0))
    image.save(path, format="PNG")


def _png_with_chunk(kind: bytes, body: bytes) -> bytes:
    out = io.BytesIO()
    _picture().save(out, format="PNG")
    data = out.getvalue()
    chunk = struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    end = data.rindex(b"IEND") - 4
    return data[:end] + chunk + data[end:]


def written_png_chunk(kind: bytes, body: bytes) -> Callable[[Path], None]:
    return lambda path: _write(path, _png_with_chunk(kind, body))


def written(data: Callable[[], bytes]) -> Callable[[Path], None]:
    return lambda path: _write(path, data())


def png_with_private_chunk(path: Path) -> None:
    _write(path, _png_with_chunk(b"prVt", b"SECRET-PNG-private editor state"))


def png_with_time(path: Path) -> None:
    _write(path, _png_with_chunk(b"tIME", struct.pack(">HBBBBB", 2023, 8, 8, 14, 30, 0)))


def tiff_with_tags(path: Path) -> None:
    exif = Image.Exif()
    exif[315] = "SECRET-TIFF-artist"
    exif[270] = "SECRET-TIFF-description"
    _picture().save(path, format="TIFF", exif=exif)


def webp_with_exif(path: Path) -> None:
    exif = Image.Exif()
    exif[315] = "SECRET-WEBP-artist"
    _picture().save(path, format="WEBP", exif=exif.tobytes(), lossless=True)


def gif_with_comment(path: Path) -> None:
    _picture().convert("P").save(path, format="GIF", comment=b"SECRET-GIF-comment")


def png_plain_with_icc(path: Path) -> None:
    from PIL import ImageCms

    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    _picture().save(path, format="PNG", icc_profile=profile)


def png_transparent_uniform(path: Path) -> None:
    image = Image.new("RGBA", (32, 32), (0, 0, 0, 0))
    for x in range(8, 24):
        image.putpixel((x, 16), (0, 0, 0, 255))
    image.save(path, format="PNG")


def jpeg_plain(path: Path) -> None:
    _write(path, _jpeg_bytes(_picture()))


def gif_plain(path: Path) -> None:
    _picture().convert("P").save(path, format="GIF")


def jpeg_with_exif_bytes(artist: str) -> bytes:
    return _with_segment(_jpeg_bytes(_picture()), 0xE1, exif_block(artist))


def jpeg_with_gps_bytes(artist: str) -> bytes:
    return _with_segment(_jpeg_bytes(_picture()), 0xE1, exif_block(artist, gps=True))


def jpeg_with_comment_bytes(comment: bytes) -> bytes:
    return _jpeg_bytes(_picture(), comment=comment)


def png_with_text_bytes(text: str) -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", text)
    out = io.BytesIO()
    _picture().save(out, format="PNG", pnginfo=info)
    return out.getvalue()
