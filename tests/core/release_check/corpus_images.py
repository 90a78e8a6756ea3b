"""Images for the release gate: metadata of every kind, hand-built where Pillow cannot write it."""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Callable
from pathlib import Path

from PIL import Image, PngImagePlugin

from tests.core.release_check.corpus import CorpusFile, clean, leaky


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


# ---------------------------------------------------------------- red team: ICC profiles

ICC_2014 = Path(__file__).parents[2] / "data" / "release_check" / "sRGB2014.icc"


def lcms_srgb() -> bytes:
    from PIL import ImageCms

    return bytes(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())


def mluc(text: str) -> bytes:
    body = text.encode("utf-16-be")
    return (
        b"mluc"
        + struct.pack(">IIIII", 0, 1, 12, 0, 0)[:4]
        + struct.pack(">II", 1, 12)
        + b"enUS"
        + struct.pack(">II", len(body), 28)
        + body
    )


def icc_with(tags: dict[bytes, bytes], hidden: bytes = b"") -> bytes:
    """LittleCMS's sRGB profile with tags replaced or added (and optional bytes that belong to no tag)."""
    base = lcms_srgb()
    (count,) = struct.unpack_from(">I", base, 128)
    table = {}
    for index in range(count):
        signature, offset, size = struct.unpack_from(">4sII", base, 132 + 12 * index)
        table[signature] = base[offset : offset + size]
    table.update(tags)
    header = bytearray(base[:128])
    out = bytearray(struct.pack(">I", len(table)))
    data = bytearray()
    data_at = 128 + 4 + 12 * len(table)
    for signature, body in table.items():
        out += struct.pack(">4sII", signature, data_at + len(data), len(body))
        data += body + b"\x00" * (-len(body) % 4)
    profile = header + out + data + hidden
    struct.pack_into(">I", profile, 0, len(profile))
    return bytes(profile)


def _png_with_icc(profile: bytes) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        _picture().save(path, format="PNG", icc_profile=profile)

    return build


def _jpeg_with_icc(profile: bytes) -> Callable[[Path], None]:
    return lambda path: _write(path, _jpeg_bytes(_picture(), icc_profile=profile))


def _jpeg_icc_split(path: Path) -> None:
    """The profile in two APP2 segments, as large profiles are: the second carries the text."""
    profile = icc_with({b"desc": desc_v2(b"SECRET-ICC-SPLIT-3D")})
    half = len(profile) // 2
    jpeg = _jpeg_bytes(_picture())
    for number, piece in ((2, profile[half:]), (1, profile[:half])):
        jpeg = _with_segment(jpeg, 0xE2, b"ICC_PROFILE\x00" + bytes([number, 2]) + piece)
    _write(path, jpeg)


def _webp_with_icc(profile: bytes) -> Callable[[Path], None]:
    return lambda path: _picture().save(path, format="WEBP", icc_profile=profile, lossless=True)


def _tiff_with_icc(profile: bytes) -> Callable[[Path], None]:
    return lambda path: _picture().save(path, format="TIFF", icc_profile=profile)


def desc_v2(ascii_text: bytes) -> bytes:
    """An ICC v2 'desc' tag: the ASCII count and text, then empty Unicode and ScriptCode parts."""
    return b"desc\x00\x00\x00\x00" + struct.pack(">I", len(ascii_text)) + ascii_text + b"\x00" * 79


# ---------------------------------------------------------------- red team: JPEG segments


def _jpeg_with(marker: int, payload: bytes) -> Callable[[Path], None]:
    return lambda path: _write(path, _with_segment(_jpeg_bytes(_picture()), marker, payload))


def _jfif_thumbnail(path: Path) -> None:
    pixels = b"SECRET-JFIF-THUMB-6W" + b"\x00"  # 21 bytes: a 7 x 1 thumbnail
    app0 = b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01" + bytes([7, 1]) + pixels
    jpeg = _jpeg_bytes(_picture())
    assert jpeg[2:4] == b"\xff\xe0"
    (length,) = struct.unpack_from(">H", jpeg, 4)
    _write(path, jpeg[:2] + struct.pack(">BBH", 0xFF, 0xE0, len(app0) + 2) + app0 + jpeg[4 + length :])


def _png_idat_tail(path: Path) -> None:
    """A second IDAT whose bytes follow the end of the zlib stream: decoders stop before them."""
    _write(path, _png_with_chunk(b"IDAT", b"SECRET-PNG-IDAT-TAIL-5K"))


def _png_idat_extra_rows(path: Path) -> None:
    """The zlib stream holds more rows than the header's height: decoders ignore them."""
    out = io.BytesIO()
    _picture().save(out, format="PNG")
    data = out.getvalue()
    rows = b"".join(b"\x00" + bytes(range(192)) for _ in range(56))  # 64 x 48 RGB: 48 rows of 192
    idat = zlib.compress(rows)
    at = data.index(b"IDAT") - 4
    (length,) = struct.unpack_from(">I", data, at)
    chunk = struct.pack(">I", len(idat)) + b"IDAT" + idat + struct.pack(">I", zlib.crc32(b"IDAT" + idat))
    _write(path, data[:at] + chunk + data[at + 12 + length :])


def _png_iccp_name(path: Path) -> None:
    profile = zlib.compress(lcms_srgb())
    body = b"SECRET-ICCP-NAME-3L\x00\x00" + profile
    out = io.BytesIO()
    _picture().save(out, format="PNG")
    data = out.getvalue()
    chunk = struct.pack(">I", len(body)) + b"iCCP" + body + struct.pack(">I", zlib.crc32(b"iCCP" + body))
    _write(path, data[:33] + chunk + data[33:])


def _second_jpeg(path: Path) -> None:
    second = _jpeg_bytes(Image.new("RGB", (16, 16), (255, 0, 0)), comment=b"SECRET-SECOND-JPEG-1Z")
    _write(path, _jpeg_bytes(_picture()) + second)


# ---------------------------------------------------------------- red team: TIFF pages and tags


TIFF_SIZES = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 7: 1}


def tiff_pages(
    pages: list[list[tuple[int, int, bytes]]], hidden: bytes = b"", strip_tail: bytes = b""
) -> bytes:
    """An uncompressed little-endian TIFF of 8 x 8 RGB pages, each IFD with extra (tag, type, value)."""
    out = bytearray(b"II*\x00\x00\x00\x00\x00")
    previous_link = 4
    for number, extra in enumerate(pages):
        strip_at = len(out)
        out += bytes([40 * number, 120, 200]) * 64 + strip_tail + hidden
        values: list[tuple[int, int, int, bytes]] = [
            (256, 3, 1, struct.pack("<H", 8)),
            (257, 3, 1, struct.pack("<H", 8)),
            (258, 3, 3, struct.pack("<3H", 8, 8, 8)),
            (259, 3, 1, struct.pack("<H", 1)),
            (262, 3, 1, struct.pack("<H", 2)),
            (273, 4, 1, struct.pack("<I", strip_at)),
            (277, 3, 1, struct.pack("<H", 3)),
            (278, 3, 1, struct.pack("<H", 8)),
            (279, 4, 1, struct.pack("<I", 192 + len(strip_tail))),
        ] + [(tag, kind, len(value) // TIFF_SIZES[kind], value) for tag, kind, value in extra]
        values.sort()
        if len(out) % 2:
            out += b"\x00"
        ifd_at = len(out)
        struct.pack_into("<I", out, previous_link, ifd_at)
        data_at = ifd_at + 2 + 12 * len(values) + 4
        directory = struct.pack("<H", len(values))
        data = b""
        for tag, kind, count, value in values:
            if len(value) <= 4:
                directory += struct.pack("<HHI", tag, kind, count) + value.ljust(4, b"\x00")
            else:
                directory += struct.pack("<HHII", tag, kind, count, data_at + len(data))
                data += value + b"\x00" * (len(value) % 2)
        previous_link = ifd_at + len(directory)
        out += directory + b"\x00\x00\x00\x00" + data
    return bytes(out)


def _tiff(
    pages: list[list[tuple[int, int, bytes]]], hidden: bytes = b"", strip_tail: bytes = b""
) -> Callable[[Path], None]:
    return lambda path: _write(path, tiff_pages(pages, hidden, strip_tail))


def _ascii(text: str) -> bytes:
    return text.encode("ascii") + b"\x00"


# ---------------------------------------------------------------- red team: GIF blocks and WebP chunks


def _frames(count: int = 3) -> list[Image.Image]:
    return [Image.new("RGB", (24, 16), (60 * n, 120, 200)).convert("P") for n in range(count)]


def _animated_gif() -> bytes:
    out = io.BytesIO()
    frames = _frames()
    frames[0].save(out, format="GIF", save_all=True, append_images=frames[1:], loop=0, duration=120)
    return out.getvalue()


def _sub_blocks(data: bytes) -> bytes:
    return (
        b"".join(bytes([len(data[i : i + 255])]) + data[i : i + 255] for i in range(0, len(data), 255))
        + b"\x00"
    )


def _gif_before_frame(block: bytes, frame: int = 2) -> Callable[[Path], None]:
    """The animated GIF with ``block`` inserted before the graphic control of frame ``frame``."""

    def build(path: Path) -> None:
        data = _animated_gif()
        at = -1
        for _ in range(frame):
            at = data.index(b"\x21\xf9\x04", at + 1)
        _write(path, data[:at] + block + data[at:])

    return build


def _gif_frame_off_screen(path: Path) -> None:
    """The second frame placed 1000 pixels right of a 24-pixel picture: drawn where no one sees it."""
    data = bytearray(_animated_gif())
    descriptors = [
        at for at in range(8, len(data) - 10) if data[at] == 0x2C and data[at - 8 : at - 5] == b"\x21\xf9\x04"
    ]
    struct.pack_into("<H", data, descriptors[1] + 1, 1000)
    _write(path, bytes(data))


def _apng_hidden_still(path: Path) -> None:
    """An animated PNG whose still picture (what a viewer without animation shows) is no frame."""
    frames = [Image.new("RGB", (20, 10), colour) for colour in ((255, 0, 0), (0, 255, 0), (0, 0, 255))]
    frames[0].save(path, format="PNG", save_all=True, append_images=frames[1:], default_image=True)


def _palette_secret(image_format: str) -> Callable[[Path], None]:
    """A four-colour picture whose unused palette entries spell a secret (768 bytes of colour table)."""

    def build(path: Path) -> None:
        image = Image.new("P", (24, 16), 0)
        for x in range(24):
            image.putpixel((x, 8), 1 + x % 3)
        palette = bytes([250, 250, 250, 200, 30, 30, 30, 160, 60, 30, 60, 200])
        secret = b"SECRET-PALETTE-" + image_format.encode() + b"-7J"
        image.putpalette(palette + secret + b"\x00" * (768 - len(palette) - len(secret)))
        image.save(path, format=image_format, optimize=False)

    return build


def _gif_trailing(path: Path) -> None:
    _write(path, _animated_gif() + b"SECRET-GIF-TRAIL-5N" * 2)


def _riff(chunks: list[bytes]) -> bytes:
    body = b"WEBP" + b"".join(chunks)
    return b"RIFF" + struct.pack("<I", len(body)) + body


def _webp_chunks(data: bytes) -> list[bytes]:
    chunks, at = [], 12
    while at + 8 <= len(data):
        (size,) = struct.unpack_from("<I", data, at + 4)
        chunks.append(data[at : at + 8 + size + (size & 1)])
        at += 8 + size + (size & 1)
    return chunks


def _chunk(kind: bytes, body: bytes) -> bytes:
    return kind + struct.pack("<I", len(body)) + body + b"\x00" * (len(body) & 1)


def _webp_private_chunk(path: Path) -> None:
    out = io.BytesIO()
    _picture().save(out, format="WEBP", lossless=True, icc_profile=lcms_srgb())
    _write(path, _riff([*_webp_chunks(out.getvalue()), _chunk(b"PRIV", b"SECRET-WEBP-PRIV-4C")]))


def _animated_webp() -> bytes:
    out = io.BytesIO()
    frames = [f.convert("RGB") for f in _frames(2)]
    frames[0].save(out, format="WEBP", save_all=True, append_images=frames[1:], lossless=True, duration=100)
    return out.getvalue()


def _webp_chunk_in_frame(path: Path) -> None:
    chunks = _webp_chunks(_animated_webp())
    for index, chunk in enumerate(chunks):
        if chunk.startswith(b"ANMF"):
            (size,) = struct.unpack_from("<I", chunk, 4)
            body = chunk[8 : 8 + size] + _chunk(b"NOTE", b"SECRET-WEBP-FRAME-6X")
            chunks[index] = _chunk(b"ANMF", body)
            break
    _write(path, _riff(chunks))


def _webp_trailing(path: Path) -> None:
    out = io.BytesIO()
    _picture().save(out, format="WEBP", lossless=True)
    _write(path, out.getvalue() + b"SECRET-WEBP-TRAIL-2G" * 2)


# ---------------------------------------------------------------- red team: nearly transparent pixels


def _faint(alpha: int, stripes: bool = False) -> Callable[[Path], None]:
    """A picture whose middle was "erased" to alpha ``alpha``: the words are there, unseen."""
    from PIL import ImageDraw

    def build(path: Path) -> None:
        image = Image.new("RGBA", (120, 40), (255, 255, 255, 255))
        layer = Image.new("RGBA", (120, 40), (255, 255, 255, 255))
        ImageDraw.Draw(layer).text((4, 12), "Jane Roe 07700", fill=(0, 0, 0, 255))
        faded = layer.copy()
        faded.putalpha(alpha)
        image.paste(faded, (0, 0))
        if stripes:
            for y in range(0, 40, 3):
                for x in range(120):
                    image.putpixel((x, y), (255, 255, 255, 255))
        image.save(path, format="PNG")

    return build


def _antialiased_text(path: Path) -> None:
    from PIL import ImageDraw, ImageFont

    image = Image.new("RGBA", (160, 48), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=20)
    draw.text((4, 4), "Station", fill=(200, 30, 30, 255), font=font)
    draw.text((84, 4), "Road", fill=(30, 60, 200, 255), font=font)
    draw.ellipse((4, 30, 40, 46), fill=(20, 160, 60, 255))
    image.save(path, format="PNG")


def _soft_shadow(path: Path) -> None:
    from PIL import ImageDraw, ImageFilter

    shadow = Image.new("RGBA", (80, 80), (0, 0, 0, 0))
    ImageDraw.Draw(shadow).rectangle((20, 20, 60, 60), fill=(0, 0, 0, 200))
    image = shadow.filter(ImageFilter.GaussianBlur(8))
    ImageDraw.Draw(image).rectangle((16, 16, 56, 56), fill=(250, 200, 40, 255))
    image.save(path, format="PNG")


# ---------------------------------------------------------------- clean files as the tools write them


def _pillow_animated_gif(path: Path) -> None:
    _write(path, _animated_gif())


def _pillow_tiff_pages(path: Path) -> None:
    frames = [f.convert("RGB") for f in _frames()]
    frames[0].save(
        path, format="TIFF", save_all=True, append_images=frames[1:], compression="tiff_lzw", dpi=(300, 300)
    )


def _interlaced_png(path: Path) -> None:
    """A 13 x 7 RGB PNG stored in Adam7 passes (Pillow reads these but does not write them)."""
    width, height = 13, 7
    passes = (
        (0, 0, 8, 8),
        (4, 0, 8, 8),
        (0, 4, 4, 8),
        (2, 0, 4, 4),
        (0, 2, 2, 4),
        (1, 0, 2, 2),
        (0, 1, 1, 2),
    )
    raw = b""
    for x0, y0, dx, dy in passes:
        columns = range(x0, width, dx)
        for y in range(y0, height, dy):
            if len(columns):
                raw += b"\x00" + b"".join(bytes([(x * 19) % 256, (y * 37) % 256, 90]) for x in columns)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 1)

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    data = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )
    _write(path, data)


def _png_modes(mode: str, **options: object) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        picture = _picture()
        image = picture.convert("L").convert(mode) if mode in ("1", "I;16") else picture.convert(mode)
        image.save(path, format="PNG", **options)

    return build


def _progressive_jpeg(path: Path) -> None:
    _write(path, _jpeg_bytes(_picture((200, 120)), progressive=True, optimize=True))


def _fax_tiff(path: Path) -> None:
    Image.new("1", (120, 60), 1).save(path, format="TIFF", compression="group4", dpi=(204, 196))


def _cmyk_jpeg(path: Path) -> None:
    _write(path, _jpeg_bytes(_picture().convert("CMYK")))


IMAGES: list[CorpusFile] = [
    leaky(
        "icc-desc.webp",
        _webp_with_icc(icc_with({b"desc": desc_v2(b"SECRET-ICC-DESC-4K")})),
        {"image.unaccounted"},
        "SECRET-ICC-DESC-4K",
    ),
    leaky(  # in a PNG the profile is compressed: the finding is what is tested
        "icc-desc-unicode.png",
        _png_with_icc(icc_with({b"desc": mluc("SECRET-ICC-DESC-4K")})),
        {"image.unaccounted"},
        None,
    ),
    leaky(
        "icc-copyright.jpg",
        _jpeg_with_icc(icc_with({b"cprt": b"text\x00\x00\x00\x00Copyright SECRET-ICC-CPRT-2M\x00"})),
        {"image.unaccounted"},
        "SECRET-ICC-CPRT-2M",
    ),
    leaky(
        "icc-profile-words-and-a-name.jpg",
        _jpeg_with_icc(icc_with({b"desc": mluc("sRGB Jane Roe")})),
        {"image.unaccounted"},
        None,
    ),
    leaky("icc-split.jpg", _jpeg_icc_split, {"image.unaccounted"}, "SECRET-ICC-SPLIT-3D"),
    leaky(
        "icc-private-tag.webp",
        _webp_with_icc(icc_with({b"zzzz": b"text\x00\x00\x00\x00SECRET-ICC-PRIV-7T"})),
        {"image.unaccounted"},
        "SECRET-ICC-PRIV-7T",
    ),
    leaky(
        "icc-bytes-between-tags.tiff",
        _tiff_with_icc(icc_with({}, hidden=b"SECRET-ICC-GAP-5B")),
        {"image.unaccounted"},
        "SECRET-ICC-GAP-5B",
    ),
    leaky(
        "icc-desc-after-nul.tiff",
        _tiff_with_icc(icc_with({b"desc": desc_v2(b"sRGB\x00SECRET-ICC-NUL-8P")})),
        {"image.unaccounted"},
        "SECRET-ICC-NUL-8P",
    ),
    leaky(
        "icc-text-in-curve-tag-type.jpg",
        _jpeg_with_icc(icc_with({b"dmnd": b"curv\x00\x00\x00\x00SECRET-ICC-TYPE-1R"})),
        {"image.unaccounted"},
        "SECRET-ICC-TYPE-1R",
    ),
    leaky("idat-tail.png", _png_idat_tail, {"image.unaccounted"}, "SECRET-PNG-IDAT-TAIL-5K"),
    leaky("idat-extra-rows.png", _png_idat_extra_rows, {"image.unaccounted"}, None),
    leaky("iccp-name.png", _png_iccp_name, {"image.unaccounted"}, "SECRET-ICCP-NAME-3L"),
    leaky(
        "oversized-gama.png",
        written_png_chunk(b"gAMA", struct.pack(">I", 45455) + b"SECRET-PNG-GAMA-1W"),
        {"image.unaccounted"},
        "SECRET-PNG-GAMA-1W",
    ),
    leaky(
        "icc-long-white-point.jpg",
        _jpeg_with_icc(
            icc_with(
                {
                    b"wtpt": b"XYZ \x00\x00\x00\x00"
                    + b"\x00\x00\xf6\xd6\x00\x01\x00\x00\x00\x00\xd3-"
                    + b"SECRET-ICC-WTPT-9C"
                }
            )
        ),
        {"image.unaccounted"},
        "SECRET-ICC-WTPT-9C",
    ),
    leaky(
        "icc-curve-tail.tiff",
        _tiff_with_icc(
            icc_with({b"rTRC": b"curv\x00\x00\x00\x00\x00\x00\x00\x01\x01\xcdSECRET-ICC-CURV-6Y"})
        ),
        {"image.unaccounted"},
        "SECRET-ICC-CURV-6Y",
    ),
    leaky(
        "strip-tail.tiff",
        _tiff([[]], strip_tail=b"SECRET-TIFF-STRIP-7R"),
        {"image.unaccounted"},
        "SECRET-TIFF-STRIP-7R",
    ),
    leaky("second-jpeg.jpg", _second_jpeg, {"image.trailing_data"}, "SECRET-SECOND-JPEG-1Z"),
    leaky("app5.jpg", _jpeg_with(0xE5, b"SECRET-JPEG-APP5-9L"), {"image.unaccounted"}, "SECRET-JPEG-APP5-9L"),
    leaky(
        "app1-other.jpg",
        _jpeg_with(0xE1, b"SECRET-JPEG-APP1-3H"),
        {"image.unaccounted"},
        "SECRET-JPEG-APP1-3H",
    ),
    leaky(
        "mpf.jpg", _jpeg_with(0xE2, b"MPF\x00SECRET-JPEG-MPF-2S"), {"image.unaccounted"}, "SECRET-JPEG-MPF-2S"
    ),
    leaky(
        "adobe-app14-long.jpg",
        _jpeg_with(0xEE, b"Adobe\x00d\x00\x00\x00\x00\x01SECRET-JPEG-ADOBE-4F"),
        {"image.unaccounted"},
        "SECRET-JPEG-ADOBE-4F",
    ),
    leaky("jfif-thumbnail.jpg", _jfif_thumbnail, {"image.thumbnail"}, "SECRET-JFIF-THUMB-6W"),
    leaky(
        "page-2-artist.tiff",
        _tiff([[], [(315, 2, _ascii("SECRET-TIFF-PAGE2-8K"))]]),
        {"image.exif"},
        "SECRET-TIFF-PAGE2-8K",
    ),
    leaky(
        "page-3-private-tag.tiff",
        _tiff([[], [], [(50_000, 2, _ascii("SECRET-TIFF-PAGE3-5P"))]]),
        {"image.unaccounted"},
        "SECRET-TIFF-PAGE3-5P",
    ),
    leaky(
        "document-name.tiff",
        _tiff([[(269, 2, _ascii("SECRET-TIFF-DOCNAME-2C"))]]),
        {"image.exif"},
        "SECRET-TIFF-DOCNAME-2C",
    ),
    leaky(
        "hidden-bytes.tiff",
        _tiff([[]], hidden=b"SECRET-TIFF-SLACK-9E"),
        {"image.unaccounted"},
        "SECRET-TIFF-SLACK-9E",
    ),
    leaky(
        "comment-before-frame-2.gif",
        _gif_before_frame(b"\x21\xfe" + _sub_blocks(b"SECRET-GIF-FRAME2-3Q")),
        {"image.comment"},
        "SECRET-GIF-FRAME2-3Q",
    ),
    leaky(
        "application-before-frame-3.gif",
        _gif_before_frame(b"\x21\xff\x0bSECRETAP1.0" + _sub_blocks(b"SECRET-GIF-APP-6M"), frame=3),
        {"image.unaccounted"},
        "SECRET-GIF-APP-6M",
    ),
    leaky(
        "netscape-extra-block.gif",
        _gif_before_frame(b"\x21\xff\x0bNETSCAPE2.0\x03\x01\x00\x00" + _sub_blocks(b"SECRET-GIF-LOOP-2U")),
        {"image.unaccounted"},
        "SECRET-GIF-LOOP-2U",
    ),
    leaky(
        "plain-text-extension.gif",
        _gif_before_frame(b"\x21\x01\x0c" + b"\x00" * 12 + _sub_blocks(b"SECRET-GIF-TEXT-8B")),
        {"image.unaccounted"},
        "SECRET-GIF-TEXT-8B",
    ),
    leaky("frame-off-screen.gif", _gif_frame_off_screen, {"image.unaccounted"}, None),
    leaky("thumbnail-page.tiff", _tiff([[], [(254, 4, struct.pack("<I", 1))]]), {"image.thumbnail"}, None),
    leaky("hidden-still.png", _apng_hidden_still, {"image.unaccounted"}, None),
    # Unused palette entries are no finding (tools leave all sorts there), but the copy must not keep them.
    clean("palette-secret.gif", _palette_secret("GIF")),
    clean("palette-secret.png", _palette_secret("PNG")),
    leaky("trailing.gif", _gif_trailing, {"image.trailing_data"}, "SECRET-GIF-TRAIL-5N"),
    leaky("private-chunk.webp", _webp_private_chunk, {"image.unaccounted"}, "SECRET-WEBP-PRIV-4C"),
    leaky("chunk-in-frame.webp", _webp_chunk_in_frame, {"image.unaccounted"}, "SECRET-WEBP-FRAME-6X"),
    leaky("trailing.webp", _webp_trailing, {"image.trailing_data"}, "SECRET-WEBP-TRAIL-2G"),
    leaky(
        "splt-chunk.png",
        written_png_chunk(b"sPLT", b"SECRET-PNG-SPLT-7V\x00\x08"),
        {"image.unaccounted"},
        "SECRET-PNG-SPLT-7V",
    ),
    leaky("erased-to-alpha-1.png", _faint(1), {"image.transparent_content"}, None),
    leaky("erased-to-alpha-24.png", _faint(24), {"image.transparent_content"}, None),
    leaky("erased-between-opaque-stripes.png", _faint(1, stripes=True), {"image.transparent_content"}, None),
    clean("icc-srgb-2014.jpg", _jpeg_with_icc(ICC_2014.read_bytes())),
    clean("icc-srgb-2014.png", _png_with_icc(ICC_2014.read_bytes())),
    clean("icc-lcms.webp", _webp_with_icc(lcms_srgb())),
    clean("icc-lcms.tiff", _tiff_with_icc(lcms_srgb())),
    clean("animated.gif", _pillow_animated_gif),
    clean("pages-lzw-dpi.tiff", _pillow_tiff_pages),
    clean("animated.webp", written(_animated_webp)),
    clean("cmyk-adobe.jpg", _cmyk_jpeg),
    clean("progressive.jpg", _progressive_jpeg),
    clean("fax-group4.tiff", _fax_tiff),
    clean("interlaced.png", _interlaced_png),
    clean("one-bit.png", _png_modes("1")),
    clean("sixteen-bit-grey.png", _png_modes("I;16")),
    clean("four-bit-palette.png", _png_modes("P", bits=4)),
    clean("antialiased-text.png", _antialiased_text),
    clean("soft-shadow.png", _soft_shadow),
    leaky("exif.jpg", jpeg_with_exif, {"image.exif"}, "SECRET-ARTIST"),
    leaky("gps.jpg", jpeg_with_gps, {"image.exif", "image.gps"}, "SECRET-GPS"),
    leaky("thumbnail.jpg", jpeg_with_thumbnail, {"image.exif", "image.thumbnail"}, "SECRET-THUMB"),
    leaky("xmp.jpg", jpeg_with_xmp, {"image.xmp"}, "SECRET-XMP"),
    leaky("iptc.jpg", jpeg_with_iptc, {"image.iptc"}, "SECRET-IPTC"),
    leaky("comment.jpg", jpeg_with_comment, {"image.comment"}, "SECRET-COMMENT"),
    leaky("appended.jpg", jpeg_with_appended_file, {"image.trailing_data"}, "SECRET-APPENDED"),
    leaky("rotated.jpg", jpeg_rotated_by_exif, {"image.exif"}, "SECRET-ROTATED"),
    leaky("text.png", png_with_text, {"image.text_chunk"}, "SECRET-PNG-tEXt"),
    leaky("ztxt.png", png_with_compressed_text, {"image.text_chunk"}, "SECRET-PNG-zTXt"),
    leaky("exif.png", png_with_exif, {"image.exif"}, "SECRET-PNG-eXIf"),
    leaky("private-chunk.png", png_with_private_chunk, {"image.unaccounted"}, "SECRET-PNG-private"),
    leaky("modified-time.png", png_with_time, {"image.timestamp"}, None),
    leaky("transparent.png", png_with_transparent_redaction, {"image.transparent_content"}, None),
    leaky("tags.tiff", tiff_with_tags, {"image.exif"}, "SECRET-TIFF"),
    leaky("exif.webp", webp_with_exif, {"image.exif"}, "SECRET-WEBP"),
    leaky("comment.gif", gif_with_comment, {"image.comment"}, "SECRET-GIF"),
    clean("icc.png", png_plain_with_icc),
    clean("transparent-background.png", png_transparent_uniform),
    clean("plain.jpg", jpeg_plain),
    clean("plain.gif", gif_plain),
]


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
