"""Colour spaces worked out as RGB: device spaces, ICC by component count, palettes, spot colours."""

from __future__ import annotations

import pikepdf
import pytest

from foidesk.core.release_check.pdf_colours import (
    colour_space,
    device_colour,
    indexed_colour,
    indexed_space,
    is_pattern,
    tint_colour,
    tint_space,
)


def test_device_colours() -> None:
    assert device_colour([0.5], "gray") == (0.5, 0.5, 0.5)
    assert device_colour([1, 0, 0], "rgb") == (1, 0, 0)
    assert device_colour([0, 0, 0, 1], "cmyk") == (0, 0, 0)
    assert device_colour([0, 0, 0], "cmyk") is None


def test_named_spaces_resolve_through_the_resources() -> None:
    with pikepdf.new() as pdf:
        profile = pdf.make_stream(b"")
        profile.N = 4
        palette = pikepdf.Array(
            [pikepdf.Name.Indexed, pikepdf.Name.DeviceGray, 1, pikepdf.String(b"\x00\xff")]
        )
        resources = pikepdf.Dictionary(
            ColorSpace=pikepdf.Dictionary(
                ICC=pikepdf.Array([pikepdf.Name.ICCBased, profile]),
                Pal=palette,
                Pat=pikepdf.Array([pikepdf.Name.Pattern]),
            )
        )
        assert colour_space(resources, pikepdf.Name("/ICC")) == "cmyk"
        assert colour_space(resources, pikepdf.Name.DeviceRGB) == "rgb"
        space = indexed_space(resources, pikepdf.Name("/Pal"))
        assert space is not None
        assert indexed_colour(space, [1], resources) == (1, 1, 1)
        assert indexed_colour(space, [7], resources) == (1, 1, 1)  # an index past the end is the last entry
        assert is_pattern(resources, pikepdf.Name("/Pat")) and is_pattern(resources, pikepdf.Name.Pattern)
        assert not is_pattern(resources, pikepdf.Name("/Pal"))


@pytest.mark.parametrize(("tint", "expected"), [(0.0, (1, 1, 1)), (1.0, (0.2, 0.4, 0.6))])
def test_a_separation_goes_through_its_tint_transform(tint: float, expected: tuple[float, ...]) -> None:
    function = pikepdf.Dictionary(FunctionType=2, Domain=[0, 1], C0=[1, 1, 1], C1=[0.2, 0.4, 0.6], N=1)
    space = pikepdf.Array([pikepdf.Name.Separation, pikepdf.Name("/Ink"), pikepdf.Name.DeviceRGB, function])
    resources = pikepdf.Dictionary(ColorSpace=pikepdf.Dictionary(S=space))
    found = tint_space(resources, pikepdf.Name("/S"))
    assert found is not None
    assert tint_colour(found, [tint], resources) == pytest.approx(expected)


def test_the_colorant_none_and_a_wrong_number_of_tints_are_unknown() -> None:
    function = pikepdf.Dictionary(FunctionType=2, Domain=[0, 1], C0=[1], C1=[0], N=1)
    resources = pikepdf.Dictionary()
    nothing = pikepdf.Array(
        [pikepdf.Name.Separation, pikepdf.Name("/None"), pikepdf.Name.DeviceGray, function]
    )
    assert tint_colour(nothing, [1.0], resources) is None
    ink = pikepdf.Array([pikepdf.Name.Separation, pikepdf.Name("/Ink"), pikepdf.Name.DeviceGray, function])
    assert tint_colour(ink, [1.0, 0.5], resources) is None
