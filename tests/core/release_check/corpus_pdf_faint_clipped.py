"""PDFs for the classes a blind batch got past (issue 14): text or boxes at an opacity, stencils read
through their /Decode, and clips that leave text outside what is shown; each rule with its near
neighbours just inside and just outside it (``findings.MIN_LEGIBLE_OPACITY`` is 0.2).
"""

from __future__ import annotations

from collections.abc import Callable

from tests.core.release_check.corpus import CorpusFile, clean, leaky
from tests.core.release_check.corpus_pdf_build import VISIBLE_PDF, _pdf, _text
from tests.core.release_check.corpus_pdf_red_team_setups import _form
from tests.core.release_check.corpus_pdf_setups import SECRET_LINE

Setup = Callable[[object, object], None]
COVER = "q 330 0 0 20 70 595 cm /Im1 Do Q\n"  # a picture or stencil drawn over SECRET_LINE


def _states(**states: dict[str, float]) -> Setup:
    """Graphics states named as given (``/ca`` fill, ``/CA`` stroke opacity) on the page."""

    def setup(pdf: object, page: object) -> None:
        import pikepdf

        assert isinstance(page, pikepdf.Page)
        page.Resources.ExtGState = pikepdf.Dictionary(
            {
                f"/{name}": pikepdf.Dictionary({f"/{k}": v for k, v in entries.items()})
                for name, entries in states.items()
            }
        )

    return setup


def _stencil(sample: int, decode: list[float] | None) -> Setup:
    """An 8x8 stencil mask whose every sample is ``sample``, read through ``decode``."""

    def setup(pdf: object, page: object) -> None:
        import pikepdf

        assert isinstance(pdf, pikepdf.Pdf) and isinstance(page, pikepdf.Page)
        stencil = pikepdf.Stream(pdf, (b"\xff" if sample else b"\x00") * 8)
        stencil.Type, stencil.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
        stencil.Width, stencil.Height, stencil.ImageMask = 8, 8, True
        if decode is not None:
            stencil.Decode = decode
        page.Resources.XObject = pikepdf.Dictionary(Im1=stencil)

    return setup


def _masked_picture(sample: int, decode: list[float] | None) -> Setup:
    """A black picture with an explicit stencil /Mask (ISO 32000-1 8.9.6.3): ``sample`` through ``decode``."""

    def setup(pdf: object, page: object) -> None:
        import pikepdf

        assert isinstance(pdf, pikepdf.Pdf) and isinstance(page, pikepdf.Page)
        mask = pikepdf.Stream(pdf, (b"\xff" if sample else b"\x00") * 8)
        mask.Type, mask.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
        mask.Width, mask.Height, mask.ImageMask = 8, 8, True
        if decode is not None:
            mask.Decode = decode
        picture = pikepdf.Stream(pdf, bytes(64))
        picture.Type, picture.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
        picture.Width, picture.Height, picture.BitsPerComponent = 8, 8, 8
        picture.ColorSpace, picture.Mask = pikepdf.Name.DeviceGray, mask
        page.Resources.XObject = pikepdf.Dictionary(Im1=picture)

    return setup


def _nested_forms(outer_alpha: float, text: str) -> Setup:
    """Text two forms deep, the outer drawn at fill opacity ``outer_alpha`` (no transparency group: the
    inner content inherits the opacity)."""

    def setup(pdf: object, page: object) -> None:
        import pikepdf

        assert isinstance(pdf, pikepdf.Pdf) and isinstance(page, pikepdf.Page)
        inner = _form(pdf, _text(72, 600, text), [0, 0, 595, 842])
        inner.Resources = pikepdf.Dictionary(Font=page.Resources.Font)  # type: ignore[attr-defined]
        outer = _form(pdf, "/Fm2 Do\n", [0, 0, 595, 842])
        outer.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Fm2=inner))  # type: ignore[attr-defined]
        page.Resources.XObject = pikepdf.Dictionary(Fm1=outer)
        page.Resources.ExtGState = pikepdf.Dictionary(GS1=pikepdf.Dictionary(ca=outer_alpha))

    return setup


def _form_box(bottom: float, height: float, text: str) -> Setup:
    """Text on the line at 600 in a form whose /BBox is ``height`` points tall from ``bottom``."""

    def setup(pdf: object, page: object) -> None:
        import pikepdf

        assert isinstance(pdf, pikepdf.Pdf) and isinstance(page, pikepdf.Page)
        form = _form(pdf, _text(72, 600, text), [60, bottom, 400, bottom + height])
        form.Resources = pikepdf.Dictionary(Font=page.Resources.Font)  # type: ignore[attr-defined]
        page.Resources.XObject = pikepdf.Dictionary(Fm1=form)

    return setup


def _in_clip(clip: str, text: str) -> str:
    return f"q {clip} W n " + _text(72, 600, text) + "Q\n"


WHITE_BOX = "1 g 70 595 330 20 re f"

FAINT_PDFS: list[CorpusFile] = [
    leaky(
        "box-90-percent.pdf",
        _pdf(_text(72, 600, SECRET_LINE) + f"q /A gs {WHITE_BOX} Q\n", _states(A={"ca": 0.9})),
        {"pdf.covered_text"},
        "SECRET-PDF-covered",
        VISIBLE_PDF,
    ),
    leaky(
        "box-82-percent.pdf",
        _pdf(_text(72, 600, SECRET_LINE) + f"q /A gs {WHITE_BOX} Q\n", _states(A={"ca": 0.82})),
        {"pdf.covered_text"},
        "SECRET-PDF-covered",
        VISIBLE_PDF,
    ),
    clean(
        "box-70-percent.pdf",
        _pdf(_text(72, 600, "Shaded but readable") + f"q /A gs {WHITE_BOX} Q\n", _states(A={"ca": 0.7})),
        VISIBLE_PDF,
        "Shaded but readable",
    ),
    leaky(
        "two-boxes-70-percent.pdf",
        _pdf(_text(72, 600, SECRET_LINE) + f"q /A gs {WHITE_BOX} {WHITE_BOX} Q\n", _states(A={"ca": 0.7})),
        {"pdf.covered_text"},
        "SECRET-PDF-covered",
        VISIBLE_PDF,
    ),
    leaky(
        "stroke-90-percent-by-CA.pdf",
        _pdf(
            _text(72, 600, SECRET_LINE) + "q /A gs 1 G 20 w 70 604 m 400 604 l S Q\n",
            _states(A={"ca": 0.1, "CA": 0.9}),
        ),
        {"pdf.covered_text"},
        "SECRET-PDF-covered",
        VISIBLE_PDF,
    ),
    leaky(
        "text-opacity-12.pdf",
        _pdf("q /A gs " + _text(72, 600, "SECRET-PDF-faint 12") + "Q\n", _states(A={"ca": 0.12})),
        {"pdf.invisible_text"},
        "SECRET-PDF-faint",
        VISIBLE_PDF,
    ),
    leaky(
        "grey-text-opacity-12.pdf",
        _pdf(
            "q /A gs 0.9 g " + _text(72, 600, "SECRET-PDF-faint grey", colour="") + "Q\n",
            _states(A={"ca": 0.12}),
        ),
        {"pdf.invisible_text"},
        "SECRET-PDF-faint",
        VISIBLE_PDF,
    ),
    leaky(
        "grey-text-opacity-half.pdf",
        _pdf(
            "q /A gs 0.85 g " + _text(72, 600, "SECRET-PDF-pale half", colour="") + "Q\n",
            _states(A={"ca": 0.5}),
        ),
        {"pdf.white_text"},
        "SECRET-PDF-pale",
        VISIBLE_PDF,
    ),
    clean(
        "text-opacity-25.pdf",
        _pdf("q /A gs " + _text(72, 600, "Light but readable") + "Q\n", _states(A={"ca": 0.25})),
        VISIBLE_PDF,
        "Light but readable",
    ),
    leaky(
        "outlined-text-stroke-opacity-12.pdf",
        _pdf(
            "q /A gs 0 G " + _text(72, 600, "SECRET-PDF-outline faint", mode=1) + "Q\n",
            _states(A={"CA": 0.12}),
        ),
        {"pdf.invisible_text"},
        "SECRET-PDF-outline",
        VISIBLE_PDF,
    ),
    clean(
        "outlined-text-fill-opacity-12.pdf",
        _pdf("q /A gs 0 G " + _text(72, 600, "Outlined in full", mode=1) + "Q\n", _states(A={"ca": 0.12})),
        VISIBLE_PDF,
        "Outlined in full",
    ),
    leaky(
        "nested-forms-opacity-12.pdf",
        _pdf("q /GS1 gs /Fm1 Do Q\n", _nested_forms(0.12, "SECRET-PDF-nested faint")),
        {"pdf.invisible_text"},
        "SECRET-PDF-nested",
        VISIBLE_PDF,
    ),
    clean(
        "nested-forms-opacity-60.pdf",
        _pdf("q /GS1 gs /Fm1 Do Q\n", _nested_forms(0.6, "Two forms deep")),
        VISIBLE_PDF,
        "Two forms deep",
    ),
]

STENCIL_PDFS: list[CorpusFile] = [
    clean(
        "stencil-decode-inverted-paints-nothing.pdf",
        _pdf(_text(72, 600, "Seen through the stencil") + "q 0 g " + COVER, _stencil(0, [1, 0])),
        VISIBLE_PDF,
        "Seen through the stencil",
    ),
    leaky(
        "stencil-decode-odd.pdf",
        _pdf(_text(72, 600, SECRET_LINE) + "q 0 g " + COVER, _stencil(0, [0.5, 0.5])),
        {"pdf.covered_text"},
        "SECRET-PDF-covered",
        VISIBLE_PDF,
    ),
    leaky(
        "picture-mask-decode-inverted.pdf",
        _pdf(_text(72, 600, SECRET_LINE) + COVER, _masked_picture(1, [1, 0])),
        {"pdf.covered_text"},
        "SECRET-PDF-covered",
        VISIBLE_PDF,
    ),
    leaky(
        "picture-mask-paints.pdf",
        _pdf(_text(72, 600, SECRET_LINE) + COVER, _masked_picture(0, None)),
        {"pdf.covered_text"},
        "SECRET-PDF-covered",
        VISIBLE_PDF,
    ),
    clean(
        "picture-mask-decode-inverted-clear.pdf",
        _pdf(_text(72, 600, "Seen through the mask") + COVER, _masked_picture(0, [1, 0])),
        VISIBLE_PDF,
        "Seen through the mask",
    ),
]

CLIPPED_PDFS: list[CorpusFile] = [
    leaky(
        "clip-two-squares-text-between.pdf",
        _pdf(_in_clip("50 700 10 10 re 500 100 10 10 re", "SECRET-PDF-between squares")),
        {"pdf.clipped_text"},
        "SECRET-PDF-between",
        VISIBLE_PDF,
    ),
    clean(
        "clip-two-rects-text-inside.pdf",
        _pdf(_in_clip("60 590 400 30 re 500 100 10 10 re", "Inside the first")),
        VISIBLE_PDF,
        "Inside the first",
    ),
    leaky(
        "clip-sliver-through-line.pdf",
        _pdf(_in_clip("60 603 400 1 re", "SECRET-PDF-sliver line")),
        {"pdf.clipped_text"},
        "SECRET-PDF-sliver",
        VISIBLE_PDF,
    ),
    leaky(
        "clip-zero-height.pdf",
        _pdf(_in_clip("0 600 595 0 re", "SECRET-PDF-inset all")),
        {"pdf.clipped_text"},
        "SECRET-PDF-inset",
        VISIBLE_PDF,
    ),
    leaky(
        "clip-sliver-nested-in-rect.pdf",
        _pdf("q 0 0 595 842 re W n " + _in_clip("60 603 400 2 re", "SECRET-PDF-sliver nested") + "Q\n"),
        {"pdf.clipped_text"},
        "SECRET-PDF-sliver",
        VISIBLE_PDF,
    ),
    leaky(
        "form-box-sliver.pdf",
        _pdf("/Fm1 Do\n", _form_box(603, 1, "SECRET-PDF-sliver box")),
        {"pdf.clipped_text"},
        "SECRET-PDF-sliver",
        VISIBLE_PDF,
    ),
    clean(
        "form-box-whole-line.pdf",
        _pdf("/Fm1 Do\n", _form_box(595, 20, "The whole line")),
        VISIBLE_PDF,
        "The whole line",
    ),
]
