"""What a PDF font tells the release gate: each code's advance width, its text, and whether it paints.

Glyph widths come from the font (``/Widths``, ``/W``) or, for the standard fonts used without widths,
from Helvetica's and Courier's metrics; text comes from the ``/ToUnicode`` map (ISO 32000-1 9.10.3), or
Latin-1 for simple fonts. A Type 3 font's glyphs are procedures: one that paints nothing draws text a
copy gets and a reader never sees.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pikepdf

MAX_CMAP_RANGE = 65535  # a bfrange never spans more than the two-byte code space
UNICODE_LIMIT = 0x110000
BFRANGE_ENTRY = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")
DEFAULT_GLYPH_WIDTH = 500  # thousandths of an em, when a font gives no widths
# Helvetica's advance widths (Adobe's Helvetica AFM, thousandths of an em) for codes 32..126; the standard
# 14 fonts may be used without a /Widths array, so the inspector carries the metrics it needs most.
HELVETICA_WIDTHS = (
    [278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278]
    + [556] * 10
    + [278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833]
    + [722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333]
    + [556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278]
    + [556, 500, 722, 500, 500, 500, 334, 260, 334, 584]
)
COURIER_WIDTH = 600


def pdf_number(obj: object) -> float:
    try:
        return float(obj)  # type: ignore[arg-type]  # pikepdf numbers convert; anything else raises
    except (TypeError, ValueError):
        return 0.0


def _hex_text(digits: bytes) -> str:
    raw = bytes.fromhex(digits.decode("ascii"))
    return raw.decode("utf-16-be", errors="replace")


def _unicode_map(stream: pikepdf.Stream) -> dict[int, str]:
    """Code -> text from a ToUnicode CMap's bfchar and bfrange entries (ISO 32000-1 9.10.3)."""
    try:
        data = stream.read_bytes()
    except pikepdf.PdfError:
        return {}
    mapping: dict[int, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        for source, target in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
            mapping[int(source, 16)] = _hex_text(target)
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
        for low, high, target in BFRANGE_ENTRY.findall(block):
            first, start = int(low, 16), int(target, 16)
            for code in range(first, min(int(high, 16), first + MAX_CMAP_RANGE) + 1):
                mapping[code] = chr(start + code - first) if start + code - first < UNICODE_LIMIT else "?"
    return mapping


PAINTING_OPERATORS = frozenset(
    {"f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "Do", "sh", "BI", "INLINE IMAGE"}
    | {"Tj", "TJ", "'", '"'}
)


def _blank_type3_codes(font: pikepdf.Dictionary) -> frozenset[int]:
    """Codes of a Type 3 font whose glyph procedure paints nothing (or is missing): text drawn with
    them is in the file, and copied out, but never seen."""
    procedures = font.get("/CharProcs")
    encoding = font.get("/Encoding")
    differences = encoding.get("/Differences") if isinstance(encoding, pikepdf.Dictionary) else None
    if not isinstance(procedures, pikepdf.Dictionary) or not isinstance(differences, pikepdf.Array):
        return frozenset()
    blank: set[int] = set()
    code = 0
    for item in differences:
        if not isinstance(item, pikepdf.Name):
            code = int(pdf_number(item))
            continue
        procedure = procedures.get(str(item))
        if not isinstance(procedure, pikepdf.Stream) or not _paints(procedure):
            blank.add(code)
        code += 1
    return frozenset(blank)


def _paints(procedure: pikepdf.Stream) -> bool:
    try:
        instructions = pikepdf.parse_content_stream(procedure)
    except pikepdf.PdfError:
        return True  # a damaged procedure is not known to be blank; the renderer's opinion decides
    return any(
        isinstance(i, pikepdf.ContentStreamInlineImage) or str(i.operator) in PAINTING_OPERATORS
        for i in instructions
    )


class FontMetrics:
    """Code -> advance width (thousandths of an em) for one font; two-byte codes for composite fonts."""

    def __init__(self, font: pikepdf.Dictionary | None) -> None:
        self.two_byte = False
        self.widths: dict[int, float] = {}
        self.default = float(DEFAULT_GLYPH_WIDTH)
        self.scale = 1.0
        self.unicode: dict[int, str] = {}
        self.blank: frozenset[int] = frozenset()
        if font is None:
            return
        to_unicode = font.get("/ToUnicode")
        if isinstance(to_unicode, pikepdf.Stream):
            self.unicode = _unicode_map(to_unicode)
        subtype = str(font.get("/Subtype", ""))
        if subtype == "/Type0":
            self._composite(font)
        else:
            self._simple(font, subtype)

    def _composite(self, font: pikepdf.Dictionary) -> None:
        self.two_byte = True
        descendants = font.get("/DescendantFonts")
        if not isinstance(descendants, pikepdf.Array) or len(descendants) == 0:
            return
        cid_font = descendants[0]
        self.default = pdf_number(cid_font.get("/DW", 1000))
        spec = list(cid_font.get("/W", pikepdf.Array()))
        at = 0
        while at + 1 < len(spec):
            first = int(pdf_number(spec[at]))
            if isinstance(spec[at + 1], pikepdf.Array):
                for offset, width in enumerate(spec[at + 1]):
                    self.widths[first + offset] = pdf_number(width)
                at += 2
            elif at + 2 < len(spec):
                last, run_width = int(pdf_number(spec[at + 1])), pdf_number(spec[at + 2])
                for code in range(first, min(last, first + 65535) + 1):
                    self.widths[code] = run_width
                at += 3
            else:
                break

    def _simple(self, font: pikepdf.Dictionary, subtype: str) -> None:
        base = str(font.get("/BaseFont", ""))
        if "/Widths" in font:
            first = int(pdf_number(font.get("/FirstChar", 0)))
            for offset, width in enumerate(font["/Widths"]):
                self.widths[first + offset] = pdf_number(width)
        elif "Helvetica" in base or "Arial" in base:
            self.widths = {32 + i: float(w) for i, w in enumerate(HELVETICA_WIDTHS)}
        elif "Courier" in base:
            self.default = float(COURIER_WIDTH)
        if subtype == "/Type3" and "/FontMatrix" in font:
            self.scale = pdf_number(font["/FontMatrix"][0]) * 1000
        if subtype == "/Type3":
            self.blank = _blank_type3_codes(font)

    def codes(self, raw: bytes) -> Iterator[int]:
        if self.two_byte:
            for at in range(0, len(raw) - 1, 2):
                yield raw[at] << 8 | raw[at + 1]
        else:
            yield from raw

    def char(self, code: int) -> str:
        """The character a code shows, for messages: from /ToUnicode, else Latin-1 for simple fonts."""
        if code in self.unicode:
            return self.unicode[code]
        return chr(code) if not self.two_byte and 32 <= code < 256 else "?"

    def width(self, code: int) -> float:
        return self.widths.get(code, self.default) * self.scale
