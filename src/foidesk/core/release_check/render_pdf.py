"""What a reader of a PDF sees, judged by a real renderer (PDFium) rather than by our own parser.

For each page PDFium lists the characters it holds, with their boxes; the page is rendered twice, once as
it is and once with every text object made invisible (render mode 3), and a character is *seen* when its
box changes between the two renderings (the text itself puts ink there: not covered by a later picture or
box, not clipped away, not on a layer that is off, not the colour of whatever lies under it) and the ink
stands out in the rendering as it is (the box is not one uniform colour), at a legible size. Words whose
every character is unseen are unseen. This is independent of ``pdf.py``/``pdf_paint.py``: a second opinion.

Text that is invisible by its own render mode (3, the "sandwich" of an OCR layer or of the gate's own
copy, which lies over a picture of the same glyphs) cannot change the rendering; such a character is
seen when the box under it shows ink (a picture of the glyph), the rule the issue states.
"""

from __future__ import annotations

import ctypes
import math
import time
import unicodedata
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from foidesk.core.release_check.findings import CannotInspect
from foidesk.core.release_check.pdf import MIN_READABLE_TEXT_HEIGHT, SAME_COLOUR_DISTANCE

POINTS_PER_INCH = 72
MAX_PAGE_PIXELS = 20_000_000  # a page larger than A0 at 100 dpi is judged coarser, not exhausting memory
RENDER_DPI = 100  # a 6 pt footer is 8 pixels high: enough to tell ink from none, quick on a letter
INK_DISTANCE = SAME_COLOUR_DISTANCE * 255 * math.sqrt(3)  # RGB distance (0..255 a channel) that is ink
MIN_INK_PIXELS = 2  # pixels of a character's box that must show ink (anti-aliasing leaves stray ones)
MIN_GLYPH_WIDTH = 0.25  # points: a letter squeezed narrower than this is a line, not a letter
HYPHENS = frozenset({"-", "\u00ad", "\u2010", "\x02"})  # PDFium reports a soft hyphen at a break as 0x02
Pixels = npt.NDArray[np.int16]


@dataclass(frozen=True, slots=True)
class RenderedWord:
    """A word as the renderer holds it: normalised text (NFKC, case-folded), page (1-based), seen or not."""

    text: str
    page: int
    seen: bool
    beyond_edge: bool = False  # some of it lies past the page's right edge (a spreadsheet's wide cell)
    off_page: bool = False  # some of it lies outside the page, on any side


def rendered_words(path: str, deadline: float | None = None) -> list[RenderedWord]:
    """Every word PDFium finds in the PDF at ``path``, each judged seen or unseen on its rendered page.

    A word broken by a hyphen at the end of a line is also given whole, so that a hyphenated rendering
    matches the unbroken word of a source document. Raises ``CannotInspect`` when PDFium cannot render,
    or when the pages are not all rendered by ``deadline`` (``time.monotonic``).
    """
    try:
        document = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as error:
        raise CannotInspect(f"the renderer cannot open the PDF: {error}") from error
    try:
        words: list[RenderedWord] = []
        for index in range(len(document)):
            if deadline is not None and time.monotonic() > deadline:
                raise CannotInspect(f"the renderer ran out of time after {index} of {len(document)} pages")
            words += _page_words(document[index], index + 1)
        return words
    except pdfium.PdfiumError as error:
        raise CannotInspect(f"the renderer cannot render a page: {error}") from error
    finally:
        document.close()


def normalised(text: str) -> str:
    """The form in which words are compared: NFKC (ligatures, widths) and case-folded."""
    return unicodedata.normalize("NFKC", text).casefold()


def has_letter(word: str) -> bool:
    """Words with a letter are compared; numbers are the main check's job (formats change them)."""
    return any(character.isalpha() for character in word)


def is_word_character(character: str) -> bool:
    """Words are runs of letters (and their combining marks): digits, which a renderer may set
    against a word (a footnote mark, a superscript), and punctuation separate them."""
    return character.isalpha() or unicodedata.category(character).startswith("M")


def split_words(text: str) -> list[str]:
    """The normalised words of ``text``."""
    words, current = [], ""
    for character in normalised(text):
        if is_word_character(character):
            current += character
        elif current:
            words.append(current)
            current = ""
    return [*words, current] if current else words


def _page_words(page: pdfium.PdfPage, number: int) -> list[RenderedWord]:
    textpage = page.get_textpage()
    count = textpage.count_chars()
    if count <= 0:
        return []
    scale = _scale(page)
    as_it_is = _render(page, scale)
    modes = _hide_text(page)
    without_text = _render(page, scale)
    characters = [_character(textpage, index) for index in range(count)]
    lettered = [any(is_word_character(part) for part in normalised(c)) for c in characters]
    seen: list[bool] = []
    word_seen = False  # a word is seen when any letter is: the rest of a seen word is not judged
    for index, letter in enumerate(lettered):
        judged = letter and not word_seen
        judged = judged and _character_seen(page, textpage, index, scale, (as_it_is, without_text), modes)
        seen.append(judged)
        word_seen = letter and (word_seen or judged)
    words = _words(characters, seen, number)
    if all(word.seen for word in words):
        return words
    left, bottom, right, top = page.get_cropbox()
    boxes = [textpage.get_charbox(index) if letter else None for index, letter in enumerate(lettered)]
    beyond = [box is not None and box[2] > right for box in boxes]
    outside = [
        box is not None and not (left <= box[0] and bottom <= box[1] and box[2] <= right and box[3] <= top)
        for box in boxes
    ]
    placed, off = _words(characters, beyond, number), _words(characters, outside, number)
    return [
        RenderedWord(word.text, number, word.seen, beyond_edge=past.seen, off_page=away.seen)
        for word, past, away in zip(words, placed, off, strict=True)
    ]


def _scale(page: pdfium.PdfPage) -> float:
    width, height = page.get_size()
    area = max(1.0, width * height)
    return min(RENDER_DPI / POINTS_PER_INCH, math.sqrt(MAX_PAGE_PIXELS / area))


def _render(page: pdfium.PdfPage, scale: float) -> Pixels:
    bitmap = page.render(scale=scale, draw_annots=True, rev_byteorder=True)
    pixels: Pixels = bitmap.to_numpy()[:, :, :3].astype(np.int16)
    return pixels


def _hide_text(page: pdfium.PdfPage) -> dict[int, int]:
    """Make every text object (in forms too) invisible; return each object's own render mode by address."""
    modes: dict[int, int] = {}
    for text_object in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_TEXT], max_depth=64):
        address = _address(text_object.raw)
        modes[address] = int(pdfium_c.FPDFTextObj_GetTextRenderMode(text_object.raw))
        pdfium_c.FPDFTextObj_SetTextRenderMode(text_object.raw, pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE)
    return modes


def _address(handle: object) -> int:
    return ctypes.cast(handle, ctypes.c_void_p).value or 0  # type: ignore[arg-type]


def _character(textpage: pdfium.PdfTextPage, index: int) -> str:
    if pdfium_c.FPDFText_IsGenerated(textpage.raw, index) == 1:
        return "\n" if pdfium_c.FPDFText_GetUnicode(textpage.raw, index) in (10, 13) else " "
    code = pdfium_c.FPDFText_GetUnicode(textpage.raw, index)
    return chr(code) if 0 < code < 0x110000 else " "


def _character_seen(
    page: pdfium.PdfPage,
    textpage: pdfium.PdfTextPage,
    index: int,
    scale: float,
    renderings: tuple[Pixels, Pixels],
    invisible_modes: dict[int, int],
) -> bool:
    """Seen: at a legible size, in a box that is not one colour, and with ink of its own there."""
    as_it_is, without_text = renderings
    if pdfium_c.FPDFText_IsGenerated(textpage.raw, index) == 1:
        return False
    if pdfium_c.FPDFText_GetFontSize(textpage.raw, index) < MIN_READABLE_TEXT_HEIGHT:
        return False
    left, bottom, right, top = textpage.get_charbox(index)
    if right - left < MIN_GLYPH_WIDTH:
        return False
    region = _pixel_region(page, (left, bottom, right, top), scale, as_it_is.shape)
    if region is None:
        return False
    rows, columns = region
    shown = as_it_is[rows, columns]
    if not _has_contrast(shown):
        return False
    own_object = _address(pdfium_c.FPDFText_GetTextObject(textpage.raw, index))
    if invisible_modes.get(own_object) == pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE:
        return True  # a text layer over a picture: the picture's ink is what is read
    difference = shown - without_text[rows, columns]
    distance = np.sqrt((difference.astype(np.float32) ** 2).sum(axis=2))
    return int((distance >= INK_DISTANCE).sum()) >= MIN_INK_PIXELS


def _has_contrast(shown: Pixels) -> bool:
    """Ink stands out: the box is not one uniform colour (text covered by a box, or drawn in its colour)."""
    flat = shown.reshape(-1, 3).astype(np.float32)
    spread = flat.max(axis=0) - flat.min(axis=0)
    return float(np.sqrt((spread**2).sum())) >= INK_DISTANCE


def _pixel_region(
    page: pdfium.PdfPage, box: tuple[float, float, float, float], scale: float, shape: tuple[int, ...]
) -> tuple[slice, slice] | None:
    """The box's pixels in the rendering (PDFium's own mapping: rotation and crop box included)."""
    height, width = shape[0], shape[1]
    xs, ys = [], []
    for x, y in ((box[0], box[1]), (box[2], box[3])):
        device_x, device_y = ctypes.c_int(), ctypes.c_int()
        pdfium_c.FPDF_PageToDevice(
            page.raw, 0, 0, width, height, 0, x, y, ctypes.byref(device_x), ctypes.byref(device_y)
        )
        xs.append(device_x.value)
        ys.append(device_y.value)
    x0, x1 = max(0, min(xs)), min(width, max(xs) + 1)
    y0, y1 = max(0, min(ys)), min(height, max(ys) + 1)
    if x1 <= x0 or y1 <= y0:
        return None  # wholly off the page
    return slice(y0, y1), slice(x0, x1)


def _words(characters: list[str], seen: list[bool], page: int) -> list[RenderedWord]:
    """Runs of letters; a word seen when any of its characters is; words broken by a hyphen joined."""
    words: list[RenderedWord] = []
    text, shown = "", False
    pending: tuple[str, bool] | None = None  # a word that ended with a hyphen, awaiting a line break
    broken = False
    for character, visible in zip(characters, seen, strict=True):
        folded = normalised(character)
        if folded and all(is_word_character(part) for part in folded):
            text += folded
            shown = shown or visible
            continue
        if text:
            if pending is not None and broken:
                words.append(RenderedWord(pending[0] + text, page, pending[1] or shown))
            words.append(RenderedWord(text, page, shown))
            pending = (text, shown) if character in HYPHENS else None
            broken = False
            text, shown = "", False
        elif pending is not None and character == "\n":
            broken = True
        elif pending is not None and not character.isspace():
            pending, broken = None, False
    if text:
        if pending is not None and broken:
            words.append(RenderedWord(pending[0] + text, page, pending[1] or shown))
        words.append(RenderedWord(text, page, shown))
    return words
