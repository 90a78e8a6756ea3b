"""The image red team (issue 14): ICC profiles, JPEG segments, TIFF pages and tags, GIF blocks, WebP chunks,
nearly transparent pixels; and clean files as the tools write them.
"""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Callable
from pathlib import Path

from PIL import Image

from tests.core.release_check.corpus_image_files import (
    _jpeg_bytes,
    _picture,
    _png_with_chunk,
    _with_segment,
    _write,
)

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
