"""Font metrics, ToUnicode text and blank Type 3 glyphs, against hand-worked answers."""

from __future__ import annotations

import pikepdf

from foidesk.core.release_check.pdf_fonts import FontMetrics, pdf_number


def test_helvetica_without_widths_uses_the_afm_widths() -> None:
    metrics = FontMetrics(pikepdf.Dictionary(Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica))
    assert [metrics.width(c) for c in b"Ai "] == [667, 222, 278]
    assert metrics.char(ord("A")) == "A"


def test_composite_font_reads_two_byte_codes_widths_and_tounicode() -> None:
    with pikepdf.new() as pdf:
        cmap = pdf.make_stream(
            b"1 beginbfchar\n<0001> <0066006C>\nendbfchar\n1 beginbfrange\n<0010> <0012> <0041>\nendbfrange\n"
        )
        font = pikepdf.Dictionary(
            Subtype=pikepdf.Name.Type0,
            ToUnicode=cmap,
            DescendantFonts=[pikepdf.Dictionary(DW=400, W=[16, [500, 600], 18, 20, 700])],
        )
        metrics = FontMetrics(font)
        assert list(metrics.codes(b"\x00\x01\x00\x10")) == [1, 16]
        assert [metrics.char(c) for c in (1, 16, 17, 18)] == ["fl", "A", "B", "C"]
        assert [metrics.width(c) for c in (1, 16, 17, 18, 20)] == [400, 500, 600, 700, 700]
        assert metrics.char(99) == "?"


def test_type3_glyphs_that_paint_nothing_are_blank() -> None:
    with pikepdf.new() as pdf:
        empty, square = (
            pdf.make_stream(b"500 0 d0"),
            pdf.make_stream(b"500 0 0 0 500 500 d1 0 0 500 500 re f"),
        )
        font = pikepdf.Dictionary(
            Subtype=pikepdf.Name.Type3,
            FontMatrix=[0.001, 0, 0, 0.001, 0, 0],
            CharProcs=pikepdf.Dictionary(e=empty, s=square),
            Encoding=pikepdf.Dictionary(
                Differences=[65, pikepdf.Name("/e"), pikepdf.Name("/s"), pikepdf.Name("/gone")]
            ),
            Widths=[500, 500, 500],
            FirstChar=65,
        )
        metrics = FontMetrics(font)
        assert metrics.blank == frozenset({65, 67})  # the empty procedure, and a name with no procedure
        assert metrics.width(66) == 500


def test_pdf_number_is_zero_for_what_is_not_a_number() -> None:
    assert pdf_number(pikepdf.Name.Foo) == 0.0
    assert pdf_number(3) == 3.0
