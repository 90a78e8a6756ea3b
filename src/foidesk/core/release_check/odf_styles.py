"""ODF styles resolved the way an OpenDocument reader does: defaults, named styles, automatic styles.

ODF 1.2 16.2 and 16.4: a style's properties come from its own element, then its parent
(``style:parent-style-name``) and so on up, then the family's ``style:default-style``. Named styles live in
``styles.xml``; automatic styles in ``content.xml`` (for the body) or in ``styles.xml`` (for headers and
footers), and an automatic style of ``content.xml`` may share a name with one of ``styles.xml``: the body
reads its own first. A style is keyed by family and name, since a paragraph style and a text style may
have the same name. Shared by the ODT reader and usable for ODS cells (table-cell and table-row families).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from xml.etree.ElementTree import Element

from foidesk.core.release_check.office_colours import MIN_READABLE_POINTS, looks_alike, style_chain

OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
FO = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
LENGTH = re.compile(r"(-?[0-9.]+)(pt|cm|mm|in|pc|px)")
POINTS_PER_UNIT = {"pt": 1.0, "cm": 72 / 2.54, "mm": 72 / 25.4, "in": 72.0, "pc": 12.0, "px": 0.75}
CLIPPED_FRACTION = 0.5  # a row lower than half its text's size cuts the letters off
DEFAULT_SIZE = 12.0  # points: LibreOffice's default when no style gives a size


def points(value: str | None) -> float | None:
    """An ODF length (ODF 1.2 18.3.18) in points; None for percentages and what cannot be read."""
    match = LENGTH.fullmatch(value or "")
    if not match:
        return None
    try:
        return float(match.group(1)) * POINTS_PER_UNIT[match.group(2)]
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class OdtLook:
    """What decides whether ODF text can be seen; None: inherited."""

    hidden: bool | None = None
    colour: str | None = None
    size: float | None = None
    background: str | None = None
    bold: bool | None = None
    italic: bool | None = None
    row_height: float | None = None  # points: an exact row height (table-row family)
    scale: float | None = None  # per cent of the font size actually drawn (a relative size, text-position)
    width: float | None = None  # per cent horizontal scale (style:text-scale)
    spacing: float | None = None  # points between letters (fo:letter-spacing; negative: condensed)

    def over(self, base: OdtLook) -> OdtLook:
        mine = {f.name: getattr(self, f.name) for f in fields(self)}
        return replace(base, **{name: value for name, value in mine.items() if value is not None})

    @property
    def invisible_because(self) -> str:
        """'hidden', 'tiny' or 'white' (the colour of what is behind it), or '' when a reader sees it."""
        if self.hidden:
            return "hidden"
        size = (self.size if self.size is not None else DEFAULT_SIZE) * (self.scale or 100) / 100
        width = size * (self.width or 100) / 100
        if size < MIN_READABLE_POINTS or width < MIN_READABLE_POINTS:
            return "tiny"
        if self.spacing is not None and self.spacing < -width / 2:
            return "tiny"
        if self.row_height is not None and self.row_height < size * CLIPPED_FRACTION:
            return "tiny"
        if looks_alike(self.colour, self.background):
            return "white"
        return ""


def _percent(value: str | None) -> float | None:
    """A percentage ('58%') as a number; None for anything else."""
    if not value or not value.endswith("%"):
        return None
    try:
        return float(value[:-1])
    except ValueError:
        return None


def _position_scale(value: str | None) -> float | None:
    """The size part of ``style:text-position`` ('super 58%'): per cent of the font size drawn."""
    parts = (value or "").split()
    return _percent(parts[1]) if len(parts) == 2 else None


def _background(*elements: Element | None) -> str | None:
    """The first background colour set ('transparent' lets what is behind show, so it sets none)."""
    for element in elements:
        colour = element.get(FO + "background-color") if element is not None else None
        if colour and colour != "transparent":
            return colour
    return None


def own_look(style: Element) -> OdtLook:
    """The properties a style element sets itself (text, paragraph, cell and row properties)."""
    text = style.find(STYLE + "text-properties")
    paragraph = style.find(STYLE + "paragraph-properties")
    cell = style.find(STYLE + "table-cell-properties")
    row = style.find(STYLE + "table-row-properties")
    background = _background(text, paragraph, cell)
    row_height = points(row.get(STYLE + "row-height")) if row is not None else None
    if text is None:
        return OdtLook(background=background, row_height=row_height)
    display = text.get(TEXT + "display")
    weight, posture = text.get(FO + "font-weight"), text.get(FO + "font-style")
    colour = text.get(FO + "color")
    if text.get(STYLE + "use-window-font-color") == "true":
        colour = None  # the window's text colour: black on white, white on black
    size = text.get(FO + "font-size", "")
    return OdtLook(
        hidden=None if display is None else display in ("none", "condition"),
        colour=colour,
        size=points(size),
        scale=_percent(size) or _position_scale(text.get(STYLE + "text-position")),
        width=_percent(text.get(STYLE + "text-scale")),
        spacing=points(text.get(FO + "letter-spacing")),
        background=background,
        bold=None if weight is None else weight == "bold",
        italic=None if posture is None else posture == "italic",
        row_height=row_height,
    )


class OdfStyles:
    """Family and name -> look, through parents to the family's default style."""

    def __init__(self, content: Element | None, styles: Element | None) -> None:
        self.styles: dict[str, tuple[OdtLook, str | None]] = {}
        self.defaults: dict[str, OdtLook] = {}
        self.families: dict[str, str] = {}  # style name -> family, for names used without a family
        for root in (styles, content):  # content.xml last: the body's own automatic styles win
            if root is None:
                continue
            for default in root.iter(STYLE + "default-style"):
                self.defaults[default.get(STYLE + "family", "")] = own_look(default)
            for style in root.iter(STYLE + "style"):
                family = style.get(STYLE + "family", "")
                name = style.get(STYLE + "name", "")
                parent = style.get(STYLE + "parent-style-name")
                self.styles[f"{family}:{name}"] = (own_look(style), f"{family}:{parent}" if parent else None)
                self.families.setdefault(name, family)

    def look(self, name: str | None, family: str | None = None, defaults: bool = True) -> OdtLook:
        """A style's look: its chain, over its family's default style (unless ``defaults`` is False)."""
        family = family or self.families.get(name or "", "")
        result = self.defaults.get(family, OdtLook()) if defaults else OdtLook()
        for look in reversed(style_chain(self.styles, f"{family}:{name}" if name else None)):
            result = look.over(result)
        return result
