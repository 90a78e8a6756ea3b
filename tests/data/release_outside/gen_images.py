"""Images: Pillow pictures with metadata, extra segments, chunks, frames and "erased" pixels."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

from common import Spec
from PIL import Image, ImageDraw, TiffImagePlugin

BOX = [10, 20, 190, 40]  # where pixel secrets are drawn


def picture(mode: str = "RGB", size=(200, 60)) -> Image.Image:
    image = Image.new(mode, size, "white" if mode != "RGBA" else (255, 255, 255, 255))
    draw = ImageDraw.Draw(image)
    draw.rectangle([5, 5, 60, 15], fill=(30, 80, 160) if mode != "L" else 80)
    return image


def _save(image: Image.Image, fmt: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def _chunk(kind: bytes, body: bytes) -> bytes:
    return (
        struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
    )


def png_insert(kind: bytes, body_of, after_iend: bool = False):
    def build(path: Path, secret: str, visible: list[str]) -> None:
        data = _save(picture(), "PNG")
        chunk = _chunk(kind, body_of(secret))
        end = data.rfind(b"\x00\x00\x00\x00IEND")
        path.write_bytes(data + chunk if after_iend else data[:end] + chunk + data[end:])

    return build


def icc_with(secret: str) -> bytes:
    from PIL import ImageCms

    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
    data = bytearray(profile.tobytes())
    data[24:36] = struct.pack(">6H", 2024, 3, 1, 9, 30, 0)  # the profile's creation time, fixed
    text = f"Prepared by {secret}".encode()
    tag = b"desc"
    # append a 'text' type element and a new tag entry pointing to it (cprt replaced)
    count = struct.unpack_from(">I", data, 128)[0]
    for index in range(count):
        at = 132 + 12 * index
        if data[at : at + 4] == b"cprt":
            offset = len(data)
            element = b"text\x00\x00\x00\x00" + text + b"\x00"
            data += element + b"\x00" * (-len(element) % 4)
            struct.pack_into(">II", data, at + 4, offset, len(element))
    struct.pack_into(">I", data, 0, len(data))
    del tag
    return bytes(data)


def with_icc(fmt: str):
    def build(path: Path, secret: str, visible: list[str]) -> None:
        path.write_bytes(_save(picture(), fmt, icc_profile=icc_with(secret)))

    return build


def jpeg_segment(marker: int, payload_of):
    def build(path: Path, secret: str, visible: list[str]) -> None:
        data = _save(picture(), "JPEG", quality=85)
        payload = payload_of(secret)
        segment = bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload
        at = 2  # after SOI
        if data[2:4] == b"\xff\xe0":
            at = 4 + struct.unpack(">H", data[4:6])[0]
        path.write_bytes(data[:at] + segment + data[at:])

    return build


def jpeg_appended():
    def build(path: Path, secret: str, visible: list[str]) -> None:
        first = _save(picture(), "JPEG", quality=85)
        second = _save(picture(size=(40, 20)), "JPEG", quality=85)
        comment = f"{secret}".encode()
        second = second[:2] + b"\xff\xfe" + struct.pack(">H", len(comment) + 2) + comment + second[2:]
        path.write_bytes(first + second)

    return build


def exif_jpeg(tag: int, in_exif_ifd: bool = False):
    def build(path: Path, secret: str, visible: list[str]) -> None:
        exif = Image.Exif()
        if in_exif_ifd:
            exif.get_ifd(0x8769)[tag] = secret
        else:
            exif[tag] = secret
        path.write_bytes(_save(picture(), "JPEG", quality=85, exif=exif.tobytes()))

    return build


def tiff_pages(where: str, tag: int = 270):
    def build(path: Path, secret: str, visible: list[str]) -> None:
        first, second = picture(), picture(size=(80, 40))
        if where == "page2":
            info = TiffImagePlugin.ImageFileDirectory_v2()
            info[tag] = secret
            second.encoderinfo = {"tiffinfo": info}
            path.write_bytes(_save(first, "TIFF", save_all=True, append_images=[second]))
            data = path.read_bytes()
            if (
                secret.encode() not in data
            ):  # Pillow ignores per-frame tiffinfo: patch through a frame description
                frames = [first, second]
                buffer = io.BytesIO()
                with TiffImagePlugin.AppendingTiffWriter(buffer) as writer:
                    for number, frame in enumerate(frames):
                        ifd = TiffImagePlugin.ImageFileDirectory_v2()
                        if number == 1:
                            ifd[tag] = secret
                        frame.save(writer, "TIFF", tiffinfo=ifd)
                        writer.newFrame()
                path.write_bytes(buffer.getvalue())
        else:
            info = TiffImagePlugin.ImageFileDirectory_v2()
            info[65000] = secret
            info.tagtype[65000] = 2
            path.write_bytes(_save(first, "TIFF", tiffinfo=info))

    return build


def gif_extra(kind: str):
    def build(path: Path, secret: str, visible: list[str]) -> None:
        frames = [picture().convert("P"), picture(size=(200, 60)).convert("P")]
        data = _save(frames[0], "GIF", save_all=True, append_images=frames[1:], duration=500)
        text = secret.encode()
        if kind == "trailing":
            path.write_bytes(data + text)
            return
        if kind == "comment_frame2":
            block = b"\x21\xfe" + bytes([len(text)]) + text + b"\x00"
            second = data.find(b"\x21\xf9", data.find(b"\x21\xf9") + 1)
            path.write_bytes(data[:second] + block + data[second:])
            return
        # application extension with a private identifier
        block = b"\x21\xff\x0bPRIVATE1.0" + bytes([len(text)]) + text + b"\x00"
        at = data.find(b"\x21\xf9")
        path.write_bytes(data[:at] + block + data[at:])

    return build


def webp_chunk(kind: bytes):
    def build(path: Path, secret: str, visible: list[str]) -> None:
        data = _save(picture(), "WEBP", quality=80)
        body = secret.encode()
        if len(body) % 2:
            body += b"\x00"
        chunk = kind + struct.pack("<I", len(secret)) + body
        if kind == b"VP8X":
            raise ValueError
        new = data[:12] + data[12:] + chunk
        path.write_bytes(b"RIFF" + struct.pack("<I", len(new) - 8) + new[8:])

    return build


def erased(alpha: int, fmt: str = "PNG", mode: str = "RGBA"):
    """Text drawn in the pixels, then "erased" by setting alpha to ``alpha`` rather than painting over it."""

    def build(path: Path, secret: str, visible: list[str]) -> None:
        image = picture("RGBA")
        draw = ImageDraw.Draw(image)
        draw.rectangle(BOX, fill=(255, 255, 255, 255))
        draw.text((BOX[0] + 2, BOX[1] + 4), secret, fill=(0, 0, 0, 255))
        pixels = image.load()
        for x in range(BOX[0], BOX[2] + 1):
            for y in range(BOX[1], BOX[3] + 1):
                r, g, b, _ = pixels[x, y]
                pixels[x, y] = (r, g, b, alpha)
        if mode == "LA":
            image = image.convert("LA")
        path.write_bytes(_save(image, fmt, **({"lossless": True} if fmt == "WEBP" else {})))

    return build


def clean_image(kind: str):
    def build(path: Path, secret: str, visible: list[str]) -> None:
        if kind == "png":
            path.write_bytes(_save(picture(), "PNG", dpi=(150, 150)))
        elif kind == "jpeg":
            path.write_bytes(_save(picture(), "JPEG", quality=85, dpi=(96, 96)))
        elif kind == "jpeg_srgb":
            from PIL import ImageCms

            icc = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
            icc[24:36] = struct.pack(">6H", 2024, 3, 1, 9, 30, 0)
            icc = bytes(icc)
            path.write_bytes(_save(picture(), "JPEG", quality=85, icc_profile=icc))
        elif kind == "gif":
            frames = [picture().convert("P"), picture(size=(200, 60)).rotate(180).convert("P")]
            path.write_bytes(
                _save(frames[0], "GIF", save_all=True, append_images=frames[1:], duration=400, loop=0)
            )
        elif kind == "tiff":
            path.write_bytes(_save(picture(), "TIFF", compression="tiff_deflate", dpi=(300, 300)))
        elif kind == "webp":
            path.write_bytes(_save(picture(), "WEBP", quality=80))
        elif kind == "signature":
            image = Image.new("RGBA", (240, 60), (255, 255, 255, 0))
            ImageDraw.Draw(image).line(
                [(10, 45), (60, 10), (90, 50), (140, 15)], fill=(20, 20, 90, 255), width=3
            )
            path.write_bytes(_save(image, "PNG"))

    return build


def specs(batch: str) -> list[Spec]:
    t = batch == "tuning"
    s: list[Spec] = []

    def leak(name: str, fmt: str, cls: str, trick: str, build, **extra) -> None:
        s.append(Spec(name, fmt, "leaky", cls, trick, "pillow", build=build, visible=[], **extra))

    def tiff_tag_payload(secret: str) -> bytes:
        return secret.encode()

    if t:
        leak(
            "img_png_icc_text.png",
            "png",
            "image.metadata",
            "Text in the ICC profile (iCCP) copyright tag.",
            with_icc("PNG"),
        )
        leak(
            "img_jpeg_icc_text.jpg",
            "jpeg",
            "image.metadata",
            "Text in the ICC profile (APP2) copyright tag.",
            with_icc("JPEG"),
        )
        leak(
            "img_jpeg_appended.jpg",
            "jpeg",
            "image.trailing",
            "A second JPEG (with a comment) appended after the first.",
            jpeg_appended(),
        )
        leak(
            "img_jpeg_app11.jpg",
            "jpeg",
            "image.metadata",
            "Unknown APP11 segment with the secret.",
            jpeg_segment(0xEB, lambda s: b"PRIV\x00" + s.encode()),
        )
        leak(
            "img_jpeg_app13_iptc.jpg",
            "jpeg",
            "image.metadata",
            "Photoshop APP13 (IPTC) segment.",
            jpeg_segment(
                0xED,
                lambda s: (
                    b"Photoshop 3.0\x008BIM\x04\x04\x00\x00"
                    + struct.pack(">I", len(s) + 5)
                    + b"\x1c\x02\x50"
                    + struct.pack(">H", len(s))
                    + s.encode()
                ),
            ),
        )
        leak(
            "img_jpeg_comment.jpg",
            "jpeg",
            "image.metadata",
            "JPEG COM segment.",
            jpeg_segment(0xFE, lambda s: s.encode()),
        )
        leak(
            "img_jpeg_exif_artist.jpg",
            "jpeg",
            "image.metadata",
            "EXIF Artist tag (baseline).",
            exif_jpeg(315),
        )
        leak(
            "img_jpeg_exif_usercomment.jpg",
            "jpeg",
            "image.metadata",
            "EXIF ImageDescription tag.",
            exif_jpeg(270),
        )
        leak(
            "img_tiff_page2_desc.tif",
            "tiff",
            "image.metadata",
            "TIFF ImageDescription on the second page only.",
            tiff_pages("page2"),
        )
        leak(
            "img_tiff_private_tag.tif",
            "tiff",
            "image.metadata",
            "Private TIFF tag 65000 (ASCII).",
            tiff_pages("private"),
        )
        leak(
            "img_gif_trailing.gif",
            "gif",
            "image.trailing",
            "Bytes after the GIF trailer.",
            gif_extra("trailing"),
        )
        leak(
            "img_gif_comment_frame2.gif",
            "gif",
            "image.metadata",
            "GIF comment extension before the second frame.",
            gif_extra("comment_frame2"),
        )
        leak(
            "img_gif_app_ext.gif",
            "gif",
            "image.metadata",
            "GIF application extension with a private identifier.",
            gif_extra("app"),
        )
        leak(
            "img_webp_private_chunk.webp",
            "webp",
            "image.metadata",
            "Private RIFF chunk 'ZNOT' in a WebP.",
            webp_chunk(b"ZNOT"),
        )
        leak(
            "img_png_private_chunk.png",
            "png",
            "image.metadata",
            "Private ancillary chunk prVt.",
            png_insert(b"prVt", lambda s: s.encode()),
        )
        leak(
            "img_png_after_iend.png",
            "png",
            "image.trailing",
            "A tEXt chunk after IEND.",
            png_insert(b"tEXt", lambda s: b"Comment\x00" + s.encode(), after_iend=True),
        )
        leak(
            "img_png_text.png",
            "png",
            "image.metadata",
            "tEXt Author chunk (baseline).",
            png_insert(b"tEXt", lambda s: b"Author\x00" + s.encode()),
        )
        leak(
            "img_png_exif_chunk.png",
            "png",
            "image.metadata",
            "eXIf chunk with an ASCII tag.",
            png_insert(b"eXIf", lambda s: _exif_body(s)),
        )
        for label, alpha, fmt, mode, ext in (
            ("png_alpha1", 1, "PNG", "RGBA", "png"),
            ("png_alpha0", 0, "PNG", "RGBA", "png"),
            ("webp_alpha1", 1, "WEBP", "RGBA", "webp"),
            ("png_la_alpha1", 1, "PNG", "LA", "png"),
        ):
            leak(
                f"img_erased_{label}.{ext}",
                ext,
                "image.pixels",
                f"Text in the pixels 'erased' by setting alpha to {alpha} ({mode}).",
                erased(alpha, fmt, mode),
                secret_in="pixels",
                secret_box=list(BOX),
            )
    else:
        leak(
            "b_img_jpeg_app15.jpg",
            "jpeg",
            "image.metadata",
            "Unknown APP15 segment.",
            jpeg_segment(0xEF, lambda s: s.encode()),
        )
        leak(
            "b_img_jpeg_appended_exif.jpg",
            "jpeg",
            "image.trailing",
            "Second JPEG appended with padding in between.",
            lambda p, s, v: (
                jpeg_appended()(p, s, v),
                p.write_bytes(
                    p.read_bytes().replace(b"\xff\xd9\xff\xd8", b"\xff\xd9" + b"\x00" * 40 + b"\xff\xd8", 1)
                ),
            ),
        )
        leak(
            "b_img_webp_icc.webp",
            "webp",
            "image.metadata",
            "WebP with an ICC profile holding text.",
            with_icc("WEBP"),
        )
        leak(
            "b_img_gif_comment_first.gif",
            "gif",
            "image.metadata",
            "GIF comment extension first, before any frame.",
            gif_extra("app"),
        )
        leak(
            "b_img_png_ztxt_private.png",
            "png",
            "image.metadata",
            "Private chunk with zlib-compressed text.",
            png_insert(b"zzZz", lambda s: zlib.compress(s.encode())),
        )
        leak(
            "b_img_tiff_page2_artist.tif",
            "tiff",
            "image.metadata",
            "TIFF Artist tag on the second page only.",
            tiff_pages("page2", 315),
        )
        leak(
            "b_img_erased_alpha2.png",
            "png",
            "image.pixels",
            "Text 'erased' to alpha 2.",
            erased(2),
            secret_in="pixels",
            secret_box=list(BOX),
        )
    prefix = "" if t else "b_"
    kinds = ["png", "jpeg", "jpeg_srgb", "gif", "tiff", "webp", "signature"] if t else ["png", "signature"]
    ext = {
        "png": "png",
        "jpeg": "jpg",
        "jpeg_srgb": "jpg",
        "gif": "gif",
        "tiff": "tif",
        "webp": "webp",
        "signature": "png",
    }
    for kind in kinds:
        s.append(
            Spec(
                f"{prefix}img_clean_{kind}.{ext[kind]}",
                ext[kind].replace("jpg", "jpeg").replace("tif", "tiff"),
                "clean",
                "image.clean",
                f"Pillow {kind} image that must pass.",
                "pillow",
                build=clean_image(kind),
                visible=[],
            )
        )
    return s


def _exif_body(secret: str) -> bytes:
    exif = Image.Exif()
    exif[270] = secret
    return exif.tobytes()[6:] if exif.tobytes().startswith(b"Exif") else exif.tobytes()
