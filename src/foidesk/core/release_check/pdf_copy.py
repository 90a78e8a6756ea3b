"""The clean copy of a PDF: each page rendered to pixels (PDFium, through pypdfium2), rebuilt as a PDF.

Rendering makes covered text truly gone rather than hidden: what is kept is what a viewer paints.
Unapplied redaction marks are applied (painted black) first, and nothing of the original's structure
(metadata, attachments, forms, scripts) is carried over.
"""

from __future__ import annotations

import io
import math
import os
import zlib
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
from PIL import Image, ImageChops, ImageDraw

from foidesk.core.release_check.findings import CannotInspect, CannotSanitise, InspectionLimits
from foidesk.core.release_check.pdf import (
    excuse_shown_elsewhere,
    glyph_verdicts,
    page_box,
    pdf_rect,
    shown_text,
)
from foidesk.core.release_check.pdf_fonts import pdf_number
from foidesk.core.release_check.pdf_layers import Layers
from foidesk.core.release_check.pdf_paint import Glyph, Rect, bounds, intersection, paint_of_page
from foidesk.core.release_check.pdf_seal import has_trusted_text_layer, text_layer_seal
from foidesk.core.release_check.pdf_structure import LANGUAGE_TAG

SANITISED_DPI = 150
MAX_RENDERED_PIXELS = 60_000_000  # A0 at 150 dpi is 35 million; larger pages are rendered coarser
POINTS_PER_INCH = 72
DEFAULT_LANGUAGE = "en-GB"
LAYER_GLYPH_WIDTH = (
    500  # thousandths of an em: every glyph of the layer's font is this wide (stretched by Tz)
)
MIN_LAYER_SIZE = 1.0  # points
MIN_LAYER_STRETCH = 1.0  # per cent: Tz for a run with no width
RUN_GAP = 0.3  # of the font size: a glyph starting this close to where the last ended continues its run
RUN_SIZE_CHANGE = 0.2  # of the font size: a bigger change starts a new run
MAX_LAYER_CODES = 65535  # two-byte codes, 0 unused
CMAP_BLOCK = 100  # a bfchar block holds at most 100 entries (Adobe technical note 5411)
MAX_TITLE_LENGTH = 120


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


def _visible_glyphs(original: pikepdf.Pdf, limits: InspectionLimits) -> list[list[Glyph]]:
    """Per page, the glyphs the check proves a reader sees (none under an unapplied redaction mark).

    Running every page first also refuses, before rendering, a page built to exhaust the renderer.
    """
    layers = Layers(original.Root)
    paints = [paint_of_page(page, limits, layers) for page in original.pages]
    trusted = any(g.render_mode == 3 for p in paints for g in p.glyphs) and has_trusted_text_layer(original)
    redactions = _redaction_rects(original)
    judged = [
        glyph_verdicts(paint, page_box(page), layer_trusted=trusted)
        for page, paint in zip(original.pages, paints, strict=True)
    ]
    shown = " ".join(
        shown_text(paint.glyphs, verdicts) for paint, verdicts in zip(paints, judged, strict=True)
    )
    pages = []
    for paint, verdicts, marks in zip(paints, judged, redactions, strict=True):
        # clipped text the check excuses (shown elsewhere, as a cell's overflow) is kept; text off the page
        # is not, as the page that shows it has it
        excused = excuse_shown_elsewhere(paint.glyphs, verdicts, shown)
        kept = [not e and v in ("", "pdf.clipped_text") for v, e in zip(verdicts, excused, strict=True)]
        pages.append(
            [
                g
                for g, keep in zip(paint.glyphs, kept, strict=True)
                if keep and not any(intersection(mark, (g.x, g.y, g.x, g.y)) for mark in marks)
            ]
        )
    return pages


def sanitise_pdf(source: str, target: str, limits: InspectionLimits) -> None:
    """Render every page to pixels and rebuild the PDF from the pictures, with an invisible, tagged text
    layer of the glyphs proven visible: no hidden text, no metadata, nothing hidden, text still text."""
    data = Path(source).read_bytes() if Path(source).exists() else b""
    try:
        with _open_for_sanitising(data) as original:
            visible = _visible_glyphs(original, limits)
            redactions = _redaction_rects(original)
            boxes = [page_box(page) for page in original.pages]
            rotations = [int(pdf_number(page.obj.get("/Rotate", 0))) % 360 for page in original.pages]
            language = _language(original.Root)
            annotated = [bool(page.obj.get("/Annots")) for page in original.pages]
        document = pdfium.PdfDocument(data)
    except (pikepdf.PdfError, pdfium.PdfiumError, CannotInspect, ValueError, TypeError, KeyError) as error:
        raise CannotSanitise(f"the PDF cannot be rendered: {error}") from error
    if len(document) != len(boxes):
        document.close()
        raise CannotSanitise("the PDF's pages are read differently by the renderer: it is damaged")
    clean = pikepdf.new()
    layer = TextLayer(clean)
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
            glyphs = visible[index]
            if annotated[index] and glyphs:
                bare = document[index].render(scale=scale, draw_annots=False).to_pil().convert("RGB")
                glyphs = _not_under_annotations(glyphs, image, bare, box, rotation, scale)
            draw = ImageDraw.Draw(image)
            for mark in redactions[index]:
                draw.rectangle(_pixel_rect(mark, box, rotation, scale), fill="black")
            width, height = box[2] - box[0], box[3] - box[1]
            size = (height, width) if rotation in (90, 270) else (width, height)
            page = _add_image_page(clean, _grey_if_possible(image), size)
            layer.add_page(page, glyphs, partial(_copy_point, box=box, rotation=rotation))
    except pdfium.PdfiumError as error:
        raise CannotSanitise(f"a page cannot be rendered: {error}") from error
    finally:
        document.close()
    layer.finish(language)
    clean.trailer.ID = pikepdf.Array([pikepdf.String(text_layer_seal(clean)), pikepdf.String(os.urandom(16))])
    clean.save(target, compress_streams=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)


def _not_under_annotations(
    glyphs: list[Glyph], image: Image.Image, bare: Image.Image, box: Rect, rotation: int, scale: float
) -> list[Glyph]:
    """The glyphs whose place the page's annotations leave as it was: one an annotation paints over (an
    opaque square, a stamp, a form field's appearance) is in the picture as the annotation shows it, and
    left out of the text layer, which would otherwise give back the text the annotation covers.
    Fail closed: any change of a glyph's pixels counts, so text under a highlight leaves the layer too
    (the picture still shows it)."""
    kept = []
    for glyph in glyphs:
        rect = bounds([glyph.origin, glyph.end, glyph.low, glyph.high])
        left, top, right, bottom = _pixel_rect(rect, box, rotation, scale)
        area = (math.floor(left), math.floor(top), math.ceil(right) + 1, math.ceil(bottom) + 1)
        if ImageChops.difference(image.crop(area), bare.crop(area)).getbbox() is None:
            kept.append(glyph)
    return kept


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


def _copy_point(point: tuple[float, float], box: Rect, rotation: int) -> tuple[float, float]:
    """A point in the original's user space on the copy's page (its box at the origin, turned by /Rotate)."""
    u, v = point[0] - box[0], box[3] - point[1]  # from the top left, downwards
    width, height = box[2] - box[0], box[3] - box[1]
    across, down = {0: (u, v), 90: (height - v, u), 180: (width - u, height - v), 270: (v, width - u)}[
        rotation
    ]
    page_height = width if rotation in (90, 270) else height
    return (across, page_height - down)


def _language(root: pikepdf.Object) -> str:
    """The original's language if it is a language tag (a /Lang holding anything else is not copied)."""
    language = root.get("/Lang")
    if isinstance(language, pikepdf.String) and LANGUAGE_TAG.fullmatch(str(language)):
        return str(language)
    return DEFAULT_LANGUAGE


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


def _add_image_page(pdf: pikepdf.Pdf, image: Image.Image, page_size: tuple[float, float]) -> pikepdf.Page:
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
    content = f"/Artifact BMC q {page_width:.3f} 0 0 {page_height:.3f} 0 0 cm /Page Do Q EMC\n".encode()
    page = pikepdf.Dictionary(
        Type=pikepdf.Name.Page,
        MediaBox=[0, 0, page_width, page_height],
        Resources=pikepdf.Dictionary(XObject=pikepdf.Dictionary(Page=stream)),
        Contents=pikepdf.Stream(pdf, content),
    )
    pdf.pages.append(pikepdf.Page(page))
    return pdf.pages[-1]


# ------------------------------------------------------------------ the text layer


class TextLayer:
    """An invisible (render mode 3), tagged text layer over the page pictures, as OCRmyPDF's sandwich.

    It holds only the glyphs the check proved visible, placed where they were drawn, in one font whose
    ToUnicode map gives back their text, so that copying and screen readers get what a reader sees and
    nothing else. Each line of text is a paragraph (/P) of the structure tree with its marked content
    (MCID); the page pictures are artifacts. ISO 32000-1 14.7 and 14.8 (tagged PDF).
    """

    def __init__(self, pdf: pikepdf.Pdf) -> None:
        self.pdf = pdf
        self.codes: dict[str, int] = {}
        self.font = pdf.make_indirect(pikepdf.Dictionary())
        self.document = pdf.make_indirect(
            pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=pikepdf.Name.Document)
        )
        self.elements = pikepdf.Array()
        self.parents = pikepdf.Array()
        self.first_line = ""

    def add_page(
        self,
        page: pikepdf.Page,
        glyphs: list[Glyph],
        place: Callable[[tuple[float, float]], tuple[float, float]],
    ) -> None:
        lines = [run for run in _runs(glyphs) if "".join(g.char for g in run).strip()]
        if not lines:
            return
        page.obj.Resources.Font = pikepdf.Dictionary(T1=self.font)
        page.obj.StructParents = len(self.parents)
        marked = pikepdf.Array()
        content = []
        for mcid, run in enumerate(lines):
            content.append(self._run_content(run, place, mcid))
            element = self.pdf.make_indirect(
                pikepdf.Dictionary(
                    Type=pikepdf.Name.StructElem, S=pikepdf.Name.P, P=self.document, Pg=page.obj, K=mcid
                )
            )
            self.elements.append(element)
            marked.append(element)
            self.first_line = self.first_line or " ".join("".join(g.char for g in run).split())
        self.parents.append(marked)
        page.obj.Contents = self.pdf.make_stream(
            page.obj.Contents.read_bytes() + "".join(content).encode("ascii")
        )

    def _run_content(
        self, run: list[Glyph], place: Callable[[tuple[float, float]], tuple[float, float]], mcid: int
    ) -> str:
        (x0, y0), (x1, y1) = place(run[0].origin), place(run[-1].end)
        length = math.hypot(x1 - x0, y1 - y0)
        height = max(run[0].height, MIN_LAYER_SIZE)
        ux, uy = ((x1 - x0) / length, (y1 - y0) / length) if length > 0 else (1.0, 0.0)
        natural = len(run) * LAYER_GLYPH_WIDTH / 1000 * height
        stretch = max(MIN_LAYER_STRETCH, 100 * length / natural) if natural > 0 else 100.0
        codes = "".join(f"{self._code(g.char):04X}" for g in run)
        matrix = " ".join(f"{v:.4f}" for v in (ux * height, uy * height, -uy * height, ux * height, x0, y0))
        return f"/P <</MCID {mcid}>> BDC BT 3 Tr /T1 1 Tf {stretch:.4f} Tz {matrix} Tm <{codes}> Tj ET EMC\n"

    def _code(self, char: str) -> int:
        if char not in self.codes:
            self.codes[char] = len(self.codes) + 1
            if len(self.codes) >= MAX_LAYER_CODES:
                raise CannotSanitise("the PDF uses more distinct characters than a text layer can hold")
        return self.codes[char]

    def finish(self, language: str) -> None:
        """The font, the structure tree, the document's language and title (its first line of text)."""
        self.font.update(_layer_font(self.pdf, self.codes))
        self.document.K = self.elements
        tree = pikepdf.Dictionary(
            Type=pikepdf.Name.StructTreeRoot,
            K=self.document,
            ParentTree=self.pdf.make_indirect(
                pikepdf.Dictionary(
                    Nums=pikepdf.Array([x for i, p in enumerate(self.parents) for x in (i, p)])
                )
            ),
            ParentTreeNextKey=len(self.parents),
        )
        self.document.P = self.pdf.make_indirect(tree)
        root = self.pdf.Root
        root.StructTreeRoot = self.document.P
        root.MarkInfo = pikepdf.Dictionary(Marked=True)
        root.Lang = pikepdf.String(language)
        root.ViewerPreferences = pikepdf.Dictionary(DisplayDocTitle=True)
        title = (
            self.first_line[:MAX_TITLE_LENGTH].rsplit(" ", 1)[0]
            if len(self.first_line) > MAX_TITLE_LENGTH
            else self.first_line
        )
        if title:
            self.pdf.trailer.Info = self.pdf.make_indirect(pikepdf.Dictionary(Title=pikepdf.String(title)))


def _runs(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Glyphs grouped into runs drawn one after another along one baseline, at one size."""
    runs: list[list[Glyph]] = []
    for glyph in glyphs:
        if runs:
            last = runs[-1][-1]
            gap = math.hypot(glyph.origin[0] - last.end[0], glyph.origin[1] - last.end[1])
            if (
                gap <= last.height * RUN_GAP
                and abs(glyph.height - last.height) <= last.height * RUN_SIZE_CHANGE
            ):
                runs[-1].append(glyph)
                continue
        runs.append([glyph])
    return runs


def _layer_font(pdf: pikepdf.Pdf, codes: dict[str, int]) -> pikepdf.Dictionary:
    """A composite font with no glyphs of its own (nothing of it is drawn) whose ToUnicode map turns
    each two-byte code back into the text it stands for."""
    entries = [f"<{code:04X}> <{text.encode('utf-16-be').hex().upper()}>" for text, code in codes.items()]
    blocks = [entries[i : i + CMAP_BLOCK] for i in range(0, len(entries), CMAP_BLOCK)]
    body = "".join(f"{len(b)} beginbfchar\n" + "\n".join(b) + "\nendbfchar\n" for b in blocks)
    cmap = (
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
        + body
        + "endcmap\nCMapName currentdict /CIDInit /ProcSet findresource pop end\nend\n"
    )
    descriptor = pikepdf.Dictionary(
        Type=pikepdf.Name.FontDescriptor,
        FontName=pikepdf.Name("/GlyphLessFont"),
        Flags=4,
        FontBBox=[0, 0, LAYER_GLYPH_WIDTH, 1000],
        ItalicAngle=0,
        Ascent=1000,
        Descent=0,
        CapHeight=1000,
        StemV=80,
    )
    descendant = pikepdf.Dictionary(
        Type=pikepdf.Name.Font,
        Subtype=pikepdf.Name.CIDFontType2,
        BaseFont=pikepdf.Name("/GlyphLessFont"),
        CIDSystemInfo=pikepdf.Dictionary(
            Registry=pikepdf.String("Adobe"), Ordering=pikepdf.String("Identity"), Supplement=0
        ),
        FontDescriptor=pdf.make_indirect(descriptor),
        DW=LAYER_GLYPH_WIDTH,
        CIDToGIDMap=pikepdf.Name.Identity,
    )
    return pikepdf.Dictionary(
        Type=pikepdf.Name.Font,
        Subtype=pikepdf.Name.Type0,
        BaseFont=pikepdf.Name("/GlyphLessFont"),
        Encoding=pikepdf.Name("/Identity-H"),
        DescendantFonts=pikepdf.Array([pdf.make_indirect(descendant)]),
        ToUnicode=pdf.make_stream(cmap.encode("ascii")),
    )
