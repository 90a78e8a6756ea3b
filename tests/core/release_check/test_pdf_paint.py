"""The content-stream interpreter: glyph positions and painted areas, checked against hand-worked answers."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest

from foidesk.core.release_check.findings import CannotInspect, InspectionLimits
from foidesk.core.release_check.pdf_paint import PagePaint, paint_of_page
from tests.core.release_check.corpus_pdf import _form_with_secret, make_pdf

LIMITS = InspectionLimits()


def _paint(tmp_path: Path, content: str, setup: object = None) -> PagePaint:
    path = tmp_path / "page.pdf"
    make_pdf(path, content, setup)  # type: ignore[arg-type]
    with pikepdf.open(path) as pdf:
        return paint_of_page(pdf.pages[0], LIMITS)


def test_helvetica_glyphs_advance_by_the_afm_widths(tmp_path: Path) -> None:
    paint = _paint(tmp_path, "BT /F1 10 Tf 100 200 Td (AB) Tj ET")
    a, b = [g for g in paint.glyphs if g.char in "AB"][-2:]
    # Helvetica AFM: A = 667, B = 667 thousandths of an em; at 10 pt A spans 100..106.67
    assert a.x == pytest.approx(100 + 3.335)
    assert b.x == pytest.approx(106.67 + 3.335)
    assert a.y == pytest.approx(200 + 3.3)  # a third of the font size above the baseline
    assert a.height == pytest.approx(10)


def test_tj_kerning_moves_the_next_glyph_left(tmp_path: Path) -> None:
    paint = _paint(tmp_path, "BT /F1 10 Tf 100 200 Td [(A) 1000 (B)] TJ ET")
    b = paint.glyphs[-1]
    assert b.x == pytest.approx(100 + 6.67 - 10 + 3.335)


def test_matrix_and_graphics_state_stack(tmp_path: Path) -> None:
    paint = _paint(tmp_path, "q 2 0 0 2 10 20 cm 0 0 5 5 re f Q 0 0 5 5 re f")
    first, second = paint.areas
    assert first.rect == pytest.approx((10, 20, 20, 30))
    assert second.rect == pytest.approx((0, 0, 5, 5))
    assert first.order < second.order


def test_fill_colour_in_rgb_cmyk_and_grey(tmp_path: Path) -> None:
    paint = _paint(tmp_path, "1 0 0 rg 0 0 1 1 re f 0 0 0 1 k 0 0 1 1 re f 0.5 g 0 0 1 1 re f")
    assert [a.colour for a in paint.areas] == [(1, 0, 0), (0, 0, 0), (0.5, 0.5, 0.5)]


def test_text_in_a_form_is_placed_by_the_form_matrix(tmp_path: Path) -> None:
    paint = _paint(tmp_path, "q /Fm1 Do Q", _form_with_secret)
    secret = [g for g in paint.glyphs if g.y < 700]
    assert secret and secret[0].x == pytest.approx(72 + 0.667 * 12 / 2)  # 'S' is 667 wide, 12 pt
    assert secret[0].y == pytest.approx(600 + 12 * 0.33)


def test_render_mode_and_leading(tmp_path: Path) -> None:
    paint = _paint(tmp_path, "BT /F1 10 Tf 14 TL 3 Tr 50 500 Td (x) Tj T* (y) Tj ET")
    x, y = paint.glyphs[-2:]
    assert x.render_mode == 3 and y.render_mode == 3
    assert x.y - y.y == pytest.approx(14)


def test_a_content_stream_inflating_past_the_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.pdf"
    make_pdf(path, "% " + "0" * 50_000 + "\n")  # deflates to a few hundred bytes
    with pikepdf.open(path) as pdf, pytest.raises(CannotInspect, match="decompression bomb"):
        paint_of_page(pdf.pages[0], InspectionLimits(max_uncompressed_bytes=10_000))


@pytest.mark.slow
def test_forms_drawing_forms_many_times_over_are_refused_not_run(tmp_path: Path) -> None:
    path = tmp_path / "forms.pdf"
    make_pdf(path, "/Fm0 Do")
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        resources = pdf.pages[0].Resources
        inner = pdf.make_stream(b"0 0 1 1 re f " * 50)
        for level in range(6, -1, -1):
            form = pdf.make_stream((f"/Fm{level + 1} Do " * 20).encode() if level < 6 else inner.read_bytes())
            form.Type, form.Subtype, form.BBox = pikepdf.Name.XObject, pikepdf.Name.Form, [0, 0, 10, 10]
            form.Resources = resources
            resources.XObject = resources.get("/XObject", pikepdf.Dictionary())
            resources.XObject[f"/Fm{level}"] = form
        pdf.save(path)
    with pikepdf.open(path) as pdf, pytest.raises(CannotInspect, match="too many"):
        paint_of_page(pdf.pages[0], LIMITS)


def test_a_form_that_draws_itself_stops(tmp_path: Path) -> None:
    path = tmp_path / "loop.pdf"
    make_pdf(path, "/Fm0 Do")
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        form = pdf.make_stream(b"0 0 1 1 re f /Fm0 Do")
        form.Type, form.Subtype, form.BBox = pikepdf.Name.XObject, pikepdf.Name.Form, [0, 0, 10, 10]
        form.Resources = pdf.pages[0].Resources
        pdf.pages[0].Resources.XObject = pikepdf.Dictionary(Fm0=form)
        pdf.save(path)
    with pikepdf.open(path) as pdf:
        paint = paint_of_page(pdf.pages[0], LIMITS)
    assert 1 < len(paint.areas) < 100


def test_spot_colour_is_worked_out_by_its_postscript_tint_transform_and_icc_grey_too(tmp_path: Path) -> None:
    def spaces(pdf: object, page: object) -> None:
        assert isinstance(pdf, pikepdf.Pdf) and isinstance(page, pikepdf.Page)
        tint = pdf.make_stream(b"{0 exch 0 exch 0 exch}")
        tint.FunctionType, tint.Domain, tint.Range = 4, [0, 1], [0, 1, 0, 1, 0, 1, 0, 1]
        profile = pdf.make_stream(b"")
        profile.N = 1
        page.Resources.ColorSpace = pikepdf.Dictionary(
            CS0=pikepdf.Array([pikepdf.Name.Separation, pikepdf.Name.Spot, pikepdf.Name.DeviceCMYK, tint]),
            CS1=pikepdf.Array([pikepdf.Name.ICCBased, profile]),
        )

    paint = _paint(tmp_path, "/CS0 cs 1 scn 0 0 1 1 re f /CS1 cs 0.25 scn 0 0 1 1 re f", spaces)
    # the program turns tint 1 into CMYK 0 0 0 1: black
    assert [a.colour for a in paint.areas] == [(0, 0, 0), (0.25, 0.25, 0.25)]


def test_a_clip_of_two_rectangles_shows_only_what_lies_in_either(tmp_path: Path) -> None:
    clip = "q 50 190 40 30 re 300 190 40 30 re W n "
    content = clip + "BT /F1 10 Tf 60 200 Td (A) Tj 150 0 Td (B) Tj 100 0 Td (C) Tj ET Q"
    a, b, c = [g for g in _paint(tmp_path, content).glyphs if g.char in "ABC"][-3:]
    assert (a.clipped, b.clipped, c.clipped) == (False, True, False)  # B lies between the two, in their box


def test_a_clip_thinner_than_legible_text_hides_it(tmp_path: Path) -> None:
    thin = _paint(tmp_path, "q 50 202 100 2.9 re W n BT /F1 10 Tf 60 200 Td (A) Tj ET Q").glyphs[-1]
    wide = _paint(tmp_path, "q 50 202 100 3 re W n BT /F1 10 Tf 60 200 Td (A) Tj ET Q").glyphs[-1]
    assert thin.clipped and not wide.clipped


def test_a_clip_with_a_curve_counts_as_its_bounding_box(tmp_path: Path) -> None:
    content = "q 50 190 m 50 230 350 230 350 190 c h W n BT /F1 10 Tf 200 200 Td (A) Tj ET Q"
    assert not _paint(tmp_path, content).glyphs[-1].clipped


def test_a_stencil_paints_by_its_decode_array(tmp_path: Path) -> None:
    def stencil(sample: bytes, decode: list[float] | None) -> object:
        def setup(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
            mask = pikepdf.Stream(pdf, sample)
            mask.Type, mask.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
            mask.Width, mask.Height, mask.ImageMask = 1, 1, True
            if decode is not None:
                mask.Decode = decode
            page.Resources.XObject = pikepdf.Dictionary(Im1=mask)

        return setup

    def opacity(sample: bytes, decode: list[float] | None) -> float | None:
        area = _paint(tmp_path, "q 100 0 0 100 50 50 cm /Im1 Do Q", stencil(sample, decode)).areas[-1]
        assert area.mask is not None
        return area.mask.alpha_at((100, 100))

    assert opacity(b"\x00", None) == 1.0 and opacity(b"\x80", None) == 0.0
    assert opacity(b"\x80", [1, 0]) == 1.0 and opacity(b"\x00", [1, 0]) == 0.0
    assert opacity(b"\x00", [0.5, 0.5]) == 1.0  # an array readers differ on: taken to paint
