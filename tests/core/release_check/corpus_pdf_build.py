"""Building one-page PDFs for the release-gate corpus: text and box operators, and a page in Helvetica."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
VISIBLE_PDF = "Dear requester, here is our answer"


def _text(x: float, y: float, text: str, *, size: float = 12, colour: str = "0 g", mode: int = 0) -> str:
    return f"BT /F1 {size} Tf {colour} {mode} Tr {x} {y} Td ({text}) Tj ET\n"


def _box(x: float, y: float, w: float, h: float, colour: str = "0 g") -> str:
    return f"q {colour} {x} {y} {w} {h} re f Q\n"


def _grey_image(pdf: object) -> object:
    import pikepdf

    assert isinstance(pdf, pikepdf.Pdf)
    return pikepdf.Stream(
        pdf,
        bytes([90, 120, 150, 180]),
        Type=pikepdf.Name.XObject,
        Subtype=pikepdf.Name.Image,
        Width=2,
        Height=2,
        ColorSpace=pikepdf.Name.DeviceGray,
        BitsPerComponent=8,
    )


def make_pdf(path: Path, content: str, setup: Callable[..., None] | None = None, **save: object) -> None:
    """One A4 page in Helvetica with ``content`` as its content; ``setup(pdf, page)`` adds structure."""
    import pikepdf

    pdf = pikepdf.new()
    page = pdf.add_blank_page(page_size=(PAGE_WIDTH, PAGE_HEIGHT))
    font = pikepdf.Dictionary(
        Type=pikepdf.Name.Font,
        Subtype=pikepdf.Name.Type1,
        BaseFont=pikepdf.Name.Helvetica,
        Encoding=pikepdf.Name.WinAnsiEncoding,
    )
    page.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    page.Contents = pdf.make_stream((_text(72, 760, VISIBLE_PDF) + content).encode("latin-1"))
    if setup is not None:
        setup(pdf, page)
    pdf.save(path, **save)


def _pdf(content: str, setup: Callable[..., None] | None = None, **save: object) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        make_pdf(path, content, setup, **save)

    return build
