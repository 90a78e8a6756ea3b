"""One home for what a reader can make out: legible size and colour contrast."""

from __future__ import annotations

import pytest

from foidesk.core.release_check.office_colours import contrast_ratio, hex_colour, looks_alike, style_chain


def test_hex_colours_and_what_looks_alike() -> None:
    assert hex_colour("FF8000") == pytest.approx((1.0, 128 / 255, 0.0))
    assert hex_colour("#ffffff") == (1.0, 1.0, 1.0)
    assert hex_colour("auto") is None
    assert looks_alike("FFFFFF", None)  # no fill: the page is white
    assert looks_alike("FAFAFA", "FFFFFF")
    assert not looks_alike("FFFFFF", "000000")
    assert not looks_alike("auto", None)


def test_near_colours_of_little_contrast_look_alike_but_yellow_on_white_does_not() -> None:
    assert looks_alike("141414", "000000")  # dark grey on black: 1.14 contrast
    assert looks_alike("F0F0F0", None)  # pale grey on white paper
    assert not looks_alike("303030", "000000")
    assert not looks_alike("FFFF00", "FFFFFF")  # poor, but a reader sees it
    assert contrast_ratio((0.0, 0.0, 0.0), (1.0, 1.0, 1.0)) == pytest.approx(21.0)


def test_style_chain_follows_parents_and_stops_at_a_loop() -> None:
    styles = {"a": (1, "b"), "b": (2, "a"), "c": (3, None)}
    assert style_chain(styles, "a") == [1, 2]
    assert style_chain(styles, "c") == [3]
    assert style_chain(styles, None) == []
