"""Release-gate inspection and sanitising of PDF files.

A PDF shows its pages, but it also carries whatever was ever drawn on them and much that is never drawn.
The classic failure (DOMAIN.md section E) is the "black box" redaction: a filled rectangle painted over
text that is still in the content stream, so a reader copies it out. The inspector therefore runs every
page's content stream (forms included) in paint order, keeping the position and colour of each glyph and
each opaque area painted, and then asks of each glyph: is something opaque painted over it later
(``pdf.covered_text``)? is it drawn invisible (render mode 3, or too small to read, ``pdf.invisible_text``)?
is it the colour of what lies under it (``pdf.white_text``)? is it off the page (``pdf.text_outside_page``)
or cut away by a clipping path (``pdf.clipped_text``)? The document structure is then checked for what a
viewer never shows: annotations and unapplied redaction marks, attachments, form fields, metadata, scripts
and actions, hidden layers, thumbnails, applications' private data, objects left unused by an edit, and
earlier versions kept by incremental updates.

The clean copy is made by ``pdf_copy``.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Callable, Iterator, Sequence

import numpy as np
import pikepdf

from foidesk.core.release_check.findings import (
    MIN_LEGIBLE_OPACITY,
    MIN_LEGIBLE_POINTS,
    CannotInspect,
    Finding,
    InspectionLimits,
    Severity,
    read_to_inspect,
)
from foidesk.core.release_check.images import inspect_image_bytes
from foidesk.core.release_check.pdf_colours import WHITE, Colour
from foidesk.core.release_check.pdf_fonts import pdf_number
from foidesk.core.release_check.pdf_layers import Layers
from foidesk.core.release_check.pdf_paint import (
    Glyph,
    Mask,
    PagePaint,
    Rect,
    intersection,
    paint_of_page,
)
from foidesk.core.release_check.pdf_seal import has_trusted_text_layer
from foidesk.core.release_check.pdf_structure import graph_findings

INVISIBLE_RENDER_MODES = frozenset({3, 7})  # ISO 32000-1 9.3.6: 3 neither fill nor stroke, 7 clip only
MIN_READABLE_TEXT_HEIGHT = MIN_LEGIBLE_POINTS  # points (findings.MIN_LEGIBLE_POINTS)
SAME_COLOUR_DISTANCE = 0.15  # Euclidean distance in RGB (0..1) below which text and background look alike
MAX_DISTANCE = 3**0.5  # black to white
OVERPRINT_BELOW, OVERPRINT_ABOVE = 0.2, 0.8  # of the later glyph's size: the band its letters fill
OVERPRINT_SHARE = 0.5  # of a glyph's advance: a later glyph covering more of it types over it
OPAQUE_ALPHA = 1 - MIN_LEGIBLE_OPACITY  # a box or picture this opaque lets too little of text through
MIN_HORIZONTAL_SCALE = 0.2  # text squeezed (Tz) below a fifth of its width is a line, not letters
LINEARISED_EOF_MARKERS = 2  # a linearised file legitimately has two %%EOF (ISO 32000-1 annex F)
MAX_XREF_SECTIONS = 10_000  # a trailer chain longer than this is built to loop
XREF_WINDOW_BYTES = 65_536  # a trailer or cross-reference stream dictionary lies within this of its start
XREF_STREAM_START = re.compile(rb"\s*\d+\s+\d+\s+obj\b")
PREV_ENTRY = re.compile(rb"/Prev\s+(\d+)")
EOF_TAIL_BYTES = 1024  # ISO 32000-1 7.5.5: %%EOF ends the file; allow trailing junk this long
SNIPPET_LENGTH = 60
TECHNICAL_INFO_KEYS = frozenset({"/Producer", "/Creator", "/CreationDate", "/ModDate", "/Trapped"})
COMMENT_ANNOTATIONS = frozenset(
    {"/Text", "/FreeText", "/Popup", "/Highlight", "/Underline", "/Squiggly", "/StrikeOut", "/Caret", "/Ink"}
    | {"/Square", "/Circle", "/Line", "/Polygon", "/PolyLine", "/Stamp", "/Sound", "/Movie", "/Screen"}
    | {"/FileAttachment", "/RichMedia", "/3D", "/Watermark", "/Projection"}
)
GEOMETRIC_CODES = frozenset({"pdf.clipped_text", "pdf.text_outside_page"})  # hidden by where it is drawn
NORMAL_BLENDS = frozenset({"/Normal", "/Compatible"})
SEPARABLE_BLENDS: dict[str, Callable[[float, float], float]] = {
    "/Multiply": lambda c, b: c * b,
    "/Screen": lambda c, b: c + b - c * b,
    "/Darken": min,
    "/Lighten": max,
    "/Difference": lambda c, b: abs(b - c),
    "/Exclusion": lambda c, b: b + c - 2 * b * c,
}
KNOWN_ANNOTATIONS = COMMENT_ANNOTATIONS | {"/Link", "/Widget", "/Redact"}
DANGEROUS_ACTIONS = frozenset({"/Launch", "/SubmitForm", "/ImportData", "/GoToR", "/GoToE", "/Rendition"})


def _finding(code: str, severity: Severity, where: str, message: str) -> Finding:
    return Finding(code=code, severity=severity, where=where, message=message)


# ------------------------------------------------------------------ judging the glyphs


def _snippet(glyphs: list[Glyph]) -> str:
    return _shorten("".join(g.char for g in glyphs))


def _shorten(text: str) -> str:
    text = text.strip()
    return text if len(text) <= SNIPPET_LENGTH else text[: SNIPPET_LENGTH - 1] + "…"


def glyph_verdicts(paint: PagePaint, page_box: Rect, *, layer_trusted: bool = False) -> list[str]:
    """For each glyph, the code of the rule that hides it from a reader, or "" when it is seen.

    ``layer_trusted``: the page's invisible text is the gate's own text layer (pdf_copy), proven to
    repeat what the page picture shows, so render mode 3 alone does not hide it.
    """
    verdicts, uncertain = _judge(paint, page_box, layer_trusted)
    unsure = {id(g) for found in uncertain.values() for g in found}
    return [
        v or ("pdf.uncertain_cover" if id(g) in unsure else "")
        for g, v in zip(paint.glyphs, verdicts, strict=True)
    ]


def _judge(paint: PagePaint, page_box: Rect, layer_trusted: bool) -> tuple[list[str], dict[str, list[Glyph]]]:
    """The verdicts, and the glyphs under partly transparent pictures whose cover cannot be judged."""
    if not paint.glyphs:
        return [], {}
    glyphs = paint.glyphs
    covered, background, see_through, uncertain = _covering(paint)
    covered |= _overprinted(glyphs)
    px0, py0, px1, py1 = page_box
    verdicts = []
    for index, glyph in enumerate(glyphs):
        outside = not (px0 <= glyph.x <= px1 and py0 <= glyph.y <= py1)
        trusted = layer_trusted and glyph.render_mode == 3 and not outside
        verdict = "" if trusted else _verdict(glyph, bool(covered[index]), outside, background[index])
        if not verdict and not trusted:
            verdict = _faded(glyph, background[index], see_through[index])
        verdicts.append(verdict)
    return verdicts, uncertain


def _covering(
    paint: PagePaint,
) -> tuple[np.ndarray, list[Colour | None], np.ndarray, dict[str, list[Glyph]]]:
    """Which glyphs an opaque area painted later covers; the colour under each glyph; and how much of
    each glyph's contrast survives the translucent areas painted over it (1: all of it)."""
    glyphs = paint.glyphs
    xs = np.array([g.x for g in glyphs])
    ys = np.array([g.y for g in glyphs])
    order = np.array([g.order for g in glyphs])
    lows, highs = np.array([g.low for g in glyphs]), np.array([g.high for g in glyphs])
    covered = np.zeros(len(glyphs), dtype=bool)
    see_through = np.ones(len(glyphs))
    background: list[Colour | None] = [WHITE] * len(glyphs)
    background_order = np.zeros(len(glyphs), dtype=np.int64)
    uncertain: dict[str, list[Glyph]] = {}
    for area in paint.areas:
        beneath = _contains(area.rect, lows) & _contains(area.rect, highs) & (order < area.order)
        if area.alpha < OPAQUE_ALPHA:
            hits = np.flatnonzero(beneath)
            opacity = _mask_opacity(area.mask, glyphs, hits) if area.mask is not None else 1.0
            see_through[hits] *= 1 - max(0.0, area.alpha) * opacity
            continue
        x0, y0, x1, y1 = area.rect
        inside = (xs >= x0) & (xs <= x1) & (ys >= y0) & (ys <= y1)
        under = inside & (order > area.order) & (background_order < area.order)
        if area.mask is not None:
            _judge_masked(area.mask, glyphs, beneath, covered, uncertain)
            under &= np.array([area.mask.alpha_at((g.x, g.y)) or 0.0 for g in glyphs]) >= OPAQUE_ALPHA
        else:
            covered |= beneath
        for hit in np.flatnonzero(under):
            on_picture = area.picture.colour_at((glyphs[hit].x, glyphs[hit].y)) if area.picture else None
            background[hit] = area.colour or on_picture
            background_order[hit] = area.order
    return covered, background, see_through, uncertain


def _overprinted(glyphs: list[Glyph]) -> np.ndarray:
    """Glyphs typed over by a later, different glyph that covers more than half their advance and their
    middle: the later one is what shows (a row of black squares typed over a name), the earlier a
    smudge under it. Neighbours in a word barely touch; the same letter struck twice, to look bold,
    hides nothing."""
    result = np.zeros(len(glyphs), dtype=bool)
    typed = [
        i for i, g in enumerate(glyphs) if g.char.strip() and g.render_mode not in INVISIBLE_RENDER_MODES
    ]
    if not typed:
        return result
    cell = 2 * max(1.0, float(np.median([glyphs[i].height for i in typed])))
    cells: dict[tuple[int, int], list[int]] = {}
    for index in typed:
        cells.setdefault((round(glyphs[index].x / cell), round(glyphs[index].y / cell)), []).append(index)
    for index in typed:
        glyph = glyphs[index]
        cx, cy = round(glyph.x / cell), round(glyph.y / cell)
        nearby = [i for dx in (-1, 0, 1) for dy in (-1, 0, 1) for i in cells.get((cx + dx, cy + dy), [])]
        result[index] = any(
            glyphs[i].order > glyph.order and glyphs[i].char != glyph.char and _types_over(glyphs[i], glyph)
            for i in nearby
        )
    return result


def _types_over(later: Glyph, earlier: Glyph) -> bool:
    """Whether ``later`` covers the middle of ``earlier`` and more than half of its advance."""
    (ox, oy), (ex, ey) = later.origin, later.end
    dx, dy = ex - ox, ey - oy
    length = math.hypot(dx, dy)
    if length < 1e-6 or later.hidden:
        return False
    up = ((earlier.x - ox) * -dy + (earlier.y - oy) * dx) / length  # height of the middle above its baseline
    if not -OVERPRINT_BELOW * later.height <= up <= OVERPRINT_ABOVE * later.height:
        return False
    s0 = ((earlier.origin[0] - ox) * dx + (earlier.origin[1] - oy) * dy) / length
    s1 = ((earlier.end[0] - ox) * dx + (earlier.end[1] - oy) * dy) / length
    overlap = min(length, max(s0, s1)) - max(0.0, min(s0, s1))
    return overlap > abs(s1 - s0) * OVERPRINT_SHARE


def _faded(glyph: Glyph, background: Colour | None, see_through: float) -> str:
    """Text whose own opacity times what translucent boxes over it let through (``see_through``) leaves
    less than ``MIN_LEGIBLE_OPACITY`` of it, or less than the legible contrast, cannot be read: under a
    box it is covered (a 90 % opaque white box is a box), alone it is the colour of the page."""
    shown = max(0.0, glyph.alpha) * see_through
    if shown >= 1:
        return ""
    contrast = _distance(glyph.colour, background) if glyph.colour and background else MAX_DISTANCE
    faint = shown < MIN_LEGIBLE_OPACITY or contrast * shown < SAME_COLOUR_DISTANCE
    if not faint:
        return ""
    return "pdf.covered_text" if see_through < 1 else "pdf.white_text"


def _blended(colour: Colour | None, background: Colour | None, mode: str) -> Colour | None:
    """What text painted with a separable blend mode looks like on its background (ISO 32000-1 11.3.5);
    None for the other modes, or an unknown colour, which the gate reports as unaccounted."""
    blend = SEPARABLE_BLENDS.get(mode)
    if blend is None or colour is None or background is None:
        return None
    red, green, blue = (blend(c, b) for c, b in zip(colour, background, strict=True))
    return (red, green, blue)


def _distance(a: Colour, b: Colour) -> float:
    return float(sum((x - y) ** 2 for x, y in zip(a, b, strict=True)) ** 0.5)


def _glyph_findings(
    paint: PagePaint, verdicts: list[str], uncertain: dict[str, list[Glyph]], where: str
) -> list[Finding]:
    groups: dict[str, list[Glyph]] = {}
    for glyph, verdict in zip(paint.glyphs, verdicts, strict=True):
        if verdict:
            groups.setdefault(verdict, []).append(glyph)
    printed = {code: found for code, found in groups.items() if any(g.char.strip() for g in found)}
    findings = [_glyph_finding(code, found, where) for code, found in sorted(printed.items())]
    flagged = {id(g) for found in printed.values() for g in found}
    for name, found in sorted(uncertain.items()):
        unjudged = [g for g in found if id(g) not in flagged and g.char.strip()]
        if unjudged:
            message = (
                f"{len(unjudged)} characters of text ('{_snippet(unjudged)}') lie under {name}, which is "
                "partly transparent in a way the gate cannot work out, so it cannot prove the text is seen; "
                "the copy leaves that text out."
            )
            findings.append(_finding("pdf.uncertain_cover", Severity.BLOCK, where, message))
    if paint.alternates:
        texts = _shorten("; ".join(paint.alternates))
        findings.append(
            _finding(
                "pdf.alternate_text",
                Severity.BLOCK,
                where,
                f"Replacement text (/ActualText, /Alt) that differs from what the page shows: '{texts}'. "
                "A copy or a screen reader gets it; a reader of the page does not.",
            )
        )
    return findings


def _judge_masked(
    mask: Mask,
    glyphs: list[Glyph],
    beneath: np.ndarray,
    covered: np.ndarray,
    uncertain: dict[str, list[Glyph]],
) -> None:
    """Glyphs beneath a partly transparent picture: covered where its alpha is opaque at both sample
    points, visible where it is transparent at either, and uncertain where it is unknown, which blocks
    like a cover: what the gate cannot account for fails closed (issue 14)."""
    for index in np.flatnonzero(beneath):
        glyph = glyphs[index]
        alphas = [mask.alpha_at(glyph.low), mask.alpha_at(glyph.high)]
        if any(a is not None and a < OPAQUE_ALPHA for a in alphas):
            continue
        if all(a is not None for a in alphas):
            covered[index] = True
        else:
            uncertain.setdefault(mask.name, []).append(glyph)


def _mask_opacity(mask: Mask, glyphs: list[Glyph], hits: np.ndarray) -> np.ndarray:
    """How much of a translucent picture each glyph lies under: its mask's alpha at the glyph's two sample
    points (the less opaque, as for an opaque picture: a glyph is seen where the mask is clear at either),
    and all of it where the mask cannot be read (stacked translucent pictures hide text as stacked boxes
    do, whether or not their masks are known)."""
    opacity = np.ones(len(hits))
    for at, index in enumerate(hits):
        alphas = [mask.alpha_at(glyphs[index].low), mask.alpha_at(glyphs[index].high)]
        if all(a is not None for a in alphas):
            opacity[at] = min(a for a in alphas if a is not None)
    return opacity


def _contains(rect: Rect, points: np.ndarray) -> np.ndarray:
    x0, y0, x1, y1 = rect
    xs, ys = points[:, 0], points[:, 1]
    result: np.ndarray = (xs >= x0) & (xs <= x1) & (ys >= y0) & (ys <= y1)
    return result


def _verdict(glyph: Glyph, covered: bool, outside: bool, background: Colour | None) -> str:
    if glyph.hidden:
        return "pdf.hidden_layer"
    if (
        glyph.blank
        or glyph.render_mode in INVISIBLE_RENDER_MODES
        or glyph.height < MIN_READABLE_TEXT_HEIGHT
        or abs(glyph.horizontal_scale) < MIN_HORIZONTAL_SCALE
        or glyph.alpha < MIN_LEGIBLE_OPACITY
    ):
        return "pdf.invisible_text"
    if outside:
        return "pdf.text_outside_page"
    if glyph.unaccounted:
        return "pdf.unaccounted"
    if glyph.clipped:
        return "pdf.clipped_text"
    if covered:
        return "pdf.covered_text"
    if glyph.blend not in NORMAL_BLENDS:
        shown = _blended(glyph.colour, background, glyph.blend)
        if shown is None or background is None:
            return "pdf.unaccounted"
        return "pdf.white_text" if _distance(shown, background) < SAME_COLOUR_DISTANCE else ""
    if glyph.colour is not None and background is not None:
        return "pdf.white_text" if _distance(glyph.colour, background) < SAME_COLOUR_DISTANCE else ""
    return ""


GLYPH_MESSAGES = {
    "pdf.covered_text": "lie under a box or picture painted over them, and can still be copied out",
    "pdf.invisible_text": "are drawn invisible (render mode 3, as in a scan's OCR layer; transparent; or too "
    "small or too squeezed to read)",
    "pdf.white_text": "are the colour of what lies under them (e.g. white on white)",
    "pdf.text_outside_page": "are drawn outside the visible page",
    "pdf.unaccounted": "are drawn in a colour whose look cannot be worked out (a spot colour, a pattern, a "
    "palette, a soft mask or a blend mode not evaluated), so whether they can be read is unknown",
    "pdf.clipped_text": "are cut away by a clipping path, so not shown, but are still in the file",
    "pdf.hidden_layer": "are in a layer (optional content) that is off when the file is opened",
}


def _glyph_finding(code: str, glyphs: list[Glyph], where: str) -> Finding:
    count = sum(1 for g in glyphs if g.char.strip())
    message = f"{count} characters of text ('{_snippet(glyphs)}') {GLYPH_MESSAGES[code]}."
    return _finding(code, Severity.BLOCK, where, message)


# ------------------------------------------------------------------ the document structure


def pdf_rect(array: Sequence[object]) -> Rect:
    values = [pdf_number(v) for v in array]
    return (
        min(values[0], values[2]),
        min(values[1], values[3]),
        max(values[0], values[2]),
        max(values[1], values[3]),
    )


def page_box(page: pikepdf.Page) -> Rect:
    """What a viewer shows of the page: the CropBox (inherited from the page tree if need be) cut to the
    MediaBox, as ISO 32000-1 14.11.2 says; text outside it is in the file but never on screen."""
    media = pdf_rect(list(page.mediabox))
    crop = pdf_rect(list(page.cropbox))
    return intersection(media, crop) or (media[0], media[1], media[0], media[1])


def _annotation_findings(page: pikepdf.Page, where: str) -> list[Finding]:
    annotations = page.obj.get("/Annots")
    if not isinstance(annotations, pikepdf.Array):
        return []
    kinds = [str(a.get("/Subtype", "")) for a in annotations if isinstance(a, pikepdf.Dictionary)]
    findings = []
    if "/Redact" in kinds:
        findings.append(
            _finding(
                "pdf.redaction_not_applied",
                Severity.BLOCK,
                where,
                "Redaction marks are placed but not applied: the text under them is still there.",
            )
        )
    comments = sorted({k.lstrip("/") for k in kinds if k in COMMENT_ANNOTATIONS})
    if comments:
        findings.append(
            _finding(
                "pdf.annotations",
                Severity.BLOCK,
                where,
                f"Annotations ({', '.join(comments)}) carry comments or content outside the page.",
            )
        )
    if "/FileAttachment" in kinds:
        findings.append(_finding("pdf.attachments", Severity.BLOCK, where, "A file is attached to the page."))
    unknown = sorted({k.lstrip("/") or "none" for k in kinds if k not in KNOWN_ANNOTATIONS})
    if unknown:
        message = f"Annotations of kinds the gate does not know ({', '.join(unknown)}) may show anything."
        findings.append(_finding("pdf.unaccounted", Severity.BLOCK, where, message))
    return findings


def _structure_findings(pdf: pikepdf.Pdf, limits: InspectionLimits, shown: str) -> list[Finding]:
    findings: list[Finding] = []
    root = pdf.Root
    info = pdf.trailer.get("/Info", pikepdf.Dictionary())
    info_keys = {k for k in set(info.keys()) - TECHNICAL_INFO_KEYS if not _shown_on_a_page(info[k], shown)}
    if info_keys:
        fields = ", ".join(sorted(k.lstrip("/") for k in info_keys))
        findings.append(
            _finding(
                "pdf.metadata",
                Severity.WARN,
                "document information",
                f"Document properties are set: {fields}.",
            )
        )
    if "/Metadata" in root:
        findings.append(
            _finding(
                "pdf.metadata",
                Severity.WARN,
                "XMP metadata",
                "XMP metadata (author, tool, history) is embedded.",
            )
        )
    names = root.get("/Names", pikepdf.Dictionary())
    if "/EmbeddedFiles" in names:
        findings.append(_finding("pdf.attachments", Severity.BLOCK, "embedded files", "Files are embedded."))
    acroform = root.get("/AcroForm", pikepdf.Dictionary())
    if "/XFA" in acroform or len(acroform.get("/Fields", pikepdf.Array())) > 0:
        findings.append(
            _finding(
                "pdf.forms",
                Severity.BLOCK,
                "AcroForm" + (" (XFA)" if "/XFA" in acroform else ""),
                "Form fields hold values that may not all be shown.",
            )
        )
    hidden = Layers(root).off
    if hidden:
        findings.append(
            _finding(
                "pdf.hidden_layer",
                Severity.BLOCK,
                "optional content",
                f"{len(hidden)} layers are off when the file is opened (by /OFF or /BaseState).",
            )
        )
    findings.extend(_action_findings(pdf))
    findings.extend(_leftover_findings(pdf))
    findings.extend(_picture_findings(pdf, limits))
    return findings


def _shown_on_a_page(value: object, shown: str) -> bool:
    """A document property whose text is printed on the pages (a title repeated as the heading) tells
    a reader nothing they do not see."""
    text = " ".join(str(value).split()) if isinstance(value, pikepdf.String) else ""
    return bool(text) and text in shown


def _picture_findings(pdf: pikepdf.Pdf, limits: InspectionLimits) -> list[Finding]:
    """Pictures keep their own metadata inside a PDF: a JPEG's EXIF and GPS, or an XMP stream."""
    kinds: set[str] = set()
    for obj in pdf.objects:
        if not isinstance(obj, pikepdf.Stream) or obj.get("/Subtype") != pikepdf.Name.Image:
            continue
        if "/Metadata" in obj:
            kinds.add("xmp")
        if obj.get("/Filter") == pikepdf.Name.DCTDecode:
            try:
                image_findings = inspect_image_bytes(obj.read_raw_bytes(), limits)
            except CannotInspect:
                kinds.add("a JPEG that cannot be checked")
                continue
            kinds.update(f.code.removeprefix("image.") for f in image_findings)
    if not kinds:
        return []
    return [
        _finding(
            "pdf.image_metadata",
            Severity.BLOCK,
            "pictures",
            f"Pictures in the PDF carry metadata of their own: {', '.join(sorted(kinds))}.",
        )
    ]


def _reachable(pdf: pikepdf.Pdf) -> set[tuple[int, int]]:
    """Object numbers reachable from the trailer: what a reader of the file can ever be shown."""
    seen: set[tuple[int, int]] = set()
    pending: list[pikepdf.Object] = [pdf.trailer]
    while pending:
        obj = pending.pop()
        if isinstance(obj, pikepdf.Stream):
            obj = obj.stream_dict
        if isinstance(obj, pikepdf.Dictionary):
            children = list(obj.values())
        elif isinstance(obj, pikepdf.Array):
            children = list(obj)
        else:
            continue
        for child in children:
            if not isinstance(child, pikepdf.Dictionary | pikepdf.Array | pikepdf.Stream):
                continue
            if child.is_indirect:
                if child.objgen in seen:
                    continue
                seen.add(child.objgen)
            pending.append(child)
    return seen


def _leftover_findings(pdf: pikepdf.Pdf) -> list[Finding]:
    """Objects nothing refers to (content left behind by an edit) and applications' private data."""
    reachable = _reachable(pdf)
    unused = [
        obj
        for obj in pdf.objects
        if isinstance(obj, pikepdf.Stream | pikepdf.Dictionary)
        and obj.objgen not in reachable
        and str(obj.get("/Type", "")) not in ("/XRef", "/ObjStm")
    ]
    findings = []
    if unused:
        findings.append(
            _finding(
                "pdf.unused_objects",
                Severity.BLOCK,
                "file structure",
                f"{len(unused)} objects are in the file but used nowhere: left over from an earlier version.",
            )
        )
    if "/PieceInfo" in pdf.Root or any("/PieceInfo" in page.obj for page in pdf.pages):
        findings.append(
            _finding(
                "pdf.private_data",
                Severity.BLOCK,
                "PieceInfo",
                "An application's private data (possibly the whole original drawing) is embedded.",
            )
        )
    return findings


def _dictionaries(pdf: pikepdf.Pdf) -> Iterator[pikepdf.Dictionary]:
    """Every dictionary in the file, indirect or nested directly inside another object."""
    pending: list[pikepdf.Object] = [pdf.trailer, *pdf.objects]
    while pending:
        obj = pending.pop()
        if isinstance(obj, pikepdf.Stream):
            obj = obj.stream_dict
        if isinstance(obj, pikepdf.Dictionary):
            yield obj
            children = list(obj.values())
        elif isinstance(obj, pikepdf.Array):
            children = list(obj)
        else:
            continue
        pending.extend(
            c for c in children if isinstance(c, pikepdf.Dictionary | pikepdf.Array) and not c.is_indirect
        )


def _action_findings(pdf: pikepdf.Pdf) -> list[Finding]:
    scripts, files = False, False
    actions: set[str] = set()
    for obj in _dictionaries(pdf):
        kind = str(obj.get("/S", ""))
        if kind == "/JavaScript" or "/JS" in obj:
            scripts = True
        elif kind in DANGEROUS_ACTIONS:
            actions.add(kind.lstrip("/"))
        if str(obj.get("/Type", "")) == "/EmbeddedFile":
            files = True
    findings = []
    if scripts or "/JavaScript" in pdf.Root.get("/Names", pikepdf.Dictionary()):
        findings.append(
            _finding("pdf.javascript", Severity.BLOCK, "actions", "JavaScript runs in the document.")
        )
    if actions:
        findings.append(
            _finding(
                "pdf.actions",
                Severity.BLOCK,
                "actions",
                f"Actions open other files or send data: {', '.join(sorted(actions))}.",
            )
        )
    if files:
        findings.append(_finding("pdf.attachments", Severity.BLOCK, "embedded files", "A file is embedded."))
    return findings


def _xref_sections(data: bytes, pdf: pikepdf.Pdf) -> int | None:
    """How many cross-reference sections the trailer chain holds (each /Prev is one more); None if a
    /Prev does not lead to a cross-reference table or stream, so the chain cannot be followed."""
    sections, seen = 1, set[int]()
    first = pdf.trailer.get("/Prev")
    previous: int | None = None if first is None else int(pdf_number(first))
    while previous is not None:
        offset = previous
        if offset in seen or not 0 <= offset < len(data) or len(seen) >= MAX_XREF_SECTIONS:
            return None
        seen.add(offset)
        sections += 1
        head = data[offset : offset + XREF_WINDOW_BYTES]
        if head.lstrip().startswith(b"xref"):
            start = data.find(b"trailer", offset)  # after the table, however long it is
            dictionary = data[start : data.find(b"startxref", start)] if start >= 0 else b""
        elif XREF_STREAM_START.match(head):
            dictionary = head[: head.find(b"stream")]
        else:
            return None
        found = PREV_ENTRY.search(dictionary)
        previous = int(found.group(1)) if found else None
    return sections


def _incremental_findings(data: bytes, pdf: pikepdf.Pdf) -> list[Finding]:
    """Earlier versions kept by appended updates: more cross-reference sections than one (two for a
    linearised file) in the trailer chain, or more %%EOF markers. The chain is what a reader follows, so
    it cannot be faked the way counting markers can; a chain that cannot be followed is reported too."""
    linearised = pdf.is_linearized or b"/Linearized" in data[:EOF_TAIL_BYTES]
    allowed = LINEARISED_EOF_MARKERS if linearised else 1
    sections = _xref_sections(data, pdf)
    if sections is None:
        return [
            _finding(
                "pdf.incremental_update",
                Severity.BLOCK,
                "file structure",
                "The cross-reference chain (/Prev) cannot be followed: earlier versions may be inside.",
            )
        ]
    extra = max(data.count(b"%%EOF") - allowed, sections - allowed)
    if extra <= 0:
        return []
    return [
        _finding(
            "pdf.incremental_update",
            Severity.BLOCK,
            "file structure",
            f"The file was saved {extra} times by appending: earlier versions are still inside.",
        )
    ]


def _open(data: bytes) -> pikepdf.Pdf:
    if not data:
        raise CannotInspect("the file is empty")
    if b"%PDF-" not in data[:EOF_TAIL_BYTES]:
        raise CannotInspect("not a PDF: no %PDF- header")
    if b"%%EOF" not in data[-EOF_TAIL_BYTES:]:
        raise CannotInspect("the PDF is truncated: it does not end with %%EOF")
    try:
        pdf = pikepdf.open(io.BytesIO(data))
    except pikepdf.PasswordError as error:
        raise CannotInspect("the PDF is encrypted with a password") from error
    except pikepdf.PdfError as error:
        raise CannotInspect(f"the PDF cannot be read: {error}") from error
    if pdf.is_encrypted:
        pdf.close()
        raise CannotInspect("the PDF is encrypted: its content cannot be trusted to inspect")
    return pdf


def inspect_pdf(path: str, limits: InspectionLimits) -> list[Finding]:
    """Everything in the PDF that a reader of its pages would not see."""
    data = read_to_inspect(path)
    with _open(data) as pdf:
        try:
            return _incremental_findings(data, pdf) + _document_findings(pdf, limits)
        except (pikepdf.PdfError, ValueError, TypeError, KeyError, AttributeError, RecursionError) as error:
            # a damaged structure (a name that is not text, a page that is not a dictionary) is unreadable
            raise CannotInspect(f"the PDF's structure is damaged: {type(error).__name__}: {error}") from error


def _document_findings(pdf: pikepdf.Pdf, limits: InspectionLimits) -> list[Finding]:
    findings: list[Finding] = []
    layers = Layers(pdf.Root)
    drawn: set[tuple[int, int]] = set()
    paints = []
    for number, page in enumerate(pdf.pages, start=1):
        try:
            paints.append(paint_of_page(page, limits, layers))
        except CannotInspect as error:
            raise CannotInspect(f"page {number}: {error}") from error
    invisible = any(g.render_mode == 3 for paint in paints for g in paint.glyphs)
    trusted = invisible and has_trusted_text_layer(pdf)
    judged = [_judge(paint, page_box(page), trusted) for page, paint in zip(pdf.pages, paints, strict=True)]
    shown = " ".join(
        shown_text(paint.glyphs, verdicts) for paint, (verdicts, _) in zip(paints, judged, strict=True)
    )
    for number, (page, paint, (verdicts, uncertain)) in enumerate(
        zip(pdf.pages, paints, judged, strict=True), 1
    ):
        where = f"page {number}"
        drawn |= paint.drawn
        verdicts = excuse_shown_elsewhere(paint.glyphs, verdicts, shown)
        findings.extend(_glyph_findings(paint, verdicts, uncertain, where))
        findings.extend(_annotation_findings(page, where))
        if "/Thumb" in page.obj:
            findings.append(
                _finding(
                    "pdf.thumbnail", Severity.WARN, where, "A thumbnail image of an earlier page is kept."
                )
            )
    return _structure_findings(pdf, limits, shown) + graph_findings(pdf, drawn) + findings


def shown_text(glyphs: list[Glyph], verdicts: list[str]) -> str:
    """The text of the glyphs judged visible, with runs of white space made one space."""
    return " ".join("".join(g.char for g, v in zip(glyphs, verdicts, strict=True) if not v).split())


def excuse_shown_elsewhere(glyphs: list[Glyph], verdicts: list[str], shown: str) -> list[str]:
    """Text cut off by the page edge or a clip that the document shows in full elsewhere hides nothing:
    LibreOffice prints a wide sheet or chart across pages by drawing all of it on each page, clipped,
    and a cell's overflowing text is clipped at its border. Each run of such glyphs is excused when its
    text, as a whole, is shown somewhere in the document (a hidden phrase whose words are shown apart
    is still hidden)."""
    result = list(verdicts)
    run: list[int] = []
    for index in [*range(len(glyphs)), -1]:
        if (
            index >= 0
            and verdicts[index] in GEOMETRIC_CODES
            and (not run or verdicts[run[-1]] == verdicts[index])
        ):
            run.append(index)
            continue
        text = "".join(glyphs[i].char for i in run)
        if run and " ".join(text.split()) in shown:
            for i in run:
                result[i] = ""
        run = [index] if index >= 0 and verdicts[index] in GEOMETRIC_CODES else []
    return result
