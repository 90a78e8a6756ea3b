"""The release gate on images: metadata found chunk by chunk, and a clean copy of the pixels alone."""

from __future__ import annotations

import io
import struct
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image, ImageChops, PngImagePlugin

from foidesk.core.release_check.findings import CannotInspect, InspectionLimits, Severity
from foidesk.core.release_check.images import inspect_image, sanitise_image
from tests.core.release_check.corpus import CorpusFile, every_byte
from tests.core.release_check.corpus_images import IMAGES, exif_block

LIMITS = InspectionLimits()


def _codes(path: Path) -> set[str]:
    return {finding.code for finding in inspect_image(str(path), LIMITS)}


@pytest.mark.parametrize("entry", IMAGES, ids=lambda e: e.name)
def test_corpus_image_findings_are_exactly_the_expected_ones(entry: CorpusFile, tmp_path: Path) -> None:
    path = tmp_path / entry.name
    entry.build(path)
    assert _codes(path) == entry.expected


@pytest.mark.parametrize("entry", [e for e in IMAGES if not e.is_clean], ids=lambda e: e.name)
def test_leaky_image_sanitises_to_a_clean_copy_without_the_secret(entry: CorpusFile, tmp_path: Path) -> None:
    source, target = tmp_path / entry.name, tmp_path / f"clean-{entry.name}"
    entry.build(source)
    if entry.secret:
        assert entry.secret.encode() in every_byte(source)
    sanitise_image(str(source), str(target), LIMITS)
    assert inspect_image(str(target), LIMITS) == []
    if entry.secret:
        assert entry.secret.encode() not in every_byte(target)
    with Image.open(source) as before, Image.open(target) as after:
        assert after.format == before.format


def test_sanitised_image_keeps_the_pixels(tmp_path: Path) -> None:
    entry = next(e for e in IMAGES if e.name == "text.png")
    source, target = tmp_path / "a.png", tmp_path / "b.png"
    entry.build(source)
    sanitise_image(str(source), str(target), LIMITS)
    with Image.open(source) as before, Image.open(target) as after:
        assert ImageChops.difference(before.convert("RGB"), after.convert("RGB")).getbbox() is None


def test_exif_rotation_is_applied_before_the_exif_is_dropped(tmp_path: Path) -> None:
    entry = next(e for e in IMAGES if e.name == "rotated.jpg")
    source, target = tmp_path / "a.jpg", tmp_path / "b.jpg"
    entry.build(source)
    sanitise_image(str(source), str(target), LIMITS)
    with Image.open(target) as after:
        assert after.size == (48, 64)  # 64x48 shown turned a quarter: orientation 6


def test_icc_profile_is_kept_because_it_identifies_nobody(tmp_path: Path) -> None:
    entry = next(e for e in IMAGES if e.name == "icc.png")
    source, target = tmp_path / "a.png", tmp_path / "b.png"
    entry.build(source)
    sanitise_image(str(source), str(target), LIMITS)
    with Image.open(target) as after:
        assert after.info.get("icc_profile")


def test_gps_is_a_block(tmp_path: Path) -> None:
    path = tmp_path / "gps.jpg"
    next(e for e in IMAGES if e.name == "gps.jpg").build(path)
    gps = [f for f in inspect_image(str(path), LIMITS) if f.code == "image.gps"]
    assert gps and gps[0].severity is Severity.BLOCK


def test_hand_built_exif_is_read_by_pillow_as_an_artist() -> None:
    block = exif_block("Someone")
    exif = Image.Exif()
    exif.load(block[6:])
    assert exif[315] == "Someone"


def test_empty_file_cannot_be_inspected(tmp_path: Path) -> None:
    path = tmp_path / "empty.png"
    path.write_bytes(b"")
    with pytest.raises(CannotInspect):
        inspect_image(str(path), LIMITS)


def test_truncated_png_cannot_be_inspected(tmp_path: Path) -> None:
    whole = tmp_path / "whole.png"
    next(e for e in IMAGES if e.name == "icc.png").build(whole)
    cut = tmp_path / "cut.png"
    cut.write_bytes(whole.read_bytes()[:-40])
    with pytest.raises(CannotInspect):
        inspect_image(str(cut), LIMITS)


def test_truncated_jpeg_cannot_be_inspected(tmp_path: Path) -> None:
    whole = tmp_path / "whole.jpg"
    next(e for e in IMAGES if e.name == "plain.jpg").build(whole)
    cut = tmp_path / "cut.jpg"
    cut.write_bytes(whole.read_bytes()[:300])
    with pytest.raises(CannotInspect):
        inspect_image(str(cut), LIMITS)


def test_text_that_is_not_an_image_cannot_be_inspected(tmp_path: Path) -> None:
    path = tmp_path / "fake.png"
    path.write_bytes(b"not an image at all")
    with pytest.raises(CannotInspect):
        inspect_image(str(path), LIMITS)


def test_picture_larger_than_the_limit_cannot_be_inspected(tmp_path: Path) -> None:
    path = tmp_path / "big.png"
    Image.new("RGB", (100, 100)).save(path)
    with pytest.raises(CannotInspect):
        inspect_image(str(path), InspectionLimits(max_uncompressed_bytes=1000))


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    keyword=st.sampled_from(["Comment", "Author", "Description", "Software"]),
    text=st.text(alphabet="ABCDEFGHJKLMNPQRSTUVWXYZ0123456789", min_size=4, max_size=40),
    compressed=st.booleans(),
)
def test_any_png_text_chunk_is_found_and_gone_after_sanitising(
    tmp_path: Path, keyword: str, text: str, compressed: bool
) -> None:
    source, target = tmp_path / "a.png", tmp_path / "b.png"
    secret = f"SECRET{text}"
    info = PngImagePlugin.PngInfo()
    info.add_text(keyword, secret, zip=compressed)
    Image.new("RGB", (8, 8), (10, 20, 30)).save(source, pnginfo=info)
    assert _codes(source) == {"image.text_chunk"}
    sanitise_image(str(source), str(target), LIMITS)
    assert _codes(target) == set()
    assert secret.encode() not in every_byte(target)


def test_every_page_of_a_tiff_and_frame_of_a_gif_is_kept(tmp_path: Path) -> None:
    pages = [Image.new("RGB", (20, 10), colour) for colour in ((255, 0, 0), (0, 255, 0), (0, 0, 255))]
    gif_options = {"comment": b"SECRET-GIF-frames", "duration": 200}
    for name, options in (("pages.tiff", {}), ("frames.gif", gif_options)):
        source, target = tmp_path / name, tmp_path / f"clean-{name}"
        pages[0].save(source, save_all=True, append_images=pages[1:], **options)
        sanitise_image(str(source), str(target), LIMITS)
        assert _codes(target) == set()
        assert b"SECRET" not in target.read_bytes()
        with Image.open(target) as after:
            assert after.n_frames == 3
            after.seek(2)
            assert after.convert("RGB").getpixel((5, 5)) == (0, 0, 255)


@pytest.mark.parametrize("marker", [0xDB, 0xC4])
def test_bytes_after_a_jpeg_quantisation_or_huffman_table_block(marker: int, tmp_path: Path) -> None:
    from foidesk.core.release_check import check_file

    out = io.BytesIO()
    Image.new("RGB", (16, 16), (10, 200, 30)).save(out, format="JPEG")
    jpeg = out.getvalue()
    at = jpeg.index(bytes([0xFF, marker]))
    (length,) = struct.unpack_from(">H", jpeg, at + 2)
    extra = b"SECRET-TABLE-PAD"
    grown = jpeg[: at + 2] + struct.pack(">H", length + len(extra)) + jpeg[at + 4 : at + 2 + length] + extra
    path = tmp_path / "padded.jpg"
    path.write_bytes(grown + jpeg[at + 2 + length :])
    assert check_file(str(path)).blocked


def test_the_copy_of_an_image_with_a_foreign_profile_carries_the_gates_srgb_profile(tmp_path: Path) -> None:
    from tests.core.release_check.corpus_images import icc_with, lcms_srgb, mluc

    source, target = tmp_path / "a.png", tmp_path / "b.png"
    Image.new("RGB", (8, 8), (10, 20, 30)).save(source, icc_profile=icc_with({b"desc": mluc("Jane Roe")}))
    sanitise_image(str(source), str(target), LIMITS)
    with Image.open(target) as after:
        assert after.info["icc_profile"] == lcms_srgb()


def test_the_copy_keeps_frames_to_the_picture_and_drops_thumbnail_pages(tmp_path: Path) -> None:
    for name, size, frames in (("frame-off-screen.gif", (24, 16), 3), ("thumbnail-page.tiff", (8, 8), 1)):
        source, target = tmp_path / name, tmp_path / f"clean-{name}"
        next(e for e in IMAGES if e.name == name).build(source)
        sanitise_image(str(source), str(target), LIMITS)
        with Image.open(target) as after:
            assert after.size == size
            assert 1 <= getattr(after, "n_frames", 1) <= frames  # identical frames may merge


def test_transparency_too_large_to_scan_blocks_rather_than_passes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from foidesk.core.release_check import images

    path = tmp_path / "wide.png"
    Image.new("RGBA", (40, 40), (0, 0, 0, 0)).save(path)
    monkeypatch.setattr(images, "PIXEL_CHECK_LIMIT", 1000)
    assert _codes(path) == {"image.unaccounted"}
    Image.new("RGB", (40, 40)).save(path)
    assert _codes(path) == set()


@pytest.mark.parametrize("name", ["palette-secret.gif", "palette-secret.png"])
def test_the_copy_of_a_palette_image_carries_only_the_colours_its_pixels_use(
    name: str, tmp_path: Path
) -> None:
    source, target = tmp_path / name, tmp_path / f"clean-{name}"
    next(e for e in IMAGES if e.name == name).build(source)
    secret = f"SECRET-PALETTE-{name[-3:].upper()}-7J".encode()
    assert secret in source.read_bytes()
    sanitise_image(str(source), str(target), LIMITS)
    assert secret not in every_byte(target)
    with Image.open(source) as before, Image.open(target) as after:
        assert ImageChops.difference(before.convert("RGB"), after.convert("RGB")).getbbox() is None
