"""The clean copy of a PDF: each page rendered to pixels (PDFium, through pypdfium2), rebuilt as a PDF.

Rendering makes covered text truly gone rather than hidden: what is kept is what a viewer paints.
Unapplied redaction marks are applied (painted black) first, and nothing of the original's structure
(metadata, attachments, forms, scripts) is carried over.
"""

from __future__ import annotations

import io
import math
import zlib
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
from PIL import Image, ImageChops, ImageDraw

from foidesk.core.release_check.findings import CannotInspect, CannotSanitise, InspectionLimits
from foidesk.core.release_check.pdf import page_box, pdf_rect
from foidesk.core.release_check.pdf_paint import Rect, bounds, paint_of_page, pdf_number

SANITISED_DPI = 150
MAX_RENDERED_PIXELS = 60_000_000  # A0 at 150 dpi is 35 million; larger pages are rendered coarser
POINTS_PER_INCH = 72


def _redaction_rects(pdf: pikepdf.Pdf) -> list[list[Rect]]:
    pages = []
    for page in pdf.pages:
        rects: list[Rect] = []
        for annotation in page.obj.get("/Annots", pikepdf.Array()):
            if isinstance(annotation, pikepdf.Dictionary) and annotation.get("/Subtype") == "/Redact":
                quads = [pdf_number(v) for v in annotation.get("/QuadPoints", pikepdf.Array())]
                if len(quads) >= 8:
                    rects.extend(
                        bounds([(quads[i], quads[i + 1]) for i in range(q, q + 8, 2)])
                        for q in range(0, len(quads) - 7, 8)
                    )
                else:
                    rects.append(pdf_rect(list(annotation.get("/Rect", [0, 0, 0, 0]))))
        pages.append(rects)
    return pages


def sanitise_pdf(source: str, target: str, limits: InspectionLimits) -> None:
    """Render every page to pixels and rebuild an image-only PDF: no text, no metadata, nothing hidden."""
    data = Path(source).read_bytes() if Path(source).exists() else b""
    try:
        with _open_for_sanitising(data) as original:
            for page in original.pages:
                paint_of_page(page, limits)  # refuses, before rendering, a page built to exhaust the renderer
            redactions = _redaction_rects(original)
            boxes = [page_box(page) for page in original.pages]
            rotations = [int(pdf_number(page.obj.get("/Rotate", 0))) % 360 for page in original.pages]
        document = pdfium.PdfDocument(data)
    except (pikepdf.PdfError, pdfium.PdfiumError, CannotInspect, ValueError, TypeError, KeyError) as error:
        raise CannotSanitise(f"the PDF cannot be rendered: {error}") from error
    if len(document) != len(boxes):
        document.close()
        raise CannotSanitise("the PDF's pages are read differently by the renderer: it is damaged")
    clean = pikepdf.new()
    try:
        for index in range(len(document)):
            box, rotation = boxes[index], rotations[index]
            scale = _render_scale(box)
            image = (
                document[index]
                .render(scale=scale, draw_annots=True, may_draw_forms=True)
                .to_pil()
                .convert("RGB")
            )
            draw = ImageDraw.Draw(image)
            for mark in redactions[index]:
                draw.rectangle(_pixel_rect(mark, box, rotation, scale), fill="black")
            width, height = box[2] - box[0], box[3] - box[1]
            _add_image_page(
                clean, _grey_if_possible(image), (height, width) if rotation in (90, 270) else (width, height)
            )
    except pdfium.PdfiumError as error:
        raise CannotSanitise(f"a page cannot be rendered: {error}") from error
    finally:
        document.close()
    clean.save(target, compress_streams=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)


def _render_scale(box: Rect) -> float:
    """Pixels per point: the sanitising resolution, lowered for a page so large it would exhaust memory."""
    scale = SANITISED_DPI / POINTS_PER_INCH
    area = max(1.0, (box[2] - box[0]) * (box[3] - box[1]))
    return min(scale, math.sqrt(MAX_RENDERED_PIXELS / area))


def _pixel_rect(rect: Rect, box: Rect, rotation: int, scale: float) -> tuple[float, float, float, float]:
    """A rectangle in user space as pixels of the page rendered with its /Rotate (clockwise) applied."""
    width, height = (box[2] - box[0]) * scale, (box[3] - box[1]) * scale
    corners = []
    for x, y in ((rect[0], rect[1]), (rect[2], rect[3])):
        u, v = (x - box[0]) * scale, (box[3] - y) * scale  # unrotated: from the top left, downwards
        corners.append(
            {0: (u, v), 90: (height - v, u), 180: (width - u, height - v), 270: (v, width - u)}[rotation]
        )
    (a, b), (c, d) = corners
    return (min(a, c), min(b, d), max(a, c), max(b, d))


def _open_for_sanitising(data: bytes) -> pikepdf.Pdf:
    if not data:
        raise CannotSanitise("the file is empty or missing")
    try:
        return pikepdf.open(io.BytesIO(data))
    except pikepdf.PasswordError as error:
        raise CannotSanitise("the PDF is encrypted with a password") from error


def _grey_if_possible(image: Image.Image) -> Image.Image:
    """A page with no colour is stored as grey: a third of the size, the same look."""
    red, green, blue = image.split()
    if ImageChops.difference(red, green).getbbox() or ImageChops.difference(green, blue).getbbox():
        return image
    return red


def _add_image_page(pdf: pikepdf.Pdf, image: Image.Image, page_size: tuple[float, float]) -> None:
    width, height = image.size
    pixels = image.tobytes()
    colour_space = pikepdf.Name.DeviceGray if image.mode == "L" else pikepdf.Name.DeviceRGB
    page_width, page_height = page_size
    stream = pikepdf.Stream(pdf, zlib.compress(pixels, 6))
    stream.stream_dict = pikepdf.Dictionary(
        Type=pikepdf.Name.XObject,
        Subtype=pikepdf.Name.Image,
        Width=width,
        Height=height,
        ColorSpace=colour_space,
        BitsPerComponent=8,
        Filter=pikepdf.Name.FlateDecode,
    )
    content = f"q {page_width:.3f} 0 0 {page_height:.3f} 0 0 cm /Page Do Q".encode()
    page = pikepdf.Dictionary(
        Type=pikepdf.Name.Page,
        MediaBox=[0, 0, page_width, page_height],
        Resources=pikepdf.Dictionary(XObject=pikepdf.Dictionary(Page=stream)),
        Contents=pikepdf.Stream(pdf, content),
    )
    pdf.pages.append(pikepdf.Page(page))
