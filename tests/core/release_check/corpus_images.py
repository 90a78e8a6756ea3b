"""Images for the release gate: metadata of every kind, hand-built where Pillow cannot write it. The files
are written by corpus_image_files and corpus_images_red_team; ``IMAGES`` lists them with what must be
found.
"""

from __future__ import annotations

import struct

from tests.core.release_check.corpus import CorpusFile, clean, leaky
from tests.core.release_check.corpus_image_files import exif_block as exif_block
from tests.core.release_check.corpus_image_files import (
    gif_plain,
    gif_with_comment,
    jpeg_plain,
    jpeg_rotated_by_exif,
    jpeg_with_appended_file,
    jpeg_with_comment,
    jpeg_with_exif,
    jpeg_with_gps,
    jpeg_with_iptc,
    jpeg_with_thumbnail,
    jpeg_with_xmp,
    png_plain_with_icc,
    png_transparent_uniform,
    png_with_compressed_text,
    png_with_exif,
    png_with_private_chunk,
    png_with_text,
    png_with_time,
    png_with_transparent_redaction,
    tiff_with_tags,
    webp_with_exif,
    written,
    written_png_chunk,
)
from tests.core.release_check.corpus_image_files import jpeg_with_comment_bytes as jpeg_with_comment_bytes
from tests.core.release_check.corpus_image_files import jpeg_with_exif_bytes as jpeg_with_exif_bytes
from tests.core.release_check.corpus_image_files import jpeg_with_gps_bytes as jpeg_with_gps_bytes
from tests.core.release_check.corpus_image_files import png_with_text_bytes as png_with_text_bytes
from tests.core.release_check.corpus_images_red_team import (
    ICC_2014,
    _animated_webp,
    _antialiased_text,
    _apng_hidden_still,
    _ascii,
    _cmyk_jpeg,
    _faint,
    _fax_tiff,
    _gif_before_frame,
    _gif_frame_off_screen,
    _gif_trailing,
    _interlaced_png,
    _jfif_thumbnail,
    _jpeg_icc_split,
    _jpeg_with,
    _jpeg_with_icc,
    _palette_secret,
    _pillow_animated_gif,
    _pillow_tiff_pages,
    _png_iccp_name,
    _png_idat_extra_rows,
    _png_idat_tail,
    _png_modes,
    _png_with_icc,
    _progressive_jpeg,
    _second_jpeg,
    _soft_shadow,
    _sub_blocks,
    _tiff,
    _tiff_with_icc,
    _webp_chunk_in_frame,
    _webp_private_chunk,
    _webp_trailing,
    _webp_with_icc,
    desc_v2,
    icc_with,
    lcms_srgb,
    mluc,
)
from tests.core.release_check.corpus_images_red_team import tiff_pages as tiff_pages

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
