"""What a PDF page paints, in order: each glyph (where, what colour, how drawn) and each opaque area.

A small interpreter of PDF content streams (ISO 32000-1 sections 8 and 9): it follows the graphics state
(``q``/``Q``, ``cm``, fill colour and alpha), paths that are filled, images and forms drawn with ``Do``,
and the text state and text-showing operators, so the release gate can ask whether a glyph is covered by
something painted later, drawn invisible, or the colour of what lies under it. Positions are in default
user space (points); glyph widths come from the font (``/Widths``, ``/W``) or, for the standard fonts
used without widths, from Helvetica's and Courier's metrics. A clipping path is followed as the
rectangles it is made of (its bounding box when it has curves or slants).
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace

import numpy as np
import pikepdf

from foidesk.core.release_check.findings import MIN_LEGIBLE_POINTS, CannotInspect, InspectionLimits
from foidesk.core.release_check.pdf_colours import (
    BLACK,
    DEVICE_SPACES,
    Colour,
    colorants,
    colour_space,
    device_colour,
    indexed_colour,
    indexed_space,
    is_pattern,
    tint_colour,
    tint_space,
)
from foidesk.core.release_check.pdf_fonts import FontMetrics, pdf_number
from foidesk.core.release_check.pdf_layers import Layers

Instruction = pikepdf.ContentStreamInstruction | pikepdf.ContentStreamInlineImage
Matrix = tuple[float, float, float, float, float, float]
Rect = tuple[float, float, float, float]  # x0, y0, x1, y1 in default user space (points)

IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
NOTHING: Rect = (math.inf, math.inf, -math.inf, -math.inf)  # a clip that lets nothing through
GLYPH_CENTRE_RISE = 0.33  # of the font size: the middle of a lower-case letter above the baseline
GLYPH_LOW, GLYPH_HIGH = 0.1, 0.6  # of the font size: a strike-through or underline covers neither both
INFLATE_PIECE_BYTES = 1 << 20
STROKE_ONLY_MODES = frozenset({1, 5})  # ISO 32000-1 table 106: text outlined in the stroke colour
MAX_OPERATIONS_PER_PAGE = 500_000  # a real page has thousands; forms nested to multiply them is an attack
SLANT_TOLERANCE = 0.1  # of half the line width: a segment this close to level is drawn as a rectangle
MAX_STROKE_SQUARES = 256  # a slanted stroke is represented by at most this many inscribed squares
PICTURE_SIDE = 256  # pixels: a picture's colours are read at this resolution at most
MAX_MASK_PIXELS = 50_000_000  # a soft mask larger than this is not decoded: its coverage is unknown
MAX_CLIP_PARTS = 64  # rectangles a clip is followed as; past this its bounding box stands for it


# ------------------------------------------------------------------ geometry


def _multiply(m: Matrix, n: Matrix) -> Matrix:
    """m then n (PDF row-vector convention: [x y 1] × m × n)."""
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s, e * p + f * r + t, e * q + f * s + u)


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])


def bounds(points: list[tuple[float, float]]) -> Rect:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return (min(xs), min(ys), max(xs), max(ys))


def _half_width(state: GraphicsState) -> float:
    """Half the stroke's line width in user space (the larger axis scale of the matrix)."""
    a, b, c, d, _, _ = state.ctm
    return state.line_width * max(abs(a) + abs(c), abs(b) + abs(d)) / 2


def _stroke_rects(
    segments: Sequence[tuple[tuple[float, float], tuple[float, float]]], state: GraphicsState
) -> Iterator[Rect]:
    """Rectangles lying within what stroking ``segments`` paints: one per straight line segment.

    Only the band along each segment is painted, not the area a closed outline encloses, so a table
    border around text hides nothing. A horizontal or vertical segment paints exactly its rectangle
    grown by half the line width; a slanted one is represented by the squares inscribed in its band
    (side = width / sqrt 2), a chain of them along the segment, which lies inside what is painted.
    """
    half = _half_width(state)
    for (x0, y0), (x1, y1) in segments:
        dx, dy = x1 - x0, y1 - y0
        if abs(dx) <= SLANT_TOLERANCE * half or abs(dy) <= SLANT_TOLERANCE * half:
            yield (min(x0, x1) - half, min(y0, y1) - half, max(x0, x1) + half, max(y0, y1) + half)
            continue
        side = half * 2 / 2**0.5
        length = (dx * dx + dy * dy) ** 0.5
        steps = min(MAX_STROKE_SQUARES, max(1, int(length / (side / 2))))
        for step in range(steps + 1):
            cx, cy = x0 + dx * step / steps, y0 + dy * step / steps
            yield (cx - side / 2, cy - side / 2, cx + side / 2, cy + side / 2)


def intersection(clip: Rect | None, rect: Rect | None) -> Rect | None:
    """The overlap of two rectangles; ``clip`` None means no clipping. None if they do not meet."""
    if clip is None or rect is None:
        return rect if clip is None else clip
    x0, y0 = max(clip[0], rect[0]), max(clip[1], rect[1])
    x1, y1 = min(clip[2], rect[2]), min(clip[3], rect[3])
    return (x0, y0, x1, y1) if x0 <= x1 and y0 <= y1 else None


def clip_to(clip: Rect | None, rect: Rect) -> Rect:
    """The clip after intersecting with ``rect``: NOTHING (not None, which means no clip) when they do
    not meet, so text clipped twice to rectangles that do not overlap is known to be cut away."""
    return intersection(clip, rect) or NOTHING


def narrowed(parts: tuple[Rect, ...] | None, clip: Rect | None, new: list[Rect]) -> tuple[Rect, ...]:
    """The rectangles left visible after clipping to the union of ``new`` (each pair intersected); the
    clip's bounding box alone when that would be too many rectangles to follow."""
    old = parts if parts is not None else ((clip,) if clip is not None else None)
    pieces = new if old is None else [intersection(a, b) for a in old for b in new]
    kept = tuple(p for p in pieces if p is not None)
    if len(kept) > MAX_CLIP_PARTS:
        return (bounds([(r[0], r[1]) for r in kept] + [(r[2], r[3]) for r in kept]),)
    return kept or (NOTHING,)


def clipped_at(parts: tuple[Rect, ...] | None, x: float, y: float) -> bool:
    """Whether a point is cut away: outside every visible rectangle, or inside only ones thinner than
    text can be read in (a clip of a sliver shows a line, not letters)."""
    if parts is None:
        return False
    return not any(
        r[0] <= x <= r[2] and r[1] <= y <= r[3] and min(r[2] - r[0], r[3] - r[1]) >= MIN_LEGIBLE_POINTS
        for r in parts
    )


def _inverse(m: Matrix) -> Matrix | None:
    """The matrix undoing ``m``; None if ``m`` flattens the plane (nothing is painted then)."""
    a, b, c, d, e, f = m
    det = a * d - b * c
    if abs(det) < 1e-12:
        return None
    ia, ib, ic, id_ = d / det, -b / det, -c / det, a / det
    return (ia, ib, ic, id_, -(e * ia + f * ic), -(e * ib + f * id_))


def _transform_rect(m: Matrix, rect: Rect) -> Rect:
    x0, y0, x1, y1 = rect
    return bounds([_apply(m, x0, y0), _apply(m, x1, y0), _apply(m, x0, y1), _apply(m, x1, y1)])


# ------------------------------------------------------------------ what a page paints


@dataclass(frozen=True, slots=True)
class Glyph:
    order: int
    x: float  # centre of the glyph in user space
    y: float
    low: tuple[float, float]  # near the baseline and near the x-height: a box must cover both to hide it
    high: tuple[float, float]
    height: float
    char: str
    colour: Colour | None
    alpha: float
    render_mode: int
    clipped: bool = False  # its centre lies outside the clipping path, so nothing of it is painted
    horizontal_scale: float = 1.0  # width over height as drawn (Tz, or a squeezed matrix)
    unaccounted: bool = False  # drawn in a spot colour whose look cannot be worked out
    origin: tuple[float, float] = (0.0, 0.0)  # where the glyph starts on its baseline
    end: tuple[float, float] = (0.0, 0.0)  # where the next glyph would start (the advance)
    hidden: bool = False  # in optional content (a layer) that is off, so never shown
    blank: bool = False  # a Type 3 glyph whose procedure paints nothing
    blend: str = "/Normal"  # the blend mode it is painted with


@dataclass(frozen=True, slots=True)
class Mask:
    """Where a soft-masked image is opaque: its alpha per pixel, or None when that cannot be worked out.

    ``to_image`` maps default user space to the image's unit square (the inverse of the matrix the image
    was drawn with); ``alpha`` is rows from the top, 0 transparent .. 1 opaque.
    """

    name: str
    to_image: Matrix | None = None
    alpha: np.ndarray | None = None

    def alpha_at(self, point: tuple[float, float]) -> float | None:
        """The opacity painted at a point; None if unknown (the mask could not be read)."""
        if self.alpha is None or self.to_image is None:
            return None
        u, v = _apply(self.to_image, point[0], point[1])
        if not (0 <= u <= 1 and 0 <= v <= 1):
            return 0.0
        rows, columns = self.alpha.shape
        row, column = min(rows - 1, int((1 - v) * rows)), min(columns - 1, int(u * columns))
        return float(self.alpha[row, column])


class Picture:
    """The colours of a picture, read only when text is drawn on it (to tell black on black).

    Decoded once, by the PDF library, and reduced to at most PICTURE_SIDE pixels a side (each the mean
    of the pixels it stands for); None where it cannot be decoded, which leaves the text judged as on
    a picture of unknown colour, as before.
    """

    def __init__(self, image: pikepdf.Stream, to_image: Matrix | None) -> None:
        self.image = image
        self.to_image = to_image
        self._pixels: np.ndarray | None = None
        self._decoded = False

    def _rgb(self) -> np.ndarray | None:
        if not self._decoded:
            self._decoded = True
            width, height = pdf_number(self.image.get("/Width", 0)), pdf_number(self.image.get("/Height", 0))
            if 0 < width * height <= MAX_MASK_PIXELS:
                try:
                    picture = pikepdf.PdfImage(self.image).as_pil_image().convert("RGB")
                except Exception:  # any decoder failure: the colour stays unknown
                    return None
                picture.thumbnail((PICTURE_SIDE, PICTURE_SIDE))
                self._pixels = np.asarray(picture, dtype=np.float64) / 255
        return self._pixels

    def colour_at(self, point: tuple[float, float]) -> Colour | None:
        pixels = self._rgb() if self.to_image is not None else None
        if pixels is None or self.to_image is None:
            return None
        u, v = _apply(self.to_image, point[0], point[1])
        if not (0 <= u <= 1 and 0 <= v <= 1):
            return None
        rows, columns = pixels.shape[:2]
        red, green, blue = pixels[min(rows - 1, int((1 - v) * rows)), min(columns - 1, int(u * columns))]
        return (float(red), float(green), float(blue))


@dataclass(frozen=True, slots=True)
class PaintedArea:
    order: int
    rect: Rect
    colour: Colour | None  # None: an image, or a pattern: opaque but of no single colour
    alpha: float
    mask: Mask | None = None  # set when only parts of the area are painted (a soft mask)
    picture: Picture | None = None  # an image's colours, read when text lies on it


@dataclass(slots=True)
class PagePaint:
    glyphs: list[Glyph] = field(default_factory=list)
    areas: list[PaintedArea] = field(default_factory=list)
    alternates: list[str] = field(default_factory=list)  # /ActualText, /Alt, /E that differ from the glyphs
    drawn: set[tuple[int, int]] = field(default_factory=set)  # forms and pictures the page draws
    order: int = 0

    def next_order(self) -> int:
        self.order += 1
        return self.order


@dataclass(slots=True)
class GraphicsState:
    ctm: Matrix = IDENTITY
    fill: Colour | None = BLACK
    fill_alpha: float = 1.0
    font: pikepdf.Dictionary | None = None
    font_size: float = 0.0
    char_spacing: float = 0.0
    word_spacing: float = 0.0
    horizontal_scale: float = 1.0
    leading: float = 0.0
    rise: float = 0.0
    render_mode: int = 0
    clip: Rect | None = None  # bounding box of the clipping path; None: the whole page
    clip_parts: tuple[Rect, ...] | None = None  # the rectangles the clip leaves visible; None: no clip
    stroke: Colour | None = BLACK
    fill_space: str = "gray"
    stroke_space: str = "gray"
    stroke_alpha: float = 1.0
    line_width: float = 1.0  # in user space; scaled by the matrix when a path is stroked
    tint_space: pikepdf.Array | None = None  # the fill's Separation or DeviceN space, if it is one
    fill_unaccounted: bool = False  # a spot colour whose look cannot be worked out
    soft_mask: bool = False  # an ExtGState's /SMask: what is painted shows only where the mask lets it
    group_alpha: float = 1.0  # the opacity a transparency group (a form) is composited with, inherited
    blend: str = "/Normal"  # the blend mode (ExtGState /BM)
    indexed: pikepdf.Array | None = None  # the fill's Indexed space, if it is one

    def copy(self) -> GraphicsState:
        return replace(self)


class PageScanner:
    """Runs one page's content (and the forms it draws) and records glyphs and opaque areas in paint order."""

    def __init__(self, limits: InspectionLimits, layers: Layers | None = None) -> None:
        self.paint = PagePaint()
        self.layers = layers or Layers(None)
        self.hidden = 0  # how many enclosing marked-content sequences or forms are in a layer that is off
        self.limits = limits
        self.metrics: dict[int, FontMetrics] = {}
        self.decoded_bytes = 0
        self.operations = 0
        self.parsed: dict[tuple[int, int], list[Instruction]] = {}
        self.depth = 0

    def scan(self, content: object, resources: pikepdf.Dictionary, state: GraphicsState) -> None:
        streams = _content_streams(content)
        for stream in streams:
            self.decoded_bytes += decoded_size(
                stream, self.limits.max_uncompressed_bytes - self.decoded_bytes
            )
        instructions = self._instructions(content)
        stack: list[GraphicsState] = []
        path: list[tuple[float, float]] = []
        segments: list[tuple[tuple[float, float], tuple[float, float]]] = []
        start: tuple[float, float] | None = None
        current: tuple[float, float] | None = None
        clipping = False
        rects: list[Rect] | None = []  # the path as rectangles; None once it has a curve or a slant
        text_matrix = line_matrix = IDENTITY
        marked: list[tuple[bool, str | None, int]] = []  # hidden?, alternate text, glyphs before it
        self.operations += len(instructions)
        if self.operations > MAX_OPERATIONS_PER_PAGE:
            raise CannotInspect("the page draws too many times (forms drawing forms): it cannot be inspected")
        for instruction in instructions:
            if isinstance(instruction, pikepdf.ContentStreamInlineImage):
                self._area(_transform_rect(state.ctm, (0, 0, 1, 1)), None, state)
                continue
            operands: list[object] = list(instruction.operands)
            op = str(instruction.operator)
            if op in ("BMC", "BDC"):
                marked.append(self._begin_marked(operands, resources))
                continue
            if op == "EMC":
                if marked:
                    self._end_marked(marked.pop())
                continue
            if op == "q":
                stack.append(state.copy())
            elif op == "Q" and stack:
                state = stack.pop()
            elif op == "cm" and len(operands) == 6:
                state.ctm = _multiply(tuple(pdf_number(v) for v in operands), state.ctm)  # type: ignore[arg-type]
            elif op in ("g", "rg", "k"):
                state.fill_space = {"g": "gray", "rg": "rgb", "k": "cmyk"}[op]
                state.fill = device_colour(operands, state.fill_space)
                state.tint_space, state.indexed, state.fill_unaccounted = None, None, False
            elif op in ("sc", "scn"):
                if state.indexed is not None:
                    state.fill = indexed_colour(state.indexed, operands, resources)
                    state.fill_unaccounted = state.fill is None
                elif state.tint_space is not None:
                    tints = [pdf_number(v) for v in operands if not isinstance(v, pikepdf.Name)]
                    state.fill = tint_colour(state.tint_space, tints, resources)
                    state.fill_unaccounted = state.fill is None
                else:
                    state.fill = device_colour(operands, state.fill_space)
            elif op == "cs" and operands:
                state.fill_space = colour_space(resources, operands[0])
                state.fill = BLACK if state.fill_space in DEVICE_SPACES else None
                state.tint_space, state.fill_unaccounted = tint_space(resources, operands[0]), False
                state.indexed = indexed_space(resources, operands[0])
                if state.indexed is not None:  # the initial index is 0
                    state.fill = indexed_colour(state.indexed, [0], resources)
                    state.fill_unaccounted = state.fill is None
                if is_pattern(resources, operands[0]):  # a pattern's look is not worked out for text
                    state.fill_unaccounted = True
                if state.tint_space is not None:  # the initial tint is 1.0 for every colorant
                    state.fill = tint_colour(state.tint_space, [1.0] * colorants(state.tint_space), resources)
                    state.fill_unaccounted = state.fill is None
            elif op in ("G", "RG", "K"):
                state.stroke_space = {"G": "gray", "RG": "rgb", "K": "cmyk"}[op]
                state.stroke = device_colour(operands, state.stroke_space)
            elif op in ("SC", "SCN"):
                state.stroke = device_colour(operands, state.stroke_space)
            elif op == "CS" and operands:
                state.stroke_space = colour_space(resources, operands[0])
                state.stroke = BLACK if state.stroke_space in DEVICE_SPACES else None
            elif op == "w" and operands:
                state.line_width = pdf_number(operands[0])
            elif op == "gs" and operands:
                state.fill_alpha = self._alpha(resources, operands[0], "/ca", state.fill_alpha)
                state.stroke_alpha = self._alpha(resources, operands[0], "/CA", state.stroke_alpha)
                state.soft_mask = self._soft_mask(resources, operands[0], state.soft_mask)
                state.blend = self._blend(resources, operands[0], state.blend)
            elif op == "re" and len(operands) == 4:
                x, y, w, h = (pdf_number(v) for v in operands)
                corners = [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]
                points = [_apply(state.ctm, cx, cy) for cx, cy in corners]
                path.extend(points)
                segments.extend(zip(points, points[1:] + points[:1], strict=True))
                start = current = points[0]
                upright = state.ctm[1] == state.ctm[2] == 0 or state.ctm[0] == state.ctm[3] == 0
                rects = [*rects, bounds(points)] if rects is not None and upright else None
            elif op in ("m", "l") and len(operands) == 2:
                rects = None
                point = _apply(state.ctm, pdf_number(operands[0]), pdf_number(operands[1]))
                if op == "l" and current is not None:
                    segments.append((current, point))
                if op == "m" or start is None:
                    start = point
                path.append(point)
                current = point
            elif op in ("c", "v", "y"):
                rects = None
                values = [pdf_number(v) for v in operands]
                points = [_apply(state.ctm, values[i], values[i + 1]) for i in range(0, len(values) - 1, 2)]
                if current is not None:
                    # a curve lies within its control polygon: stroking that polygon is a safe outline
                    segments.extend(zip([current, *points[:-1]], points, strict=True))
                path.extend(points)
                current = points[-1] if points else current
            elif op == "h":
                if start is not None and current is not None:
                    segments.append((current, start))
                current = start
            elif op in ("W", "W*"):
                clipping = True
            elif op in ("f", "F", "f*", "B", "B*", "b", "b*", "n", "S", "s"):
                if op in ("s", "b", "b*") and start is not None and current is not None:
                    segments.append((current, start))
                if path and op not in ("n", "S", "s"):
                    self._area(bounds(path), state.fill, state)
                if op in ("S", "s", "B", "B*", "b", "b*"):
                    # a stroke paints only its outline: a border drawn around text does not cover it
                    for rect in _stroke_rects(segments, state):
                        self._area(rect, state.stroke, state, stroked=True)
                if path and clipping:
                    state.clip_parts = narrowed(state.clip_parts, state.clip, rects or [bounds(path)])
                    state.clip = clip_to(state.clip, bounds(path))
                path, segments, clipping, rects = [], [], False, []
                start = current = None
            elif op == "sh":
                self._area(_transform_rect(state.ctm, (-1e6, -1e6, 1e6, 1e6)), None, state)
            elif op == "Do" and operands:
                self._draw_object(resources, operands[0], state)
            elif op == "BT":
                text_matrix = line_matrix = IDENTITY
            elif op in ("Tf", "Tc", "Tw", "Tz", "TL", "Ts", "Tr"):
                self._text_state(op, operands, state, resources)
            elif op in ("Td", "TD", "Tm", "T*"):
                text_matrix = line_matrix = self._move(op, operands, line_matrix, state)
            elif op in ("Tj", "'", '"', "TJ"):
                if op in ("'", '"'):
                    if op == '"' and len(operands) == 3:
                        state.word_spacing, state.char_spacing = (
                            pdf_number(operands[0]),
                            pdf_number(operands[1]),
                        )
                    text_matrix = line_matrix = self._move("T*", [], line_matrix, state)
                text_matrix = self._show(operands[-1:] if op != "TJ" else operands, text_matrix, state, op)

    def _begin_marked(
        self, operands: Sequence[object], resources: pikepdf.Dictionary
    ) -> tuple[bool, str | None, int]:
        """A marked-content sequence: in a layer that is off (``/OC``)? carrying replacement text?"""
        properties: object = operands[1] if len(operands) == 2 else None
        if isinstance(properties, pikepdf.Name):
            named = resources.get("/Properties")
            properties = named.get(str(properties)) if isinstance(named, pikepdf.Dictionary) else None
        hidden = len(operands) == 2 and str(operands[0]) == "/OC" and not self.layers.visible(properties)
        self.hidden += hidden
        alternate = None
        if isinstance(properties, pikepdf.Dictionary):
            for key in ("/ActualText", "/Alt", "/E"):
                if isinstance(properties.get(key), pikepdf.String):
                    alternate = str(properties[key])
        return hidden, alternate, len(self.paint.glyphs)

    def _end_marked(self, sequence: tuple[bool, str | None, int]) -> None:
        """Replacement text that says something other than the glyphs it stands for is recorded: a copy
        or a screen reader gets it, a reader of the page does not (a ligature's "fi" is the same)."""
        hidden, alternate, first = sequence
        self.hidden -= hidden
        if alternate is not None:
            shown = "".join(g.char for g in self.paint.glyphs[first:] if not g.hidden)
            if _words(alternate) != _words(shown):
                self.paint.alternates.append(alternate)

    def _instructions(self, content: object) -> list[Instruction]:
        """The parsed content, once per form however often it is drawn."""
        key = content.objgen if isinstance(content, pikepdf.Stream) and content.is_indirect else None
        if key is not None and key in self.parsed:
            return self.parsed[key]
        try:
            instructions = list(pikepdf.parse_content_stream(content))  # type: ignore[arg-type]
        except pikepdf.PdfError as error:
            raise CannotInspect(f"a content stream cannot be parsed: {error}") from error
        if key is not None:
            self.parsed[key] = instructions
        return instructions

    def _alpha(self, resources: pikepdf.Dictionary, name: object, key: str, current: float) -> float:
        states = resources.get("/ExtGState")
        if not isinstance(states, pikepdf.Dictionary) or str(name) not in states:
            return current
        gstate = states[str(name)]
        return pdf_number(gstate[key]) if key in gstate else current

    def _blend(self, resources: pikepdf.Dictionary, name: object, current: str) -> str:
        states = resources.get("/ExtGState")
        if not isinstance(states, pikepdf.Dictionary) or str(name) not in states:
            return current
        mode = states[str(name)].get("/BM")
        if isinstance(mode, pikepdf.Array):  # a list of modes: the first the reader knows; judge the first
            mode = mode[0] if len(mode) else None
        return str(mode) if isinstance(mode, pikepdf.Name) else current

    def _soft_mask(self, resources: pikepdf.Dictionary, name: object, current: bool) -> bool:
        states = resources.get("/ExtGState")
        if not isinstance(states, pikepdf.Dictionary) or str(name) not in states:
            return current
        gstate = states[str(name)]
        if "/SMask" not in gstate:
            return current
        return gstate["/SMask"] != pikepdf.Name("/None")

    def _area(
        self,
        rect: Rect,
        colour: Colour | None,
        state: GraphicsState,
        *,
        stroked: bool = False,
        mask: Mask | None = None,
        picture: Picture | None = None,
    ) -> None:
        painted = intersection(state.clip, rect) if not self.hidden else None
        alpha = (state.stroke_alpha if stroked else state.fill_alpha) * state.group_alpha
        if state.soft_mask:
            mask = Mask("a soft mask in the graphics state")  # its shape is not worked out: unknown
        if painted is not None:
            self.paint.areas.append(
                PaintedArea(self.paint.next_order(), painted, colour, alpha, mask, picture)
            )

    def _image_mask(self, image: pikepdf.Stream, name: str, state: GraphicsState) -> Mask | None:
        """None for an opaque image; else where it is opaque, as far as its soft mask can be read.

        An image with a soft mask (a signature with a transparent background) covers only where its
        alpha is opaque; with an explicit /Mask stream, where that stencil paints. A colour-key /Mask,
        alpha inside a JPEG 2000, or a soft mask that cannot be decoded is reported as unknown, which
        the gate turns into a warning, never a pass.
        """
        smask, explicit = image.get("/SMask"), image.get("/Mask")
        if isinstance(explicit, pikepdf.Stream) and not isinstance(smask, pikepdf.Stream):
            return self._samples(explicit, name, state, stencil=True)  # an explicit mask is a stencil
        if not isinstance(smask, pikepdf.Stream):
            if "/Mask" in image or pdf_number(image.get("/SMaskInData", 0)) != 0:
                return Mask(name)
            return None
        return self._samples(smask, name, state, stencil=False)

    def _stencil(self, image: pikepdf.Stream, name: str, state: GraphicsState) -> Mask:
        """Where a stencil mask paints: samples of 0 paint the fill colour, 1 leave the page (ISO 32000-1
        8.9.6.2; /Decode [1 0] turns that round)."""
        return self._samples(image, name, state, stencil=True)

    def _samples(self, stream: pikepdf.Stream, name: str, state: GraphicsState, *, stencil: bool) -> Mask:
        """The opacity a one-component mask gives each pixel; an unknown Mask when it cannot be read."""
        width, height = int(pdf_number(stream.get("/Width", 0))), int(pdf_number(stream.get("/Height", 0)))
        bits = 1 if stencil else int(pdf_number(stream.get("/BitsPerComponent", 0)))
        unknown = Mask(name)
        if width <= 0 or height <= 0 or width * height > MAX_MASK_PIXELS or bits not in (1, 8):
            return unknown
        to_image = _inverse(state.ctm)
        if to_image is None:
            return unknown
        try:
            self.decoded_bytes += decoded_size(
                stream, self.limits.max_uncompressed_bytes - self.decoded_bytes
            )
            data = stream.read_bytes()
        except pikepdf.PdfError:
            return unknown
        row_bytes = width if bits == 8 else (width + 7) // 8
        if len(data) < row_bytes * height:
            return unknown
        rows = np.frombuffer(data[: row_bytes * height], dtype=np.uint8).reshape(height, row_bytes)
        if bits == 8:
            alpha = rows.astype(np.float64) / 255
        else:
            alpha = np.unpackbits(rows, axis=1)[:, :width].astype(np.float64)
        decode = [pdf_number(v) for v in stream.get("/Decode", pikepdf.Array([0, 1]))]
        if stencil and decode not in ([0, 1], [1, 0]):
            # ISO 32000-1 8.9.6.2 allows only these two; readers differ on any other, so the stencil is
            # taken to paint everywhere it is drawn (what it covers is blocked, never passed)
            return Mask(name, to_image, np.ones_like(alpha))
        if len(decode) != 2:
            return unknown
        alpha = np.clip(decode[0] + alpha * (decode[1] - decode[0]), 0.0, 1.0)
        return Mask(name, to_image, 1 - alpha if stencil else alpha)

    def _draw_object(self, resources: pikepdf.Dictionary, name: object, state: GraphicsState) -> None:
        xobjects = resources.get("/XObject")
        if not isinstance(xobjects, pikepdf.Dictionary) or str(name) not in xobjects:
            return
        xobject = xobjects[str(name)]
        subtype = str(xobject.get("/Subtype", ""))
        if xobject.is_indirect:
            self.paint.drawn.add(xobject.objgen)
        hidden = "/OC" in xobject and not self.layers.visible(xobject.get("/OC"))
        self.hidden += hidden
        try:
            if subtype == "/Image":
                self._draw_image(xobject, str(name), state)
            elif subtype == "/Form" and self.depth < self.limits.max_archive_depth * 4:
                self._draw_form(xobject, resources, state)
        finally:
            self.hidden -= hidden

    def _draw_image(self, image: object, name: str, state: GraphicsState) -> None:
        """A picture covers its unit square, where its soft mask lets it; a stencil mask (/ImageMask)
        paints the fill colour where its samples say so, and is judged through the same mask."""
        rect = _transform_rect(state.ctm, (0, 0, 1, 1))
        if not isinstance(image, pikepdf.Stream):
            self._area(rect, None, state, mask=Mask(f"the picture {name}"))
        elif image.get("/ImageMask", False):
            self._area(rect, state.fill, state, mask=self._stencil(image, f"the stencil {name}", state))
        else:
            mask = self._image_mask(image, f"the picture {name}", state)
            self._area(rect, None, state, mask=mask, picture=Picture(image, _inverse(state.ctm)))

    def _draw_form(self, form: pikepdf.Object, resources: pikepdf.Dictionary, state: GraphicsState) -> None:
        """A form's content, placed by its /Matrix and cut to its /BBox (ISO 32000-1 8.10.1)."""
        inner = state.copy()
        group = form.get("/Group")
        if isinstance(group, pikepdf.Dictionary) and group.get("/S") == pikepdf.Name.Transparency:
            inner.group_alpha = state.group_alpha * state.fill_alpha  # the group is composited at this
        if "/Matrix" in form:
            inner.ctm = _multiply(tuple(pdf_number(v) for v in form["/Matrix"]), state.ctm)  # type: ignore[arg-type]
        box = form.get("/BBox")
        if isinstance(box, pikepdf.Array) and len(box) == 4:
            corners = [(pdf_number(box[0]), pdf_number(box[1])), (pdf_number(box[2]), pdf_number(box[3]))]
            box_rect = _transform_rect(inner.ctm, bounds(corners))
            inner.clip_parts = narrowed(inner.clip_parts, inner.clip, [box_rect])
            inner.clip = clip_to(inner.clip, box_rect)
        form_resources = form.get("/Resources", resources)
        if not isinstance(form_resources, pikepdf.Dictionary):
            form_resources = resources
        self.depth += 1
        self.scan(form, form_resources, inner)
        self.depth -= 1

    def _text_state(
        self, op: str, operands: Sequence[object], state: GraphicsState, resources: pikepdf.Dictionary
    ) -> None:
        if op == "Tf" and len(operands) == 2:
            fonts = resources.get("/Font")
            font = fonts.get(str(operands[0])) if isinstance(fonts, pikepdf.Dictionary) else None
            state.font = font if isinstance(font, pikepdf.Dictionary) else None
            state.font_size = pdf_number(operands[1])
        elif operands:
            value = pdf_number(operands[0])
            if op == "Tc":
                state.char_spacing = value
            elif op == "Tw":
                state.word_spacing = value
            elif op == "Tz":
                state.horizontal_scale = value / 100
            elif op == "TL":
                state.leading = value
            elif op == "Ts":
                state.rise = value
            elif op == "Tr":
                state.render_mode = int(value)

    def _move(self, op: str, operands: Sequence[object], line: Matrix, state: GraphicsState) -> Matrix:
        values = [pdf_number(v) for v in operands]
        if op == "Tm" and len(values) == 6:
            return (values[0], values[1], values[2], values[3], values[4], values[5])
        if op in ("Td", "TD") and len(values) == 2:
            if op == "TD":
                state.leading = -values[1]
            return _multiply((1, 0, 0, 1, values[0], values[1]), line)
        return _multiply((1, 0, 0, 1, 0, -state.leading), line)

    def _font_metrics(self, state: GraphicsState) -> FontMetrics:
        key = id(state.font) if state.font is None else state.font.objgen[0] or id(state.font)
        if key not in self.metrics:
            self.metrics[key] = FontMetrics(state.font)
        return self.metrics[key]

    def _show(self, operands: Sequence[object], text_matrix: Matrix, state: GraphicsState, op: str) -> Matrix:
        metrics = self._font_metrics(state)
        items = (
            list(operands[0])
            if op == "TJ" and operands and isinstance(operands[0], pikepdf.Array)
            else operands
        )
        size, scale = state.font_size, state.horizontal_scale
        for item in items:
            if not isinstance(item, pikepdf.String):
                adjust = -pdf_number(item) / 1000 * size * scale
                text_matrix = _multiply((1, 0, 0, 1, adjust, 0), text_matrix)
                continue
            raw = bytes(item)
            for code in metrics.codes(raw):
                advance = metrics.width(code) / 1000
                render = _multiply(
                    (size * scale, 0, 0, size, 0, state.rise), _multiply(text_matrix, state.ctm)
                )
                x, y = _apply(render, advance / 2, GLYPH_CENTRE_RISE)
                low, high = _apply(render, advance / 2, GLYPH_LOW), _apply(render, advance / 2, GLYPH_HIGH)
                bottom, top = _apply(render, 0, 0), _apply(render, 0, 1)
                height = abs(top[1] - bottom[1]) + abs(top[0] - bottom[0])
                squeeze = math.hypot(render[0], render[1]) / max(1e-9, math.hypot(render[2], render[3]))
                char = metrics.char(code)
                self.paint.glyphs.append(
                    Glyph(
                        self.paint.next_order(),
                        x,
                        y,
                        low,
                        high,
                        height,
                        char,
                        state.stroke if state.render_mode in STROKE_ONLY_MODES else state.fill,
                        (state.stroke_alpha if state.render_mode in STROKE_ONLY_MODES else state.fill_alpha)
                        * state.group_alpha,
                        state.render_mode,
                        clipped_at(state.clip_parts, x, y),
                        squeeze,
                        (state.fill_unaccounted and state.render_mode not in STROKE_ONLY_MODES)
                        or state.soft_mask,
                        bottom,
                        _apply(render, advance, 0),
                        self.hidden > 0,
                        code in metrics.blank,
                        state.blend,
                    )
                )
                spacing = state.char_spacing + (
                    state.word_spacing if code == 32 and not metrics.two_byte else 0
                )
                text_matrix = _multiply((1, 0, 0, 1, (advance * size + spacing) * scale, 0), text_matrix)
        return text_matrix


def _words(text: str) -> str:
    return " ".join(text.split())


def _content_streams(content: object) -> list[pikepdf.Stream]:
    if isinstance(content, pikepdf.Page):
        content = content.obj.get("/Contents")
    if isinstance(content, pikepdf.Stream):
        return [content]
    if isinstance(content, pikepdf.Array):
        return [c for c in content if isinstance(c, pikepdf.Stream)]
    return []


def decoded_size(stream: pikepdf.Stream, allowance: int) -> int:
    """How many bytes a Flate stream inflates to, refusing (CannotInspect) past ``allowance``.

    Inflated a piece at a time, so a stream built to inflate to gigabytes (a decompression bomb) is
    stopped at the limit instead of exhausting memory. Other filters are left to the PDF library.
    """
    if stream.get("/Filter") != pikepdf.Name.FlateDecode:
        return 0
    inflater = zlib.decompressobj()
    pending, total = stream.read_raw_bytes(), 0
    while pending:
        try:
            total += len(inflater.decompress(pending, INFLATE_PIECE_BYTES))
        except zlib.error:
            return total  # damaged data is the PDF library's to report
        if total > allowance:
            raise CannotInspect("a content stream inflates beyond the size limit (a decompression bomb)")
        pending = inflater.unconsumed_tail
    return total


def paint_of_page(page: pikepdf.Page, limits: InspectionLimits, layers: Layers | None = None) -> PagePaint:
    """Glyphs and opaque areas of one page, in paint order; CannotInspect if its content cannot be run."""
    resources = page.obj.get("/Resources", pikepdf.Dictionary())
    if not isinstance(resources, pikepdf.Dictionary):
        resources = pikepdf.Dictionary()
    scanner = PageScanner(limits, layers)
    try:
        scanner.scan(page, resources, GraphicsState())
    except (pikepdf.PdfError, ValueError, TypeError, RecursionError) as error:
        raise CannotInspect(f"the page content cannot be read: {error}") from error
    return scanner.paint
