"""The labels a reader sees before list paragraphs: Word's numbering and OpenDocument's list styles.

A clean copy rebuilt from a document's text would otherwise lose them, and "see point 3" would point at
nothing. Counting follows ECMA-376 17.9 (DOCX numbering definitions) and ODF 1.2 16.31 (list styles);
what is shown is each item's own level (a "1.2" style showing parent levels is written out for DOCX).
"""

from __future__ import annotations

from collections.abc import Callable
from xml.etree.ElementTree import Element

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
BULLET = "• "
MAX_LEVELS = 10  # Word has nine list levels (0-8), ODF ten (1-10)

ROMAN_NUMERALS = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


def _roman(number: int) -> str:
    out = ""
    for value, letters in ROMAN_NUMERALS:
        while number >= value:
            out, number = out + letters, number - value
    return out


def _letters(number: int) -> str:
    """a..z, then aa, bb.. as Word counts (ECMA-376 17.18.59 lowerLetter)."""
    return chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)


def _upper_letters(number: int) -> str:
    return _letters(number).upper()


def _upper_roman(number: int) -> str:
    return _roman(number).upper()


NUMBER_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "1": str,
    "a": _letters,
    "A": _upper_letters,
    "i": _roman,
    "I": _upper_roman,
    "lowerLetter": _letters,
    "upperLetter": _upper_letters,
    "lowerRoman": _roman,
    "upperRoman": _upper_roman,
}


class DocxNumbering:
    """The labels Word shows before numbered and bulleted paragraphs (ECMA-376 17.9), counted in order."""

    def __init__(self, root: Element | None) -> None:
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}  # (numId, ilvl) -> format, text, start
        self.counters: dict[str, list[int]] = {}
        if root is None:
            return
        abstract = {a.get(W + "abstractNumId", ""): a for a in root.iter(W + "abstractNum")}
        for num in root.iter(W + "num"):
            reference = num.find(W + "abstractNumId")
            definition = abstract.get(reference.get(W + "val", "") if reference is not None else "")
            for level in definition.iter(W + "lvl") if definition is not None else ():
                fmt, text, start = (
                    level.find(W + "numFmt"),
                    level.find(W + "lvlText"),
                    level.find(W + "start"),
                )
                self.levels[(num.get(W + "numId", ""), int(level.get(W + "ilvl", "0")))] = (
                    fmt.get(W + "val", "decimal") if fmt is not None else "decimal",
                    text.get(W + "val", "") if text is not None else "",
                    int(start.get(W + "val", "1")) if start is not None else 1,
                )

    def label(self, properties: Element | None) -> str:
        numbering = properties.find(W + "numPr") if properties is not None else None
        if numbering is None:
            return ""
        num_id, level = numbering.find(W + "numId"), numbering.find(W + "ilvl")
        key = (
            num_id.get(W + "val", "") if num_id is not None else "",
            int(level.get(W + "val", "0")) if level is not None else 0,
        )
        if key not in self.levels:
            return ""
        counters = self.counters.setdefault(key[0], [0] * MAX_LEVELS)
        counters[key[1]] += 1
        counters[key[1] + 1 :] = [0] * (len(counters) - key[1] - 1)
        fmt, text, _ = self.levels[key]
        if fmt == "bullet":
            return BULLET
        if fmt == "none":
            return ""
        for depth in range(key[1] + 1):
            level_format, _, start = self.levels.get((key[0], depth), ("decimal", "", 1))
            value = counters[depth] + start - 1
            shown = NUMBER_FORMATS.get(level_format, NUMBER_FORMATS["decimal"])(value)
            text = text.replace(f"%{depth + 1}", shown)
        return text + " "


class OdtListStyles:
    """Bullets and number formats of each level of each list style (ODF 1.2 16.31)."""

    def __init__(self, content: Element, styles: Element | None) -> None:
        self.levels: dict[tuple[str, int], tuple[str, str, str, int]] = {}  # format, prefix, suffix, start
        for root in (styles, content):
            for list_style in root.iter(TEXT + "list-style") if root is not None else ():
                name = list_style.get(STYLE + "name", "")
                for level in list_style:
                    depth = int(level.get(TEXT + "level", "1"))
                    if level.tag == TEXT + "list-level-style-bullet":
                        self.levels[(name, depth)] = ("bullet", "", "", 1)
                    elif level.tag == TEXT + "list-level-style-number":
                        self.levels[(name, depth)] = (
                            level.get(STYLE + "num-format", ""),
                            level.get(STYLE + "num-prefix", ""),
                            level.get(STYLE + "num-suffix", ""),
                            int(level.get(TEXT + "start-value", "1")),
                        )

    def label(self, style: str | None, level: int, number: int) -> str:
        if style is None or (style, level) not in self.levels:
            return ""
        fmt, prefix, suffix, start = self.levels[(style, level)]
        if fmt == "bullet":
            return BULLET
        if fmt not in NUMBER_FORMATS:
            return ""
        return f"{prefix}{NUMBER_FORMATS[fmt](number + start - 1)}{suffix} "
