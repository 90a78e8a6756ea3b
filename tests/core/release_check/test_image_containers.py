"""TIFF and GIF walked block by block: every page's tags, every frame's extensions, every byte."""

from __future__ import annotations

import io
import struct

import pytest
from PIL import Image

from foidesk.core.release_check.findings import CannotInspect
from foidesk.core.release_check.image_containers import gif_findings, tiff_findings
from tests.core.release_check.corpus_images import tiff_pages


def _codes(findings: list) -> set[str]:  # type: ignore[type-arg]
    return {finding.code for finding in findings}


def test_a_tiff_of_pixel_tags_only_has_nothing_to_report() -> None:
    assert tiff_findings(tiff_pages([[], [], []])) == []


@pytest.mark.parametrize("page", [0, 1, 4])
def test_a_private_tag_on_any_page_is_unaccounted(page: int) -> None:
    pages: list[list[tuple[int, int, bytes]]] = [[] for _ in range(5)]
    pages[page] = [(40_000, 2, b"x\x00")]
    findings = tiff_findings(tiff_pages(pages))
    assert _codes(findings) == {"image.unaccounted"}
    assert findings[0].where == f"TIFF page {page + 1}"


def test_resolution_and_orientation_tags_only_describe_pixels() -> None:
    rational = struct.pack("<II", 300, 1)
    extra = [(282, 5, rational), (283, 5, rational), (296, 3, struct.pack("<H", 2)), (274, 3, b"\x01\x00")]
    assert tiff_findings(tiff_pages([extra])) == []


def test_non_zero_bytes_between_blocks_are_unaccounted_and_zero_padding_is_not() -> None:
    assert tiff_findings(tiff_pages([[]], hidden=b"\x00" * 40)) == []
    assert _codes(tiff_findings(tiff_pages([[]], hidden=b"\x00" * 39 + b"\x01"))) == {"image.unaccounted"}


def test_a_directory_chain_that_loops_cannot_be_inspected() -> None:
    data = bytearray(tiff_pages([[]]))
    (first,) = struct.unpack_from("<I", data, 4)
    (count,) = struct.unpack_from("<H", data, first)
    struct.pack_into("<I", data, first + 2 + 12 * count, first)
    with pytest.raises(CannotInspect):
        tiff_findings(bytes(data))


def _gif(**options: object) -> bytes:
    frames = [Image.new("P", (8, 8), n) for n in range(3)]
    out = io.BytesIO()
    frames[0].save(out, format="GIF", save_all=True, append_images=frames[1:], **options)
    return out.getvalue()


def test_a_gif_pillow_writes_with_loop_and_delays_has_nothing_to_report() -> None:
    assert gif_findings(_gif(loop=0, duration=80)) == []


def test_a_few_padding_bytes_after_the_trailer_pass_and_more_are_trailing_data() -> None:
    assert gif_findings(_gif() + b"\x00" * 16) == []
    assert _codes(gif_findings(_gif() + b"\x00" * 17)) == {"image.trailing_data"}


def test_a_gif_without_its_trailer_cannot_be_inspected() -> None:
    with pytest.raises(CannotInspect):
        gif_findings(_gif()[:-1])


def test_a_few_bytes_of_text_after_the_end_are_data_but_padding_is_not() -> None:
    from foidesk.core.release_check.image_containers import holds_trailing_data

    assert holds_trailing_data(b"PIN 4417")  # short enough for the old 16-byte slack
    assert not holds_trailing_data(b"\x00\x00\r\n")
    assert holds_trailing_data(b"\x00" * 17)
